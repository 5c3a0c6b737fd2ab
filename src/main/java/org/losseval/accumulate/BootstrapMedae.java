package org.losseval.accumulate;

import java.util.function.IntToLongFunction;
import org.losseval.report.DifferenceInference;

/**
 * The Poisson bootstrap of Δ = medae<sub>candidate</sub> - medae<sub>baseline</sub> on the same rows, within a
 * memory budget: the inference behind the comparison of the median absolute error with a baseline.
 *
 * <p><b>The statistic.</b> Replicate b resamples the rows, row i appearing k<sub>ib</sub> times
 * ({@link PoissonBootstrap}: the same counts, from the seed, the row's input and row number, as every other
 * bootstrapped figure of the comparison), and each model's medae is computed afresh on the resample by
 * {@link AbsoluteErrorMedian}'s own rules (the plug-in bootstrap, as {@link ShareBootstrap}'s):
 * <pre>
 *   unweighted: med*_b = the median of the multiset {e_i repeated k_ib times}: its middle value, or the mean of
 *               the two middle values for an even count ({@link Selection#median}, NumPy's median)
 *   weighted:   med*_b = the smallest e with Σ over the copies with e_i &le; e of w_i &ge; (Σ over all copies of w_i) / 2,
 *               the lower weighted median with exact sums ({@link AbsoluteErrorMedian#weightedMedian}: each copy
 *               of a row carries the row's weight, so k w is summed as k copies of w, exactly)
 *   Δ*_b = med*_b(candidate) - med*_b(baseline)
 * </pre>
 * A replicate that drew no row (or, weighted, no weight) has no Δ* (NaN, left out of the percentiles). With
 * every k = 1 each median is the run's own medae. Interval and p-value: {@link BootstrapDifference#percentile}.
 * The replicates depend only on the rows' keys and values, never on their order (a selection's result does not
 * depend on the order of its input, ties in the ranking cannot change a value, and the weighted one sums
 * exactly), so they are the same bits whatever
 * the thread count, batch size, partitioning or merge order.
 *
 * <p><b>Memory.</b> The statistic needs every row, so the state keeps, per row, its bootstrap key and both
 * models' absolute errors, and the sample weight when weighted: <b>24 bytes per row (32 weighted)</b>, charged
 * to a budget of the size of the exact-memory budget ({@code --exact-budget}, capped by the heap as that
 * one is). Beyond it (or beyond {@link RowStore#MAX_EXACT_ROWS}) the rows are dropped and {@link #exact()} is
 * false: medae then has values and Δ but no interval. As in {@link ShareBootstrap}, whether that happens
 * depends only on the total row count. {@link #result} needs, while it runs, a copy of the keys and columns
 * and, one replicate and model at a time, the resample (8 bytes a copy, 16 weighted: about n).
 *
 * <p>Cost of {@link #result}: per replicate one pass drawing the counts (a hash per row: {@link
 * PoissonBootstrap#count}); then unweighted, per model, a walk up the rows in ascending order of error (each
 * model's rows sorted once, n log n) to the middle copy, about half the rows; weighted, per model, a selection
 * over the resample with an exact sum per partition step. O(n B) either way; the weighted one several times the
 * unweighted one's. {@link #accept} only stores. Not thread-safe.
 */
public final class BootstrapMedae implements MergeableState<BootstrapMedae, DifferenceInference> {

    private final boolean weighted;
    private final long budgetBytes;
    private final long seed;
    private final int replicates;
    private final double confidence;
    private long rows;
    /** The rows' bootstrap keys; null beyond the budget. */
    private KeyBlocks keys = new KeyBlocks();
    /** errors[model]: model 0 the candidate and 1 the baseline; null beyond the budget. */
    private DoubleBlocks[] errors = {new DoubleBlocks(), new DoubleBlocks()};
    /** The sample weights; null when unweighted or beyond the budget. */
    private DoubleBlocks weights;

    /**
     * @param weighted    whether rows carry sample weights
     * @param budgetBytes the memory the rows may use (see the class comment)
     * @param seed        the bootstrap seed
     * @param replicates  B, at least 1
     * @param confidence  the level of the interval, in (0, 1)
     */
    public BootstrapMedae(boolean weighted, long budgetBytes, long seed, int replicates, double confidence) {
        if (budgetBytes < 0) throw new IllegalArgumentException("negative budget: " + budgetBytes);
        if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        this.weighted = weighted;
        this.budgetBytes = budgetBytes;
        this.seed = seed;
        this.replicates = replicates;
        this.confidence = confidence;
        weights = weighted ? new DoubleBlocks() : null;
    }

    /** The bytes the budget is charged per row: the key, two absolute errors and the weight when weighted. */
    public static int bytesPerRow(boolean weighted) { return Long.BYTES + (weighted ? 3 : 2) * Double.BYTES; }

