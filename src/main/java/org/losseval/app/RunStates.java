package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.accumulate.ContributionState;
import org.losseval.accumulate.IntervalState;
import org.losseval.accumulate.QuantileCrossings;
import org.losseval.accumulate.QuantileState;
import org.losseval.accumulate.ReliabilityState;
import org.losseval.batch.ColumnBatch;
import org.losseval.loss.Role;
import org.losseval.report.ComparisonReport;
import org.losseval.report.ContributionResult;
import org.losseval.report.LossResult;
import org.losseval.report.IntervalReport;
import org.losseval.report.CrossingCount;
import org.losseval.report.QuantileReport;
import org.losseval.report.QuantileResult;
import org.losseval.report.QuantileSetResult;
import org.losseval.report.ReliabilityDiagram;
import org.losseval.kernel.SoftmaxRows;
import org.losseval.loss.math.LogSoftmax;

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
    private transient double[][] quantileColumns;
    /** Made at the first batch, when the width of --logits says binary or top-label; null before or without. */
    private ReliabilityState reliability;
    /** The comparison with a baseline in the same rows, or null without one. */
    private final ComparisonStates comparison;
    private transient double[] probabilityScratch = new double[0];
    private transient boolean[] eventScratch = new boolean[0];

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
        comparison = request.baseline() == null ? null : new ComparisonStates(plan);
    }

    /**
     * Adds the rows of another part of the run (a later range of a split file, or a Spark partition) to this
     * one, state by state; {@code other} is not changed. Both were made from the same plan, so their states
     * are compatible.
     */
    void combine(RunStates other) {
        if (contributions != null) contributions.combine(other.contributions);
        for (int q = 0; q < quantiles.length; q++) quantiles[q].combine(other.quantiles[q]);
        if (crossings != null) crossings.combine(other.crossings);
        for (int i = 0; i < intervals.length; i++) intervals[i].combine(other.intervals[i]);
        if (other.reliability != null) {
            if (reliability == null) {
                reliability = new ReliabilityState(other.reliability.result().kind());
            }
            reliability.combine(other.reliability);
        }
        if (comparison != null) comparison.combine(other.comparison);
    }

    /** The rows the contribution figures have taken, or 0 when the run has none. */
    long contributionRows() {
        return contributions == null ? 0 : contributions.rows();
    }

    /**
     * Tells the states that they will be combined into states of at least {@code totalRows} contribution rows,
     * so that those beyond their budget fold their rows here, on the caller's thread
     * ({@link ContributionState#expectRows}; the figures do not change).
     */
    void expectRows(long totalRows) {
        if (contributions != null) contributions.expectRows(totalRows);
    }

    /** Adds a validated batch to the comparison, after {@link #accept}; {@code baseline} is the baseline's view. */
    void acceptBaseline(int source, ColumnBatch batch, BatchInputs candidate, BatchInputs baseline, double[] sampleWeight,
                        InputStates input) {
        comparison.accept(source, batch, candidate, baseline, sampleWeight, input);
    }

    /** The comparison with the baseline, or null without one. */
    ComparisonReport comparison(List<LossResult> candidateLosses, ContributionResult candidateContributions) {
        return comparison == null ? null
                : comparison.report(candidateLosses, quantileReports(), intervalReports(), candidateContributions);
    }

    /**
     * Residuals, and so outlier figures, exist only when the run has predictions and targets. The exact
     * budget is capped by this JVM's heap, so a small heap gives brackets rather than an OutOfMemoryError.
     */
    private ContributionState contributionState(EvalRequest request, boolean weighted) {
        List<String> keys = new ArrayList<>();
        for (int l : contributionLosses) keys.add(RunFigures.key(request.losses().get(l)));
        boolean residuals = request.roles().containsKey(Role.PRED) && request.roles().containsKey(Role.TARGET);
        ContributionSettings settings = contributionSettings(plan);
        return residuals ? ContributionState.withResiduals(keys, weighted, settings)
                : ContributionState.withoutResiduals(keys, weighted, settings);
    }

    /** The contribution settings of a run, with the budget capped by this JVM's heap (also the comparison's). */
    static ContributionSettings contributionSettings(RunPlan plan) {
        return plan.request.contributions().cappedByHeap(plan.maxHeapBytes);
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
        if (target != null && inputs.has(Role.LOGITS)) acceptReliability(inputs, target, n);
    }

    /**
     * The reliability diagram's rows: with one logit column the sigmoid against label 1; with several the top
     * class's probability (softmax of the logits) against whether it is the label. Rows whose label is not a
     * class (an ignore_index) have no top-label event and are not counted. Only from --logits: --probs are
     * not checked to lie in [0, 1] by every loss that reads them, and --pred may be a regression's.
     */
    private void acceptReliability(BatchInputs inputs, double[] target, int n) {
        double[][] columns = inputs.group(Role.LOGITS);
        boolean binary = columns.length == 1;
        if (reliability == null) {
            reliability = new ReliabilityState(binary ? ReliabilityDiagram.BINARY : ReliabilityDiagram.TOP_LABEL);
        }
        if (probabilityScratch.length < n) {
            probabilityScratch = new double[n];
            eventScratch = new boolean[n];
        }
        double[] p = probabilityScratch;
        boolean[] event = eventScratch;
        int m = 0;
        if (binary) {
            // The batch's shared sigmoid (LossInputs.logitSigmoid), the bits ece, its bootstrap and advise read.
            p = inputs.logitSigmoid();
            for (int i = 0; i < n; i++) event[i] = target[i] == 1;
            m = n;
        } else {
            // The top class's probability is the batch's shared one (computed once with the loss's log-sum-exp,
            // or here when no loss needed it), so ece and the diagram read the same bits.
            SoftmaxRows softmax = inputs.logitSoftmax();
            double[] topProbability = softmax.topProbability();
            double[] max = softmax.shift();
            double[] atMax = softmax.classesAtShift();
            for (int i = 0; i < n; i++) {
                double label = target[i];
                if (!(label >= 0 && label < columns.length && label == Math.rint(label))) continue;
                p[m] = topProbability[i];
                event[m++] = labelIsTop(columns, max[i], atMax[i], (int) label, i);
            }
        }
        reliability.accept(p, event, m);
    }

    /**
     * Whether {@code label} is the row's top class ({@link #topClass}), given how many classes have the maximum
     * ({@link SoftmaxRows#classesAtShift}): with one, the label is the top class exactly when its logit is the
     * maximum, a comparison (the scan of every class was 8% of a CE run's samples); with a tie, the scan.
     */
    static boolean labelIsTop(double[][] columns, double max, double classesAtMax, int label, int row) {
        return classesAtMax == 1.0 ? columns[label][row] == max : topClass(columns, max, row) == label;
    }

    /**
     * The first class whose logit is the row's maximum {@code max} (the softmax parts' shift, which is the
     * maximum for the finite logits of a validated batch): {@link LogSoftmax#argmax}'s class, first on ties,
     * as ece and zero_one take it. Written without a data-dependent branch: argmax's running maximum, and a
     * scan with {@code x == max ? c : top} (which C2 also compiles to a jump), were mispredicted several times a
     * row (10% of a 10-class CE run's samples, src/bench/README.md). For finite doubles {@code max − x} is +0.0
     * exactly when {@code x == max} (a difference of distinct doubles is never 0 with gradual underflow, and
     * x − x is +0.0), so its bits are 0 there and positive elsewhere; {@code (bits | −bits) >>> 63} is then 0 or
     * 1, and the scan keeps the class by arithmetic.
     */
    static int topClass(double[][] columns, double max, int row) {
        long top = columns.length;
        for (int c = columns.length - 1; c >= 0; c--) {
            long bits = Double.doubleToRawLongBits(max - columns[c][row]);
            long atMax = 1 - ((bits | -bits) >>> 63);
            top += (c - top) * atMax;
        }
        return (int) top;
    }

    /** The reliability diagram, or null when the run has none (no --logits with --target, or no row). */
    ReliabilityDiagram reliability() {
        return reliability == null ? null : reliability.result();
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
