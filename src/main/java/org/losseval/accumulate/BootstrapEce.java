package org.losseval.accumulate;

import java.util.function.IntToLongFunction;
import org.losseval.report.DifferenceInference;

/**
 * The Poisson bootstrap of Δ = ece<sub>candidate</sub> - ece<sub>baseline</sub> on the same rows: each
 * replicate keeps, for each model, the sums {@link CalibrationBins} keeps, with each row counted k<sub>ib</sub>
 * times ({@link PoissonBootstrap}: the same counts, from the seed, the row's input and row number, as every
 * other bootstrapped figure of the comparison):
 * <pre>
 *   per model and bin j (the row's bin by that model's confidence, {@link CalibrationBins#bin}):
 *     n_bj = Σ k_ib,   h_bj = Σ k_ib hit_i,   s_bj = Σ k_ib conf_i      (over the rows in bin j)
 *   ece*_b = (Σ_j over bins with n_bj &gt; 0 of |h_bj - s_bj|) / N_b,   N_b = Σ_i k_ib
 *   Δ*_b = ece*_b(candidate) - ece*_b(baseline)
 * </pre>
 * which is exactly {@link CalibrationBins#result()}'s ece of the rows repeated k times: s_bj is summed
 * exactly ({@link ReplicateSums}) and rounded once, the gaps summed exactly ({@link ExactSum}) and rounded
 * once, then divided by N_b. Unweighted, as ece is (a bin's accuracy is a share of rows): sample weights do
 * not enter. A replicate that drew no row has no ece (NaN, left out of the percentiles).
 *
 * <p><b>Exact merges.</b> n_bj, h_bj and N_b are integers, held in doubles so that the per-row loop over the
 * replicates vectorizes as {@link ReplicateSums}' does: each addition is an integer of at most 7 and every
 * partial sum an integer below 2<sup>53</sup> (fewer than 10<sup>15</sup> rows), so no addition rounds and
 * the order of rows and merges does not matter; s_bj is a {@link ReplicateSums} (integer counts times exact
 * chunks). The replicates are therefore the same bits whatever the thread count, batch size, partitioning or
 * merge order. No per-row memory: per model and bin two arrays of B doubles and one {@link ReplicateSums}
 * (allocated when a row first reaches the bin); confidences in [0, 1] touch a few of its chunks.
 *
 * <p>Interval and p-value: {@link BootstrapDifference#percentile} (percentile interval with NumPy's linear
 * quantile, Davison &amp; Hinkley's p = 2 (1 + smaller tail) / (B + 1)).
 *
 * <p>Cost per row: one key, B/4 hashes and, per model, 3 vectorized passes over the replicates (count, hit
 * count, and two or three exact multiply-adds of the confidence): about {@link BootstrapDifference}'s. Not
 * thread-safe.
 */
public final class BootstrapEce implements MergeableState<BootstrapEce, DifferenceInference> {
    private static final int BINS = CalibrationBins.BINS + 1;

    private final long seed;
    private final int replicates;
    private final double confidence;
    private long rows;
    /** N_b = Σ k per replicate. */
    private final double[] drawn;
    /** binCounts[model][bin][b] = n_bj; null for a bin no row reached. Model 0 the candidate, 1 the baseline. */
    private final double[][][] binCounts = new double[2][BINS][];
    /** hits[model][bin][b] = h_bj; null for a bin no row reached. */
    private final double[][][] hits = new double[2][BINS][];
    /** confidences[model][bin] = s_bj per replicate; null for a bin no row reached. */
    private final ReplicateSums[][] confidences = new ReplicateSums[2][BINS];
    /** One row's counts, k(row, b) for every b: scratch of accept (transient: not encoded). */
    private final transient double[] rowCounts;

