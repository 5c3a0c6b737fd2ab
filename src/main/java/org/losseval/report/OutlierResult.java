package org.losseval.report;

/**
 * Robust outliers among the residuals r = pred - target: rows with |r - median(r)| &gt; threshold, where
 * threshold = factor &times; 1.4826 &times; MAD and MAD = median(|r - median(r)|), both unweighted (the median
 * of an even count is the mean of the two middle values). With MAD = 0 every row whose residual differs
 * from the median is an outlier: that is the definition, applied as written.
 *
 * @param count how many rows are outliers (a bracket beyond the memory budget)
 */
public record OutlierResult(double factor, Range median, Range mad, Range threshold, Range count) {
    /** 1 / Φ⁻¹(3/4): scales the MAD to the standard deviation of a normal distribution. */
    public static final double NORMAL_MAD_SCALE = 1.4826;
}
