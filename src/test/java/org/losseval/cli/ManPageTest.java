package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.junit.jupiter.api.io.TempDir;

class ManPageTest {
    private final String page = new ManPage(SampleCommand.commandLine(), SampleCommand.losses(), "9.9").render();

    @Test
    void titleAndNameComeFromTheTopCommand() {
        assertEquals(".TH \"SAMPLE\" \"1\" \"\" \"sample 9.9\" \"User Commands\"", page.lines().findFirst().orElseThrow());
        assertEquals(List.of(".SH NAME", "sample \\- Evaluates sample things."), section(".SH NAME"));
    }

    @Test
    void synopsisIsPicocliSynopsisJoinedOnOneLine() {
        assertEquals(List.of(".SH SYNOPSIS",
                ".B sample", "[\\-hV] [COMMAND]", ".br",
                ".B sample eval", "[\\-\\-format=<format>] [\\-\\-limit=<limit>] [\\-p=<column>] FILE..."),
                section(".SH SYNOPSIS"));
    }

    @Test
    void optionsShowNamesLabelsAndDefaultsAsHelpDoes() {
        assertEquals(List.of(".SS sample eval",
                ".PP", "Evaluates losses on prediction dumps.",
                ".TP", "\\fIFILE...\\fR", "Input files.",
                ".TP", "\\fB\\-p\\fR, \\fB\\-\\-pred\\fR\\fI=<column>\\fR", "Prediction column.",
                ".TP", "\\fB\\-\\-format\\fR\\fI=<format>\\fR", "Output format: table, json. Default: table.",
                ".TP", "\\fB\\-\\-limit\\fR\\fI=<limit>\\fR", "Rows to show. Default: 10."),
                section(".SS sample eval"));
    }

    @Test
    void hiddenOptionsAndCommandsAreLeftOutAndAliasesListedOnce() {
        // SampleCommand's eval has a hidden --debug-internals option (its section, checked exactly above, has
        // none) and the alias "e"; the top command has a hidden "secret" command and only the standard options.
        assertEquals(List.of(".SH OPTIONS",
                ".TP", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR", "Show this help message and exit.",
                ".TP", "\\fB\\-V\\fR, \\fB\\-\\-version\\fR", "Print version information and exit."),
                section(".SH OPTIONS"));
        assertEquals(List.of(".SS sample eval"), page.lines().filter(l -> l.startsWith(".SS")).toList());
    }

    @Test
    void indentedDescriptionLinesAreVerbatimExamplesWithCopyableMinusSigns() {
        assertEquals(List.of(".PP", ".RS 4", ".nf", "sample eval a.csv \\-p pred", "sample eval \\- < a.csv", ".fi", ".RE",
                ".PP", "Last words."), section(".SH DESCRIPTION").subList(5, 14));
    }

    @Test
    void descriptionKeepsParagraphs() {
        assertEquals(List.of(".SH DESCRIPTION", ".PP", "Reads dumps and prints losses.", ".PP",
                "\\&.csv and .parquet files are read.", ".PP", ".RS 4", ".nf", "sample eval a.csv \\-p pred",
                "sample eval \\- < a.csv", ".fi", ".RE", ".PP", "Last words."), section(".SH DESCRIPTION"));
    }

    @Test
    void exitCodesComeFromTheUsageHelpWithBackslashesEscaped() {
        assertEquals(List.of(".SH EXIT STATUS", ".TP", ".B 0", "success", ".TP", ".B 3", "input error \\e (bad file)"),
                section(".SH EXIT STATUS"));
    }

    @Test
    void lossesListNamesAliasesFormulaConventionAndParameters() {
        assertEquals(List.of(".SH LOSSES",
                "A loss is given as \\fIname\\fR or \\fIname\\fR:\\fIkey\\fR=\\fIvalue\\fR[,\\fIkey\\fR=\\fIvalue\\fR...].",
                ".TP", "\\fBmse\\fR (also l2)", "mean squared error", ".br", "Per row: (y - yhat)^2", ".br",
                "Reads: \\fB\\-\\-pred\\fR and \\fB\\-\\-target\\fR.",
                ".TP", "\\fBhuber\\fR", "quadratic near zero, linear beyond delta", ".br",
                "Per row: .5 r^2 if |r| <= delta, else delta (|r| - .5 delta)", ".br",
                "Reads: \\fB\\-\\-pred\\fR and \\fB\\-\\-target\\fR.", ".br", "Convention: PyTorch", ".br",
                "\\fIdelta\\fR = 1 (> 0, or \"mad\"): where the loss turns from quadratic to linear"),
                section(".SH LOSSES"));
    }

    @Test
    void aTextLineStartingWithADotIsGuarded() {
        // The second paragraph starts with ".csv", which roff would otherwise read as a request.
        assertEquals("\\&.csv and .parquet files are read.", section(".SH DESCRIPTION").get(4));
        // Every line that starts with a dot is one of the requests the page means to use.
        for (String line : page.split("\n")) {
            if (line.startsWith(".")) assertTrue(line.matches("\\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|B|br)( .*)?"), line);
        }
    }

    @Test
    void groffRendersThePageWithoutWarnings(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path file = Files.writeString(dir.resolve("sample.1"), page);
        Process groff = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(groff.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, groff.exitValue(), output);
        assertEquals("", output);
    }

    @Command(name = "grouped", description = "Has a section.")
    static final class Grouped implements Runnable {
        @Option(names = "--plain", description = "Plain.")
        boolean plain;

        @ArgGroup(validate = false, exclusive = false, heading = "%nThings:%n")
        Things things = new Things();

        static final class Things {
            @Option(names = "--thing", paramLabel = "T", description = "A thing.")
            String thing;
        }

        @Override public void run() {}
    }

    @Test
    void optionsInAnArgumentGroupComeUnderItsHeadingAfterTheOthers() {
        String grouped = new ManPage(new CommandLine(new Grouped()), SampleCommand.losses(), "1").render();
        assertTrue(grouped.contains(".SH OPTIONS\n.TP\n\\fB\\-\\-plain\\fR\nPlain.\n.PP\n.B Things:\n.TP\n"
                + "\\fB\\-\\-thing\\fR\\fI=T\\fR\nA thing.\n.SH LOSSES\n"), grouped);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    /** The page's lines from the whole line {@code heading} up to the next .SH or .SS heading. */
    private List<String> section(String heading) {
        List<String> lines = page.lines().toList();
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "no " + heading + " in\n" + page);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith(".SH") && !lines.get(end).startsWith(".SS")) end++;
        return lines.subList(start, end);
    }
}