    /**
     * Adds rows {@code [0, n)} of one input.
     *
     * @param input     the input's index, from 0 in the order given
     * @param rowNumber each row's number in its input, from 1
     * @param candidate the candidate's |pred - target| of each row
     * @param baseline  the baseline's
     * @param weight    the sample weights, or null exactly when the state is unweighted
     */
    public void accept(int input, IntToLongFunction rowNumber, double[] candidate, double[] baseline, double[] weight,
                       int n) {
        if (weighted != (weight != null)) throw new IllegalArgumentException(weighted ? "weights missing" : "unexpected weights");
        if (keys != null && overBudget(rows + n)) drop();
        rows += n;
        if (keys == null) return;
        for (int i = 0; i < n; i++) keys.add(PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i)));
        errors[0].append(candidate, 0, n);
        errors[1].append(baseline, 0, n);
        if (weighted) weights.append(weight, 0, n);
    }

    private boolean overBudget(long rowCount) {
        return rowCount > RowStore.MAX_EXACT_ROWS || rowCount * bytesPerRow(weighted) > budgetBytes;
    }

    private void drop() {
        keys = null;
        errors = null;
        weights = null;
    }

    /** Adds another state of the same weighting, budget, seed, replicates and level; checks first. */
    @Override
    public void combine(BootstrapMedae other) {
        if (other.weighted != weighted || other.budgetBytes != budgetBytes || other.seed != seed
                || other.replicates != replicates || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the medae bootstrap of seed " + other.seed + ", "
                    + other.replicates + " replicates" + (other.weighted ? ", weighted" : "") + " with seed " + seed
                    + ", " + replicates + " replicates" + (weighted ? ", weighted" : ""));
        }
        if (keys != null && (other.keys == null || overBudget(rows + other.rows))) drop();
        if (keys != null) {
            keys.addAll(other.keys);
            errors[0].append(other.errors[0]);
            errors[1].append(other.errors[1]);
            if (weighted) weights.append(other.weights);
        }
        rows += other.rows;
    }

    /** Whether every row is kept, so that {@link #result} has an interval. */
    public boolean exact() { return keys != null; }

    /** The interval of Δ and its p-value, or null beyond the budget (no interval). */
    @Override
    public DifferenceInference result() {
        return keys == null ? null : BootstrapDifference.percentile(replicateDeltas(), confidence, rows);
    }

    /** The replicates' Δ*, in replicate order (NaN where a replicate drew no row or no weight). */
    public double[] replicateDeltas() {
        if (keys == null) throw new IllegalStateException("beyond the budget: no replicates");
        long[] rowKeys = keys.toArray();
        double[][] values = {errors[0].toArray(), errors[1].toArray()};
        double[] w = weighted ? weights.toArray() : null;
        // unweighted: each model's rows ranked once (descending, ShareBootstrap's stable sort), walked per replicate
        int[][] descending = weighted ? null : new int[][] {ShareBootstrap.descending(values[0], null),
                ShareBootstrap.descending(values[1], null)};
        int n = rowKeys.length;
        int[] counts = new int[n];
        double[] deltas = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            long size = 0;
            for (int i = 0; i < n; i++) {
                counts[i] = PoissonBootstrap.count(rowKeys[i], r);
                size += counts[i];
            }
            if (size == 0) {
                deltas[r] = Double.NaN;
                continue;
            }
            deltas[r] = weighted
                    ? weightedMedian(values[0], w, counts, Math.toIntExact(size)) - weightedMedian(values[1], w, counts, Math.toIntExact(size))
                    : median(values[0], descending[0], counts, size) - median(values[1], descending[1], counts, size);
        }
        return deltas;
    }

    /**
     * The median of the multiset {values[i] repeated counts[i] times} of {@code size} copies, as {@link Selection#median}
     * computes it (the middle value, or lower / 2 + upper / 2 of the two middle ones), by walking the rows in
     * ascending order until the running count passes the middle rank: half the rows, not a selection per replicate.
     */
    static double median(double[] values, int[] descending, int[] counts, long size) {
        long mid = size / 2; // the 0-based rank of the (upper) middle copy
        long taken = 0;
        double lower = 0;
        boolean lowerFound = false;
        for (int j = descending.length - 1; j >= 0; j--) {
            int row = descending[j];
            taken += counts[row];
            if (size % 2 == 0 && !lowerFound && taken > mid - 1) {
                lower = values[row];
                lowerFound = true;
            }
            if (taken > mid) return size % 2 == 1 ? values[row] + 0.0 : lower / 2 + values[row] / 2 + 0.0;
        }
        throw new IllegalStateException("the counts do not add up to " + size);
    }

    /**
     * The lower weighted median of the multiset {values[i] with weight w[i], repeated counts[i] times}:
     * {@link AbsoluteErrorMedian#weightedMedian} of the resample (each copy carries the row's weight).
     */
    private static double weightedMedian(double[] values, double[] w, int[] counts, int copies) {
        double[] resample = new double[copies];
        double[] resampleWeights = new double[copies];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                resampleWeights[j] = w[i];
                resample[j++] = values[i];
            }
        }
        return AbsoluteErrorMedian.weightedMedian(resample, resampleWeights);
    }
}
