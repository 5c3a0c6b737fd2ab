package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * The CLI end to end through its real entry point: exit codes, stdout and stderr. Stderr must be blank
 * exactly when the exit code is 0.
 */
class EvalCommandTest {
    @TempDir
    Path dir;

    private Path houses() throws IOException {
        return write("houses.csv", "house,pred,target\nA,210,200\nB,340,350\nC,400,180\n");
    }

    private Path write(String name, String text) throws IOException {
        return CliRun.write(dir, name, text);
    }

    private static void assertSuccess(CliRun run) {
        run.assertSuccess();
    }

    private static void assertFailure(CliRun run, int code, String messagePart) {
        assertEquals(code, run.exitCode(), "exit code; stderr: " + run.err());
        assertTrue(run.err().startsWith("losseval: "), run.err());
        assertTrue(run.err().contains(messagePart), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }

    private static Object json(CliRun run) {
        return run.json();
    }

    @Test
    void seedHousesInJson() throws IOException {
        Object report = json(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target",
                "-l", "mse", "-l", "mae", "-l", "huber:delta=15", "--format", "json"));
        // Seed: MSE 16,200, MAE 80, Huber delta=15 1,095.83 (= 3287.5 / 3).
        assertEquals(16200.0, TinyJson.number(report, "losses", 0, "value"));
        assertEquals(80.0, TinyJson.number(report, "losses", 1, "value"));
        assertEquals(3287.5 / 3, TinyJson.number(report, "losses", 2, "value"));
        assertEquals("huber:delta=15", TinyJson.at(report, "losses", 2, "spec"));
        assertEquals(15.0, TinyJson.number(report, "losses", 2, "params", "delta"));
        assertEquals(3L, ((TinyJson.Num) TinyJson.at(report, "losses", 2, "count")).asLong());
        assertEquals("losseval/2", TinyJson.at(report, "schema"));
        assertEquals(3L, ((TinyJson.Num) TinyJson.at(report, "rows", "read")).asLong());
    }

    @Test
    void stdinAndCommaList() throws IOException {
        String csv = Files.readString(houses());
        CliRun run = CliRun.withStdin(csv, "eval", "-", "-p", "pred", "-t", "target", "-l", "mse,mae", "--format", "csv");
        assertSuccess(run);
        assertTrue(run.out().contains("mse"), run.out());
        assertTrue(run.out().contains("16200"), run.out());
    }

