package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.accumulate.ContributionState;
import org.losseval.accumulate.IntervalState;
import org.losseval.accumulate.QuantileCrossings;
import org.losseval.accumulate.QuantileState;
import org.losseval.batch.ColumnBatch;
import org.losseval.loss.Role;
import org.losseval.report.ContributionResult;
import org.losseval.report.IntervalReport;
import org.losseval.report.CrossingCount;
import org.losseval.report.QuantileReport;
import org.losseval.report.QuantileResult;
import org.losseval.report.QuantileSetResult;

/**
 * The states kept for the run as a whole rather than per input: the contribution figures (worst rows are
 * ranked across inputs), the quantiles and the intervals.
 */
final class RunStates {
    private final RunPlan plan;
    /** The requested losses with contribution figures, in the contribution state's order. */
    private final List<Integer> contributionLosses;
    private final ContributionState contributions;
    private final QuantileState[] quantiles;
    private final IntervalState[] intervals;
    /** With two or more quantile columns, their crossings; else null. */
    private final QuantileCrossings crossings;
    private double[][] quantileColumns;

    RunStates(RunPlan plan) {
        this.plan = plan;
        EvalRequest request = plan.request;
        boolean weighted = request.weightColumn() != null;
        contributionLosses = RunFigures.contributionLosses(request);
        contributions = contributionLosses.isEmpty() ? null : contributionState(request, weighted);
        quantiles = new QuantileState[request.quantiles().size()];
        for (int q = 0; q < quantiles.length; q++) {
            quantiles[q] = new QuantileState(request.quantiles().get(q).level(), weighted);
        }
        double[] levels = new double[quantiles.length];
        for (int q = 0; q < quantiles.length; q++) levels[q] = request.quantiles().get(q).level();
        crossings = quantiles.length >= 2 ? new QuantileCrossings(levels) : null;
        quantileColumns = new double[quantiles.length][];
        intervals = new IntervalState[request.intervals().size()];
        for (int i = 0; i < intervals.length; i++) intervals[i] = new IntervalState(plan.nominals.get(i));
    }

    /**
     * Residuals, and so outlier figures, exist only when the run has predictions and targets. The exact
     * budget is capped by this JVM's heap, so a small heap gives brackets rather than an OutOfMemoryError.
     */
    private ContributionState contributionState(EvalRequest request, boolean weighted) {
        List<String> keys = new ArrayList<>();
        for (int l : contributionLosses) keys.add(RunFigures.key(request.losses().get(l)));
        boolean residuals = request.roles().containsKey(Role.PRED) && request.roles().containsKey(Role.TARGET);
        ContributionSettings settings = request.contributions().cappedByHeap(Runtime.getRuntime().maxMemory());
        return residuals ? ContributionState.withResiduals(keys, weighted, settings)
                : ContributionState.withoutResiduals(keys, weighted, settings);
    }

    /** Adds a validated batch of one source, after {@code input} has accepted it (its row losses are read). */
    void accept(int source, ColumnBatch batch, BatchInputs inputs, double[] sampleWeight, InputStates input) {
        int n = batch.size();
        double[] target = inputs.has(Role.TARGET) ? inputs.column(Role.TARGET) : null;
        if (contributions != null) {
            double[] pred = inputs.has(Role.PRED) ? inputs.column(Role.PRED) : null;
            contributions.accept(new ContributionState.Batch(source, batch::rowNumber, pred, target, sampleWeight,
                    input.rowLosses(contributionLosses), n));
        }
        // RunPlan makes sure quantiles and intervals have a target.
        for (int q = 0; q < quantiles.length; q++) {
            quantileColumns[q] = batch.column(plan.request.quantiles().get(q).column());
            quantiles[q].accept(quantileColumns[q], target, sampleWeight, n);
        }
        if (crossings != null) crossings.accept(quantileColumns, n);
        for (int i = 0; i < intervals.length; i++) {
            IntervalColumns columns = plan.request.intervals().get(i);
            intervals[i].accept(batch.column(columns.lower()), batch.column(columns.upper()), target, n);
        }
    }

    /** The contribution figures, or null when the run has none (--no-contrib, or only deferred losses). */
    ContributionResult contributions() {
        return contributions == null ? null : contributions.result();
    }

    List<QuantileReport> quantileReports() {
        List<QuantileReport> reports = new ArrayList<>();
        for (int q = 0; q < quantiles.length; q++) {
            reports.add(new QuantileReport(plan.request.quantiles().get(q).column(), quantiles[q].result()));
        }
        return reports;
    }

    /** CRPS and crossings of the quantile columns together, or null with fewer than two. */
    QuantileSetResult quantileSet() {
        if (crossings == null) return null;
        List<QuantileResult> results = new ArrayList<>();
        List<QuantileColumn> byLevel = new ArrayList<>(plan.request.quantiles());
        for (QuantileState q : quantiles) results.add(q.result());
        byLevel.sort(java.util.Comparator.comparingDouble(QuantileColumn::level));
        CrossingCount count = crossings.result();
        return new QuantileSetResult(byLevel.stream().map(QuantileColumn::column).toList(), count.rows(),
                QuantileSetResult.crps(results), count.crossed());
    }

    List<IntervalReport> intervalReports() {
        List<IntervalReport> reports = new ArrayList<>();
        for (int i = 0; i < intervals.length; i++) {
            IntervalColumns columns = plan.request.intervals().get(i);
            reports.add(new IntervalReport(columns.lower(), columns.upper(), columns.nominalFromQuantiles(),
                    intervals[i].result()));
        }
        return reports;
    }
}