    /**
     * @param seed       the bootstrap seed
     * @param replicates B, at least 1
     * @param confidence the level of {@link #result()}'s interval, in (0, 1)
     */
    public BootstrapEce(long seed, int replicates, double confidence) {
        if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        this.seed = seed;
        this.replicates = replicates;
        this.confidence = confidence;
        drawn = new double[replicates];
        rowCounts = new double[replicates];
    }

    /**
     * Adds rows {@code [0, n)} of one input.
     *
     * @param input          the input's index, from 0 in the order given
     * @param rowNumber      each row's number in its input, from 1
     * @param candidateConf  the candidate's confidence of each row, in [0, 1] ({@code loss.Ece#confidences})
     * @param candidateHit   whether the candidate's outcome counts as correct
     * @param baselineConf   the baseline's, likewise
     * @param baselineHit    the baseline's
     */
    public void accept(int input, IntToLongFunction rowNumber, double[] candidateConf, boolean[] candidateHit,
                       double[] baselineConf, boolean[] baselineHit, int n) {
        for (int i = 0; i < n; i++) {
            rows++;
            PoissonBootstrap.counts(PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i)), rowCounts, replicates);
            for (int r = 0; r < replicates; r++) drawn[r] += rowCounts[r];
            add(0, candidateConf[i], candidateHit[i]);
            add(1, baselineConf[i], baselineHit[i]);
        }
    }

    private void add(int model, double c, boolean hit) {
        int bin = CalibrationBins.bin(c);
        open(model, bin);
        double[] count = binCounts[model][bin];
        for (int r = 0; r < replicates; r++) count[r] += rowCounts[r];
        if (hit) {
            double[] h = hits[model][bin];
            for (int r = 0; r < replicates; r++) h[r] += rowCounts[r];
        }
        confidences[model][bin].add(c, rowCounts);
    }

    /** Makes bin {@code bin} of {@code model}'s replicate sums when it has none yet (bins no row reached stay null). */
    private void open(int model, int bin) {
        if (binCounts[model][bin] != null) return;
        binCounts[model][bin] = new double[replicates];
        hits[model][bin] = new double[replicates];
        confidences[model][bin] = new ReplicateSums(replicates);
    }

    /** Adds another state of the same seed, replicates and level; checks first. */
    @Override
    public void combine(BootstrapEce other) {
        if (other.seed != seed || other.replicates != replicates || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the ece bootstrap of seed " + other.seed + ", "
                    + other.replicates + " replicates, level " + other.confidence + " with seed " + seed + ", "
                    + replicates + " replicates, level " + confidence);
        }
        for (int r = 0; r < replicates; r++) drawn[r] += other.drawn[r];
        for (int m = 0; m < 2; m++) {
            for (int j = 0; j < BINS; j++) {
                if (other.binCounts[m][j] == null) continue;
                open(m, j);
                for (int r = 0; r < replicates; r++) {
                    binCounts[m][j][r] += other.binCounts[m][j][r];
                    hits[m][j][r] += other.hits[m][j][r];
                }
                confidences[m][j].combine(other.confidences[m][j]);
            }
        }
        rows += other.rows;
    }

    /** The replicates' Δ*, in replicate order (NaN where a replicate drew no row). */
    public double[] replicateDeltas() {
        double[] deltas = new double[replicates];
        for (int r = 0; r < replicates; r++) deltas[r] = drawn[r] > 0 ? ece(0, r) - ece(1, r) : Double.NaN;
        return deltas;
    }

    /** Model m's ece in replicate r: {@link CalibrationBins#result()}'s formula over the counted sums. */
    private double ece(int m, int r) {
        ExactSum gaps = new ExactSum();
        for (int j = 0; j < BINS; j++) {
            if (binCounts[m][j] == null || binCounts[m][j][r] == 0) continue;
            gaps.add(Math.abs(hits[m][j][r] - confidences[m][j].value(r)));
        }
        return gaps.value() / drawn[r];
    }

    @Override
    public DifferenceInference result() {
        return BootstrapDifference.percentile(replicateDeltas(), confidence, rows);
    }
}
