package org.losseval.report;

/**
 * Inference on a (weighted) mean of per-row values x: the estimate, its standard error, Student's t
 * degrees of freedom, the two-sided confidence interval at {@code interval.level()} and the two-sided
 * p-value of the hypothesis "the mean is 0". Produced by {@code accumulate.MeanSums}, which documents the
 * formulas; for paired differences x = l<sub>candidate</sub> - l<sub>baseline</sub> the unweighted case is
 * SciPy's {@code ttest_rel}.
 *
 * @param count            rows with a non-zero weight (every accepted row when unweighted)
 * @param weightSum        Σ w (the count when unweighted)
 * @param mean             Σ w x / Σ w; NaN without weight
 * @param standardError    the standard error of the mean; NaN with fewer than 2 rows
 * @param degreesOfFreedom count - 1
 * @param interval         mean ± t<sub>1-α/2, df</sub> · standardError; NaN ends when undefined
 * @param pValue           2 · P(T<sub>df</sub> &ge; |mean / standardError|); NaN when the mean and its
 *                         standard error are both 0 (as SciPy), or undefined
 */
public record MeanEstimate(long count, double weightSum, double mean, double standardError,
                           double degreesOfFreedom, ConfidenceInterval interval, double pValue) {}
