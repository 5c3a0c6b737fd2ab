package org.losseval.report;

/**
 * The calibration of a classifier's confidences (computed by {@code accumulate.CalibrationBins}).
 *
 * @param rows           rows counted
 * @param ece            the expected calibration error: Σ_b (n_b / n) |accuracy_b - confidence_b| over the
 *                       equal-width bins; NaN with no rows
 * @param meanConfidence the mean confidence
 * @param accuracy       the share of rows whose outcome was a hit (the predicted class was the label)
 */
public record Calibration(long rows, double ece, double meanConfidence, double accuracy) {
    /** Whether the model is more confident than it is right, on average. */
    public boolean overConfident() { return meanConfidence > accuracy; }
}
