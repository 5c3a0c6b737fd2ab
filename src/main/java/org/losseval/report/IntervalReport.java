package org.losseval.report;


/**
 * The figures of one prediction interval ({@code --interval LOWER:UPPER[@nominal]}).
 *
 * @param lower               the lower-bound column
 * @param upper               the upper-bound column
 * @param nominalFromQuantiles whether the nominal coverage was derived from the two --quantile levels
 * @param result              coverage, its confidence interval and binomial p-value, width and interval score
 */
public record IntervalReport(String lower, String upper, boolean nominalFromQuantiles, IntervalResult result) {
    /** The name used in figures and reports, e.g. "p10:p90". */
    public String name() { return lower + ":" + upper; }
}
