package org.losseval.accumulate;

import org.apache.commons.math3.distribution.TDistribution;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.MeanEstimate;

/**
 * Exact sums for inference on a (weighted) mean of per-row values x: a paired difference of row losses
 * d = l<sub>candidate</sub> - l<sub>baseline</sub>, or one loss's row losses for a per-group interval.
 *
 * <p><b>Unweighted</b> (every row weight 1): with n rows, mean x̄ = Σx / n and
 * <pre>
 *   SE² = (n Σx² - (Σx)²) / (n² (n - 1)),      df = n - 1
 * </pre>
 * the one-sample t statistic t = x̄ / SE; for x = d this is the paired t-test, SciPy's
 * {@code ttest_rel(cand, base)} (Student 1908; any statistics text).
 *
 * <p><b>Weighted</b> (w &ge; 0 per row, e.g. the sample weight times a loss's own row weight, as in
 * {@link LossState}): the mean is the ratio estimator x̄<sub>w</sub> = Σwx / Σw, and its variance is the
 * linearization ("sandwich", with-replacement) variance of a ratio estimator,
 * <pre>
 *   SE² = n/(n - 1) · Σ w² (x - x̄_w)² / (Σw)²
 *       = n/(n - 1) · (C W² - 2 A B W + A² V) / W⁴,    W = Σw, V = Σw², A = Σwx, B = Σw²x, C = Σw²x²
 *   df  = n - 1,   n = the rows with w ≠ 0
 * </pre>
 * (Cochran, <i>Sampling Techniques</i>, 3rd ed. 1977, §6.4, the variance of a ratio estimate; Lumley,
 * <i>Complex Surveys</i>, 2010, §2.3; it is what R's {@code survey::svymean} gives for a design with only
 * weights, and the n/(n-1) factor and df = n - 1 are that package's defaults). Why this form and not Kish's
 * effective n: it is what survey software reports for weighted means, it makes no assumption that the
 * weights are frequencies, it reduces exactly to the unweighted formula when every w is 1, and it needs only
 * five exact sums. Rows with w = 0 carry no information and are not counted in n (so adding rows with
 * weight 0 changes nothing, as in {@link LossState}).
 *
 * <p><b>Inference</b> ({@link #result(double)}): the two-sided interval x̄ ± t<sub>1-α/2, df</sub> · SE and
 * the two-sided p-value 2 · P(T<sub>df</sub> &ge; |x̄ / SE|), with Commons Math's Student t. When SE is 0
 * the interval is [x̄, x̄] and p is 0 for x̄ ≠ 0 and NaN for x̄ = 0 (SciPy's 0/0).
 *
 * <p><b>Exactness</b>: every product goes in as an error-free pair ({@link MomentSums#addProduct}: a·b =
 * p + e exactly by {@link Math#fma}), so each sum is the exact real sum of its rows; x̄ and SE² are computed
 * from them exactly ({@link Dyadic}) and rounded once (to 40 digits, then to a double: {@link Dyadic#quotient}),
 * SE is the double's square root. The figures are therefore the same bits whatever the split, order or merge of the rows.
 *
 * <p>Edge cases: no rows (or Σw = 0) give NaN everywhere; one row gives the mean and NaN for the rest. A
 * non-finite value or a product that overflows makes the sums non-finite and the figures NaN or infinite.
 * A product whose error term is subnormal (below about 1e-292) loses those bits (as in {@link MomentSums}).
 *
 * <p>Cost: unweighted 2 exact sums (about 17 KiB each), 3 exact additions and 1 fma a row; weighted 5 sums
 * and 15 additions a row. Not thread-safe; combine per-thread states.
 */
public final class MeanSums implements MergeableState<MeanSums, MeanEstimate> {
    /** The level of {@link #result()}'s interval. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Absolute accuracy of the t quantile (Commons Math's default is 1e-9). */
    private static final double QUANTILE_ACCURACY = 1e-14;

    private final boolean weighted;
    /** Σw (weighted only). */
    private final ExactSum weights = new ExactSum();
    /** Σw² (weighted only). */
    private final ExactSum weightSquares = new ExactSum();
    /** Σwx (Σx unweighted). */
    private final ExactSum values = new ExactSum();
    /** Σw²x (weighted only). */
    private final ExactSum squaredWeightValues = new ExactSum();
    /** Σw²x² (Σx² unweighted). */
    private final ExactSum squares = new ExactSum();
    private long count;
    /** The arrays of the unweighted x² (p, e) of a batch; shared by the states of a run's groups. */
    private final Scratch scratch;

    /** @param weighted whether rows come with weights */
    public MeanSums(boolean weighted) {
        this(weighted, new Scratch());
    }

    /** A state whose working arrays are {@code scratch}'s (see {@link GroupState#emptyCopy}). */
    MeanSums(boolean weighted, Scratch scratch) {
        this.weighted = weighted;
        this.scratch = scratch;
    }

    /**
     * The exact Σx of an unweighted state, for a {@link LossState} of the same row losses to read as its Σ l
     * rather than add them a second time; null for a weighted state (its Σwx has no rounding of w·x, unlike
     * a loss state's Σ w·l).
     */
    ExactSum valueSum() { return weighted ? null : values; }

