package org.losseval.report;

/**
 * Robust outliers among the residuals r = pred - target: rows with |r - median(r)| &gt; threshold, where
 * threshold = factor &times; 1.4826 &times; MAD and MAD = median(|r - median(r)|), both unweighted (the median
 * of an even count is the mean of the two middle values). With MAD = 0 every row whose residual differs
 * from the median is an outlier: that is the definition, applied as written.
 *
 * <p>{@link #side} is the rule itself, the one place it is written: the exact figures, the bracketed ones and
 * the per-row flag of {@code --rows-out} all apply it.
 *
 * @param count how many rows are outliers (a bracket beyond the memory budget)
 */
public record OutlierResult(double factor, Range median, Range mad, Range threshold, Range count) {
    /** 1 / Φ⁻¹(3/4): scales the MAD to the standard deviation of a normal distribution. */
    public static final double NORMAL_MAD_SCALE = 1.4826;

    /** Which side of the threshold a residual (or a bracket of residuals) is on. */
    public enum Side {
        /** |r - median| &gt; threshold for every value in the brackets. */
        OUTLIER,
        /** |r - median| &le; threshold for every value in the brackets. */
        INLIER,
        /** The brackets allow both, or a figure is undefined (NaN). */
        EITHER
    }

    /**
     * The rule: whether every residual in [lo, hi] is an outlier for every median and threshold in their
     * brackets. With exact figures and lo = hi = r it is exactly |r - median| &gt; threshold.
     */
    public static Side side(double lo, double hi, Range median, Range threshold) {
        if (nearestDistance(lo, hi, median) > threshold.high()) return Side.OUTLIER;
        if (Math.max(hi - median.low(), median.high() - lo) <= threshold.low()) return Side.INLIER;
        return Side.EITHER;
    }

    /** The side of one row's residual under this run's median and threshold. */
    public Side side(double residual) {
        return side(residual, residual, median, threshold);
    }

    /** The smallest |r - m| for r in [lo, hi] and m in the median's bracket. */
    public static double nearestDistance(double lo, double hi, Range median) {
        if (lo > median.high()) return lo - median.high();
        if (hi < median.low()) return median.low() - hi;
        return 0;
    }
}
