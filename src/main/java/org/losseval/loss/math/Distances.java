package org.losseval.loss.math;

/**
 * Distances between two embedding rows ({@code x[k][row]} is dimension k).
 *
 * <p>{@link #euclidean} is the plain {@code ‖x1 − x2‖₂}; when the sum of squares overflows or falls
 * below 2⁻⁹⁰⁰ (where squares of small differences lose digits to underflow) it is recomputed scaled by
 * the largest |difference|, so 1e200-sized and 1e-200-sized embeddings give correct distances.
 *
 * <p>{@link #pairwise} is PyTorch {@code F.pairwise_distance(x1, x2, p, eps)}, which adds eps to the
 * difference before taking the norm: {@code ‖x1 − x2 + eps‖_p} (aten/src/ATen/native/Distance.cpp), so
 * the distance of a row to itself is {@code eps·D^(1/p)}, not 0, and the argument order matters.
 */
public final class Distances {
    private Distances() {}

    private static final double SMALL_SUM = 0x1p-900;

    /** {@code ‖x1 − x2‖₂} of one row. */
    public static double euclidean(double[][] x1, double[][] x2, int row) {
        return norm2(x1, x2, row, 0);
    }

    /** PyTorch {@code pairwise_distance}: {@code (Σ_k |x1_k − x2_k + eps|^p)^(1/p)}, p &gt; 0. */
    public static double pairwise(double[][] x1, double[][] x2, int row, double p, double eps) {
        if (p == 2) return norm2(x1, x2, row, eps);
        double sum = 0;
        for (int k = 0; k < x1.length; k++) {
            double d = Math.abs(x1[k][row] - x2[k][row] + eps);
            sum += p == 1 ? d : StrictMath.pow(d, p);
        }
        return p == 1 ? sum : StrictMath.pow(sum, 1 / p);
    }

    private static double norm2(double[][] x1, double[][] x2, int row, double eps) {
        double sum = 0;
        for (int k = 0; k < x1.length; k++) {
            double d = x1[k][row] - x2[k][row] + eps;
            sum += d * d;
        }
        if (sum >= SMALL_SUM && sum < Double.POSITIVE_INFINITY) return Math.sqrt(sum);
        // rare (a zero sum included: squares of 1e-170 underflow to 0): rescale by the largest |difference|
        double max = 0;
        for (int k = 0; k < x1.length; k++) max = Math.max(max, Math.abs(x1[k][row] - x2[k][row] + eps));
        if (max == 0 || max == Double.POSITIVE_INFINITY) return max;
        double scaled = 0;
        for (int k = 0; k < x1.length; k++) {
            double d = (x1[k][row] - x2[k][row] + eps) / max;
            scaled += d * d;
        }
        return max * Math.sqrt(scaled);
    }
}
