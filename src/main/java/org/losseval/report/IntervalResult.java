package org.losseval.report;


/**
 * The figures of one prediction interval (computed by {@code accumulate.IntervalState}); fractions of {@code rows}, NaN without rows.
 *
 * @param coverageInterval the Clopper–Pearson interval of the coverage
 * @param pValue           the exact two-sided binomial p-value of {@code covered} against {@code nominal}
 */
public record IntervalResult(double nominal, long rows, long covered, long below, long above, double coverage,
                             double fractionBelow, double fractionAbove, double meanWidth, double meanScore,
                             ConfidenceInterval coverageInterval, double pValue) {}
