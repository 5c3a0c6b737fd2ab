package org.losseval.format;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.losseval.report.InputReport;
import org.losseval.report.Report;

/**
 * GitHub-flavoured Markdown for a CI job summary (e.g. appended to {@code $GITHUB_STEP_SUMMARY}):
 * <pre>
 * ## losseval
 *
 * houses.csv (csv): 3 rows read, 3 used, 0 skipped
 *
 * | loss  | value | rows |
 * | :---- | ----: | ---: |
 * | mse   | 16200 |    3 |
 * </pre>
 * then, with two or more inputs, a {@code ### Input: name (format)} section per input, and, when rows were
 * skipped, a {@code ### Skipped rows} table by reason. The same wording and numbers as
 * {@link TablePrinter}; the Markdown source is aligned so it also reads well raw.
 *
 * <p>Text from the user (input names, labels, reasons) is escaped: a backslash before each character that
 * could end a table cell or start inline markup ({@code \ | ` * _ ~ [ ] < >}), and line breaks become
 * spaces, so a file called {@code a|b.csv} cannot break the table; the inputs line, which starts with a
 * file name, is also kept from starting a heading or a list. Lines end with '\n'.
 */
public final class MarkdownPrinter implements Printer {
    private static final String MARKUP_CHARACTERS = "\\|`*_~[]<>";
    private static final String BLOCK_MARKERS = "#>-+=";
    private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("([0-9]{1,9})[.)]");

    private final DoubleFunction<String> number;

    /** @param significantDigits 1..17, see {@link Numbers#human(double, int)} */
    public MarkdownPrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    @Override
    public void print(Report report, PrintWriter out) {
        boolean weighted = Phrases.weighted(report);
        out.write("## losseval\n\n");
        out.write(escapeBlockStart(escape(Phrases.inputsLine(report))) + "\n\n");
        writeLines(LossTables.losses(report.losses(), weighted, number, MarkdownPrinter::escape).markdownLines(), out);
        if (report.inputs().size() >= 2) {
            for (InputReport input : report.inputs()) {
                out.write("\n### Input: " + escape(Phrases.input(input)) + "\n\n");
                out.write(Phrases.rows(input.rows()) + "\n\n");
                writeLines(LossTables.losses(input.losses(), weighted, number, MarkdownPrinter::escape).markdownLines(), out);
            }
        }
        if (report.rows().skipped() > 0) {
            out.write("\n### Skipped rows\n\n");
            writeLines(LossTables.skipped(report.rows(), MarkdownPrinter::escape).markdownLines(), out);
        }
        out.flush();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                escaped.append(' ');
            } else {
                if (MARKUP_CHARACTERS.indexOf(c) >= 0) escaped.append('\\');
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Keeps a line that starts with user text (the inputs line starts with the input's name) from opening a
     * heading, quote, list or setext underline: {@code # x.csv}, {@code - x.csv}, {@code 2024. x.csv}.
     */
    static String escapeBlockStart(String line) {
        if (!line.isEmpty() && BLOCK_MARKERS.indexOf(line.charAt(0)) >= 0) return "\\" + line;
        Matcher orderedList = ORDERED_LIST_MARKER.matcher(line);
        if (orderedList.lookingAt()) {
            int digits = orderedList.group(1).length();
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }

    private static void writeLines(List<String> lines, PrintWriter out) {
        for (String line : lines) out.write(line + "\n");
    }
}
