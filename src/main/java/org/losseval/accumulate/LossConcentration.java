package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;
import org.losseval.report.CurvePoint;
import org.losseval.report.FractionShare;
import org.losseval.report.LossContribution;
import org.losseval.report.Range;
import org.losseval.report.WorstRow;
import org.losseval.text.Numbers;

/**
 * The loss-concentration part of a {@link ContributionState}: how much of each loss the worst rows hold.
 *
 * <p>Definitions. A row's contribution to a loss is weight &times; row loss (weight 1 when unweighted); the
 * total is their exact sum ({@link ExactSum}), and a share is a row set's exact sum over the total. The
 * worst rows are ordered by contribution, largest first, ties to the smaller (source index, row number)
 * ({@link WorstRow#WORST_FIRST}). The worst fraction f of n rows is the worst ceil(f &times; n) rows (at
 * least one), with f read as its shortest decimal ({@link #fractionRows}). Shares are NaN when there are no
 * rows, when the total is not positive, or when some contribution is negative or not finite (counted as
 * undefined rows). Example (the seed's houses, pred 210, 340, 400, target 200, 350, 180): the worst row
 * holds 48,400 / 48,600 = 99.59% of MSE, 220 / 240 = 91.67% of MAE and 3,187.5 / 3,287.5 = 96.96% of Huber
 * with &delta; = 15.
 *
 * <p>What is exact. The totals, the worst rows and the top-1 and top-k shares are always exact: a heap of
 * max(k, worst) rows per loss is kept here (about 85 KiB together with the defaults), whatever the row count;
 * the heap grows with the rows seen, never beyond them
 * ({@link WorstRows}), and k and worst are at most {@link ContributionSettings#MAX_KEPT_ROWS}. The top-fraction shares need every row and are read from the {@link RowStore}: exact within its
 * budget (one copy and one selection per loss for all fractions and curve points, each row summed once,
 * {@link LargestSums}); beyond it the heap
 * still gives the sum of the worst m rows exactly when m fits in it, and otherwise the summary gives a
 * bracket at most 2<sup>-8</sup> (0.39%) of the share wide ({@link ContributionSummary#largestSum}).
 *
 * <p>The total is one exact sum of every contribution, rounded once, read where the contributions already
 * are rather than summed a second time as the rows arrive: within the budget from the {@link RowStore}'s
 * column, beyond it from the summary's exact bucket sums ({@link ContributionSummary#addTotalTo}) of the
 * values in [0, {@link #SUMMED_BELOW}), plus the exact sum kept here of the others (negative, not finite, or
 * so large that a bucket's sum could leave the doubles; rare). Either way it is the same exact number, so the
 * same bits, as one {@link ExactSum} of every contribution. Measured in-process, four losses beyond the
 * budget: 7 ns a row less than adding each row to an exact sum (src/bench/README.md).
 *
 * <p>The concentration curve ({@link CurvePoint}) is the share of the worst m rows at m = 1, at
 * {@link #fractionRows} of each fraction of the 1-2-5 series from 10<sup>-9</sup> to 1 ({@link #CURVE_FRACTIONS})
 * and at m = n, without repeats: at most 29 points whatever the row count, each read from the store in the
 * same way, so exactly as exact (or as tightly bracketed) as the top-fraction shares.
 *
 * <p>Not thread-safe; combine per-thread states.
 */
final class LossConcentration {
    /** The fractions of the concentration curve: 1, 2 and 5 times each power of ten from 1e-9, and 1. */
    static final List<Double> CURVE_FRACTIONS = curveFractions();

