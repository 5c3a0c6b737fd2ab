package org.losseval.loss.math;

/**
 * PyTorch {@code MultiMarginLoss(p, margin, weight)} of one row (aten/src/ATen/native/
 * MultiMarginCriterion.cpp), the multi-class hinge:
 * <pre>
 *   loss = Σ_{i≠y} w_y·max(0, margin − x_y + x_i)^p / C,     p ∈ {1, 2}
 * </pre>
 * The class weight multiplies each term <em>after</em> the power, as PyTorch's kernel does (its
 * documentation writes {@code max(0, w_y (margin − x_y + x_i))^p}, which differs for p = 2). PyTorch's
 * mean divides by the number of rows, not by a sum of weights (denominator 1 per row). The term is
 * evaluated as {@code (margin − x_y) + x_i} in PyTorch's order.
 */
public final class MultiMargin {
    private MultiMargin() {}

    /**
     * @param p            1 or 2
     * @param classWeights per-class weights, or null for none
     */
    public static double of(double[][] scores, int row, int label, int p, double margin, double[] classWeights) {
        if (p != 1 && p != 2) throw new IllegalArgumentException("multi_margin p must be 1 or 2, got " + p);
        double base = margin - scores[label][row];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (i == label) continue;
            double z = base + scores[i][row];
            if (z > 0) sum += p == 1 ? z : z * z;
        }
        if (classWeights != null) sum *= classWeights[label];
        return sum / scores.length;
    }
}
