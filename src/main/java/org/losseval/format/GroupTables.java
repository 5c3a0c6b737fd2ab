package org.losseval.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.FigureNames;
import org.losseval.report.GroupReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.QuantileReport;
import org.losseval.text.Numbers;

/**
 * The group table the printers for people show with --group-by, in the report's order (ranked groups worst
 * first by the first loss, then the groups too small to rank):
 * <pre>
 * rank  group      rows  rows %  mse  mse 95% CI        mse share  coverage[p10:p90]  calibration[p90]
 * 1     region=eu   120  12.00%  4.2  [3.1, 5.3]           20.31%             78.33%            88.33%
 * -     region=xx     3   0.30%  9.1  [-2.4, 20.6]          0.53%            100.00%           100.00%
 * </pre>
 * Per loss its value, its confidence interval ("-" where the loss has none) and its share of the loss total
 * (to set beside the share of rows); per --interval the coverage and per --quantile the calibration (the
 * fraction of targets below it). Like {@link FigureTables}, text cells pass through an escaper.
 */
final class GroupTables {
    private static final TextTable.Align L = TextTable.Align.LEFT;
    private static final TextTable.Align R = TextTable.Align.RIGHT;

    private GroupTables() {}

    static TextTable groups(GroupReport groups, DoubleFunction<String> number, UnaryOperator<String> escape) {
        List<String> headers = new ArrayList<>(List.of("rank", "group", "rows", "rows %"));
        GroupReport.Group first = groups.groups().get(0);
        String level = Numbers.percentNumber(groups.confidence());
        for (GroupReport.GroupLoss loss : first.losses()) {
            headers.add(escape.apply(loss.key()));
            headers.add(escape.apply(loss.key() + " " + level + "% CI"));
            headers.add(escape.apply(loss.key() + " share"));
        }
        for (IntervalReport interval : first.intervals()) headers.add(escape.apply(FigureNames.coverage(interval.name())));
        for (QuantileReport quantile : first.quantiles()) headers.add(escape.apply(FigureNames.calibration(quantile.column())));
        List<TextTable.Align> aligns = new ArrayList<>(List.of(L, L));
        while (aligns.size() < headers.size()) aligns.add(R);
        TextTable table = new TextTable(headers, aligns);
        for (GroupReport.Group group : groups.groups()) {
            List<String> cells = new ArrayList<>();
            cells.add(group.ranked() ? Integer.toString(group.rank()) : "-");
            cells.add(escape.apply(FigureNames.groupLabel(groups.columns(), group.values())));
            cells.add(Long.toString(group.rows()));
            cells.add(Numbers.percent(group.rowShare()));
            for (GroupReport.GroupLoss loss : group.losses()) {
                // Escaped because "~" (a bracket, see Phrases.approximateNote) marks strikethrough in Markdown.
                cells.add(escape.apply(Phrases.approximate(loss.range(), number)));
                cells.add(escape.apply(interval(loss.interval(), number)));
                cells.add(Numbers.percent(loss.lossShare()));
            }
            for (IntervalReport interval : group.intervals()) cells.add(Numbers.percent(interval.result().coverage()));
            for (QuantileReport quantile : group.quantiles()) cells.add(Numbers.percent(quantile.result().fractionBelow()));
            table.addRow(cells);
        }
        return table;
    }

    /**
     * Whether a group's loss is a bracket (medae beyond the exact-memory budget), so that the printers add
     * {@link Phrases#approximateNote()} under the group table.
     */
    static boolean anyApproximate(GroupReport groups) {
        return groups.groups().stream().flatMap(g -> g.losses().stream()).anyMatch(l -> !l.range().exact());
    }

    /** [low, high], or "-" without an interval. */
    static String interval(ConfidenceInterval interval, DoubleFunction<String> number) {
        if (interval == null) return "-";
        return "[" + number.apply(interval.low()) + ", " + number.apply(interval.high()) + "]";
    }
}
