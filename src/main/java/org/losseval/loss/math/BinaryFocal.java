package org.losseval.loss.math;

/**
 * Binary focal loss (Lin et al. 2017, "Focal Loss for Dense Object Detection"), following torchvision
 * {@code torchvision.ops.sigmoid_focal_loss} (torchvision/ops/focal_loss.py):
 * <pre>
 *   p = sigmoid(z),  ce = bce_with_logits(z, y),  p_t = p·y + (1 − p)(1 − y)
 *   loss = ce·(1 − p_t)^γ                    then, if α ≥ 0:  loss = α_t·loss,  α_t = α·y + (1 − α)(1 − y)
 * </pre>
 * α = −1 (any negative α) switches the class weighting off, as in torchvision; torchvision's defaults are
 * α = 0.25, γ = 2. With γ = 0 and α off the loss is {@link BinaryCrossEntropy#fromLogit}. The seed's
 * numbers with γ = 2, α off: p_t = 0.95 gives 0.0025·0.0513 = 0.000128; p_t = 0.10 gives 0.81·2.303 = 1.865.
 *
 * <p>Numerics: torchvision computes {@code 1 − p_t} by subtraction, which is 0 for a logit of 40 and
 * label 1 (sigmoid rounds to 1) although the true factor is 4e-18. Here
 * {@code 1 − p_t = y·sigmoid(−z) + (1 − y)·sigmoid(z)}, the same quantity as a sum of non-negative terms,
 * so it keeps full relative precision; the loss differs from torchvision's only where torchvision's has
 * no correct digits and both are below 1e-16·ce.
 *
 * <p>{@link #fromProbability} is the same formula with {@code ce} the clamped
 * {@link BinaryCrossEntropy#fromProbability} and {@code 1 − p_t = y(1 − p) + (1 − y)p}; its clamped rows
 * are the rows {@link BinaryCrossEntropy#clamps} reports. {@code pow(0, 0) = 1}, as in PyTorch, so γ = 0
 * with p_t = 1 still gives ce.
 */
public final class BinaryFocal {
    private BinaryFocal() {}

    /** The α that switches the class weighting off (torchvision: any α &lt; 0). */
    public static final double NO_ALPHA = -1.0;

    /** torchvision {@code sigmoid_focal_loss} of one logit {@code z} with label {@code y}. */
    public static double fromLogit(double z, double y, double gamma, double alpha) {
        double ce = BinaryCrossEntropy.fromLogit(z, y);
        double notPt = y * BinaryCrossEntropy.sigmoid(-z) + (1 - y) * BinaryCrossEntropy.sigmoid(z);
        return weighted(ce * StrictMath.pow(notPt, gamma), y, alpha);
    }

    /** The same focal formula from a probability {@code p} (ce clamped as in PyTorch's binary_cross_entropy). */
    public static double fromProbability(double p, double y, double gamma, double alpha) {
        double ce = BinaryCrossEntropy.fromProbability(p, y);
        double notPt = y * (1 - p) + (1 - y) * p;
        return weighted(ce * StrictMath.pow(notPt, gamma), y, alpha);
    }

    private static double weighted(double loss, double y, double alpha) {
        if (alpha < 0) return loss;
        return (alpha * y + (1 - alpha) * (1 - y)) * loss;
    }

    /** Batch form of {@link #fromLogit}. */
    public static void fromLogit(double[] z, double[] y, double gamma, double alpha, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = fromLogit(z[i], y[i], gamma, alpha);
    }

    /**
     * Batch form of {@link #fromProbability}.
     *
     * @return how many rows were clamped (see {@link BinaryCrossEntropy#clamps})
     */
    public static int fromProbability(double[] p, double[] y, double gamma, double alpha, double[] out, int n) {
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            double pi = p[i], yi = y[i];
            out[i] = fromProbability(pi, yi, gamma, alpha);
            if (BinaryCrossEntropy.clamps(pi, yi)) clamped++;
        }
        return clamped;
    }
}
