package org.losseval.accumulate;

/**
 * The budgeted row store behind the contribution figures: per row, its residual (only when the run has
 * predictions and targets) and its contribution to each loss, for the figures that need every row (the
 * top-fraction shares in {@link LossConcentration}; the median, MAD and outlier figures in
 * {@link ResidualOutliers}).
 *
 * <p>Within the budget the rows are kept exactly, as doubles in {@link DoubleBlocks}, and those figures
 * are exact. Memory: the budget is charged <b>8 &times; (1 + losses) bytes per row</b> (16 with one loss,
 * 32 with three), and a figure computed from the rows needs 8 bytes per row more while it runs (one copy
 * to select in). When the rows would exceed {@link ContributionSettings#exactBudgetBytes} (256 MiB by
 * default: 16.7 million rows with one loss, 8.4 million with three), or {@link #MAX_EXACT_ROWS}, the store
 * folds them into a bounded {@link ContributionSummary}, whose size depends on the spread of the values,
 * not on the row count (typically a few MiB); from then on those figures are brackets that contain the
 * exact value. Whether it has switched depends only on the total row count, never on how the rows were
 * split into batches, chunks, files or states, or on the order of merges, so the figures do not either.
 *
 * <p>Why the budget is charged for a residual column even when there is none: before the store had a
 * layout without residuals, such runs kept a column of NaN, and charging the same keeps every switch, and
 * so every figure of every run, where it was. Without residuals the store holds 8 &times; losses bytes per
 * row, so it stays within its budget; charging only that would keep such runs exact for longer.
 *
 * <p>Contributions that are negative or not finite are kept in the exact store (they make the shares
 * undefined, see {@link LossConcentration}) and left out of the summary, which needs finite values &ge; 0.
 * Not thread-safe; combine per-thread states.
 */
final class RowStore {
    /** The most rows the exact store keeps whatever the budget: figures copy a column into one array. */
    static final long MAX_EXACT_ROWS = Integer.MAX_VALUE - 8;

    private final int losses;
    private final boolean withResiduals;
    private final long budgetBytes;
    private long rows;
    /** The exact columns while within the budget; null after the switch (and residuals null without them). */
    private DoubleBlocks residuals;
    private DoubleBlocks[] contributions;
    /** The summary after the switch; null while exact. */
    private ContributionSummary summary;

    RowStore(int losses, boolean withResiduals, long budgetBytes) {
        this.losses = losses;
        this.withResiduals = withResiduals;
        this.budgetBytes = budgetBytes;
        residuals = withResiduals ? new DoubleBlocks() : null;
        contributions = new DoubleBlocks[losses];
        for (int l = 0; l < losses; l++) contributions[l] = new DoubleBlocks();
        if (budgetBytes == 0) switchToSummary(null);
    }

    /** The bytes the budget is charged per row (see the class comment). */
    static int bytesPerRow(int losses) { return Double.BYTES * (1 + losses); }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param residual      each row's pred - target, or null exactly when the store has no residuals
     * @param contribution  {@code contribution[l][i]}: row i's contribution to loss l
     * @param sharedWith    per loss, the loss whose column holds its contributions ({@link ContributionState});
     *                      only the losses that hold their own are read and kept
     */
    void accept(double[] residual, double[][] contribution, int n, int[] sharedWith) {
        if (withResiduals != (residual != null)) {
            throw new IllegalArgumentException(withResiduals ? "residuals missing" : "unexpected residuals");
        }
        if (summary == null) {
            if (withResiduals) residuals.append(residual, 0, n);
            for (int l = 0; l < losses; l++) {
                if (sharedWith[l] == l) contributions[l].append(contribution[l], 0, n);
            }
        } else {
            summary.addRows(residual, contribution, 0, n, sharedWith);
        }
        rows += n;
        if (summary == null && overBudget(rows)) switchToSummary(sharedWith);
    }

    /**
     * Switches to the summary now when {@code totalRows}, the rows of the store this one will be combined into,
     * are beyond the budget ({@link ContributionState#expectRows}); sharedWith as in {@link #accept}.
     */
    void expectRows(long totalRows, int[] sharedWith) {
        if (totalRows < rows) throw new IllegalArgumentException("expected " + totalRows + " rows, already " + rows);
        if (summary == null && overBudget(totalRows)) switchToSummary(rows == 0 ? null : sharedWith);
    }

