package org.losseval.report;

/**
 * The uncertainty of Δ = candidate - baseline on the same rows.
 *
 * @param method   {@link #PAIRED_T} (closed form from the paired row differences) or {@link #BOOTSTRAP}
 *                 (a percentile interval of a Poisson bootstrap)
 * @param interval the two-sided confidence interval of Δ
 * @param pValue   the two-sided p-value of "Δ = 0"
 * @param rows     rows the inference rests on (for the bootstrap: the rows with a non-zero weight)
 */
public record DifferenceInference(String method, ConfidenceInterval interval, double pValue, long rows) {
    public static final String PAIRED_T = "paired_t";
    public static final String BOOTSTRAP = "bootstrap";
}
