package org.losseval.loss;

/**
 * Robust statistics of the residuals (pred - target) of all rows used in a run.
 *
 * @param median the median residual
 * @param mad    the median absolute deviation from the median, unscaled: median(|r - median(r)|)
 */
public record ResidualScale(double median, double mad) {}
