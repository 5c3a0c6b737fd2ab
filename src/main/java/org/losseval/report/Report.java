package org.losseval.report;

import java.util.List;

/**
 * Everything one run measured, built once by the evaluator and rendered by the printers. Immutable.
 *
 * <p>This package owns every result record (ranges, contributions, worst rows, quantile and interval
 * figures, gate outcomes): the states in {@code accumulate} and the gates produce them, the printers in
 * {@code format} read them, and neither this package nor {@code format} imports {@code accumulate}.
 *
 * @param schemaVersion the JSON schema version this report corresponds to
 * @param toolVersion   losseval's version
 * @param kernel        the active kernel implementation, e.g. "vector (256-bit, 4 doubles)"
 * @param columns       the columns read for each role, e.g. pred=yhat, target=y, weight=w
 * @param inputs        one entry per input, in the order given, each with its own figures
 * @param rows          the row counts over all inputs
 * @param losses        one entry per requested loss, in the order requested, over all inputs together
 * @param contributions how concentrated each loss is over the rows (all inputs), or null with --no-contrib;
 *                      {@link org.losseval.report.WorstRow#source()} indexes {@code inputs}
 * @param quantiles     one entry per --quantile, over all inputs
 * @param intervals     one entry per --interval, over all inputs
 * @param gates         one outcome per --fail-if, in the order given
 * @param quantileSet   the figures of the quantile columns together (CRPS, crossings), or null with fewer
 *                      than two --quantile columns
 * @param reliability   the reliability diagram of a classification run with --logits and labels
 *                      (--target), or null
 * @param comparison    the candidate against its baseline on the same rows, or null when the run compares
 *                      nothing
 * @param groups        the figures of each --group-by group, or null without --group-by
 * @param pairing       how the candidate's rows were paired with a baseline in other files, or null without
 *                      --baseline FILE
 */
public record Report(int schemaVersion, String toolVersion, String kernel, List<ColumnRole> columns,
                     List<InputReport> inputs, RowCounts rows, List<LossResult> losses,
                     ContributionResult contributions, List<QuantileReport> quantiles,
                     List<IntervalReport> intervals, List<GateOutcome> gates, QuantileSetResult quantileSet,
                     ReliabilityDiagram reliability, ComparisonReport comparison, GroupReport groups,
                     PairingReport pairing) {
    public static final int SCHEMA_VERSION = 4;

    public Report {
        columns = List.copyOf(columns);
        inputs = List.copyOf(inputs);
        losses = List.copyOf(losses);
        quantiles = List.copyOf(quantiles);
        intervals = List.copyOf(intervals);
        gates = List.copyOf(gates);
    }

    /** A report without a baseline in other files. */
    public Report(int schemaVersion, String toolVersion, String kernel, List<ColumnRole> columns,
                  List<InputReport> inputs, RowCounts rows, List<LossResult> losses,
                  ContributionResult contributions, List<QuantileReport> quantiles,
                  List<IntervalReport> intervals, List<GateOutcome> gates, QuantileSetResult quantileSet,
                  ReliabilityDiagram reliability, ComparisonReport comparison, GroupReport groups) {
        this(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles, intervals,
                gates, quantileSet, reliability, comparison, groups, null);
    }

    /** A report without a comparison or groups. */
    public Report(int schemaVersion, String toolVersion, String kernel, List<ColumnRole> columns,
                  List<InputReport> inputs, RowCounts rows, List<LossResult> losses,
                  ContributionResult contributions, List<QuantileReport> quantiles,
                  List<IntervalReport> intervals, List<GateOutcome> gates, QuantileSetResult quantileSet,
                  ReliabilityDiagram reliability) {
        this(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles, intervals,
                gates, quantileSet, reliability, null, null);
    }

    /** A report without quantile-set figures or a reliability diagram. */
    public Report(int schemaVersion, String toolVersion, String kernel, List<ColumnRole> columns,
                  List<InputReport> inputs, RowCounts rows, List<LossResult> losses,
                  ContributionResult contributions, List<QuantileReport> quantiles,
                  List<IntervalReport> intervals, List<GateOutcome> gates) {
        this(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles, intervals,
                gates, null, null);
    }

    /** Whether every gate passed (true without gates). */
    public boolean gatesPassed() {
        for (GateOutcome gate : gates) {
            if (!gate.passed()) return false;
        }
        return true;
    }

    /** The report with its groups' figures. */
    public Report withGroups(GroupReport groupReport) {
        return new Report(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles,
                intervals, gates, quantileSet, reliability, comparison, groupReport, pairing);
    }

    /** The report with its gates' outcomes. */
    public Report withGates(List<GateOutcome> outcomes) {
        return new Report(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles,
                intervals, outcomes, quantileSet, reliability, comparison, groups, pairing);
    }

    /** The report with how its rows were paired with a baseline in other files. */
    public Report withPairing(PairingReport result) {
        return new Report(schemaVersion, toolVersion, kernel, columns, inputs, rows, losses, contributions, quantiles,
                intervals, gates, quantileSet, reliability, comparison, groups, result);
    }
}
