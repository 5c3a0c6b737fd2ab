package org.losseval.accumulate;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToLongFunction;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.DifferenceInference;

/**
 * A Poisson bootstrap of Δ = finish(m<sub>candidate</sub>) - finish(m<sub>baseline</sub>), where m is a
 * weighted mean of row values (Σ w x / Σ w) and finish a function of it (rmse: the square root of the mean
 * squared error): the inference for a figure that is not itself a mean, so that the paired t interval of
 * {@link MeanSums} does not apply.
 *
 * <p>Replicate b gives row i the weight k<sub>ib</sub> · w<sub>i</sub>, with k<sub>ib</sub> ~ Poisson(1)
 * drawn by {@link PoissonBootstrap} from the seed, the row's input and row number; it keeps
 * <pre>
 *   C_b = Σ k_ib (w_i x_cand,i),   B_b = Σ k_ib (w_i x_base,i),   W_b = Σ k_ib w_i     (W_b = Σ k_ib unweighted)
 *   Δ*_b = finish(C_b / W_b) - finish(B_b / W_b)
 * </pre>
 * where w·x is rounded once (the product {@link LossState} sums), and each sum is exact
 * ({@link ReplicateSums}: k·v added exactly), so the replicates are the same bits however the rows
 * were split and merged. Rows with w = 0 are left out.
 *
 * <p>Inference, at confidence 1 - α, over the replicates whose Δ* is defined (W_b &gt; 0):
 * <ul>
 *   <li>interval: the percentile interval [q(α/2), q(1 - α/2)] of the Δ*, q the linearly interpolated
 *       sample quantile (Hyndman &amp; Fan's definition 7, NumPy's default {@code np.quantile(..., method="linear")}:
 *       h = (B - 1) p, q = x<sub>⌊h⌋</sub> + (h - ⌊h⌋)(x<sub>⌊h⌋+1</sub> - x<sub>⌊h⌋</sub>) over the sorted Δ*);
 *       Efron &amp; Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, §13.3;</li>
 *   <li>p-value: 2 (1 + min(#{Δ* &le; 0}, #{Δ* &ge; 0})) / (B + 1), at most 1: twice the smaller tail of the
 *       replicate distribution beyond 0, with the +1 that keeps a Monte Carlo p-value from being 0 (Davison
 *       &amp; Hinkley, <i>Bootstrap Methods and their Application</i>, 1997, §4.2 and eq. 4.11).</li>
 * </ul>
 *
 * <p>Cost: per row, one key, B/4 hashes (SplitMix64, {@link PoissonBootstrap}) and 5 to 7 multiply-adds per
 * replicate in vectorized loops; memory a few arrays of B longs and doubles per sum ({@link ReplicateSums}).
 * The bootstrap is O(n · B): only figures that need it run it. Not thread-safe.
 */
public final class BootstrapDifference implements MergeableState<BootstrapDifference, DifferenceInference> {
    private final String figure;
    private final boolean weighted;
    private final DoubleUnaryOperator finish;
    private final long seed;
    private final double confidence;
    private final int replicates;
    private final ReplicateSums candidate;
    private final ReplicateSums baseline;
    /** Σ k w per replicate; null when unweighted. */
    private final ReplicateSums weights;
    /**
     * Σ k per replicate when unweighted: an integer held exactly in a double (below 2^53, i.e. for fewer than
     * 10^15 rows), so the loop that adds a row's counts vectorizes as {@link ReplicateSums}' do.
     */
    private final double[] counts;
    private long rows;
    /** One row's counts, k(row, b) for every b: scratch of accept (transient: not encoded). */
    private final transient double[] rowCounts;