    private final List<String> losses;
    private final ContributionSettings settings;
    /**
     * Below this a contribution's part of the total is read from the summary's bucket sums: a bucket's values lie
     * in one binade below 2<sup>900</sup>, so its sum (at most 2<sup>63</sup> values) stays below 2<sup>963</sup>
     * and each double it is split into is exact ({@link BucketSums#addExactTo}).
     */
    static final double SUMMED_BELOW = 0x1p900;
    /** The bits of {@link #SUMMED_BELOW}: a contribution's bits are in [0, this) exactly when it is in [+0.0, 2^900). */
    private static final long SUMMED_BELOW_BITS = Double.doubleToRawLongBits(SUMMED_BELOW);
    /** Per loss, the exact sum of the contributions outside [+0.0, {@link #SUMMED_BELOW}) (see the class comment). */
    private final ExactSum[] otherSums;
    private final long[] undefinedRows;
    private final WorstRows[] worst;

    LossConcentration(List<String> losses, ContributionSettings settings) {
        this.losses = losses;
        this.settings = settings;
        int l = losses.size();
        otherSums = new ExactSum[l];
        undefinedRows = new long[l];
        worst = new WorstRows[l];
        int heapSize = Math.max(1, Math.max(settings.topK(), settings.worstRows()));
        for (int i = 0; i < l; i++) {
            otherSums[i] = new ExactSum();
            worst[i] = new WorstRows(heapSize);
        }
    }

    /**
     * Adds a batch: each loss's undefined rows, the sum of its contributions outside [+0.0, 2^900), and its heap.
     *
     * @param batch        the rows (their pred, target and weight are what the worst-row list shows: NaN
     *                     for a column the run does not have, weight 1 when unweighted)
     * @param residual     pred - target per row, or null when the run has no residuals
     * @param contribution {@code contribution[l][i]}: weight &times; row loss of loss l
     * @param sharedWith   per loss, the loss whose parts hold its figures ({@link ContributionState}); only
     *                     the losses that hold their own are read and added
     */
    void accept(ContributionState.Batch batch, double[] residual, double[][] contribution, int[] sharedWith) {
        for (int l = 0; l < losses.size(); l++) {
            if (sharedWith[l] != l) continue;
            undefinedRows[l] += undefinedAndOthers(contribution[l], batch.size(), otherSums[l]);
            offer(worst[l], batch, residual, batch.rowLosses()[l], contribution[l]);
        }
    }

