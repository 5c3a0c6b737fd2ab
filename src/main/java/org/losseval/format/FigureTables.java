package org.losseval.format;

import org.losseval.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.ContributionResult;
import org.losseval.report.FractionShare;
import org.losseval.report.IntervalResult;
import org.losseval.report.LossContribution;
import org.losseval.report.QuantileResult;
import org.losseval.report.WorstRow;
import org.losseval.report.InputReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.QuantileReport;

/**
 * Builds the tables of the later sections for the printers for people: how concentrated each loss is, its
 * worst rows, the quantiles and the intervals. Like {@link LossTables}, text cells pass through an escaper
 * and numbers through the printer's formatter; shares and coverages are percentages with two decimals
 * ({@link Numbers#percent}), a bracket's midpoint prefixed with "~".
 */
final class FigureTables {
    private static final TextTable.Align L = TextTable.Align.LEFT;
    private static final TextTable.Align R = TextTable.Align.RIGHT;

    private FigureTables() {}

    /**
     * loss | top 1 row | top K rows | top P% (n rows)... | outliers: each loss side by side, so the reader
     * sees which loss lets a few rows dominate. Every loss shares the run's settings, so the columns come
     * from the first one; the top-K column is left out when K = 1, where it would repeat the top-1 column.
     */
    static TextTable concentration(ContributionResult contributions, UnaryOperator<String> escape) {
        List<String> headers = new ArrayList<>(List.of("loss", "top 1 row"));
        LossContribution first = contributions.losses().isEmpty() ? null : contributions.losses().get(0);
        boolean showTopK = first != null && first.topK() != 1;
        if (showTopK) headers.add("top " + first.topK() + " rows");
        if (first != null) {
            for (FractionShare top : first.topFractions()) {
                headers.add("top " + Numbers.percentNumber(top.fraction()) + "% (" + top.rows()
                        + (top.rows() == 1 ? " row)" : " rows)"));
            }
        }
        headers.add("outliers");
        List<TextTable.Align> aligns = new ArrayList<>(List.of(L));
        while (aligns.size() < headers.size()) aligns.add(R);
        TextTable table = new TextTable(headers, aligns);
        for (LossContribution loss : contributions.losses()) {
            List<String> cells = new ArrayList<>(List.of(escape.apply(loss.loss()), Numbers.percent(loss.shareTop1())));
            if (showTopK) cells.add(Numbers.percent(loss.shareTopK()));
            // Escaped because "~" marks strikethrough in GitHub Markdown.
            for (FractionShare top : loss.topFractions()) cells.add(escape.apply(Phrases.share(top.share())));
            cells.add(escape.apply(Phrases.share(loss.outlierShare())));
            table.addRow(cells);
        }
        return table;
    }

    /**
     * loss | row | pred | target | residual | row loss [| weight | contribution]: the worst rows of each loss,
     * worst first, the loss named on its first row only. A row is {@code input:row}, as in error messages.
     */
    static TextTable worstRows(ContributionResult contributions, List<InputReport> inputs, boolean weighted,
                               DoubleFunction<String> number, UnaryOperator<String> escape) {
        List<String> headers = new ArrayList<>(List.of("loss", "row", "pred", "target", "residual", "row loss"));
        List<TextTable.Align> aligns = new ArrayList<>(List.of(L, L, R, R, R, R));
        if (weighted) {
            headers.addAll(List.of("weight", "contribution"));
            aligns.addAll(List.of(R, R));
        }
        TextTable table = new TextTable(headers, aligns);
        for (LossContribution loss : contributions.losses()) {
            String lossCell = escape.apply(loss.loss());
            for (WorstRow row : loss.worstRows()) {
                List<String> cells = new ArrayList<>(List.of(lossCell,
                        escape.apply(inputs.get(row.source()).name() + ":" + row.row()),
                        number.apply(row.pred()), number.apply(row.target()), number.apply(row.residual()),
                        number.apply(row.loss())));
                if (weighted) cells.addAll(List.of(number.apply(row.weight()), number.apply(row.contribution())));
                table.addRow(cells);
                lossCell = "";
            }
        }
        return table;
    }

    /**
     * quantile | q | pinball | y &lt; pred | y &lt;= pred | rows: the pinball loss and the calibration, the
     * observed fractions to compare with q.
     */
    static TextTable quantiles(List<QuantileReport> quantiles, DoubleFunction<String> number,
                               UnaryOperator<String> escape) {
        TextTable table = new TextTable(List.of("quantile", "q", "pinball", "y < pred", "y <= pred", "rows"),
                List.of(L, R, R, R, R, R));
        for (QuantileReport quantile : quantiles) {
            QuantileResult result = quantile.result();
            table.addRow(List.of(escape.apply(quantile.column()), number.apply(result.level()),
                    number.apply(result.pinball()), number.apply(result.fractionBelow()),
                    number.apply(result.fractionAtOrBelow()), Long.toString(result.rows())));
        }
        return table;
    }

    /**
     * interval | nominal | coverage | 95% CI | p-value | below | above | mean width | interval score | rows.
     * The CI column names its level when every interval has the same one (the usual case), otherwise each
     * cell does.
     */
    static TextTable intervals(List<IntervalReport> intervals, DoubleFunction<String> number,
                               UnaryOperator<String> escape) {
        List<Double> levels = intervals.stream().map(i -> i.result().coverageInterval().level()).distinct().toList();
        boolean oneLevel = levels.size() == 1 && Double.isFinite(levels.get(0));
        String ciHeader = oneLevel ? Numbers.percentNumber(levels.get(0)) + "% CI" : "coverage CI";
        TextTable table = new TextTable(List.of("interval", "nominal", "coverage", ciHeader, "p-value", "below",
                "above", "mean width", "interval score", "rows"), List.of(L, R, R, R, R, R, R, R, R, R));
        for (IntervalReport interval : intervals) {
            IntervalResult result = interval.result();
            String ci = "[" + Numbers.percent(result.coverageInterval().low()) + ", "
                    + Numbers.percent(result.coverageInterval().high()) + "]";
            if (!oneLevel) ci = number.apply(result.coverageInterval().level()) + " " + ci;
            table.addRow(List.of(escape.apply(interval.name()), Numbers.percent(result.nominal()),
                    Numbers.percent(result.coverage()), ci, number.apply(result.pValue()),
                    Numbers.percent(result.fractionBelow()), Numbers.percent(result.fractionAbove()),
                    number.apply(result.meanWidth()), number.apply(result.meanScore()), Long.toString(result.rows())));
        }
        return table;
    }
}
