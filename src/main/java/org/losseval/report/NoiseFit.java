package org.losseval.report;

/**
 * What the residuals r = pred - target of a regression say about its noise (computed by
 * {@code accumulate.NoiseFits}), the figures {@code losseval advise} rests on.
 *
 * @param rows               residuals
 * @param gaussianLogLik     the mean log-likelihood per row of the Gaussian fit by maximum likelihood,
 *                           μ = mean(r), σ² = mean((r - μ)²): -½ (log(2π σ²) + 1)
 * @param laplaceLogLik      ... of the Laplace fit, m = median(r), b = mean(|r - m|): -(log(2b) + 1)
 * @param excessKurtosis     mean((r - μ)⁴) / σ⁴ - 3: 0 for Gaussian noise, 3 for Laplace, more for heavier tails
 * @param median             median(r)
 * @param mad                median(|r - median(r)|), unscaled
 * @param outlierFactor      a robust outlier has |r - median| &gt; outlierFactor × 1.4826 × MAD
 * @param outlierRows        how many rows are robust outliers
 * @param outlierMseShare    the share of Σ r² (so of MSE) the robust outliers hold
 * @param huberDelta         1.345 × 1.4826 × MAD: Huber's δ with 95% efficiency under Gaussian noise
 */
public record NoiseFit(long rows, double gaussianLogLik, double laplaceLogLik, double excessKurtosis, double median,
                       double mad, double outlierFactor, long outlierRows, double outlierMseShare, double huberDelta) {

    /** Huber's tuning constant for 95% asymptotic efficiency at the normal (Huber 1981; Holland and Welsch 1977). */
    public static final double HUBER_95_EFFICIENCY = 1.345;
}