    /**
     * The contributions of {@code c[0, n)} that are negative or not finite, adding those outside
     * [+0.0, {@link #SUMMED_BELOW}) to {@code others}: one test of the bits for the usual row (a loop of its own:
     * see ContributionState).
     */
    private static long undefinedAndOthers(double[] c, int n, ExactSum others) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(c[i]);
            if (bits >= 0 && bits < SUMMED_BELOW_BITS) continue;
            others.add(c[i]);
            if (undefined(c[i])) count++;
        }
        return count;
    }

    /** The contributions of {@code c[0, n)} that are negative or not finite. */
    static long undefined(double[] c, int n) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            if (undefined(c[i])) count++;
        }
        return count;
    }

    /** Whether a contribution is negative or not finite: the rule of the undefined rows (the class comment). */
    private static boolean undefined(double c) {
        return !(c >= 0 && c < Double.POSITIVE_INFINITY);
    }

    /** Offers the heap each row it does not reject at a glance. */
    private static void offer(WorstRows heap, ContributionState.Batch batch, double[] residual, double[] loss, double[] c) {
        for (int i = 0; i < batch.size(); i++) {
            if (heap.rejects(c[i])) continue;
            heap.offer(new WorstRow(batch.source(), batch.rowNumber().applyAsLong(i), valueOrNaN(batch.pred(), i),
                    valueOrNaN(batch.target(), i), valueOrNaN(residual, i), loss[i],
                    batch.weight() == null ? 1.0 : batch.weight()[i], c[i]));
        }
    }

    /**
     * Adds another part of the same losses and settings (the owning state checks that): to each loss l that
     * holds its own figures here, the other part's loss {@code otherSharedWith[l]}.
     */
    void combine(LossConcentration other, int[] otherSharedWith, int[] sharedWith) {
        for (int l = 0; l < losses.size(); l++) {
            if (sharedWith[l] != l) continue;
            int o = otherSharedWith[l];
            otherSums[l].combine(other.otherSums[o]);
            undefinedRows[l] += other.undefinedRows[o];
            worst[l].combine(other.worst[o]);
        }
    }

    /** Makes loss {@code to}'s figures a copy of loss {@code from}'s (a loss that stops sharing). */
    void copyLoss(int from, int to) {
        otherSums[to] = new ExactSum();
        otherSums[to].combine(otherSums[from]);
        undefinedRows[to] = undefinedRows[from];
        worst[to] = new WorstRows(worst[from].capacity());
        worst[to].combine(worst[from]);
    }

    /**
     * The figures of every loss.
     *
     * @param store       the rows, for the top-fraction shares
     * @param outlierSums per loss, the (bracketed) sum of the outlier rows' contributions; NaN when undefined
     */
    List<LossContribution> result(RowStore store, List<Range> outlierSums, int[] sharedWith) {
        long rows = store.rows();
        List<LossContribution> results = new ArrayList<>();
        for (int l = 0; l < losses.size(); l++) {
            if (rows == 0) {
                results.add(empty(l));
            } else if (sharedWith[l] == l) {
                results.add(lossResult(l, store, outlierSums.get(l)));
            } else {
                LossContribution same = results.get(sharedWith[l]); // an earlier loss: already computed
                results.add(new LossContribution(losses.get(l), same.total(), same.shareTop1(), same.topK(),
                        same.shareTopK(), same.topFractions(), same.worstRows(), same.outlierShare(),
                        same.undefinedRows(), same.curve()));
            }
        }
        return results;
    }

    private LossContribution empty(int l) {
        Range none = Range.of(Double.NaN);
        List<FractionShare> fractions = new ArrayList<>();
        for (double f : settings.topFractions()) fractions.add(new FractionShare(f, 0, none));
        return new LossContribution(losses.get(l), 0.0, Double.NaN, settings.topK(), Double.NaN, fractions, List.of(),
                none, 0);
    }

    /**
     * The sums of the worst m rows for each m of {@code counts} (each in 1..rows). Only for a defined loss (no
     * negative or non-finite contribution, which {@link LargestSums} relies on; an undefined loss's shares are NaN
     * and need no sums).
     */
    private List<Range> largestSums(int l, RowStore store, List<Long> counts) {
        List<Range> sums = new ArrayList<>();
        if (store.exact()) {
            int[] exactCounts = new int[counts.size()];
            for (int i = 0; i < exactCounts.length; i++) exactCounts[i] = Math.toIntExact(counts.get(i));
            for (double sum : LargestSums.of(store.contributionColumn(l), exactCounts)) sums.add(Range.of(sum));
            return sums;
        }
        List<WorstRow> kept = worst[l].sorted();
        for (long m : counts) {
            // The heap holds the worst rows exactly; the summary is needed only beyond them.
            sums.add(m <= kept.size() ? Range.of(sumOfFirst(kept, (int) m)) : store.summary().largestSum(l, m));
        }
        return sums;
    }

    /** NaN for each count: an undefined loss's sums, which its shares (NaN) do not read. */
    private static List<Range> undefinedSums(int counts) {
        return java.util.Collections.nCopies(counts, Range.of(Double.NaN));
    }

    /** The rows of each curve point: 1, each curve fraction's rows and all rows, increasing, without repeats. */
    static List<Long> curveRows(long rows) {
        java.util.TreeSet<Long> counts = new java.util.TreeSet<>();
        counts.add(1L);
        for (double f : CURVE_FRACTIONS) counts.add(fractionRows(f, rows));
        counts.add(rows);
        return List.copyOf(counts);
    }

    private static List<CurvePoint> curve(RowStore store, List<Long> counts, List<Range> sums, double total,
                                          boolean defined) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            long m = counts.get(i);
            Range share = defined ? sums.get(i).dividedBy(total) : Range.of(Double.NaN);
            points.add(new CurvePoint(m, (double) m / store.rows(), share));
        }
        return points;
    }

    private static List<Double> curveFractions() {
        List<Double> fractions = new ArrayList<>();
        for (int exponent = -9; exponent < 0; exponent++) {
            for (int mantissa : new int[] {1, 2, 5}) fractions.add(Double.parseDouble(mantissa + "e" + exponent));
        }
        fractions.add(1.0);
        return List.copyOf(fractions);
    }

    private LossContribution lossResult(int l, RowStore store, Range outlierSum) {
        long rows = store.rows();
        // One pass over the loss's rows for the fractions and the curve: their counts in one list.
        List<Long> counts = new ArrayList<>();
        for (double f : settings.topFractions()) counts.add(fractionRows(f, rows));
        int fractionCount = counts.size();
        List<Long> curveCounts = curveRows(rows);
        counts.addAll(curveCounts);
        double total = total(l, store);
        boolean defined = undefinedRows[l] == 0 && total > 0;
        List<Range> sums = defined ? largestSums(l, store, counts) : undefinedSums(counts.size());
        List<Range> fractionSums = sums.subList(0, fractionCount);
        List<WorstRow> kept = worst[l].sorted();
        int k = settings.topK();
        double top1 = defined ? kept.get(0).contribution() / total : Double.NaN;
        double topK = defined ? sumOfFirst(kept, Math.min(k, kept.size())) / total : Double.NaN;
        List<FractionShare> fractions = new ArrayList<>();
        for (int i = 0; i < fractionSums.size(); i++) {
            double f = settings.topFractions().get(i);
            Range share = defined ? fractionSums.get(i).dividedBy(total) : Range.of(Double.NaN);
            fractions.add(new FractionShare(f, fractionRows(f, rows), share));
        }
        Range outlierShare = defined ? outlierSum.dividedBy(total) : Range.of(Double.NaN);
        List<WorstRow> listed = kept.subList(0, Math.min(settings.worstRows(), kept.size()));
        return new LossContribution(losses.get(l), total, top1, k, topK, fractions, listed, outlierShare,
                undefinedRows[l], curve(store, curveCounts, sums.subList(fractionCount, sums.size()), total, defined));
    }

    /**
     * The exact sum of every contribution to loss l, rounded once (the class comment): from the exact store's
     * {@code column} (before it is reordered), or from the summary and {@link #otherSums}.
     */
    private double total(int l, RowStore store) {
        ExactSum total = new ExactSum();
        if (store.exact()) {
            DoubleBlocks column = store.contributionColumn(l);
            double[] block = new double[DoubleBlocks.BLOCK];
            for (int b = 0; b < column.blocks(); b++) total.addAll(block, column.copyBlock(b, block));
        } else {
            store.summary().addTotalTo(l, total, SUMMED_BELOW);
            total.combine(otherSums[l]);
        }
        return total.value();
    }

    /** The slots the worst-row heap of a loss has allocated (tests of the memory rule, {@link WorstRows#slots}). */
    int worstRowSlots(int loss) { return worst[loss].slots(); }

    private static double sumOfFirst(List<WorstRow> rows, int m) {
        ExactSum sum = new ExactSum();
        for (int i = 0; i < m; i++) sum.add(rows.get(i).contribution());
        return sum.value();
    }

    private static double valueOrNaN(double[] values, int i) {
        return values == null ? Double.NaN : values[i];
    }

    /**
     * ceil(f &times; rows), at least 1 and at most rows, with f read as its shortest decimal, so that
     * 0.07 &times; 100 is 7 (in doubles it is 7.000000000000001, whose ceiling would be 8).
     */
    static long fractionRows(double fraction, long rows) {
        long m = Numbers.ceilTimes(fraction, rows);
        return Math.max(1, Math.min(rows, m));
    }
}
