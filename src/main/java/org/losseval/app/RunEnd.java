package org.losseval.app;

import java.util.List;
import java.util.Map;
import org.losseval.accumulate.RowTally;
import org.losseval.io.InputException;
import org.losseval.report.LossResult;
import org.losseval.report.PairingReport;
import org.losseval.report.Report;
import org.losseval.text.Numbers;

/**
 * The end of a run, once every input is read and the states are combined: whatever read the inputs (the command
 * line's {@link Evaluator}, or {@link PartialRun}s combined on a Spark driver), the same steps in the same order
 * ({@link #report}, then {@link #judged}), so a run without usable rows, with weights that sum to 0 or with a loss
 * that overflowed fails the same way, in the same words, and the reports are the same.
 */
final class RunEnd {
    private RunEnd() {}

    /**
     * A run's report before its gates are judged, and the deferred losses resolved on the way (the command line's
     * {@code --rows-out} pass writes rows between the two).
     */
    record Ungated(Report report, DeferredLosses losses) {}

    /**
     * The report of the whole run from its combined states: the usable rows checked ({@link #usableRows}), the
     * deferred losses resolved, the report assembled, the pairing's counts added, an overflow refused
     * ({@link #refuseOverflow}), then the groups' figures added. Gates are left for {@link #judged}.
     *
     * @param kernels        the kernels the run used, as {@code --version} and the report describe them
     * @param positiveWeight whether some usable row had a positive sample weight (read only with --weight)
     * @param groups         the run's groups, numbered in the command line's order; null without --group-by
     * @param pairing        what a pairing with --baseline files counted; null without
     * @throws InputException as {@link #usableRows} and {@link #refuseOverflow}
     */
    static Ungated report(RunPlan plan, String toolVersion, String kernels, List<InputStates> inputs,
                          boolean positiveWeight, RunStates run, GroupRouter groups, PairingReport pairing)
            throws InputException {
        RowTally total = usableRows(plan.request, inputs, positiveWeight);
        DeferredLosses losses = DeferredLosses.resolve(plan, inputs);
        Report report = new ReportAssembler(toolVersion, kernels).report(plan, inputs, total, run, losses);
        if (pairing != null) report = report.withPairing(pairing);
        refuseOverflow(report);
        if (groups != null) report = report.withGroups(GroupFigures.report(plan, groups));
        return new Ungated(report, losses);
    }

    /** {@code report} with the request's gates judged on it: the last step of a run. */
    static Report judged(RunPlan plan, Report report) {
        return report.withGates(RunFigures.evaluate(plan.gates, report));
    }

    /**
     * The run's row counts, the inputs' combined.
     *
     * @param positiveWeight whether some usable row had a positive sample weight (read only with --weight)
     * @throws InputException when no row is usable, or with --weight when every usable row weighs 0
     */
    private static RowTally usableRows(EvalRequest request, List<InputStates> inputs, boolean positiveWeight)
            throws InputException {
        RowTally total = new RowTally();
        for (InputStates input : inputs) total.combine(input.tally());
        if (total.used() == 0) {
            throw new InputException(null, 0, null, "no usable rows: " + total.read() + " read, "
                    + (total.read() - total.used()) + " skipped" + describeSkips(total));
        }
        if (request.weightColumn() != null && !positiveWeight) {
            throw new InputException(null, 0, request.weightColumn(), "the weights sum to 0 over the " + total.used()
                    + " usable rows, so every weighted figure is 0/0");
        }
        return total;
    }

    /**
     * A loss over finite, valid inputs that is still infinite has overflowed a double (squared errors of 1e200,
     * say): a data error naming the loss, never a bare "inf" that a gate or a reader could take for a value.
     */
    private static void refuseOverflow(Report report) throws InputException {
        for (LossResult loss : report.losses()) {
            if (Double.isInfinite(loss.value())) {
                throw new InputException(null, 0, null, "loss '" + loss.key() + "' overflows a double: the inputs are"
                        + " finite but the figure is beyond " + Numbers.exact(Double.MAX_VALUE) + " (rescale the columns)");
            }
        }
    }

    /** " (reason: n, ...)" for the no-usable-rows message, or "" when nothing was skipped. */
    private static String describeSkips(RowTally tally) {
        Map<String, Long> skipped = tally.skippedByReason();
        if (skipped.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (");
        skipped.forEach((reason, n) -> sb.append(sb.length() > 2 ? ", " : "").append(reason).append(": ").append(n));
        return sb.append(')').toString();
    }
}
