package org.losseval.loss.math;

/**
 * Binary margin losses over a real score {@code s} and a label {@code y ∈ {−1, +1}}:
 * <pre>
 *   hinge(s, y)         = max(0, 1 − y·s)           scikit-learn hinge_loss (per row), PyTorch-free
 *   squared_hinge(s, y) = max(0, 1 − y·s)²          as in scikit-learn's LinearSVC(loss='squared_hinge')
 * </pre>
 * Inputs labelled 0/1 are mapped with {@link #signedLabel} (0 → −1, 1 → +1), which is what
 * scikit-learn's {@code hinge_loss} does with its {@code LabelBinarizer(neg_label=−1)}. With y = ±1 the
 * product y·s is exact, so the only rounding is the subtraction.
 */
public final class MarginLosses {
    private MarginLosses() {}

    /** Maps a 0/1 label to −1/+1 ({@code 2y − 1}); the caller checks the label is 0 or 1 first. */
    public static double signedLabel(double label01) {
        return 2 * label01 - 1;
    }

    /** {@code max(0, 1 − y·s)}, y = ±1. */
    public static double hinge(double score, double signedLabel) {
        return Math.max(0, 1 - signedLabel * score);
    }

    /** {@code max(0, 1 − y·s)²}, y = ±1. */
    public static double squaredHinge(double score, double signedLabel) {
        double h = hinge(score, signedLabel);
        return h * h;
    }
}
