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
 * ({@link SmallExactSum}; k·v added as k additions of v), so the replicates are the same bits however the rows
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
 * <p>Cost: per row, one key and B hashes, and about 2 to 3 exact additions per replicate the row is drawn in
 * (E[k] = 1); memory 2 to 3 {@link SmallExactSum} (536 bytes) per replicate. The bootstrap is O(n · B):
 * only figures that need it run it. Not thread-safe.
 */
public final class BootstrapDifference implements MergeableState<BootstrapDifference, DifferenceInference> {
    private final String figure;
    private final boolean weighted;
    private final DoubleUnaryOperator finish;
    private final long seed;
    private final double confidence;
    private final SmallExactSum[] candidate;
    private final SmallExactSum[] baseline;
    /** Σ k w per replicate; null when unweighted. */
    private final SmallExactSum[] weights;
    /** Σ k per replicate when unweighted. */
    private final long[] counts;
    private long rows;

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
        candidate = sums(replicates);
        baseline = sums(replicates);
        weights = weighted ? sums(replicates) : null;
        counts = weighted ? null : new long[replicates];
    }

    private static SmallExactSum[] sums(int n) {
        SmallExactSum[] sums = new SmallExactSum[n];
        for (int i = 0; i < n; i++) sums[i] = new SmallExactSum();
        return sums;
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
        int replicates = candidate.length;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (wi == 0) continue;
            rows++;
            double c = w == null ? cand[i] : wi * cand[i];
            double b = w == null ? base[i] : wi * base[i];
            long key = PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i));
            for (int r = 0; r < replicates; r++) {
                int k = PoissonBootstrap.count(key, r);
                if (k == 0) continue;
                SmallExactSum cs = candidate[r];
                SmallExactSum bs = baseline[r];
                for (int j = 0; j < k; j++) {
                    cs.add(c);
                    bs.add(b);
                }
                if (w == null) {
                    counts[r] += k;
                } else {
                    for (int j = 0; j < k; j++) weights[r].add(wi);
                }
            }
        }
    }

    /** Adds another state of the same figure, weighting, seed, replicates and level; checks first. */
    @Override
    public void combine(BootstrapDifference other) {
        if (!other.figure.equals(figure) || other.weighted != weighted || other.seed != seed
                || other.candidate.length != candidate.length || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the bootstrap of " + other.figure + " (seed " + other.seed
                    + ", " + other.candidate.length + " replicates) with " + figure + " (seed " + seed + ", "
                    + candidate.length + " replicates)");
        }
        for (int r = 0; r < candidate.length; r++) {
            candidate[r].combine(other.candidate[r]);
            baseline[r].combine(other.baseline[r]);
            if (weighted) weights[r].combine(other.weights[r]);
            else counts[r] += other.counts[r];
        }
        rows += other.rows;
    }

    /** The replicates' Δ*, in replicate order (NaN where a replicate drew no weight). */
    public double[] replicateDeltas() {
        double[] deltas = new double[candidate.length];
        for (int r = 0; r < deltas.length; r++) {
            double w = weighted ? weights[r].value() : counts[r];
            deltas[r] = w > 0 ? finish.applyAsDouble(candidate[r].value() / w) - finish.applyAsDouble(baseline[r].value() / w)
                    : Double.NaN;
        }
        return deltas;
    }

    @Override
    public DifferenceInference result() {
        double[] deltas = Arrays.stream(replicateDeltas()).filter(d -> !Double.isNaN(d)).sorted().toArray();
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