    /**
     * @param figure     what is compared, e.g. "rmse": states of different figures do not combine
     * @param weighted   whether rows come with weights
     * @param finish     the function of the weighted mean that gives the figure
     * @param seed       the bootstrap seed
     * @param replicates B, at least 1
     * @param confidence the level of {@link #result()}'s interval, in (0, 1)
     */
    public BootstrapDifference(String figure, boolean weighted, DoubleUnaryOperator finish, long seed, int replicates,
                               double confidence) {
        if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        this.figure = figure;
        this.weighted = weighted;
        this.finish = finish;
        this.seed = seed;
        this.confidence = confidence;
        this.replicates = replicates;
        candidate = new ReplicateSums(replicates);
        baseline = new ReplicateSums(replicates);
        weights = weighted ? new ReplicateSums(replicates) : null;
        counts = weighted ? null : new double[replicates];
        rowCounts = new double[replicates];
    }

    /**
     * Adds rows {@code [0, n)} of one input.
     *
     * @param input     the input's index, from 0 in the order given
     * @param rowNumber each row's number in its input, from 1
     * @param cand      the candidate's row values
     * @param base      the baseline's row values
     * @param w         the row weights, or null exactly when the state is not weighted
     */
    public void accept(int input, IntToLongFunction rowNumber, double[] cand, double[] base, double[] w, int n) {
        if (weighted != (w != null)) throw new IllegalArgumentException(weighted ? "weights missing" : "unexpected weights");
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (wi == 0) continue;
            rows++;
            long key = PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i));
            PoissonBootstrap.counts(key, rowCounts, replicates);
            candidate.add(w == null ? cand[i] : wi * cand[i], rowCounts);
            baseline.add(w == null ? base[i] : wi * base[i], rowCounts);
            if (w == null) {
                for (int r = 0; r < replicates; r++) counts[r] += rowCounts[r];
            } else {
                weights.add(wi, rowCounts);
            }
        }
    }

    /** Adds another state of the same figure, weighting, seed, replicates and level; checks first. */
    @Override
    public void combine(BootstrapDifference other) {
        if (!other.figure.equals(figure) || other.weighted != weighted || other.seed != seed
                || other.replicates != replicates || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the bootstrap of " + other.figure + " (seed " + other.seed
                    + ", " + other.replicates + " replicates) with " + figure + " (seed " + seed + ", "
                    + replicates + " replicates)");
        }
        candidate.combine(other.candidate);
        baseline.combine(other.baseline);
        if (weighted) weights.combine(other.weights);
        else for (int r = 0; r < replicates; r++) counts[r] += other.counts[r];
        rows += other.rows;
    }

    /** The replicates' Δ*, in replicate order (NaN where a replicate drew no weight). */
    public double[] replicateDeltas() {
        double[] deltas = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double w = weighted ? weights.value(r) : counts[r];
            deltas[r] = w > 0 ? finish.applyAsDouble(candidate.value(r) / w) - finish.applyAsDouble(baseline.value(r) / w)
                    : Double.NaN;
        }
        return deltas;
    }

    @Override
    public DifferenceInference result() {
        return percentile(replicateDeltas(), confidence, rows);
    }

    /**
     * The percentile interval and p-value of the class comment from the replicates' deltas (NaN ones, replicates
     * that drew no weight, left out); also {@link BootstrapMoments}'.
     */
    static DifferenceInference percentile(double[] replicateDeltas, double confidence, long rows) {
        double[] deltas = Arrays.stream(replicateDeltas).filter(d -> !Double.isNaN(d)).sorted().toArray();
        int b = deltas.length;
        if (b == 0) {
            return new DifferenceInference(DifferenceInference.BOOTSTRAP,
                    new ConfidenceInterval(confidence, Double.NaN, Double.NaN), Double.NaN, rows);
        }
        double alpha = 1 - confidence;
        long atMost = Arrays.stream(deltas).filter(d -> d <= 0).count();
        long atLeast = Arrays.stream(deltas).filter(d -> d >= 0).count();
        double p = Math.min(1.0, 2.0 * (1 + Math.min(atMost, atLeast)) / (b + 1));
        return new DifferenceInference(DifferenceInference.BOOTSTRAP,
                new ConfidenceInterval(confidence, quantile(deltas, alpha / 2), quantile(deltas, 1 - alpha / 2)), p, rows);
    }

    /** NumPy's linear quantile of sorted values (its _lerp, which interpolates from the nearer end). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        double t = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
