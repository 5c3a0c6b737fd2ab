package org.losseval.format;

import org.losseval.text.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.losseval.report.ContributionResult;
import org.losseval.report.LossContribution;
import org.losseval.report.GateOutcome;
import org.losseval.report.InputReport;
import org.losseval.report.Report;

/**
 * GitHub-flavoured Markdown for a CI job summary (e.g. appended to {@code $GITHUB_STEP_SUMMARY}):
 * <pre>
 * ## losseval
 *
 * **❌ 1 of 2 gates failed**
 *
 * - ❌ `share_top1[mse] &gt; 0.5` (`share_top1[mse]` = 0.995885)
 * - ✅ `mae &gt; 100` (`mae` = 80)
 *
 * houses.csv (csv): 3 rows read, 3 used, 0 skipped
 *
 * | loss  | value | rows |
 * | :---- | ----: | ---: |
 * | mse   | 16200 |    3 |
 *
 * ### How concentrated each loss is
 * ...
 * </pre>
 * The gates come first, because a job summary is read from the top: a bold summary line and one list item
 * per gate, ✅ passed or ❌ failed, with the gate and its figure as code and the value it judged. Then the inputs line and
 * the losses table (when the run evaluated losses); unless contributions are off,
 * {@code ### How concentrated each loss is} (the shares table, the outlier definition, notes on undefined or
 * approximate shares) and {@code ### Worst rows};
 * {@code ### Quantiles} and {@code ### Intervals} when asked for; with two or more inputs a
 * {@code ### Input: name (format)} section per input; and, when rows were skipped, a {@code ### Skipped rows}
 * table by reason. The same sections ({@link Sections} decides which a report has), wording and numbers as
 * {@link TablePrinter}; the Markdown source is aligned so it also reads well raw.
 *
 * <p>Text from the user (input names, labels, reasons) is escaped: a backslash before each character that
 * could end a table cell or start inline markup ({@code \ | ` * _ ~ [ ] < >}), and line breaks become
 * spaces, so a file called {@code a|b.csv} cannot break the table; the inputs line, which starts with a
 * file name, is also kept from starting a heading or a list. A gate is a code span fenced by more
 * backticks than it contains. Lines end with '\n'.
 */
public final class MarkdownPrinter implements Printer {
    private static final String MARKUP_CHARACTERS = "\\|`*_~[]<>";
    private static final String BLOCK_MARKERS = "#>-+=";
    private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("([0-9]{1,9})[.)]");
    private static final String PASSED = "✅";
    private static final String FAILED = "❌";

    private final DoubleFunction<String> number;

