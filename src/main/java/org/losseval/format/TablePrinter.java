package org.losseval.format;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
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
 * </pre>
 * A header line names the inputs and the row counts; a table gives each loss as its spec (or
 * {@code label (spec)}) with any parameter resolved from the data, its value, the rows it covers and,
 * when the run read a weight column, the weight sum. With two or more inputs a section per input follows.
 * When rows were skipped, a last table lists them by reason. Columns are aligned and numbers
 * right-aligned; numbers use {@link Numbers#human(double, int)}. Lines end with '\n'.
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
        boolean weighted = Phrases.weighted(report);
        out.write(Phrases.inputsLine(report) + "\n\n");
        writeLines(LossTables.losses(report.losses(), weighted, number, UnaryOperator.identity()).plainLines(), out);
        if (report.inputs().size() >= 2) {
            for (InputReport input : report.inputs()) {
                out.write("\n" + Phrases.input(input) + ": " + Phrases.rows(input.rows()) + "\n\n");
                writeLines(LossTables.losses(input.losses(), weighted, number, UnaryOperator.identity()).plainLines(), out);
            }
        }
        if (report.rows().skipped() > 0) {
            out.write("\n");
            writeLines(LossTables.skipped(report.rows(), UnaryOperator.identity()).plainLines(), out);
        }
        out.flush();
    }

    private static void writeLines(List<String> lines, PrintWriter out) {
        for (String line : lines) out.write(line + "\n");
    }
}