    @Test
    void defaultLossesAndTable() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target");
        assertSuccess(run);
        for (String loss : new String[] {"mse", "rmse", "mae"}) assertTrue(run.out().contains(loss), run.out());
        assertTrue(run.out().contains("16200"), run.out());
    }

    @Test
    void unknownLossIsAUsageErrorWithSuggestion() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "hubr");
        assertFailure(run, 2, "did you mean 'huber'");
    }

    @Test
    void deltaOutOfDomainIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "huber:delta=-1");
        assertFailure(run, 2, "delta");
    }

    @Test
    void lossWithoutItsInputsIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-t", "target", "-l", "mae");
        assertFailure(run, 2, "mae needs --pred and --target");
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--no-such-option");
        assertFailure(run, 2, "--no-such-option");
        assertEquals(2, run.err().lines().count(), "one line and a hint: " + run.err());
        assertTrue(run.err().contains("losseval eval --help"), run.err());
    }

    @Test
    void missingColumnNamesFileAndSuggests() throws IOException {
        Path file = houses();
        CliRun run = CliRun.of("eval", file.toString(), "-p", "prd", "-t", "target");
        assertFailure(run, 3, file + ": column 'prd'");
        assertTrue(run.err().contains("pred"), run.err());
    }

    @Test
    void unparsableValueNamesFileRowAndColumn() throws IOException {
        Path file = write("bad.csv", "pred,target\n1,2\n3,abc\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target");
        assertFailure(run, 3, file + ":2: column 'target': not a number");
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void skipInvalidCountsRowsPerReason() throws IOException {
        Path file = write("bad.csv", "pred,target\n1,2\n3,abc\n,4\n5,NaN\n2,2\n");
        Object report = json(CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mae",
                "--skip-invalid", "--format", "json"));
        assertEquals(5.0, TinyJson.number(report, "rows", "read"));
        assertEquals(2.0, TinyJson.number(report, "rows", "used"));
        assertEquals(3.0, TinyJson.number(report, "rows", "skipped"));
        assertEquals(1.0, TinyJson.number(report, "rows", "skipped_by_reason", "not a number"));
        assertEquals(1.0, TinyJson.number(report, "rows", "skipped_by_reason", "empty value"));
        assertEquals(1.0, TinyJson.number(report, "rows", "skipped_by_reason", "NaN value"));
        assertEquals(0.5, TinyJson.number(report, "losses", 0, "value")); // (|1-2| + |2-2|) / 2
    }

    @Test
    void noUsableRowsIsADataError() throws IOException {
        Path file = write("empty.csv", "pred,target\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target");
        assertFailure(run, 3, "no usable rows");
    }

    @Test
    void msleNegativeValueIsInvalid() throws IOException {
        Path file = write("neg.csv", "pred,target\n1,2\n-3,4\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "msle");
        assertFailure(run, 3, file + ":2: column 'pred'");
    }

    @Test
    void missingFileIsAnInputError() {
        CliRun run = CliRun.of("eval", dir.resolve("nope.csv").toString(), "-p", "pred", "-t", "target");
        assertFailure(run, 3, "nope.csv");
    }

    @Test
    void outputFileReceivesTheReport() throws IOException {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--format", "json", "-o", out.toString());
        assertSuccess(run);
        assertEquals("", run.out());
        assertEquals(16200.0, TinyJson.number(TinyJson.parse(Files.readString(out)), "losses", 0, "value"));
    }

    @Test
    void unwritableOutputIsAnError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target",
                "-o", dir.resolve("no/such/dir/report.txt").toString());
        assertFailure(run, 3, "cannot write");
    }

    @Test
    void weightedMeanFollowsScikitLearn() throws IOException {
        Path file = write("w.csv", "pred,target,w\n210,200,1\n340,350,1\n400,180,0\n");
        Object report = json(CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-w", "w", "-l", "mae",
                "--format", "json"));
        assertEquals(10.0, TinyJson.number(report, "losses", 0, "value")); // the zero-weight outlier counts for nothing
        assertEquals(2.0, TinyJson.number(report, "losses", 0, "weight_sum"));
        assertEquals("w", TinyJson.at(report, "columns", "weight"));
    }

    @Test
    void deltaMadIsResolvedAndReported() throws IOException {
        // residuals 10, -10, 220: median 10, |r - 10| = 0, 20, 210, MAD = 20
        Object report = json(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "huber:delta=mad",
                "--format", "json"));
        assertEquals("huber:delta=mad", TinyJson.at(report, "losses", 0, "spec"));
        assertEquals(20.0, TinyJson.number(report, "losses", 0, "params", "delta"));
        assertEquals(java.util.List.of("delta"), TinyJson.at(report, "losses", 0, "resolved_params"));
        // huber(10) = 50, huber(-10) = 50, huber(220) = 20 * (220 - 10) = 4200; mean = 4300 / 3
        assertEquals(4300.0 / 3, TinyJson.number(report, "losses", 0, "value"));
    }

    @Test
    void severalInputsAreEvaluatedTogetherAndApart() throws IOException {
        Path a = write("a.csv", "pred,target\n210,200\n340,350\n");
        Path b = write("b.csv", "pred,target\n400,180\n");
        Object report = json(CliRun.of("eval", a.toString(), b.toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--format", "json"));
        assertEquals(16200.0, TinyJson.number(report, "losses", 0, "value"));              // together
        assertEquals(100.0, TinyJson.number(report, "inputs", 0, "losses", 0, "value"));   // a alone
        assertEquals(48400.0, TinyJson.number(report, "inputs", 1, "losses", 0, "value")); // b alone
        assertEquals(a.toString(), TinyJson.at(report, "inputs", 0, "name"));
        assertEquals(1.0, TinyJson.number(report, "inputs", 1, "rows", "used"));
    }

    @Test
    void lossesListsEveryLossWithParameters() {
        CliRun run = CliRun.of("losses");
        assertSuccess(run);
        for (String name : new String[] {"mse", "rmse", "mae", "huber", "smooth_l1", "log_cosh", "pinball", "mape", "msle"}) {
            assertTrue(run.out().contains(name), name + " in " + run.out());
        }
        assertTrue(run.out().contains("delta: default 1, > 0 or 'mad'"), run.out());
    }

    @Test
    void versionNamesJavaAndKernel() {
        CliRun run = CliRun.of("--version");
        assertSuccess(run);
        assertTrue(run.out().startsWith("losseval "), run.out());
        assertTrue(run.out().contains("Java "), run.out());
        assertTrue(run.out().contains("kernel: "), run.out());
    }

    @Test
    void helpListsExitCodes() {
        // picocli reports unformattable descriptions (an unescaped '%') on System.err, past our writers.
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream processErr = new java.io.ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new java.io.PrintStream(processErr, true, StandardCharsets.UTF_8));
            run = CliRun.of("eval", "--help");
        } finally {
            System.setErr(original);
        }
        assertEquals("", processErr.toString(StandardCharsets.UTF_8));
        assertSuccess(run);
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("70"), run.out());
    }

    @Test
    void badPrecisionAndDelimiterAreUsageErrors() throws IOException {
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--precision", "0"), 2, "--precision");
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-d", "ab"), 2, "--delimiter");
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--format", "xml"), 2, "xml");
    }
}