    /** Whether rows come with weights. */
    public boolean weighted() { return weighted; }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param x the per-row values
     * @param w the row weights (&ge; 0), or null exactly when the state is not weighted
     */
    public void accept(double[] x, double[] w, int n) {
        if (weighted != (w != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted mean" : "unexpected weights");
        }
        if (w == null) {
            values.addAll(x, n);
            // Σx² as MomentSums.addSquare adds it, x² = p + e exactly (e left out when p is not finite), but a
            // batch at a time: ExactSum.addAll spreads the additions over its lanes, where one add() per term
            // waits for the previous store to the same bin (x² of similar rows share bins). Measured on a
            // --group-by of 100 groups, 3 losses: this loop was 12% of the run's samples as add()s.
            double[] p = scratch.doubles(Scratch.MEAN_SQUARES, n);
            double[] e = scratch.doubles(Scratch.MEAN_SQUARE_ERRORS, n);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double square = xi * xi;
                p[i] = square;
                e[i] = Double.isFinite(square) ? Math.fma(xi, xi, -square) : 0;
            }
            squares.addAll(p, n);
            squares.addAll(e, n);
            count += n;
            return;
        }
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            if (wi == 0) continue;
            double xi = x[i];
            count++;
            weights.add(wi);
            MomentSums.addProduct(weightSquares, wi, wi);
            double p = wi * xi;
            if (!Double.isFinite(p)) {
                values.add(p);
                squaredWeightValues.add(p * wi);
                squares.add(p * p);
                continue;
            }
            double e = Math.fma(wi, xi, -p); // w·x = p + e exactly
            values.add(p);
            values.add(e);
            MomentSums.addProduct(squaredWeightValues, p, wi);
            MomentSums.addProduct(squaredWeightValues, e, wi);
            // (w x)² = p² + 2pe + e²; 2p is exact
            MomentSums.addProduct(squares, p, p);
            MomentSums.addProduct(squares, 2 * p, e);
            MomentSums.addProduct(squares, e, e);
        }
    }

    /** Adds another state of the same weighting; checks before changing anything. */
    @Override
    public void combine(MeanSums other) {
        if (other.weighted != weighted) {
            throw new IllegalArgumentException("cannot combine weighted and unweighted mean sums");
        }
        weights.combine(other.weights);
        weightSquares.combine(other.weightSquares);
        values.combine(other.values);
        squaredWeightValues.combine(other.squaredWeightValues);
        squares.combine(other.squares);
        count += other.count;
    }

    /** The estimate with its interval at {@value #DEFAULT_CONFIDENCE}. */
    @Override
    public MeanEstimate result() {
        return result(DEFAULT_CONFIDENCE);
    }

    /** The estimate with its two-sided interval at {@code confidence} (in (0, 1)) and its p-value against 0. */
    public MeanEstimate result(double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        Dyadic n = Dyadic.of(count);
        Dyadic w = weighted ? weights.dyadic() : n;
        Dyadic v = weighted ? weightSquares.dyadic() : n;
        Dyadic a = values.dyadic();
        Dyadic b = weighted ? squaredWeightValues.dyadic() : a;
        Dyadic c = squares.dyadic();
        double weightSum = weighted ? weights.value() : count;
        double mean;
        double variance;
        if (w == null || v == null || a == null || b == null || c == null) {
            // Not finite: the double formulas give the NaN or infinity the figures deserve.
            mean = values.value() / weightSum;
            variance = Double.NaN;
        } else if (w.signum() == 0) {
            mean = Double.NaN;
            variance = Double.NaN;
        } else {
            mean = Dyadic.quotient(a, w);
            variance = count < 2 ? Double.NaN : variance(n, w, v, a, b, c);
        }
        double se = Math.sqrt(variance);
        double df = count - 1;
        return inference(count, weightSum, mean, se, df, confidence);
    }

    /** n/(n-1) · (C W² - 2 A B W + A² V) / W⁴, rounded once (to 40 digits, then to a double). */
    private static double variance(Dyadic n, Dyadic w, Dyadic v, Dyadic a, Dyadic b, Dyadic c) {
        Dyadic w2 = w.multiply(w);
        Dyadic spread = c.multiply(w2).subtract(a.multiply(b).multiply(w).timesPowerOfTwo(1)).add(a.multiply(a).multiply(v));
        if (spread.signum() <= 0) return 0.0; // exactly 0: every x equal (it cannot be negative in exact arithmetic)
        Dyadic denominator = n.subtract(Dyadic.of(1)).multiply(w2).multiply(w2);
        return Dyadic.quotient(spread.multiply(n), denominator);
    }

    private static MeanEstimate inference(long count, double weightSum, double mean, double se, double df,
                                          double confidence) {
        if (!(df >= 1) || Double.isNaN(se) || Double.isNaN(mean)) {
            return new MeanEstimate(count, weightSum, mean, se, df,
                    new ConfidenceInterval(confidence, Double.NaN, Double.NaN), Double.NaN);
        }
        if (se == 0) {
            return new MeanEstimate(count, weightSum, mean, se, df, new ConfidenceInterval(confidence, mean, mean),
                    mean == 0 ? Double.NaN : 0.0);
        }
        TDistribution t = new TDistribution(null, df, QUANTILE_ACCURACY);
        double critical = t.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double statistic = mean / se;
        double p = Math.min(1.0, 2 * t.cumulativeProbability(-Math.abs(statistic)));
        return new MeanEstimate(count, weightSum, mean, se, df,
                new ConfidenceInterval(confidence, mean - critical * se, mean + critical * se), p);
    }
}
