package org.losseval.accumulate;

import java.util.List;
import java.util.function.IntToLongFunction;
import org.losseval.report.ContributionResult;
import org.losseval.report.Range;

/**
 * How concentrated each loss of a run is, and which rows are robust outliers: the mergeable state behind
 * {@link ContributionResult}. It is three parts over one row store, and a histogram beside them:
 * <ul>
 *   <li>{@link LossConcentration}: totals, worst rows, top-1, top-k and top-fraction shares (formulas,
 *       and what is always exact, there);</li>
 *   <li>{@link ResidualOutliers}, only when the run has predictions and targets ({@link #withResiduals}):
 *       median, MAD, threshold, outlier count and each loss's outlier share; without them
 *       ({@link #withoutResiduals}) those figures are NaN;</li>
 *   <li>{@link RowStore}: each row's residual and contributions, exact within
 *       {@link ContributionSettings#exactBudgetBytes}, a bounded summary beyond it (memory per row, and
 *       the bracket guarantees, there);</li>
 *   <li>{@link ResidualHistogramState}, with residuals: their counts per octave, exact at any row count.</li>
 * </ul>
 *
 * <p>A row's contribution to a loss is weight &times; row loss (weight 1 when unweighted), made +0.0 when
 * it is -0.0 so that zero contributions share one summary bucket.
 *
 * <p>Losses with the same row losses share one set of parts. mse and rmse, for example, have the same row
 * losses (squared errors), so their figures are the same but for the name, and every part would do the same
 * work twice. While every row a state has seen gave loss l the same row losses, bit for bit, as an earlier
 * loss m, loss l keeps nothing of its own and reads m's figures ({@link #sharedWith}); at the first row that
 * tells them apart, l gets a copy of m's parts and goes on alone. The figures are the same bits either way:
 * the parts of l would have received exactly what m's did. Only the work and memory change, never the
 * budget's switch (charged for every loss, {@link RowStore#bytesPerRow}).
 *
 * <p>Not thread-safe, and starts no threads; combine per-thread states instead. The losses of one state
 * are accepted one after another: running them side by side measured 1.16 &plusmn; 0.19&times; faster on
 * two cores (within noise), and a state that starts threads cannot be the per-partition or per-group
 * state a Spark executor or a {@code --group-by} needs.
 */
public final class ContributionState implements MergeableState<ContributionState, ContributionResult> {
    /**
     * The rows of one batch of one source that a contribution state reads, rows {@code [0, size)}.
     *
     * @param source    the index of the rows' source in the run's list of sources
     * @param rowNumber the 1-based row number of each index, e.g. {@code batch::rowNumber}
     * @param pred      the predictions, or null when the run has none (worst rows then show NaN)
     * @param target    the targets (values or labels), or null when the run has none
     * @param weight    the sample weights, or null exactly when the state is unweighted
     * @param rowLosses {@code rowLosses[l][i]}: loss l of row i before the sample weight (times the loss's
     *                  own row weight, {@link LossState#rowLosses()}), in the state's order of losses
     */
    public record Batch(int source, IntToLongFunction rowNumber, double[] pred, double[] target, double[] weight,
                        double[][] rowLosses, int size) {}

    private final List<String> losses;
    private final boolean weighted;
    private final ContributionSettings settings;
    private final LossConcentration concentration;
    private final ResidualOutliers outliers;
    private final RowStore store;
    private final ResidualHistogramState histogram;
    /** sharedWith[l]: the loss whose parts hold loss l's figures; l itself, or an earlier loss that holds its own. */
    private final int[] sharedWith;
    private transient double[] residualScratch = new double[0];
    private transient double[][] contributionScratch;

