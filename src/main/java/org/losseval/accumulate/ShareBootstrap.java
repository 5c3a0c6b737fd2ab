package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.losseval.report.DifferenceInference;

/**
 * The Poisson bootstrap of Δ = share<sub>candidate</sub> - share<sub>baseline</sub> for the loss shares of
 * {@link LossConcentration} (share_top1, share_topK and each --top-fraction share), on the same rows: the
 * inference behind the comparison of loss concentration with a baseline.
 *
 * <p><b>The statistic.</b> A share is a functional of the empirical distribution of the rows'
 * contributions c (weight &times; row loss, {@link ContributionState#contribution}): the sum of the worst m
 * rows over the total, with m = 1, K or ceil(f &times; n). Replicate b resamples the rows, row i appearing
 * k<sub>ib</sub> times ({@link PoissonBootstrap}: the same counts, from the seed, the row's input and row
 * number, as every other bootstrapped figure of the comparison), and the statistic is computed afresh on
 * the resample: the rows are <b>re-ranked within the replicate</b>, so
 * <pre>
 *   n_b = Σ k_ib                      (the replicate's rows, copies counted)
 *   T_b = Σ k_ib c_i                  (its total)
 *   S_b(m) = the sum of the m largest values of the multiset {c_i repeated k_ib times}
 *   share*_b = S_b(m_b) / T_b,  m_b = 1, min(K, n_b), or fractionRows(f, n_b) = max(1, ceil(f n_b))
 *   Δ*_b = share*_b(candidate) - share*_b(baseline)
 * </pre>
 * each model ranked by its own contributions. This is the plug-in bootstrap of the statistic as defined
 * (Efron &amp; Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, §6.2: the replicate is the same
 * function of the resample as the estimate is of the sample). The alternative, summing the replicate's
 * weights over the rows that are worst in the full sample (a threshold fixed from the full sample), treats
 * the set of worst rows as known, so it leaves out the variability of the ranking and understates the
 * interval; for a top fraction, a quantile-type functional (the tail mean above the 1-f quantile),
 * re-ranking is what makes the bootstrap consistent (Shao &amp; Tu, <i>The Jackknife and Bootstrap</i>,
 * 1995, §3.3). A replicate's share is undefined (NaN, left out of the percentiles) when its total is not
 * positive or it drew no row; a model's shares are undefined when some contribution is negative or not
 * finite, as {@link LossConcentration}'s. With every k = 1 the statistic is exactly the run's own share:
 * the same rows, the same exact sums rounded once ({@link #result} reports those values too, and the tests
 * hold them to {@link ContributionState}'s bit for bit).
 *
 * <p>Interval and p-value: {@link BootstrapDifference#percentile} (percentile interval, Davison &amp;
 * Hinkley's p-value). The sums are exact ({@link ExactSum}, {@link ReplicateSums}), and ties in the
 * ranking cannot change a sum, so the replicates are the same bits whatever the thread count, batch size,
 * partitioning or merge order.
 *
 * <p><b>Memory.</b> The statistic needs every row, so the state keeps, per row, its bootstrap key and both
 * models' contribution to each loss: <b>8 &times; (1 + 2 &times; losses) bytes per row</b> (24 with one
 * loss, 56 with three), charged to a budget of the size of the contribution budget
 * ({@link ContributionSettings#exactBudgetBytes}, capped by the heap as that one is). Beyond it (or beyond
 * {@link RowStore#MAX_EXACT_ROWS}) the rows are dropped and {@link Result#exact()} is false: the figures
 * then have no interval. As in {@link RowStore}, whether that happens depends only on the total row count.
 * {@link #result} needs, while it runs, a copy of the keys (8 bytes a row) and, one loss and model at a
 * time, a copy of its column (8 bytes a row) and its sorted index (4 bytes a row, twice).
 *
 * <p>Cost of {@link #result}: one pass over every row for every replicate's totals (B/4 hashes a row, and
 * B exact multiply-adds a row per loss and model, as {@link BootstrapDifference}), then per loss and model a
 * sort of the rows (n log n) and a walk down the ranking until every replicate has its largest m (about the
 * worst max(f) of the rows, B/4 hashes and up to B exact additions a row). The sort covers only the rows the
 * walk can reach: the worst max(m) rows and a margin ({@link #prefixRows}), found by a selection; on 10<sup>6</sup>
 * rows with a top fraction of 5% that is about a twentieth of a full sort. {@link #accept} only
 * stores. A plain state of plain fields (losses, settings, seed, replicates, confidence, the row count and
 * the stored columns), so that it can be encoded like the others. Not thread-safe.
 */
