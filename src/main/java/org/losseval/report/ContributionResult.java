package org.losseval.report;

import java.util.List;

/**
 * The concentration figures of every loss of a run.
 *
 * @param rows     the rows seen
 * @param exact    true when every row was kept (within the memory budget), so every figure is exact;
 *                 otherwise top-fraction and outlier figures are brackets ({@link Range#exact()} says which)
 * @param outliers the robust outliers, shared by every loss
 * @param losses   one entry per loss, in the state's order
 * @param histogram the residuals' histogram, or null when the run has no residuals (no --pred or --target)
 */
public record ContributionResult(long rows, boolean exact, OutlierResult outliers, List<LossContribution> losses,
                                 ResidualHistogram histogram) {
    public ContributionResult {
        losses = List.copyOf(losses);
    }

    /** Contributions without a residual histogram. */
    public ContributionResult(long rows, boolean exact, OutlierResult outliers, List<LossContribution> losses) {
        this(rows, exact, outliers, losses, null);
    }
}