    /** Whether the other store has the same layout and budget, so that {@link #combine} can take it. */
    boolean compatible(RowStore other) {
        return other.losses == losses && other.withResiduals == withResiduals && other.budgetBytes == budgetBytes;
    }

    /**
     * Adds another store's rows; the caller has checked {@link #compatible}. The other store is not changed.
     * Each loss l that holds its own column here ({@code sharedWith[l] == l}) takes the other store's column
     * {@code otherSharedWith[l]}; the others must share here as they do there.
     */
    void combine(RowStore other, int[] otherSharedWith, int[] sharedWith) {
        if (!compatible(other)) throw new IllegalArgumentException("cannot combine row stores of other layouts");
        if (summary == null && other.summary == null && !overBudget(rows + other.rows)) {
            if (withResiduals) residuals.append(other.residuals);
            for (int l = 0; l < losses; l++) {
                if (sharedWith[l] == l) contributions[l].append(other.contributions[otherSharedWith[l]]);
            }
        } else {
            if (summary == null) switchToSummary(sharedWith);
            if (other.summary != null) {
                summary.combine(other.summary, otherSharedWith, sharedWith);
            } else {
                other.foldInto(summary, otherSharedWith, sharedWith);
            }
        }
        rows += other.rows;
    }

    /** Makes loss {@code to}'s column a copy of loss {@code from}'s (a loss that stops sharing). */
    void copyLoss(int from, int to) {
        if (summary == null) {
            contributions[to] = new DoubleBlocks();
            contributions[to].append(contributions[from]);
        } else {
            summary.copyLoss(from, to);
        }
    }

    long rows() { return rows; }

    boolean withResiduals() { return withResiduals; }

    /** True while every row is kept, so every figure read from the store is exact. */
    boolean exact() { return summary == null; }

    /** A copy of every residual (exact store with residuals only), in no particular order. */
    double[] residuals() { return residuals.toArray(); }

    /** Row i's residual, in the order of {@link #contribution} (exact store with residuals only). */
    double residual(long i) { return residuals.get(i); }

    /** The column of a loss's contributions itself, while exact (not to be changed: {@link LargestSums} reads it). */
    DoubleBlocks contributionColumn(int loss) { return contributions[loss]; }

    /** Row i's contribution to a loss (exact store only). */
    double contribution(int loss, long i) { return contributions[loss].get(i); }

    /** The summary (beyond the budget only). */
    ContributionSummary summary() { return summary; }

    private boolean overBudget(long rowCount) {
        return rowCount > MAX_EXACT_ROWS || rowCount * bytesPerRow(losses) > budgetBytes;
    }

    /** Folds the exact rows into a new summary; sharedWith as in {@link #accept}, null when there are no rows. */
    private void switchToSummary(int[] sharedWith) {
        summary = new ContributionSummary(losses, withResiduals);
        if (sharedWith != null) foldInto(summary, sharedWith, sharedWith);
        residuals = null;
        contributions = null;
    }

    /**
     * Adds the exact rows to a summary, a block at a time: to each loss l that holds its own figures there
     * ({@code intoSharedWith[l] == l}), this store's column {@code column[l]}.
     */
    private void foldInto(ContributionSummary into, int[] column, int[] intoSharedWith) {
        double[][] block = new double[losses][];
        for (int l = 0; l < losses; l++) block[l] = intoSharedWith[l] == l ? new double[DoubleBlocks.BLOCK] : null;
        double[] residualBlock = withResiduals ? new double[DoubleBlocks.BLOCK] : null;
        DoubleBlocks first = contributions[column[0]]; // loss 0 always holds its own column
        for (int b = 0; b < first.blocks(); b++) {
            for (int l = 0; l < losses; l++) {
                if (block[l] != null) contributions[column[l]].copyBlock(b, block[l]);
            }
            if (withResiduals) residuals.copyBlock(b, residualBlock);
            into.addRows(residualBlock, block, 0, first.fillOf(b), intoSharedWith);
        }
    }
}