    private ContributionState(List<String> losses, boolean weighted, boolean withResiduals,
                              ContributionSettings settings) {
        if (losses.isEmpty()) throw new IllegalArgumentException("no losses");
        this.losses = List.copyOf(losses);
        this.weighted = weighted;
        this.settings = settings;
        concentration = new LossConcentration(this.losses, settings);
        outliers = withResiduals ? new ResidualOutliers(settings.outlierFactor()) : null;
        store = new RowStore(losses.size(), withResiduals, settings.exactBudgetBytes());
        histogram = withResiduals ? new ResidualHistogramState() : null;
        contributionScratch = new double[losses.size()][0]; // one per loss even before a row: a batch may be empty
        sharedWith = new int[losses.size()];
        for (int l = 0; l < sharedWith.length; l++) sharedWith[l] = l;
    }

    /**
     * A state for a run with predictions and targets, so with residuals and their outliers.
     *
     * @param losses   the names (labels or specs) of the losses, in the order of {@link Batch#rowLosses}
     * @param weighted whether rows carry sample weights
     */
    public static ContributionState withResiduals(List<String> losses, boolean weighted, ContributionSettings settings) {
        return new ContributionState(losses, weighted, true, settings);
    }

    /** A state for a run without predictions or without targets: no residuals, so no outlier figures. */
    public static ContributionState withoutResiduals(List<String> losses, boolean weighted,
                                                     ContributionSettings settings) {
        return new ContributionState(losses, weighted, false, settings);
    }

    /**
     * A row's contribution: weight &times; row loss, made +0.0 when it is -0.0 (the class comment); the one
     * rule, also {@link ShareBootstrap}'s. An unweighted row has weight 1 (1 &times; x is x exactly).
     */
    static double contribution(double weight, double rowLoss) {
        return weight * rowLoss + 0.0;
    }

    /** Adds a batch; checks it fits the state before changing anything. */
    public void accept(Batch batch) {
        if (weighted != (batch.weight() != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted state" : "unexpected weights");
        }
        if (batch.rowLosses().length != losses.size()) {
            throw new IllegalArgumentException("expected " + losses.size() + " row-loss arrays, got " + batch.rowLosses().length);
        }
        if ((outliers != null) != (batch.pred() != null && batch.target() != null)) {
            throw new IllegalArgumentException(outliers != null ? "predictions and targets missing for a state with residuals"
                    : "predictions and targets given to a state without residuals");
        }
        int n = batch.size();
        share(batch.rowLosses(), n);
        if (residualScratch.length < n) {
            residualScratch = new double[n];
            contributionScratch = new double[losses.size()][n];
        }
        double[] residual = null;
        if (outliers != null) {
            residual = residualScratch;
            residuals(batch.pred(), batch.target(), residual, n);
        }
        for (int l = 0; l < losses.size(); l++) {
            if (sharedWith[l] == l) contributions(batch.weight(), batch.rowLosses()[l], contributionScratch[l], n);
        }
        if (histogram != null) histogram.accept(residual, n); // first: it refuses a NaN residual
        concentration.accept(batch, residual, contributionScratch, sharedWith);
        store.accept(residual, contributionScratch, n, sharedWith);
    }

    /*
     * The row loops of a batch are small methods of their own, and the methods that run once a batch have none:
     * the JIT's optimizing compiler then compiles each loop once, where a batch-level method with loops got
     * compiled on its loops' counts (on-stack replacement, then again whole) with every callee inlined, which
     * cost more compiler time than the loops ran (src/bench/README.md).
     */

    private static void residuals(double[] pred, double[] target, double[] residual, int n) {
        for (int i = 0; i < n; i++) residual[i] = pred[i] - target[i];
    }

    /** The rows' contributions ({@link #contribution}; + 0.0 turns -0.0 into +0.0, so zeros share one bucket). */
    static void contributions(double[] weight, double[] loss, double[] c, int n) {
        if (weight == null) {
            for (int i = 0; i < n; i++) c[i] = loss[i] + 0.0;
        } else {
            for (int i = 0; i < n; i++) c[i] = contribution(weight[i], loss[i]);
        }
    }

    /**
     * Updates {@link #sharedWith} for a batch: a state without rows shares each loss with the first earlier
     * loss of the same row losses in the batch; one with rows only stops sharing a loss whose row losses
     * differ from those of the loss it shares with.
     */
    private void share(double[][] rowLosses, int n) {
        boolean fresh = store.rows() == 0;
        for (int l = 1; l < sharedWith.length; l++) {
            if (fresh) {
                sharedWith[l] = l;
                for (int m = 0; m < l; m++) {
                    if (sharedWith[m] == m && sameBits(rowLosses[m], rowLosses[l], n)) {
                        sharedWith[l] = m;
                        break;
                    }
                }
            } else if (sharedWith[l] != l && !sameBits(rowLosses[sharedWith[l]], rowLosses[l], n)) {
                unshare(l);
            }
        }
    }

    /** Gives loss l a copy of the parts it shared, from which it goes on alone. */
    private void unshare(int l) {
        concentration.copyLoss(sharedWith[l], l);
        store.copyLoss(sharedWith[l], l);
        sharedWith[l] = l;
    }

    private static boolean sameBits(double[] a, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return false;
        }
        return true;
    }

