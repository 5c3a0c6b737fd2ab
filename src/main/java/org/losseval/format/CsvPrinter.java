package org.losseval.format;

import org.losseval.text.Numbers;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;

/**
 * One CSV table for spreadsheets and data frames: one row per loss, then one row per figure (long format):
 * <pre>
 * scope,input,label,spec,name,value,count,weight_sum
 * total,,,mse,mse,16200,3,3
 * input,houses.csv,,mse,mse,16200,3,3
 * figure,,,,rows_read,3,,
 * figure,,,,mse,16200,,
 * figure,,,,clamped[mse],0,,
 * figure,,,,share_top1[mse],0.9958847736625515,,
 * figure,,,,coverage[p10:p90],0.8,,
 * </pre>
 * First every loss over all inputs ({@code scope=total}, {@code input} empty), then every loss of each
 * input in the order given ({@code scope=input}), even when there is only one input, so the shape never
 * depends on the run. An absent label is an empty field.
 *
 * <p>Then every figure of the run ({@code scope=figure}), one per row, with its name
 * ({@link org.losseval.report.FigureNames}) in
 * {@code name}, its value in {@code value} and the other fields empty, in the order of
 * {@link ReportFigures#values}: row counts, loss values and clamped rows, shares and the outlier count
 * (without --no-contrib), quantile and interval figures. The names are those {@code --fail-if} takes, so
 * {@code df[df.scope == "figure"].set_index("name").value} is every figure a gate can judge. The header
 * stays the schema-1 header, so a reader of the loss rows sees no change. A figure known only as a
 * bracket (beyond the exact-memory budget) is written as its midpoint (a gate judges the end that is
 * worse for it); the JSON output carries the bracket. Worst rows and gate outcomes are not figures and are not written: use JSON.
 *
 * <p>RFC 4180: records end with CRLF, and a field is quoted when it contains a comma, a double quote, CR
 * or LF, with each double quote doubled. Numbers are {@link Numbers#exact(double)} unless a precision was
 * given, then {@link Numbers#human(double, int)}; non-finite values are {@code NaN}, {@code inf},
 * {@code -inf}, which pandas and Python's {@code float} read.
 */
public final class CsvPrinter implements Printer {
    static final String HEADER = "scope,input,label,spec,name,value,count,weight_sum";
    private static final String RECORD_END = "\r\n";

    private final DoubleFunction<String> number;

    /** Numbers written exactly. */
    public CsvPrinter() {
        this.number = Numbers::exact;
    }

    /** Numbers rounded for people, see {@link Numbers#human(double, int)}; {@code significantDigits} in 1..17. */
    public CsvPrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    @Override
    public void print(Report report, PrintWriter out) {
        out.write(HEADER + RECORD_END);
        writeRecords("total", "", report.losses(), out);
        for (InputReport input : report.inputs()) writeRecords("input", input.name(), input.losses(), out);
        for (Map.Entry<String, Double> figure : ReportFigures.values(report).entrySet()) {
            out.write(String.join(",", "figure", "", "", "", field(figure.getKey()), number.apply(figure.getValue()),
                    "", "") + RECORD_END);
        }
        out.flush();
    }

    private void writeRecords(String scope, String input, List<LossResult> losses, PrintWriter out) {
        for (LossResult loss : losses) {
            String record = String.join(",", scope, field(input), field(loss.label() == null ? "" : loss.label()),
                    field(loss.spec()), field(loss.name()), number.apply(loss.value()), Long.toString(loss.count()),
                    number.apply(loss.weightSum()));
            out.write(record + RECORD_END);
        }
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
