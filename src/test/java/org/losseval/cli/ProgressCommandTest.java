package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The progress line end to end, through the real command line on a context whose stderr is said to be a
 * terminal, with a fake clock that moves two seconds at every reading (so the line is drawn without a run that
 * lasts): drawn and blanked on a terminal, not drawn with --quiet or when stderr is not a terminal. (Every other
 * cli test runs with stderr not a terminal and checks a successful run leaves it empty: {@link CliRun}.)
 */
class ProgressCommandTest {
    @TempDir
    Path dir;

    /** A run of the real command on {@code terminal}'s say-so; stdout discarded; returns stderr. */
    private static String stderrOf(boolean terminal, String... args) {
        StringWriter err = new StringWriter();
        long[] now = {0};
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CliContext context = new CliContext(InputStream.nullInputStream(), discard, new PrintWriter(err), () -> null,
                terminal, () -> now[0] += 2_000_000_000L);
        int code = Cli.commandLine(context).execute(args);
        assertEquals(0, code, err.toString());
        return err.toString();
    }

    @Test
    void onATerminalTheLineIsDrawnThenBlankedAndWithoutOneNothingIsWritten() throws Exception {
        // 3 data rows; the file is 28 bytes, all read with the first batch. The clock reads 2 s when the run
        // starts and 4 s at the one batch: 28 bytes in 2 s is 1.4e-5 MB/s (below 1e-4, so text.Numbers writes an
        // exponent); 100 %, 0 s left.
        Path csv = Files.writeString(dir.resolve("a.csv"), "pred,target\n1,2\n3,5\n10,20.5\n");
        assertEquals(28, Files.size(csv));
        String[] args = {"eval", csv.toString(), "-p", "pred", "-t", "target", "-l", "mse"};
        String line = "losseval: 3 rows, 1.4e-05 MB/s, 100%, 0 s left";
        assertEquals("\r" + line + "\r" + " ".repeat(line.length()) + "\r", stderrOf(true, args));
        assertEquals("", stderrOf(false, args));
    }

    @Test
    void quietDrawsNoLineEvenOnATerminal() throws Exception {
        Path csv = Files.writeString(dir.resolve("b.csv"), "pred,target\n1,2\n");
        assertEquals("", stderrOf(true, "eval", csv.toString(), "-p", "pred", "-t", "target", "--quiet"));
        assertEquals("", stderrOf(true, "eval", csv.toString(), "-p", "pred", "-t", "target", "-q"));
    }

    @Test
    void quietIsAnOutputOptionOffByDefault() {
        assertTrue(parsed("--quiet").output.quiet.value());
        assertTrue(parsed("-q").output.quiet.value());
        assertFalse(parsed().output.quiet.value());
    }

    private static EvalCommand parsed(String... options) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CommandLine top = Cli.commandLine(new CliContext(InputStream.nullInputStream(), discard, discard, () -> null));
        String[] argv = new String[options.length + 6];
        System.arraycopy(new String[] {"eval", "a.csv", "-p", "pred", "-t", "target"}, 0, argv, 0, 6);
        System.arraycopy(options, 0, argv, 6, options.length);
        return top.parseArgs(argv).subcommand().commandSpec().commandLine().getCommand();
    }
}
