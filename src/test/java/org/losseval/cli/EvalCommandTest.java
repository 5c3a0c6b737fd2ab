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
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertSuccess(CliRun run) {
        assertEquals("", run.err(), "stderr of a successful run");
        assertEquals(0, run.exitCode(), run.err());
    }

    private static void assertFailure(CliRun run, int code, String messagePart) {
        assertEquals(code, run.exitCode(), "exit code; stderr: " + run.err());
        assertTrue(run.err().startsWith("losseval: "), run.err());
        assertTrue(run.err().contains(messagePart), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
    }

    @Test
    void seedHousesInJson() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target",
                "-l", "mse", "-l", "mae", "-l", "huber:delta=15", "--format", "json");
        assertSuccess(run);
        // Seed: MSE 16,200, MAE 80, Huber delta=15 1,095.83 (= 3287.5 / 3).
        assertTrue(run.out().contains("\"value\":16200"), run.out());
        assertTrue(run.out().contains("\"value\":80"), run.out());
        assertTrue(run.out().contains("\"value\":" + (3287.5 / 3)), run.out());
        assertTrue(run.out().contains("\"spec\":\"huber:delta=15\""), run.out());
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
    void missingRequiredOptionIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-t", "target");
        assertFailure(run, 2, "--pred");
        assertEquals(2, run.err().lines().count(), "one line and a hint: " + run.err());
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
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mae",
                "--skip-invalid", "--format", "json");
        assertSuccess(run);
        assertTrue(run.out().contains("\"read\":5"), run.out());
        assertTrue(run.out().contains("\"used\":2"), run.out());
        assertTrue(run.out().contains("\"not a number\":1"), run.out());
        assertTrue(run.out().contains("\"empty value\":1"), run.out());
        assertTrue(run.out().contains("\"NaN value\":1"), run.out());
        assertTrue(run.out().contains("\"value\":0.5"), run.out()); // (|1-2| + |2-2|) / 2
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
        assertTrue(Files.readString(out).contains("\"value\":16200"));
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
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-w", "w", "-l", "mae",
                "--format", "json");
        assertSuccess(run);
        assertTrue(run.out().contains("\"value\":10"), run.out()); // the zero-weight outlier counts for nothing
    }

    @Test
    void deltaMadIsResolvedAndReported() throws IOException {
        // residuals 10, -10, 220: median 10, |r - 10| = 0, 20, 210, MAD = 20
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "huber:delta=mad",
                "--format", "json");
        assertSuccess(run);
        assertTrue(run.out().contains("\"spec\":\"huber:delta=mad\""), run.out());
        assertTrue(run.out().contains("\"delta\":20"), run.out());
        // huber(10) = 50, huber(-10) = 50, huber(220) = 20 * (220 - 10) = 4200; mean = 4300 / 3
        assertTrue(run.out().contains("\"value\":" + (4300.0 / 3)), run.out());
    }

    @Test
    void severalInputsAreEvaluatedTogetherAndApart() throws IOException {
        Path a = write("a.csv", "pred,target\n210,200\n340,350\n");
        Path b = write("b.csv", "pred,target\n400,180\n");
        CliRun run = CliRun.of("eval", a.toString(), b.toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--format", "json");
        assertSuccess(run);
        assertTrue(run.out().contains("\"value\":16200"), run.out()); // together
        assertTrue(run.out().contains("\"value\":100"), run.out());   // a alone
        assertTrue(run.out().contains("\"value\":48400"), run.out()); // b alone
    }

    @Test
    void lossesListsEveryLossWithParameters() {
        CliRun run = CliRun.of("losses");
        assertSuccess(run);
        for (String name : new String[] {"mse", "rmse", "mae", "huber", "smooth_l1", "log_cosh", "pinball", "mape", "msle"}) {
            assertTrue(run.out().contains(name), name + " in " + run.out());
        }
        assertTrue(run.out().contains("delta = 1"), run.out());
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
        CliRun run = CliRun.of("eval", "--help");
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
