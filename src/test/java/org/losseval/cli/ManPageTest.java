package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(page.startsWith(".TH \"SAMPLE\" \"1\" \"\" \"sample 9.9\" \"User Commands\"\n"), page);
        assertTrue(page.contains(".SH NAME\nsample \\- Evaluates sample things.\n"), page);
    }

    @Test
    void synopsisIsPicocliSynopsisJoinedOnOneLine() {
        assertTrue(page.contains(".B sample\n[\\-hV] [COMMAND]\n.br\n"), page);
        assertTrue(page.contains(".B sample eval\n[\\-\\-format=<format>] [\\-\\-limit=<limit>] [\\-p=<column>] FILE...\n"), page);
    }

    @Test
    void optionsShowNamesLabelsAndDefaultsAsHelpDoes() {
        assertTrue(page.contains(".TP\n\\fB\\-p\\fR, \\fB\\-\\-pred\\fR\\fI=<column>\\fR\nPrediction column.\n"), page);
        assertTrue(page.contains("Output format: table, json. Default: table.\n"), page);
        assertTrue(page.contains("\\fB\\-\\-limit\\fR\\fI=<limit>\\fR\nRows to show. Default: 10.\n"), page);
        assertTrue(page.contains(".TP\n\\fIFILE...\\fR\nInput files.\n"), page);
    }

    @Test
    void hiddenOptionsAndCommandsAreLeftOutAndAliasesListedOnce() {
        assertFalse(page.contains("debug\\-internals"), page);
        assertFalse(page.contains("secret"), page);
        assertEquals(1, count(page, ".SS sample eval\n"), page);
    }

    @Test
    void indentedDescriptionLinesAreVerbatimExamplesWithCopyableMinusSigns() {
        assertTrue(page.contains(".PP\n.RS 4\n.nf\nsample eval a.csv \\-p pred\nsample eval \\- < a.csv\n.fi\n.RE\n.PP\nLast words.\n"), page);
    }

    @Test
    void descriptionKeepsParagraphs() {
        assertTrue(page.contains(".SH DESCRIPTION\n.PP\nReads dumps and prints losses.\n.PP\n\\&.csv and .parquet files are read.\n"), page);
    }

    @Test
    void exitCodesComeFromTheUsageHelpWithBackslashesEscaped() {
        assertTrue(page.contains(".SH EXIT STATUS\n.TP\n.B 0\nsuccess\n.TP\n.B 3\ninput error \\e (bad file)\n"), page);
    }

    @Test
    void lossesListNamesAliasesFormulaConventionAndParameters() {
        assertTrue(page.contains(".TP\n\\fBmse\\fR (also l2)\nmean squared error\n.br\nPer row: (y - yhat)^2\n"), page);
        assertTrue(page.contains("Reads: \\fB\\-\\-pred\\fR and \\fB\\-\\-target\\fR."), page);
        assertTrue(page.contains("Convention: PyTorch\n"), page);
        assertTrue(page.contains("\\fIdelta\\fR = 1 (> 0, or \"mad\"): where the loss turns"), page);
    }

    @Test
    void aTextLineStartingWithADotIsGuarded() {
        // The second paragraph starts with ".csv", which roff would otherwise read as a request.
        assertTrue(page.contains("\n\\&.csv and"), page);
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
}
