package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7 (and item 1's closed stdout): {@code losseval eval - <&-} read the file the JVM happened
 * to open on descriptor 0 (its own lib/modules) as CSV, and {@code >&-} lost the report with a bare "Bad
 * file descriptor". The real entry point runs in a child JVM started by sh with the descriptor closed.
 */
class ClosedStandardStreamsTest {
    @TempDir
    Path dir;

    @Test
    void aClosedStdinIsSaidToBeClosed() throws Exception {
        Result result = run("<&-", "eval", "-", "-p", "pred", "-t", "target");
        assertEquals(3, result.exit);
        assertEquals("", result.out);
        assertEquals("losseval: -: cannot read: standard input is closed (the process was started with <&-); give a "
                + "file name instead of '-', or redirect or pipe the data in\n", result.err);
    }

    @Test
    void aClosedStdoutIsAnOutputError() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "pred,target\n1,2\n");
        Result result = run(">&-", "eval", csv.toString(), "-p", "pred", "-t", "target");
        assertEquals(3, result.exit);
        assertEquals("losseval: cannot write the report to stdout: standard output is closed (the process was started"
                + " with >&-); write the report to a file with -o FILE, or redirect stdout\n", result.err);
    }

    @Test
    void aClosedStdoutDoesNotMatterWithAnOutputFile() throws Exception {
        Path csv = Files.writeString(dir.resolve("b.csv"), "pred,target\n1,2\n");
        Path report = dir.resolve("report.json");
        Result result = run(">&-", "eval", csv.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format", "json",
                "-o", report.toString());
        assertEquals("", result.err);
        assertEquals(0, result.exit);
        assertEquals(1.0, org.losseval.format.TinyJson.number(org.losseval.format.TinyJson.parse(Files.readString(report)),
                "losses", 0, "value"));
    }

    @Test
    void anOpenStdinIsRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("c.csv"), "pred,target\n1,3\n");
        Result result = run("< " + csv, "eval", "-", "-p", "pred", "-t", "target", "-l", "mse", "--format", "csv");
        assertEquals("", result.err);
        assertEquals(0, result.exit);
    }

    private record Result(int exit, String out, String err) {}

    /** {@code sh -c 'exec java ... org.losseval.Main ARGS REDIRECTION'}; stdout and stderr captured via files. */
    private Result run(String redirection, String... args) throws IOException, InterruptedException {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh) && Files.isDirectory(Path.of("/proc/self/fd")), "needs sh and /proc");
        StringBuilder command = new StringBuilder("exec ").append(quote(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString())).append(" -cp ").append(quote(System.getProperty("java.class.path"))).append(" org.losseval.Main");
        for (String arg : args) command.append(' ').append(quote(arg));
        command.append(' ').append(redirection);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(sh.toString(), "-c", command.toString()).redirectError(err);
        if (!redirection.startsWith(">")) builder.redirectOutput(out);
        else Files.writeString(out.toPath(), "");
        Process process = builder.start();
        int exit = process.waitFor();
        return new Result(exit, Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