    /** @param significantDigits 1..17, see {@link Numbers#human(double, int)} */
    public MarkdownPrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    @Override
    public void print(Report report, PrintWriter out) {
        Sections sections = Sections.of(report);
        boolean weighted = Phrases.weighted(report);
        UnaryOperator<String> escape = MarkdownPrinter::escape;
        out.write("## losseval\n\n");
        if (sections.gates()) writeGates(report, out);
        out.write(escapeBlockStart(escape(Phrases.inputsLine(report))) + "\n");
        if (report.pairing() != null) {
            // A line of its own in Markdown needs the blank line or the two trailing spaces: a blank line.
            out.write("\n" + escapeBlockStart(escape(Phrases.baselineLine(report.pairing()))) + "\n");
        }
        if (sections.losses()) {
            out.write("\n");
            writeLines(LossTables.losses(report.losses(), weighted, number, escape).markdownLines(), out);
            if (LossTables.anyApproximate(report)) out.write("\n" + escape(Phrases.approximateNote()) + "\n");
        }
        if (sections.comparison()) {
            out.write("\n### Against the baseline\n\n" + escape(ComparisonTables.heading(report)) + "\n\n");
            writeLines(ComparisonTables.comparison(report.comparison(), number, escape).markdownLines(), out);
            for (String note : ComparisonTables.notes(report.comparison())) out.write("\n" + escape(note) + "\n");
        }
        if (sections.contributions()) writeContributions(report, sections, weighted, out);
        if (sections.quantiles()) {
            out.write("\n### Quantiles\n\n");
            writeLines(FigureTables.quantiles(report.quantiles(), number, escape).markdownLines(), out);
            if (report.quantileSet() != null) out.write("\n" + escape(Phrases.quantileSet(report.quantileSet(), number)) + "\n");
        }
        if (sections.intervals()) {
            out.write("\n### Intervals\n\n");
            writeLines(FigureTables.intervals(report.intervals(), number, escape).markdownLines(), out);
        }
        if (sections.perInput()) {
            for (InputReport input : report.inputs()) {
                out.write("\n### Input: " + escape(Phrases.input(input)) + "\n\n");
                out.write(Phrases.rows(input.rows()) + "\n\n");
                writeLines(LossTables.losses(input.losses(), weighted, number, escape).markdownLines(), out);
            }
        }
        if (sections.skipped()) {
            out.write("\n### Skipped rows\n\n");
            writeLines(LossTables.skipped(report.rows(), escape).markdownLines(), out);
        }
        if (sections.groups()) {
            out.write("\n### Groups\n\n" + escape(Phrases.groupsLine(report.groups())) + ".\n\n");
            writeLines(GroupTables.groups(report.groups(), number, escape).markdownLines(), out);
            List<String> notes = new ArrayList<>();
            for (var worst : report.groups().worst()) notes.add(Phrases.worstGroup(report.groups(), worst, number));
            for (var worst : report.groups().worstDelta()) notes.add(Phrases.worstGroupDelta(report.groups(), worst, number));
            notes.add(Phrases.worstGroupCaveat());
            if (GroupTables.anyApproximate(report.groups())) notes.add(Phrases.approximateNote());
            out.write("\n" + String.join("\\\n", notes.stream().map(MarkdownPrinter::escape).toList()) + "\n");
        }
        out.flush();
    }

    private void writeGates(Report report, PrintWriter out) {
        out.write("**" + (report.gatesPassed() ? PASSED : FAILED) + " " + GateWording.summary(report.gates())
                + "**\n\n");
        for (GateOutcome gate : report.gates()) {
            out.write("- " + (gate.passed() ? PASSED : FAILED) + " "
                    + GateWording.judged(gate, number, MarkdownPrinter::codeSpan) + "\n");
        }
        out.write("\n");
    }

    private void writeContributions(Report report, Sections sections, boolean weighted, PrintWriter out) {
        ContributionResult contributions = report.contributions();
        out.write("\n### How concentrated each loss is\n\n");
        out.write("Share of each loss's total from its worst rows.\n\n");
        writeLines(FigureTables.concentration(contributions, MarkdownPrinter::escape).markdownLines(), out);
        List<String> notes = new ArrayList<>();
        notes.add(Phrases.outliers(contributions.outliers(), number));
        for (LossContribution loss : contributions.losses()) {
            if (loss.undefinedRows() > 0) notes.add(Phrases.undefinedShares(loss.loss(), loss.undefinedRows()));
        }
        if (!contributions.exact()) notes.add(Phrases.approximateNote());
        // One paragraph, each note on its own line: a trailing backslash is a hard line break.
        out.write("\n" + String.join("\\\n", notes.stream().map(MarkdownPrinter::escape).toList()) + "\n");
        if (sections.worstRows()) {
            out.write("\n### Worst rows\n\n");
            writeLines(FigureTables.worstRows(contributions, report.inputs(), weighted, number, MarkdownPrinter::escape)
                    .markdownLines(), out);
        }
    }

    /**
     * {@code text} as inline code: fenced by one backtick more than its longest run of backticks, with a
     * space inside the fences when it starts or ends with a backtick (CommonMark strips one such space).
     * Line breaks become spaces.
     */
    static String codeSpan(String text) {
        String oneLine = text.replace('\r', ' ').replace('\n', ' ');
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < oneLine.length(); i++) {
            run = oneLine.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`");
        String inside = pad ? " " + oneLine + " " : oneLine;
        return fence + inside + fence;
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
