package org.losseval.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.LossResult;
import org.losseval.report.RowCounts;

/**
 * Builds the two tables the printers for people show: the losses (loss, value, rows, and the weight sum
 * when the run was weighted) and the skipped rows by reason. Text cells pass through an escaper, which is
 * the identity for the terminal and Markdown escaping for {@link MarkdownPrinter}; numbers need none.
 */
final class LossTables {
    private LossTables() {}

    static TextTable losses(List<LossResult> losses, boolean weighted, DoubleFunction<String> number,
                            UnaryOperator<String> escape) {
        List<String> headers = new ArrayList<>(List.of("loss", "value", "rows"));
        List<TextTable.Align> aligns = new ArrayList<>(
                List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.RIGHT));
        if (weighted) {
            headers.add("weight sum");
            aligns.add(TextTable.Align.RIGHT);
        }
        TextTable table = new TextTable(headers, aligns);
        for (LossResult loss : losses) {
            List<String> cells = new ArrayList<>(List.of(
                    escape.apply(Phrases.loss(loss, number)), Phrases.approximate(loss.range(), number),
                    Long.toString(loss.count())));
            if (weighted) cells.add(number.apply(loss.weightSum()));
            table.addRow(cells);
        }
        return table;
    }

    /**
     * Whether a loss of the report (the run's or an input's) is a bracket, so that the printers add
     * {@link Phrases#approximateNote()} under the losses.
     */
    static boolean anyApproximate(org.losseval.report.Report report) {
        // Loops, not streams: each lambda is linked at every start, and every run prints (issue 14 item 4).
        if (anyApproximate(report.losses())) return true;
        for (org.losseval.report.InputReport input : report.inputs()) {
            if (anyApproximate(input.losses())) return true;
        }
        return false;
    }

    private static boolean anyApproximate(List<LossResult> losses) {
        for (LossResult loss : losses) {
            if (!loss.range().exact()) return true;
        }
        return false;
    }

    /** Reasons with at least one skipped row, in the report's order. */
    static TextTable skipped(RowCounts rows, UnaryOperator<String> escape) {
        TextTable table = new TextTable(List.of("skipped because", "rows"),
                List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT));
        for (Map.Entry<String, Long> reason : rows.skippedByReason().entrySet()) {
            if (reason.getValue() > 0) table.addRow(List.of(escape.apply(reason.getKey()), reason.getValue().toString()));
        }
        return table;
    }
}