    /** Adds another state of the same losses, weighting, residual layout and settings; checks first. */
    @Override
    public void combine(ContributionState other) {
        if (!other.losses.equals(losses) || other.weighted != weighted || !other.settings.equals(settings)
                || !store.compatible(other.store)) {
            throw new IllegalArgumentException("cannot combine contribution states of " + other.losses + " with " + losses
                    + " (losses, weighting, residuals and settings must agree)");
        }
        if (store.rows() == 0) {
            System.arraycopy(other.sharedWith, 0, sharedWith, 0, sharedWith.length); // nothing here to copy
        } else {
            for (int l = 0; l < sharedWith.length; l++) {
                if (sharedWith[l] != l && sharedWith[l] != other.sharedWith[l]) unshare(l);
            }
        }
        // Now each loss l here either shares as in the other state or holds its own parts, which take the
        // other state's loss other.sharedWith[l].
        concentration.combine(other.concentration, other.sharedWith, sharedWith);
        if (histogram != null) histogram.combine(other.histogram);
        store.combine(other.store, other.sharedWith, sharedWith);
    }

    public long rows() { return store.rows(); }

    /**
     * Tells the state that it will be combined into a state of {@code totalRows} rows or more: when those are
     * beyond the budget it folds its rows into the summary now, on the caller's thread, rather than in the
     * {@link #combine} that would have to. The figures do not change (the combined state would summarize
     * anyway, and a summary is the same whatever the order of rows and merges); what changes is where the
     * work is done: a file read in ranges on several threads folds each range on its own thread
     * ({@code app.SplitReading}) instead of every row on one thread after them.
     */
    public void expectRows(long totalRows) {
        store.expectRows(totalRows, sharedWith);
    }

    /** True while every row is kept, i.e. every figure of {@link #result} is exact. */
    public boolean exact() { return store.exact(); }

    /** The figures of every loss; exact, or with brackets beyond the budget ({@link Range#exact()} says which). */
    @Override
    public ContributionResult result() {
        ResidualOutliers.Figures outlierFigures = outliers == null
                ? ResidualOutliers.notAvailable(settings.outlierFactor(), losses.size())
                : outliers.figures(store, sharedWith);
        return new ContributionResult(store.rows(), store.exact(), outlierFigures.result(),
                concentration.result(store, outlierFigures.lossSums(), sharedWith),
                histogram == null ? null : histogram.result());
    }

    /** The slots the worst-row heap of a loss has allocated (tests of the memory rule). */
    int worstRowSlots(int loss) { return concentration.worstRowSlots(loss); }

    /** The loss whose parts hold loss l's figures (tests of the sharing). */
    int sharedWith(int loss) { return sharedWith[loss]; }
}
