package org.losseval.format;

import org.losseval.text.Numbers;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.ContributionResult;
import org.losseval.report.LossContribution;
import org.losseval.report.GateOutcome;
import org.losseval.report.InputReport;
import org.losseval.report.Report;

/**
 * The default output, for people at a terminal:
 * <pre>
 * houses.csv (csv): 3 rows read, 3 used, 0 skipped
 *
 * loss                                      value  rows
 * mse                                       16200     3
 * robust (huber:delta=mad)  (delta = 20)  1433.33     3
 *
 * share of each loss's total from its worst rows:
 * loss            top 1 row  top 5 rows  top 1% (1 row)  top 5% (1 row)  outliers
 * mse                99.59%     100.00%          99.59%          99.59%    99.59%
 * huber:delta=15     96.96%     100.00%          96.96%          96.96%    96.96%
 * robust outliers: 1 row with |r - median| &gt; 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)
 *
 * worst rows:
 * loss            row           pred  target  residual  row loss
 * mse             houses.csv:3   400     180       220     48400
 *                 houses.csv:1   210     200        10       100
 * ...
 *
 * 1 gate failed
 * FAIL  share_top1[mse] &gt; 0.5 (share_top1[mse] = 0.995885)
 * </pre>
 * A header line names the inputs and the row counts; a table gives each loss as its spec (or
 * {@code label (spec)}) with any parameter resolved from the data, its value, the rows it covers and,
 * when the run read a weight column, the weight sum.
 *
 * <p>Then, unless contributions are off, how concentrated each loss is: the share of its total from its
 * worst row, worst K rows, worst fractions of rows and robust outliers, side by side, so a loss that lets
 * one outlier dominate stands out; the outlier definition with its median and MAD; notes when shares are
 * undefined or approximate ("~", beyond the exact memory budget); and the worst rows of each loss. Then the
 * quantile and interval tables when asked for. With two or more inputs a section per input follows; when
 * rows were skipped, a table lists them by reason. With --group-by, the group table ({@link GroupTables}), the
 * worst group of each loss and why to read it with care. Gates come last, where the eye lands when the run ends:
 * a summary line, then {@code PASS}/{@code FAIL} and the gate with the value it judged. {@link Sections}
 * decides which of these a report has, for both printers for people: a run of only quantile or interval
 * columns, for one, has no loss table.
 *
 * <p>Columns are aligned and numbers right-aligned; numbers use {@link Numbers#human(double, int)}, shares
 * and coverages {@link Numbers#percent(double)}. Lines end with '\n'.
 */
public final class TablePrinter implements Printer {
    private final DoubleFunction<String> number;

    /** @param significantDigits 1..17, see {@link Numbers#human(double, int)} */
    public TablePrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    @Override
    public void print(Report report, PrintWriter out) {
        Sections sections = Sections.of(report);
        boolean weighted = Phrases.weighted(report);
        UnaryOperator<String> plain = UnaryOperator.identity();
        out.write(Phrases.inputsLine(report) + "\n");
        if (report.pairing() != null) out.write(Phrases.baselineLine(report.pairing()) + "\n");
        if (sections.losses()) {
            out.write("\n");
            writeLines(LossTables.losses(report.losses(), weighted, number, plain).plainLines(), out);
            if (LossTables.anyApproximate(report)) out.write(Phrases.approximateNote() + "\n");
        }
        if (sections.comparison()) {
            out.write("\n" + ComparisonTables.heading(report) + "\n");
            writeLines(ComparisonTables.comparison(report.comparison(), number, plain).plainLines(), out);
            for (String note : ComparisonTables.notes(report.comparison())) out.write(note + "\n");
        }
        if (sections.contributions()) writeContributions(report, sections, weighted, out);
        if (sections.quantiles()) {
            out.write("\n");
            writeLines(FigureTables.quantiles(report.quantiles(), number, plain).plainLines(), out);
            if (report.quantileSet() != null) out.write(Phrases.quantileSet(report.quantileSet(), number) + "\n");
        }
        if (sections.intervals()) {
            out.write("\n");
            writeLines(FigureTables.intervals(report.intervals(), number, plain).plainLines(), out);
        }
        if (sections.perInput()) {
            for (InputReport input : report.inputs()) {
                out.write("\n" + Phrases.input(input) + ": " + Phrases.rows(input.rows()) + "\n\n");
                writeLines(LossTables.losses(input.losses(), weighted, number, plain).plainLines(), out);
            }
        }
        if (sections.skipped()) {
            out.write("\n");
            writeLines(LossTables.skipped(report.rows(), plain).plainLines(), out);
        }
        if (sections.groups()) {
            out.write("\n" + Phrases.groupsLine(report.groups()) + ":\n");
            writeLines(GroupTables.groups(report.groups(), number, plain).plainLines(), out);
            for (var worst : report.groups().worst()) out.write(Phrases.worstGroup(report.groups(), worst, number) + "\n");
            for (var worst : report.groups().worstDelta()) {
                out.write(Phrases.worstGroupDelta(report.groups(), worst, number) + "\n");
            }
            out.write(Phrases.worstGroupCaveat() + "\n");
            if (GroupTables.anyApproximate(report.groups())) out.write(Phrases.approximateNote() + "\n");
        }
        if (sections.gates()) writeGates(report.gates(), out);
        out.flush();
    }

    private void writeContributions(Report report, Sections sections, boolean weighted, PrintWriter out) {
        ContributionResult contributions = report.contributions();
        out.write("\nshare of each loss's total from its worst rows:\n");
        writeLines(FigureTables.concentration(contributions, UnaryOperator.identity()).plainLines(), out);
        out.write(Phrases.outliers(contributions.outliers(), number) + "\n");
        for (LossContribution loss : contributions.losses()) {
            if (loss.undefinedRows() > 0) out.write(Phrases.undefinedShares(loss.loss(), loss.undefinedRows()) + "\n");
        }
        if (!contributions.exact()) out.write(Phrases.approximateNote() + "\n");
        if (sections.worstRows()) {
            out.write("\nworst rows:\n");
            writeLines(FigureTables.worstRows(contributions, report.inputs(), weighted, number, UnaryOperator.identity())
                    .plainLines(), out);
        }
    }

    private void writeGates(List<GateOutcome> gates, PrintWriter out) {
        out.write("\n" + GateWording.summary(gates) + "\n");
        for (GateOutcome gate : gates) {
            out.write((gate.passed() ? "PASS  " : "FAIL  ") + GateWording.judged(gate, number, UnaryOperator.identity()) + "\n");
        }
    }

    private static void writeLines(List<String> lines, PrintWriter out) {
        for (String line : lines) out.write(line + "\n");
    }
}