public final class ShareBootstrap implements MergeableState<ShareBootstrap, ShareBootstrap.Result> {
    /**
     * One share of one loss for both models.
     *
     * @param candidate the candidate's share (every k = 1)
     * @param baseline  the baseline's share
     * @param inference the interval of Δ and its p-value
     */
    public record Share(double candidate, double baseline, DifferenceInference inference) {}

    /**
     * @param loss   the loss's name
     * @param shares share_top1, share_topK, then one per --top-fraction in the settings' order
     */
    public record LossShares(String loss, List<Share> shares) {}

    /**
     * @param exact  whether every row was kept; when false there are no figures ({@code losses} is empty)
     * @param rows   rows accepted
     * @param losses per loss, in the state's order
     */
    public record Result(boolean exact, long rows, List<LossShares> losses) {
        public Result {
            losses = List.copyOf(losses);
        }
    }


    private final List<String> losses;
    private final boolean weighted;
    private final ContributionSettings settings;
    private final long seed;
    private final int replicates;
    private final double confidence;
    private long rows;
    /** The rows' bootstrap keys; null beyond the budget. */
    private KeyBlocks keys = new KeyBlocks();
    /** contributions[model][loss], model 0 the candidate and 1 the baseline; null beyond the budget. */
    private DoubleBlocks[][] contributions;
    private transient double[] scratch = new double[0];

    /**
     * @param losses     the names of the losses, in the order of the row-loss arrays of {@link #accept}
     * @param weighted   whether rows carry sample weights
     * @param settings   top K, the top fractions and the budget (capped by the heap by the caller)
     * @param seed       the bootstrap seed
     * @param replicates B, at least 1
     * @param confidence the level of the intervals, in (0, 1)
     */
    public ShareBootstrap(List<String> losses, boolean weighted, ContributionSettings settings, long seed,
                          int replicates, double confidence) {
        if (losses.isEmpty()) throw new IllegalArgumentException("no losses");
        if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        this.losses = List.copyOf(losses);
        this.weighted = weighted;
        this.settings = settings;
        this.seed = seed;
        this.replicates = replicates;
        this.confidence = confidence;
        contributions = new DoubleBlocks[2][losses.size()];
        for (int m = 0; m < 2; m++) {
            for (int l = 0; l < losses.size(); l++) contributions[m][l] = new DoubleBlocks();
        }
    }

    /** The bytes the budget is charged per row: the key and two contributions per loss. */
    public static int bytesPerRow(int losses) { return Long.BYTES + 2 * Double.BYTES * losses; }

