package org.losseval.accumulate;

import org.losseval.report.ConfidenceInterval;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Inference on a binomial proportion (k successes in n trials): the exact two-sided binomial test and the
 * Clopper&ndash;Pearson confidence interval, with Apache Commons Math 3.
 *
 * <p>The two-sided p-value follows {@code scipy.stats.binomtest} (SciPy 1.10): the sum of the probabilities
 * of every outcome no more likely than the observed one, where "no more likely" allows SciPy's relative
 * tolerance: P(X = i) &le; P(X = k) &times; (1 + 10<sup>-7</sup>). As in SciPy the outcomes on the far
 * side of the mode are found by binary search (the pmf is monotone on each side), so the cost is
 * O(log n) pmf evaluations. Tails are regularized incomplete beta functions, P(X &le; k) =
 * I<sub>1-p</sub>(n - k, k + 1) and P(X &ge; k) = I<sub>p</sub>(k, n - k + 1), so tiny p-values keep their
 * relative accuracy (1 - cdf would not).
 *
 * <p>Clopper&ndash;Pearson: [B(&alpha;/2; k, n - k + 1), B(1 - &alpha;/2; k + 1, n - k)] with B the beta
 * quantile, 0 when k = 0 and 1 when k = n. It is the interval that inverts the exact test (SciPy's
 * {@code proportion_ci(method="exact")}); it is conservative, its coverage is at least the level.
 *
 * <p>n is limited to {@link Integer#MAX_VALUE} by Commons Math's binomial distribution.
 */
public final class BinomialInference {
    /** SciPy's relative tolerance on "as likely as the observed outcome". */
    static final double RELATIVE_TOLERANCE = 1e-7;
    /** Absolute accuracy of the beta quantiles (Commons Math's default is 1e-9). */
    private static final double QUANTILE_ACCURACY = 1e-14;

    private BinomialInference() {}

    /** The exact two-sided p-value of k successes in n trials against success probability p. */
    public static double twoSidedPValue(long k, long n, double p) {
        check(k, n);
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        int trials = Math.toIntExact(n);
        int successes = (int) k;
        BinomialDistribution binomial = new BinomialDistribution(null, trials, p);
        double d = binomial.probability(successes) * (1 + RELATIVE_TOLERANCE);
        double expected = p * n;
        double pValue;
        if (successes == expected) {
            pValue = 1.0;
        } else if (successes < expected) {
            // the first i above the mode with pmf(i) <= d; every outcome from there to n is as unlikely
            int i = firstAtMost(binomial, d, (int) Math.ceil(expected), trials);
            pValue = lowerTail(successes, trials, p) + upperTail(i, trials, p);
        } else {
            // the last i below the mode with pmf(i) <= d; every outcome from 0 to there is as unlikely
            int i = lastAtMost(binomial, d, 0, (int) Math.floor(expected));
            pValue = lowerTail(i, trials, p) + upperTail(successes, trials, p);
        }
        return Math.min(1.0, pValue);
    }

    /** The Clopper–Pearson interval of the proportion k / n at the given confidence (e.g. 0.95). */
    public static ConfidenceInterval clopperPearson(long k, long n, double confidence) {
        check(k, n);
        if (n == 0) return new ConfidenceInterval(confidence, Double.NaN, Double.NaN);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        double alpha = 1 - confidence;
        double low = k == 0 ? 0.0
                : new BetaDistribution(null, k, n - k + 1, QUANTILE_ACCURACY).inverseCumulativeProbability(alpha / 2);
        double high = k == n ? 1.0
                : new BetaDistribution(null, k + 1, n - k, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - alpha / 2);
        return new ConfidenceInterval(confidence, low, high);
    }

    /** P(X &le; k). */
    private static double lowerTail(int k, int n, double p) {
        if (k < 0) return 0.0;
        if (k >= n) return 1.0;
        return Beta.regularizedBeta(1 - p, n - k, k + 1.0);
    }

    /** P(X &ge; k). */
    private static double upperTail(int k, int n, double p) {
        if (k <= 0) return 1.0;
        if (k > n) return 0.0;
        return Beta.regularizedBeta(p, k, n - k + 1.0);
    }

    /** The smallest i in [lo, hi] with pmf(i) &le; d, on the decreasing side of the pmf; hi + 1 when none. */
    private static int firstAtMost(BinomialDistribution binomial, double d, int lo, int hi) {
        int from = lo;
        int to = hi + 1;
        while (from < to) {
            int mid = (int) (((long) from + to) >>> 1);
            if (binomial.probability(mid) <= d) to = mid;
            else from = mid + 1;
        }
        return from;
    }

    /** The largest i in [lo, hi] with pmf(i) &le; d, on the increasing side of the pmf; lo - 1 when none. */
    private static int lastAtMost(BinomialDistribution binomial, double d, int lo, int hi) {
        int from = lo - 1;
        int to = hi;
        while (from < to) {
            int mid = (int) (((long) from + to + 1) >> 1);
            if (binomial.probability(mid) <= d) from = mid;
            else to = mid - 1;
        }
        return from;
    }

    private static void check(long k, long n) {
        if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n: k=" + k + ", n=" + n);
    }
}
