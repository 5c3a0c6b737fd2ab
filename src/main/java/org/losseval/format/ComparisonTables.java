package org.losseval.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.ColumnRole;
import org.losseval.report.ComparisonReport;
import org.losseval.report.FigureComparison;
import org.losseval.report.FigureNames;
import org.losseval.report.Report;
import org.losseval.report.Verdict;
import org.losseval.text.Numbers;

/**
 * The comparison with a baseline as a table for people, in the style of {@code dvc metrics diff}: one row per
 * compared figure with the baseline's value, the candidate's, delta, delta %, the interval of delta, its p-value, the win
 * rate (ties in brackets) and the verdict; with {@code --margin} a column says whether the candidate is
 * non-inferior. Shared by the table, Markdown and HTML printers, with the wording of {@link Phrases}.
 */
final class ComparisonTables {
    private static final TextTable.Align L = TextTable.Align.LEFT;
    private static final TextTable.Align R = TextTable.Align.RIGHT;

    private ComparisonTables() {}

    static TextTable comparison(ComparisonReport comparison, DoubleFunction<String> number, UnaryOperator<String> escape) {
        String ci = Numbers.percentNumber(comparison.confidence()) + "% CI of delta";
        List<String> headers = new ArrayList<>(List.of("figure", "baseline", "candidate", "delta", "delta %", ci, "p-value",
                "win rate (ties)", "verdict"));
        List<TextTable.Align> aligns = new ArrayList<>(List.of(L, R, R, R, R, R, R, R, L));
        if (comparison.margin() != null) {
            headers.add("non-inferior (margin " + number.apply(comparison.margin()) + ")");
            aligns.add(L);
        }
        TextTable table = new TextTable(headers, aligns);
        for (FigureComparison f : comparison.figures()) {
            List<String> cells = new ArrayList<>(List.of(escape.apply(f.figure()), number.apply(f.baseline()),
                    number.apply(f.candidate()), signed(f.delta(), number), signedPercent(f.relativeDelta()),
                    f.inference() == null ? "-" : "[" + number.apply(f.deltaInterval().low()) + ", "
                            + number.apply(f.deltaInterval().high()) + "]",
                    f.inference() == null ? "-" : number.apply(f.pValue()),
                    // a share has no row values to win on: no counts
                    f.wins().rows() == 0 ? "-"
                            : Numbers.percent(f.wins().winRate()) + " (" + Numbers.percent(f.wins().tieRate()) + ")",
                    Phrases.verdict(f.verdict())));
            // a coverage or calibration has no margin: "-"
            if (comparison.margin() != null) cells.add(f.nonInferior() == null ? "-" : f.nonInferior() ? "yes" : "no");
            table.addRow(cells);
        }
        return table;
    }

    /**
     * "candidate pred against baseline p10 on the same rows (delta = candidate - baseline; paired t interval;
     * rmse: Poisson bootstrap, 200 replicates, seed 20240917):". Plain ASCII, like every printer for people.
     */
    static String heading(Report report) {
        ComparisonReport comparison = report.comparison();
        List<String> candidate = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        for (ColumnRole role : comparison.baselineColumns()) {
            baseline.add(role.column());
            report.columns().stream().filter(c -> c.role().equals(role.role())).findFirst()
                    .ifPresent(c -> candidate.add(c.column()));
        }
        List<String> bootstrapped = comparison.figures().stream()
                .filter(f -> f.inference() != null
                        && f.inference().method().equals(org.losseval.report.DifferenceInference.BOOTSTRAP))
                .map(FigureComparison::figure).toList();
        // the shares by one name: listing each loss's three or four would drown the heading
        List<String> named = new ArrayList<>(bootstrapped.stream().filter(f -> !FigureNames.isShare(f)).toList());
        if (named.size() < bootstrapped.size()) named.add("loss shares (re-ranked in each replicate)");
        String methods = "paired t interval" + (named.isEmpty() ? ""
                : "; " + String.join(", ", named) + ": Poisson bootstrap, " + comparison.replicates()
                        + " replicates, seed " + comparison.seed());
        String who = candidate.isEmpty() ? "candidate against baseline"
                : "candidate " + String.join(", ", candidate) + " against baseline " + String.join(", ", baseline);
        return who + " on the same rows (delta = candidate - baseline; " + methods + "):";
    }

    /** "+12.5" for a positive number, as {@code number} writes it otherwise. */
    private static String signed(double v, DoubleFunction<String> number) {
        return v > 0 ? "+" + number.apply(v) : number.apply(v);
    }

    private static String signedPercent(double fraction) {
        return fraction > 0 ? "+" + Numbers.percent(fraction) : Numbers.percent(fraction);
    }

    /**
     * The notes under the table: the figures without an interval of delta and why, and the loss shares the
     * contribution budget left without an interval or out of the comparison; empty when there is nothing to say.
     */
    static List<String> notes(ComparisonReport comparison) {
        List<String> notes = new ArrayList<>();
        List<String> names = comparison.figures().stream()
                .filter(f -> f.inference() == null && !comparison.sharesBeyondBudget().contains(f.figure()))
                .map(FigureComparison::figure).toList();
        if (!names.isEmpty()) {
            notes.add(String.join(", ", names) + ": no interval of delta yet (neither a mean nor a function of one); "
                    + "values and win rate only");
        }
        List<String> notCompared = comparison.sharesNotCompared();
        List<String> withoutInterval = comparison.sharesBeyondBudget().stream().filter(f -> !notCompared.contains(f)).toList();
        if (!withoutInterval.isEmpty()) {
            notes.add(String.join(", ", withoutInterval) + ": the rows exceed the memory budget (--exact-budget), so "
                    + "no interval of delta; values and delta only");
        }
        if (!notCompared.isEmpty()) {
            notes.add(String.join(", ", notCompared) + ": not compared, the rows exceed the memory budget "
                    + "(--exact-budget) and the values are brackets");
        }
        return notes;
    }
}