    /**
     * Adds rows {@code [0, n)} of one input.
     *
     * @param input     the input's index, from 0 in the order given
     * @param rowNumber each row's number in its input, from 1
     * @param weight    the sample weights, or null exactly when the state is unweighted
     * @param candidate {@code candidate[l][i]}: the candidate's loss l of row i before the sample weight
     *                  ({@link ContributionState.Batch#rowLosses()})
     * @param baseline  the baseline's, likewise
     */
    public void accept(int input, IntToLongFunction rowNumber, double[] weight, double[][] candidate,
                       double[][] baseline, int n) {
        if (weighted != (weight != null)) throw new IllegalArgumentException(weighted ? "weights missing" : "unexpected weights");
        if (candidate.length != losses.size() || baseline.length != losses.size()) {
            throw new IllegalArgumentException("expected " + losses.size() + " row-loss arrays per model");
        }
        if (keys != null && overBudget(rows + n)) drop();
        rows += n;
        if (keys == null) return;
        for (int i = 0; i < n; i++) keys.add(PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i)));
        if (scratch.length < n) scratch = new double[n];
        double[][][] models = {candidate, baseline};
        for (int m = 0; m < 2; m++) {
            for (int l = 0; l < losses.size(); l++) {
                double[] loss = models[m][l];
                ContributionState.contributions(weight, loss, scratch, n);
                contributions[m][l].append(scratch, 0, n);
            }
        }
    }

    private boolean overBudget(long rowCount) {
        return rowCount > RowStore.MAX_EXACT_ROWS || rowCount * bytesPerRow(losses.size()) > settings.exactBudgetBytes();
    }

    private void drop() {
        keys = null;
        contributions = null;
    }

    /** Adds another state of the same losses, weighting, settings, seed, replicates and level; checks first. */
    @Override
    public void combine(ShareBootstrap other) {
        if (!other.losses.equals(losses) || other.weighted != weighted || !other.settings.equals(settings)
                || other.seed != seed || other.replicates != replicates || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the share bootstrap of " + other.losses + " (seed "
                    + other.seed + ", " + other.replicates + " replicates) with " + losses + " (seed " + seed + ", "
                    + replicates + " replicates)");
        }
        if (keys != null && (other.keys == null || overBudget(rows + other.rows))) drop();
        if (keys != null) {
            keys.addAll(other.keys);
            for (int m = 0; m < 2; m++) {
                for (int l = 0; l < losses.size(); l++) contributions[m][l].append(other.contributions[m][l]);
            }
        }
        rows += other.rows;
    }

    /** Whether every row is kept, so that {@link #result} has figures. */
    public boolean exact() { return keys != null; }

    @Override
    public Result result() {
        if (keys == null) return new Result(false, rows, List.of());
        Sample sample = new Sample();
        List<LossShares> results = new ArrayList<>();
        for (int l = 0; l < losses.size(); l++) {
            LossFigures figures = figures(l, sample);
            List<Share> shares = new ArrayList<>();
            for (int s = 0; s < figures.deltas.length; s++) {
                shares.add(new Share(figures.candidate[s], figures.baseline[s],
                        BootstrapDifference.percentile(figures.deltas[s], confidence, sample.keys.length)));
            }
            results.add(new LossShares(losses.get(l), shares));
        }
        return new Result(true, rows, results);
    }

    /** The replicates' Δ* of one share of one loss (index as in {@link LossShares#shares}), in replicate order. */
    public double[] replicateDeltas(int loss, int share) {
        if (keys == null) throw new IllegalStateException("beyond the budget: no replicates");
        return figures(loss, new Sample()).deltas[share].clone();
    }

    /**
     * The rows' keys, each replicate's m of every share and each replicate's total T_b of every loss and model:
     * one pass over the rows, a block at a time, drawing each row's counts once for all of them.
     */
    private final class Sample {
        final long[] keys = ShareBootstrap.this.keys.toArray();
        /** Per replicate, the m of each share (null for a replicate that drew no row); [0] of the sample itself. */
        final long[][] replicateTargets = new long[replicates][];
        final long[][] sampleTargets = {targets(keys.length)};
        /** The largest m of any share in any replicate or the sample. */
        long maxTarget;
        /** totals[model][loss][b]: Σ k_ib c_i exactly, rounded once. */
        final double[][][] totals = new double[2][losses.size()][replicates];

        Sample() {
            double[] counts = new double[replicates];
            long[] drawn = new long[replicates];
            ReplicateSums[][] sums = new ReplicateSums[2][losses.size()];
            double[][][] block = new double[2][losses.size()][KeyBlocks.BLOCK];
            for (int m = 0; m < 2; m++) {
                for (int l = 0; l < losses.size(); l++) sums[m][l] = new ReplicateSums(replicates);
            }
            for (int k = 0; k < ShareBootstrap.this.keys.blockCount(); k++) {
                int fill = 0;
                for (int m = 0; m < 2; m++) {
                    for (int l = 0; l < losses.size(); l++) fill = contributions[m][l].copyBlock(k, block[m][l]);
                }
                long[] keyBlock = ShareBootstrap.this.keys.block(k);
                for (int i = 0; i < fill; i++) {
                    PoissonBootstrap.counts(keyBlock[i], counts, replicates);
                    for (int b = 0; b < replicates; b++) drawn[b] += (long) counts[b];
                    for (int m = 0; m < 2; m++) {
                        for (int l = 0; l < losses.size(); l++) sums[m][l].add(block[m][l][i], counts);
                    }
                }
            }
            for (int b = 0; b < replicates; b++) replicateTargets[b] = targets(drawn[b]);
            for (long[][] targets : new long[][][] {replicateTargets, sampleTargets}) {
                for (long[] t : targets) {
                    if (t != null) for (long m : t) maxTarget = Math.max(maxTarget, m);
                }
            }
            for (int m = 0; m < 2; m++) {
                for (int l = 0; l < losses.size(); l++) {
                    for (int b = 0; b < replicates; b++) totals[m][l][b] = sums[m][l].value(b);
                }
            }
        }
    }

    /** One loss's point shares per model and Δ* per share and replicate. */
    private record LossFigures(double[] candidate, double[] baseline, double[][] deltas) {}

    private LossFigures figures(int l, Sample sample) {
        int figures = 2 + settings.topFractions().size();
        double[][] point = new double[2][];
        double[][][] replicate = new double[2][][];
        for (int m = 0; m < 2; m++) {
            double[] c = contributions[m][l].toArray();
            if (LossConcentration.undefined(c, c.length) > 0) continue; // shares NaN, as LossConcentration's
            int[] order = worstFirst(c, prefixRows(sample.maxTarget, c.length));
            double[][] sums = walk(c, order, sample.keys, sample.replicateTargets, false);
            if (sums == null) { // a replicate needed rows beyond the prefix: rank them all
                order = worstFirst(c, c.length);
                sums = walk(c, order, sample.keys, sample.replicateTargets, false);
            }
            point[m] = shares(walk(c, order, sample.keys, sample.sampleTargets, true)[0], exactTotal(c));
            replicate[m] = new double[replicates][];
            for (int b = 0; b < replicates; b++) replicate[m][b] = shares(sums[b], sample.totals[m][l][b]);
        }
        double[] candidate = new double[figures];
        double[] baseline = new double[figures];
        double[][] deltas = new double[figures][replicates];
        for (int s = 0; s < figures; s++) {
            candidate[s] = point[0] == null ? Double.NaN : point[0][s];
            baseline[s] = point[1] == null ? Double.NaN : point[1][s];
            for (int b = 0; b < replicates; b++) {
                deltas[s][b] = replicate[0] == null || replicate[1] == null || replicate[0][b] == null
                        || replicate[1][b] == null ? Double.NaN : replicate[0][b][s] - replicate[1][b][s];
            }
        }
        return new LossFigures(candidate, baseline, deltas);
    }

    /** The m of each share for a (re)sample of {@code size} rows: 1, min(K, size), then each fraction's rows. */
    private long[] targets(long size) {
        List<Double> fractions = settings.topFractions();
        long[] m = new long[2 + fractions.size()];
        if (size == 0) return null; // a replicate that drew no row: its shares are undefined
        m[0] = 1;
        m[1] = Math.min(settings.topK(), size);
        for (int f = 0; f < fractions.size(); f++) m[2 + f] = LossConcentration.fractionRows(fractions.get(f), size);
        return m;
    }

    /** sums[s] / total, or NaN (for every s) when the total is not positive or there are no sums. */
    private static double[] shares(double[] sums, double total) {
        if (sums == null) return null;
        double[] shares = new double[sums.length];
        for (int s = 0; s < sums.length; s++) shares[s] = total > 0 ? sums[s] / total : Double.NaN;
        return shares;
    }

    /** The sample's total Σ c exactly, rounded once (every k = 1). */
    private static double exactTotal(double[] c) {
        ExactSum sum = new ExactSum();
        sum.addAll(c, c.length);
        return sum.value();
    }

    /**
     * S_b(m) for each replicate b and each m of {@code targets[b]} (null: a replicate without rows, whose sums
     * are null): the rows in descending order of contribution, each taken k times, until the running exact sum
     * has taken m values. With {@code unit} there is one "replicate" whose every k is 1. {@code order} may be
     * a prefix of the ranking (the worst rows, ties included whole); null when some replicate needs more.
     */
    private double[][] walk(double[] c, int[] order, long[] rowKeys, long[][] unordered, boolean unit) {
        // The walk meets each replicate's m in increasing order; the shares' m are not (K may exceed a top
        // fraction's rows): walk the sorted m, then read each share's sum by its m (equal m, equal sums).
        long[][] targets = new long[unordered.length][];
        for (int b = 0; b < unordered.length; b++) {
            if (unordered[b] == null) continue;
            targets[b] = unordered[b].clone();
            java.util.Arrays.sort(targets[b]);
        }
        int b0 = targets.length;
        double[][] sums = new double[b0][];
        ExactSum[] running = new ExactSum[b0];
        long[] taken = new long[b0];
        int[] next = new int[b0];
        int open = 0;
        for (int b = 0; b < b0; b++) {
            if (targets[b] == null) continue;
            sums[b] = new double[targets[b].length];
            running[b] = new ExactSum();
            open++;
        }
        double[] counts = new double[replicates];
        for (int j = 0; j < order.length && open > 0; j++) {
            int row = order[j];
            double v = c[row];
            if (unit) counts[0] = 1;
            else PoissonBootstrap.counts(rowKeys[row], counts, replicates);
            for (int b = 0; b < b0; b++) {
                long[] t = targets[b];
                if (t == null || next[b] == t.length) continue;
                int k = (int) counts[b];
                while (k > 0 && next[b] < t.length) {
                    long take = Math.min(k, t[next[b]] - taken[b]);
                    for (long copy = 0; copy < take; copy++) running[b].add(v);
                    taken[b] += take;
                    k -= (int) take;
                    // every target met at this many values (targets may repeat, e.g. K = 1)
                    while (next[b] < t.length && t[next[b]] == taken[b]) sums[b][next[b]++] = running[b].value();
                }
                if (next[b] == t.length) open--;
            }
        }
        if (open > 0) return null;
        double[][] byShare = new double[b0][];
        for (int b = 0; b < b0; b++) {
            if (unordered[b] == null) continue;
            byShare[b] = new double[unordered[b].length];
            for (int s = 0; s < byShare[b].length; s++) {
                byShare[b][s] = sums[b][java.util.Arrays.binarySearch(targets[b], unordered[b][s])];
            }
        }
        return byShare;
    }

    /**
     * How many of the worst rows to rank: the largest m any replicate needs, and a margin for the replicates
     * whose worst rows were drawn fewer times than once each (their copies among the worst r rows are
     * r ± a few √r: Σ k has mean r and variance r). Should a replicate still need more, {@link #figures}
     * ranks every row; the result is the same either way, as the prefix is the ranking's own.
     */
    static int prefixRows(long maxTarget, int rows) {
        long margin = 8 * (long) Math.ceil(Math.sqrt(maxTarget)) + 64;
        return (int) Math.min(rows, maxTarget + margin);
    }

    /**
     * The indexes of the worst {@code r} rows (and of every row that ties with the r-th), in descending order
     * of contribution: a selection of the r-th largest value (linear time, {@link Selection}), then a sort of
     * those rows only, so that a top fraction of 5% costs a sort of 5% of the rows.
     */
    static int[] worstFirst(double[] c, int r) {
        int n = c.length;
        if (r >= n) return descending(c, null);
        double threshold = Selection.select(c.clone(), n - r);
        int count = 0;
        for (double v : c) if (v >= threshold) count++;
        int[] rows = new int[count];
        int j = 0;
        for (int i = 0; i < n; i++) if (c[i] >= threshold) rows[j++] = i;
        return descending(c, rows);
    }

    /**
     * The indexes {@code rows} (every row when null) in descending order of contribution (a stable merge sort:
     * ties keep row order).
     */
    static int[] descending(double[] c, int[] rows) {
        int[] order = rows != null ? rows : new int[c.length];
        int n = order.length;
        if (rows == null) for (int i = 0; i < n; i++) order[i] = i;
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int low = 0; low < n - width; low += 2 * width) {
                int mid = low + width;
                int high = Math.min(low + 2 * width, n);
                int a = low;
                int b = mid;
                int o = low;
                while (a < mid && b < high) buffer[o++] = c[order[b]] > c[order[a]] ? order[b++] : order[a++];
                while (a < mid) buffer[o++] = order[a++];
                while (b < high) buffer[o++] = order[b++];
                System.arraycopy(buffer, low, order, low, high - low);
            }
        }
        return order;
    }

}
