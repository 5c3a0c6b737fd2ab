package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 3: {@code losseval eval ... > /dev/full} exited 0, because the PrintWriter on stdout swallowed every
 * write error. Now a write error on stdout is exit 3 with one line on stderr; a closed pipe
 * ({@code | head -1}, EPIPE) stays a quiet success, keeping the gates' verdict.
 */
class StdoutWriteErrorTest {
    private static final String HOUSES = "house,pred,target\nA,210,200\nB,340,350\nC,400,180\n";

    @TempDir
    Path dir;

    /** A stdout whose every write fails as the operating system would report it. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override public void write(int b) throws IOException { throw new IOException(reason); }

            @Override public void write(byte[] b, int off, int len) throws IOException { throw new IOException(reason); }
        };
    }

    private record Run(int exitCode, String err) {}

    private Run run(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, InputStream.nullInputStream(), stdout, new PrintWriter(err));
        return new Run(code, err.toString());
    }

    private String houses() throws IOException {
        return CliRun.write(dir, "houses.csv", HOUSES).toString();
    }

    @Test
    void stdoutWriteErrorIsExitThree() throws IOException {
        Run run = run(failing("No space left on device"), "eval", houses(), "-p", "pred", "-t", "target");
        assertEquals("losseval: cannot write the report to stdout: No space left on device\n", run.err());
        assertEquals(3, run.exitCode());
    }

    @Test
    void aFullDiskOutranksAFailedGateButTheGateIsStillNamed() throws IOException {
        Run run = run(failing("No space left on device"), "eval", houses(), "-p", "pred", "-t", "target", "-l", "mse",
                "--fail-if", "mse > 200");
        assertEquals("losseval: gate failed: mse = 16200 > 200\n"
                + "losseval: cannot write the report to stdout: No space left on device\n", run.err());
        assertEquals(3, run.exitCode());
    }

    @Test
    void aClosedPipeIsAQuietSuccess() throws IOException {
        Run run = run(failing("Broken pipe"), "eval", houses(), "-p", "pred", "-t", "target");
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
    }

    @Test
    void aClosedPipeKeepsTheGatesVerdict() throws IOException {
        Run run = run(failing("Broken pipe"), "eval", houses(), "-p", "pred", "-t", "target", "-l", "mse",
                "--fail-if", "mse > 200");
        assertEquals("losseval: gate failed: mse = 16200 > 200\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void theLossListingToAFullDiskIsExitThree() {
        Run run = run(failing("No space left on device"), "losses");
        assertEquals("losseval: cannot write the list to stdout: No space left on device\n", run.err());
        assertEquals(3, run.exitCode());
    }

    @Test
    void theEntryPointStreamCarriesTheSameReportAsAWriter() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        String[] args = {"eval", houses(), "-p", "pred", "-t", "target", "-l", "huber:delta=15"};
        Run run = run(stdout, args);
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        assertEquals(CliRun.of(args).assertSuccess().out(), stdout.toString(StandardCharsets.UTF_8));
    }

    /** The real entry point in a child JVM, its stdout the real /dev/full: write(2) fails with ENOSPC. */
    @Test
    void devFullExitsThree() throws Exception {
        File devFull = new File("/dev/full");
        assumeTrue(devFull.exists(), "no /dev/full on this system");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.losseval.Main",
                "eval", houses(), "-p", "pred", "-t", "target"));
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(devFull))
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("losseval did not finish");
        }
        assertEquals("losseval: cannot write the report to stdout: No space left on device\n",
                Files.readString(err, StandardCharsets.UTF_8));
        assertEquals(3, process.exitValue());
    }
}
