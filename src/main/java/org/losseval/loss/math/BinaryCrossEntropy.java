package org.losseval.loss.math;

/**
 * Binary cross-entropy from a probability or from a logit.
 *
 * <p><b>From a probability</b> {@code p} and a label {@code y} (PyTorch {@code F.binary_cross_entropy},
 * aten/src/ATen/native/Loss.cpp): each log term is clamped at −100 before it is weighted,
 * <pre>
 *   bce(p, y) = −( y·max(log p, −100) + (1 − y)·max(log(1 − p), −100) )
 * </pre>
 * so {@code p = 0, y = 1} gives 100, never infinity, and {@code p = 0, y = 0} gives 0, not 0·(−inf) = NaN.
 * A row counts as <em>clamped</em> ({@link #clamps}) when a log term with a non-zero weight fell below
 * −100, i.e. exactly when the clamp changed the value (p ≤ e⁻¹⁰⁰ ≈ 3.7e-44 with y &gt; 0, or p = 1 with
 * y &lt; 1). {@code log(1 − p)} is computed as {@code log1p(−p)}: the same value as PyTorch's wherever
 * PyTorch's is accurate, and full relative precision for tiny p (p = 1e-10, y = 0 gives 1.00000000005e-10).
 *
 * <p><b>From a logit</b> {@code z} (PyTorch {@code F.binary_cross_entropy_with_logits}, optional
 * {@code pos_weight}): PyTorch's formula is {@code (1 − y)·z + (1 + (pw − 1)·y)·softplus(−z)}; this class
 * evaluates the algebraically equal
 * <pre>
 *   bce_logits(z, y; pw) = (1 − y)·softplus(z) + pw·y·softplus(−z),   softplus(x) = max(x, 0) + log1p(exp(−|x|))
 * </pre>
 * a sum of non-negative terms, so nothing cancels (with pw = 1 and y ∈ {0, 1} it is the textbook
 * {@code max(z, 0) − z·y + log1p(exp(−|z|))}, bit for bit). Logit 100 with label 0 gives exactly 100
 * where sigmoid-then-log gives infinity; logit −40 with label 0 gives 4.25e-18 where PyTorch's
 * {@code log(exp(−m) + exp(−z − m))} rounds to 0. Labels may be any value in [0, 1] (soft labels), as in
 * PyTorch.
 */
public final class BinaryCrossEntropy {
    private BinaryCrossEntropy() {}

    /** PyTorch's floor for each log term of the probability form. */
    public static final double LOG_CLAMP = -100.0;

    /** {@code −(y·max(log p, −100) + (1 − y)·max(log(1 − p), −100))}; p and y in [0, 1]. */
    public static double fromProbability(double p, double y) {
        double logP = Math.max(StrictMath.log(p), LOG_CLAMP);
        double logNotP = Math.max(StrictMath.log1p(-p), LOG_CLAMP);
        // written as a sum of (weight × −log) so p = 0, y = 0 gives +0.0, not −0.0
        return y * -logP + (1 - y) * -logNotP;
    }

    /** Whether the clamp at −100 changed {@link #fromProbability}: a log term with non-zero weight fell below it. */
    public static boolean clamps(double p, double y) {
        return (y != 0 && StrictMath.log(p) < LOG_CLAMP) || (y != 1 && StrictMath.log1p(-p) < LOG_CLAMP);
    }

    /** {@code softplus(x) = log(1 + exp(x))} without overflow: {@code max(x, 0) + log1p(exp(−|x|))}. */
    public static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    /** {@code 1 / (1 + exp(−x))}, evaluated so that the exponent is never positive. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + StrictMath.exp(-x));
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    /** PyTorch {@code binary_cross_entropy_with_logits} without pos_weight. */
    public static double fromLogit(double z, double y) {
        return fromLogit(z, y, 1.0);
    }

    /** PyTorch {@code binary_cross_entropy_with_logits(pos_weight = posWeight)}: {@code (1 − y)·softplus(z) + pw·y·softplus(−z)}. */
    public static double fromLogit(double z, double y, double posWeight) {
        // skip the inactive term so a hard label costs one softplus
        double loss = 0;
        if (y != 1) loss += (1 - y) * softplus(z);
        if (y != 0) loss += posWeight * y * softplus(-z);
        return loss;
    }

    /**
     * Batch form of {@link #fromProbability}: {@code out[i] = bce(p[i], y[i])} for i in [0, n).
     *
     * @return how many of the n rows were {@linkplain #clamps clamped}
     */
    public static int fromProbability(double[] p, double[] y, double[] out, int n) {
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            double pi = p[i], yi = y[i];
            out[i] = fromProbability(pi, yi);
            if (clamps(pi, yi)) clamped++;
        }
        return clamped;
    }

    /** Batch form of {@link #fromLogit(double, double, double)}: {@code out[i] = bce_logits(z[i], y[i]; pw)}. */
    public static void fromLogit(double[] z, double[] y, double posWeight, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = fromLogit(z[i], y[i], posWeight);
    }
}
