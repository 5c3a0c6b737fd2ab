package org.losseval.accumulate;

import org.losseval.report.ContributionResult;
import org.losseval.report.FractionShare;
import org.losseval.report.LossContribution;
import org.losseval.report.OutlierResult;
import org.losseval.report.Range;
import org.losseval.report.WorstRow;
import java.math.BigDecimal;
import org.losseval.text.Numbers;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * How concentrated each loss of a run is: the worst row's, the worst k rows' and the worst fractions'
 * shares of the total (weighted) loss, the worst rows themselves, and the robust outliers of the residuals
 * with their share of each loss. Mergeable: an empty state is the identity, {@link #accept} adds a batch,
 * {@link #combine} adds another state, {@link #result} reads the figures without changing the state.
 *
 * <p>Definitions. A row's contribution to a loss is weight &times; row loss (weight 1 when unweighted); the
 * total is their exact sum ({@link ExactSum}), and a share is a row set's exact sum over the total. The
 * worst rows are ordered by contribution, largest first, ties to the smaller (source index, row number).
 * The worst fraction f of n rows is the worst ceil(f &times; n) rows (at least one). Outliers: see
 * {@link OutlierResult}. Example (the seed's houses, pred 210, 340, 400, target 200, 350, 180): the worst
 * row holds 48,400 / 48,600 = 99.59% of MSE, 220 / 240 = 91.67% of MAE and 3,187.5 / 3,287.5 = 96.96% of
 * Huber with &delta; = 15; it is also the one robust outlier (median 10, MAD 20, threshold 88.96).
 *
 * <p>Memory, and what is exact. The worst rows, the top-1 and top-k shares and the totals are always
 * exact: a heap of max(k, worst) rows per loss and one exact sum per loss (about 85 KiB), whatever the row
 * count. The top-fraction shares, the median, the MAD and the outlier figures need every row: the state
 * keeps each row's residual and each loss's contribution as doubles, <b>8 &times; (1 + losses) bytes per
 * row</b> (16 with one loss, 32 with three), and {@link #result} needs 8 bytes per row more while it runs.
 * When the kept rows would exceed {@link ContributionSettings#exactBudgetBytes} (256 MiB by default: 16.7
 * million rows with one loss, 8.4 million with three) the state folds them into a bounded summary
 * ({@link ContributionSummary}) whose size depends on the spread of the values, not on the row count
 * (typically a few MiB), and from then on those figures are brackets [low, high] that contain the exact
 * value: a top-fraction share's bracket is at most 0.39% of the share wide; see the summary for the
 * others. Whether the summary is used depends only on the total row count, so results do not depend on
 * how rows were split into batches, chunks or files, or on the order of merges. {@link
 * ContributionResult#exact()} and {@link Range#exact()} say which figures are exact.
 *
 * <p>Not thread-safe; combine per-thread states instead.
 */
public final class ContributionState {
    /** The most rows the per-row store keeps whatever the budget: {@link #result} copies them into one array. */
    static final long MAX_EXACT_ROWS = Integer.MAX_VALUE - 8;
    private final List<String> losses;
    private final boolean weighted;
    private final ContributionSettings settings;
    private final ExactSum[] totals;
    private final long[] undefinedRows;
    private final WorstRows[] worst;
    private long rows;
    /** Whether rows came with residuals (pred and target); without them outlier figures are undefined. */
    private boolean residualsKnown;
    /** The per-row store while within the budget (null after the switch to the summary). */
    private DoubleBlocks residuals = new DoubleBlocks();
    private DoubleBlocks[] contributions;
    private ContributionSummary summary;
    private double[] residualScratch = new double[0];
    private double[][] contributionScratch = new double[0][0];
    /** Batches at least this large spread their losses over the cores. */
    private static final int PARALLEL_MIN_ROWS = 4096;

    /**
     * @param losses   the names (specs or labels) of the losses, in the order of {@code rowLosses} in {@link #accept}
     * @param weighted whether rows carry weights
     */
    public ContributionState(List<String> losses, boolean weighted, ContributionSettings settings) {
        if (losses.isEmpty()) throw new IllegalArgumentException("no losses");
        this.losses = List.copyOf(losses);
        this.weighted = weighted;
        this.settings = settings;
        int l = losses.size();
        totals = new ExactSum[l];
        undefinedRows = new long[l];
        worst = new WorstRows[l];
        contributions = new DoubleBlocks[l];
        int heapSize = Math.max(1, Math.max(settings.topK(), settings.worstRows()));
        for (int i = 0; i < l; i++) {
            totals[i] = new ExactSum();
            worst[i] = new WorstRows(heapSize);
            contributions[i] = new DoubleBlocks();
        }
        if (settings.exactBudgetBytes() == 0) switchToSummary();
    }

    /** The bytes the per-row store needs for one row. */
    public int bytesPerRow() { return Double.BYTES * (1 + losses.size()); }

    /**
     * Adds rows {@code [0, n)} of one source.
     *
     * @param source    the index of the rows' source in the run's list of sources
     * @param rowNumber the 1-based row number of each index, e.g. {@code batch::rowNumber}
     * @param weight    the row weights, or null exactly when the state is unweighted
     * @param rowLosses {@code rowLosses[l][i]}: the loss l of row i, unweighted
     */
    public void accept(int source, IntToLongFunction rowNumber, double[] pred, double[] target, double[] weight,
                       double[][] rowLosses, int n) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted state" : "unexpected weights");
        }
        if (rowLosses.length != losses.size()) {
            throw new IllegalArgumentException("expected " + losses.size() + " row-loss arrays, got " + rowLosses.length);
        }
        if (residualScratch.length < n) {
            residualScratch = new double[n];
            contributionScratch = new double[losses.size()][n];
        }
        double[] r = residualScratch;
        for (int i = 0; i < n; i++) r[i] = pred[i] - target[i];
        if (n > 0 && !Double.isNaN(r[0])) residualsKnown = true;
        if (summary == null) {
            residuals.append(r, 0, n);
        } else {
            for (int i = 0; i < n; i++) summary.addResidual(r[i]);
        }
        // Each loss touches only its own sums, heap, store and buckets, so the losses of a large batch run side
        // by side on two cores; every loss still sees its rows in order, so the result does not change.
        IntStream lossIndexes = IntStream.range(0, losses.size());
        if (n >= PARALLEL_MIN_ROWS && losses.size() > 1) lossIndexes = lossIndexes.parallel();
        lossIndexes.forEach(l -> acceptLoss(l, source, rowNumber, pred, target, weight, rowLosses[l], r, n));
        rows += n;
        if (summary == null && overBudget(rows)) switchToSummary();
    }

    /** Adds another state of the same losses and settings; checks before changing anything. */
    public void combine(ContributionState other) {
        if (!other.losses.equals(losses) || other.weighted != weighted || !other.settings.equals(settings)) {
            throw new IllegalArgumentException("cannot combine contribution states of " + other.losses + " with " + losses);
        }
        for (int l = 0; l < losses.size(); l++) {
            totals[l].combine(other.totals[l]);
            undefinedRows[l] += other.undefinedRows[l];
            worst[l].combine(other.worst[l]);
        }
        if (summary == null && other.summary == null && !overBudget(rows + other.rows)) {
            residuals.append(other.residuals);
            for (int l = 0; l < losses.size(); l++) contributions[l].append(other.contributions[l]);
        } else {
            if (summary == null) switchToSummary();
            if (other.summary != null) {
                summary.combine(other.summary);
            } else {
                foldStore(other.residuals, other.contributions, summary);
            }
        }
        rows += other.rows;
        residualsKnown |= other.residualsKnown;
    }

    public long rows() { return rows; }

    /** True while every row is kept, i.e. every figure of {@link #result} is exact. */
    public boolean exact() { return summary == null; }

    /** Beyond the budget, or beyond what one array can hold when {@link #result} sorts the rows. */
    private boolean overBudget(long rowCount) {
        return rowCount > MAX_EXACT_ROWS || rowCount * bytesPerRow() > settings.exactBudgetBytes();
    }

    /** Adds one loss's contributions of a batch: its total, heap, undefined rows, and store or buckets. */
    private void acceptLoss(int l, int source, IntToLongFunction rowNumber, double[] pred, double[] target,
                            double[] weight, double[] loss, double[] r, int n) {
        double[] c = contributionScratch[l];
        for (int i = 0; i < n; i++) {
            // + 0.0 turns -0.0 into +0.0, so zero contributions share one bucket
            c[i] = (weighted ? weight[i] * loss[i] : loss[i]) + 0.0;
        }
        totals[l].addAll(c, n);
        WorstRows heap = worst[l];
        for (int i = 0; i < n; i++) {
            if (!(c[i] >= 0 && c[i] < Double.POSITIVE_INFINITY)) undefinedRows[l]++;
            if (heap.rejects(c[i])) continue;
            heap.offer(new WorstRow(source, rowNumber.applyAsLong(i), pred[i], target[i], r[i], loss[i],
                    weighted ? weight[i] : 1.0, c[i]));
        }
        if (summary == null) {
            contributions[l].append(c, 0, n);
        } else {
            addToSummary(l, r, c, n);
        }
    }

    private void addToSummary(int loss, double[] r, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            if (c[i] >= 0 && c[i] < Double.POSITIVE_INFINITY) summary.addContribution(loss, r[i], c[i]);
        }
    }

    private void switchToSummary() {
        summary = new ContributionSummary(losses.size());
        foldStore(residuals, contributions, summary);
        residuals = null;
        contributions = null;
    }

    private static void foldStore(DoubleBlocks residuals, DoubleBlocks[] contributions, ContributionSummary into) {
        long n = residuals.size();
        for (long i = 0; i < n; i++) into.addResidual(residuals.get(i));
        for (int l = 0; l < contributions.length; l++) {
            for (long i = 0; i < n; i++) {
                double c = contributions[l].get(i);
                if (c >= 0 && c < Double.POSITIVE_INFINITY) into.addContribution(l, residuals.get(i), c);
            }
        }
    }

    /** The figures of every loss; exact, or with brackets beyond the budget. */
    public ContributionResult result() {
        double factor = settings.outlierFactor();
        if (rows == 0) {
            Range none = Range.of(Double.NaN);
            List<LossContribution> empty = new ArrayList<>();
            for (int l = 0; l < losses.size(); l++) {
                List<FractionShare> fractions = new ArrayList<>();
                for (double f : settings.topFractions()) fractions.add(new FractionShare(f, 0, none));
                empty.add(new LossContribution(losses.get(l), 0.0, Double.NaN, settings.topK(), Double.NaN,
                        fractions, List.of(), none, 0));
            }
            return new ContributionResult(0, exact(), new OutlierResult(factor, none, none, none, Range.of(0)), empty);
        }
        return summary == null ? exactResult(factor) : summaryResult(factor);
    }

    private ContributionResult exactResult(double factor) {
        double[] work = residuals.toArray();
        double median = Selection.median(work);
        for (int i = 0; i < work.length; i++) work[i] = Math.abs(work[i] - median);
        double mad = Selection.median(work);
        double threshold = factor * OutlierResult.NORMAL_MAD_SCALE * mad;
        long outliers = 0;
        ExactSum[] outlierSums = new ExactSum[losses.size()];
        for (int l = 0; l < losses.size(); l++) outlierSums[l] = new ExactSum();
        for (long i = 0; i < rows; i++) {
            if (Math.abs(residuals.get(i) - median) > threshold) {
                outliers++;
                for (int l = 0; l < losses.size(); l++) outlierSums[l].add(contributions[l].get(i));
            }
        }
        boolean noResiduals = !residualsKnown; // no --pred/--target: outliers are undefined, not zero
        OutlierResult outlierResult = new OutlierResult(factor, Range.of(median), Range.of(mad),
                Range.of(threshold), Range.of(noResiduals ? Double.NaN : outliers));
        int[] counts = new int[settings.topFractions().size()];
        for (int i = 0; i < counts.length; i++) counts[i] = (int) fractionRows(settings.topFractions().get(i));
        // Each loss's selection is independent and reads only its own store: on two cores they run side by
        // side (a selection over 10^7 rows takes about 0.2 s), and the results do not depend on the order.
        List<LossContribution> results = java.util.stream.IntStream.range(0, losses.size()).parallel()
                .mapToObj(l -> {
                    List<Range> fractionSums = new ArrayList<>();
                    for (double sum : Selection.sumsOfLargest(contributions[l].toArray(), counts)) {
                        fractionSums.add(Range.of(sum));
                    }
                    return lossResult(l, fractionSums, Range.of(noResiduals ? Double.NaN : outlierSums[l].value()));
                })
                .toList();
        return new ContributionResult(rows, true, outlierResult, results);
    }

    private ContributionResult summaryResult(double factor) {
        ContributionSummary.Outliers outliers = summary.outliers(factor);
        Range none = Range.of(Double.NaN);
        OutlierResult outlierResult = residualsKnown
                ? new OutlierResult(factor, outliers.median(), outliers.mad(), outliers.threshold(), outliers.count())
                : new OutlierResult(factor, none, none, none, none);
        List<LossContribution> results = new ArrayList<>();
        for (int l = 0; l < losses.size(); l++) {
            List<WorstRow> kept = worst[l].sorted();
            List<Range> fractionSums = new ArrayList<>();
            for (double f : settings.topFractions()) {
                long m = fractionRows(f);
                // The heap holds the worst rows exactly; the summary is needed only beyond them.
                fractionSums.add(m <= kept.size() ? Range.of(sumOfFirst(kept, (int) m)) : summary.largestSum(l, m));
            }
            results.add(lossResult(l, fractionSums, residualsKnown ? summary.outlierSum(l, outliers) : none));
        }
        return new ContributionResult(rows, false, outlierResult, results);
    }

    private LossContribution lossResult(int l, List<Range> fractionSums, Range outlierSum) {
        double total = totals[l].value();
        boolean defined = undefinedRows[l] == 0 && total > 0;
        List<WorstRow> kept = worst[l].sorted();
        int k = settings.topK();
        double top1 = defined ? kept.get(0).contribution() / total : Double.NaN;
        double topK = defined ? sumOfFirst(kept, Math.min(k, kept.size())) / total : Double.NaN;
        List<FractionShare> fractions = new ArrayList<>();
        for (int i = 0; i < fractionSums.size(); i++) {
            double f = settings.topFractions().get(i);
            Range share = defined ? fractionSums.get(i).dividedBy(total) : Range.of(Double.NaN);
            fractions.add(new FractionShare(f, fractionRows(f), share));
        }
        Range outlierShare = defined ? outlierSum.dividedBy(total) : Range.of(Double.NaN);
        List<WorstRow> listed = kept.subList(0, Math.min(settings.worstRows(), kept.size()));
        return new LossContribution(losses.get(l), total, top1, k, topK, fractions, listed, outlierShare,
                undefinedRows[l]);
    }

    private static double sumOfFirst(List<WorstRow> rows, int m) {
        ExactSum sum = new ExactSum();
        for (int i = 0; i < m; i++) sum.add(rows.get(i).contribution());
        return sum.value();
    }

    /** ceil(f × rows), at least 1 and at most rows, with f read as its shortest decimal (0.07 × 100 = 7). */
    long fractionRows(double fraction) {
        long m = Numbers.decimal(fraction).multiply(BigDecimal.valueOf(rows))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, Math.min(rows, m));
    }
}
