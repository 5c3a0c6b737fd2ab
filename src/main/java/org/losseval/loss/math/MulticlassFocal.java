package org.losseval.loss.math;

/**
 * Multi-class focal loss of one row (Lin et al. 2017, eq. 5, with a softmax in place of the sigmoid):
 * <pre>
 *   loss = −α_y·(1 − p_y)^γ·log p_y,    p = softmax(z)
 * </pre>
 * with optional per-class α (null: α_y = 1). γ = 0 and no α gives {@link CrossEntropy#fromLogits(double[][],
 * int, int)}. PyTorch has no built-in; the reference is these torch ops on log_softmax.
 *
 * <p>Numerics: {@code log p_y} comes from {@link LogSoftmax} with full relative precision, and
 * {@code 1 − p_y = −expm1(log p_y)}, so a confident correct row (p_y = 1 − 1e-20) gets (1e-20)^γ·1e-20
 * instead of the 0 that {@code 1 − softmax(z)_y} rounds to.
 */
public final class MulticlassFocal {
    private MulticlassFocal() {}

    /**
     * @param classAlpha per-class α, or null for none
     */
    public static double fromLogits(double[][] logits, int row, int label, double gamma, double[] classAlpha) {
        int k = LogSoftmax.argmax(logits, row);
        double logP = LogSoftmax.logProbability(logits, row, label, k, LogSoftmax.rest(logits, row, k, 1.0), 1.0);
        double loss = StrictMath.pow(-StrictMath.expm1(logP), gamma) * -logP;
        return classAlpha == null ? loss : classAlpha[label] * loss;
    }
}
