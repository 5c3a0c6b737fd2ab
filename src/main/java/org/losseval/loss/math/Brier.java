package org.losseval.loss.math;

/**
 * Brier score of one row, {@code (p − y)²} with a probability p and a label y ∈ {0, 1}: the per-row term
 * of scikit-learn's {@code brier_score_loss} (whose mean, weighted by sample_weight, is the sum of these
 * over the sum of the weights).
 */
public final class Brier {
    private Brier() {}

    /** {@code (p − y)²} */
    public static double of(double p, double y) {
        double d = p - y;
        return d * d;
    }
}
