package org.losseval.loss;

/** The rule r2 and explained variance share, scikit-learn's {@code _assemble_r2_explained_variance}. */
final class MomentLosses {
    private MomentLosses() {}

    /**
     * 1 - numerator / denominator, with scikit-learn's {@code force_finite=True}: a zero numerator gives 1
     * (a perfect fit), a zero denominator with a nonzero numerator gives 0.
     */
    static double oneMinusRatio(double numerator, double denominator) {
        if (numerator == 0) return 1.0;
        if (denominator == 0) return 0.0;
        return 1 - numerator / denominator;
    }
}
