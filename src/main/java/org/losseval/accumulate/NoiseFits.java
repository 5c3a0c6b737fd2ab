package org.losseval.accumulate;

import org.losseval.loss.ResidualScale;
import org.losseval.report.NoiseFit;
import org.losseval.report.OutlierResult;

/**
 * The noise figures of a set of residuals ({@link NoiseFit}): a Gaussian and a Laplace fit by maximum
 * likelihood and their mean log-likelihoods, the excess kurtosis, the robust outliers (the rule of
 * {@link OutlierResult}: |r - median| &gt; factor × 1.4826 × MAD) and their share of Σ r², and the Huber δ of
 * 95% Gaussian efficiency, 1.345 × 1.4826 × MAD (Huber, "Robust Statistics", 1981, §4.6).
 *
 * <p>Why these: MSE is the negative log-likelihood of Gaussian noise and MAE of Laplace noise (up to
 * constants), so comparing the two fitted likelihoods turns "MSE assumes Gaussian noise, MAE Laplace" into
 * a measurement on the user's residuals. The kurtosis and the outliers' share of the squared error say
 * how much a few rows would steer an MSE fit.
 *
 * <p>Algorithm: the median and MAD from {@link ResidualSample#result()} (exact selection), then one pass
 * over the kept residuals with exact sums of r, (r - μ)², (r - μ)⁴, |r - m|, r² and the outliers' r². Each
 * power is rounded once before it is summed, so the figures are the same bits for any order of the rows.
 * Unweighted: they describe the residuals, as the MAD of huber:delta=mad does. Cost: the sample's 8 bytes
 * a row plus one copy while the median is selected. Edge cases: no rows give NaN; σ = 0 (every residual
 * equal) gives a Gaussian log-likelihood of +∞ and a NaN kurtosis, b = 0 a Laplace one of +∞.
 */
public final class NoiseFits {
    private NoiseFits() {}

    public static NoiseFit of(ResidualSample sample, double outlierFactor) {
        long n = sample.size();
        ResidualScale scale = sample.result();
        double median = scale.median();
        double mad = scale.mad();
        if (n == 0) {
            return new NoiseFit(0, Double.NaN, Double.NaN, Double.NaN, median, mad, outlierFactor, 0, Double.NaN, Double.NaN);
        }
        ExactSum sum = new ExactSum();
        sample.forEachBlock((r, w, k) -> sum.addAll(r, k));
        double mean = sum.value() / n;
        double threshold = outlierFactor * OutlierResult.NORMAL_MAD_SCALE * mad;
        ExactSum second = new ExactSum();
        ExactSum fourth = new ExactSum();
        ExactSum absolute = new ExactSum();
        ExactSum squares = new ExactSum();
        ExactSum outlierSquares = new ExactSum();
        long[] outliers = {0};
        sample.forEachBlock((r, w, k) -> {
            for (int i = 0; i < k; i++) {
                double d = r[i] - mean;
                double d2 = d * d;
                second.add(d2);
                fourth.add(d2 * d2);
                absolute.add(Math.abs(r[i] - median));
                double sq = r[i] * r[i];
                squares.add(sq);
                if (Math.abs(r[i] - median) > threshold) {
                    outliers[0]++;
                    outlierSquares.add(sq);
                }
            }
        });
        double variance = second.value() / n;
        double b = absolute.value() / n;
        double gaussian = -0.5 * (Math.log(2 * Math.PI * variance) + 1);
        double laplace = -(Math.log(2 * b) + 1);
        double kurtosis = fourth.value() / n / (variance * variance) - 3;
        double total = squares.value();
        double share = total > 0 ? outlierSquares.value() / total : 0.0;
        return new NoiseFit(n, gaussian, laplace, kurtosis, median, mad, outlierFactor, outliers[0], share,
                NoiseFit.HUBER_95_EFFICIENCY * OutlierResult.NORMAL_MAD_SCALE * mad);
    }
}
