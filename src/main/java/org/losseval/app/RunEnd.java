package org.losseval.app;

import java.util.List;
import java.util.Map;
import org.losseval.accumulate.RowTally;
import org.losseval.io.InputException;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.text.Numbers;

/**
 * The checks at the end of a run, once every input is read: whatever read the inputs (the command line's
 * {@link Evaluator}, or {@link PartialRun}s combined on a Spark driver), a run without usable rows, with weights
 * that sum to 0 or with a loss that overflowed fails the same way, in the same words.
 */
final class RunEnd {
    private RunEnd() {}

    /**
     * The run's row counts, the inputs' combined.
     *
     * @param positiveWeight whether some usable row had a positive sample weight (read only with --weight)
     * @throws InputException when no row is usable, or with --weight when every usable row weighs 0
     */
    static RowTally usableRows(EvalRequest request, List<InputStates> inputs, boolean positiveWeight)
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
    static void refuseOverflow(Report report) throws InputException {
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
