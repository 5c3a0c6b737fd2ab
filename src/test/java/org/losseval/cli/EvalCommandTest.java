package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.app.BuildInfo;
import org.losseval.format.TinyJson;
import org.losseval.kernel.Kernels;
import org.losseval.loss.LossRegistry;

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

    /** The run failed with this exit code, wrote nothing to stdout and exactly these lines to stderr. */
    private static void assertFailure(CliRun run, int code, String... errLines) {
        assertEquals(code, run.exitCode(), "exit code; stderr: " + run.err());
        assertEquals(List.of(errLines), run.err().lines().toList());
        assertEquals("", run.out());
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
        assertEquals("losseval/4", TinyJson.at(report, "schema"));
        assertEquals(3L, ((TinyJson.Num) TinyJson.at(report, "rows", "read")).asLong());
    }

    @Test
    void stdinAndCommaList() throws IOException {
        String csv = Files.readString(houses());
        CliRun run = CliRun.withStdin(csv, "eval", "-", "-p", "pred", "-t", "target", "-l", "mse,mae", "--format", "csv");
        assertSuccess(run);
        // stdin is named "-"; the figure rows after the loss rows are CsvPrinterTest's subject.
        assertEquals(List.of(
                "scope,input,label,spec,name,value,count,weight_sum",
                "total,,,mse,mse,16200,3,3",
                "total,,,mae,mae,80,3,3",
                "input,-,,mse,mse,16200,3,3",
                "input,-,,mae,mae,80,3,3"), run.out().lines().limit(5).toList());
    }

    @Test
    void defaultLossesAndTable() {
        // The committed houses (the same three rows), so the table's widths do not depend on a temporary path.
        CliRun run = CliRun.of("eval", "examples/houses.csv", "-p", "pred", "-t", "target");
        assertSuccess(run);
        assertEquals("""
                examples/houses.csv (csv): 3 rows read, 3 used, 0 skipped

                loss    value  rows
                mse     16200     3
                rmse  127.279     3
                mae        80     3

                share of each loss's total from its worst rows:
                loss  top 1 row  top 5 rows  top 1% (1 row)  top 5% (1 row)  outliers
                mse      99.59%     100.00%          99.59%          99.59%    99.59%
                rmse     99.59%     100.00%          99.59%          99.59%    99.59%
                mae      91.67%     100.00%          91.67%          91.67%    91.67%
                robust outliers: 1 row with |r - median| > 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)

                worst rows:
                loss  row                    pred  target  residual  row loss
                mse   examples/houses.csv:3   400     180       220     48400
                      examples/houses.csv:1   210     200        10       100
                      examples/houses.csv:2   340     350       -10       100
                rmse  examples/houses.csv:3   400     180       220     48400
                      examples/houses.csv:1   210     200        10       100
                      examples/houses.csv:2   340     350       -10       100
                mae   examples/houses.csv:3   400     180       220       220
                      examples/houses.csv:1   210     200        10        10
                      examples/houses.csv:2   340     350       -10        10
                """, run.out());
    }

    @Test
    void unknownLossIsAUsageErrorWithSuggestion() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "hubr");
        assertFailure(run, 2, "losseval: unknown loss 'hubr' (did you mean 'huber'?); losses are: mse, rmse, mae, huber,"
                + " smooth_l1, log_cosh, pinball, mape, msle, r2, explained_variance, bias, max_error, smape, poisson,"
                + " gamma, tweedie, gaussian_nll, bce, focal, zero_one, ece, hinge, squared_hinge, brier, ce, kl,"
                + " focal_multiclass, multi_margin, distillation, contrastive, triplet, infonce");
    }

    @Test
    void deltaOutOfDomainIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "huber:delta=-1");
        assertFailure(run, 2, "losseval: huber: delta must be > 0, got -1");
    }

    @Test
    void lossWithoutItsInputsIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-t", "target", "-l", "mae");
        assertFailure(run, 2, "losseval: mae needs --pred and --target");
    }

    @Test
    void unknownOptionIsAUsageErrorWithAHint() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--no-such-option");
        // One line and a hint.
        assertFailure(run, 2, "losseval: Unknown option: '--no-such-option'",
                "Try 'losseval eval --help' for more information.");
    }

    @Test
    void missingColumnNamesFileAndSuggests() throws IOException {
        Path file = houses();
        CliRun run = CliRun.of("eval", file.toString(), "-p", "prd", "-t", "target");
        assertFailure(run, 3,
                "losseval: " + file + ": column 'prd': no such column; columns are: house, pred, target (did you mean 'pred'?)");
    }

    @Test
    void unparsableValueNamesFileRowAndColumn() throws IOException {
        Path file = write("bad.csv", "pred,target\n1,2\n3,abc\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target");
        assertFailure(run, 3, "losseval: " + file + ":3: column 'target': not a number: 'abc'");
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
        assertFailure(run, 3, "losseval: no usable rows: 0 read, 0 skipped");
    }

    @Test
    void msleNegativeValueIsInvalid() throws IOException {
        Path file = write("neg.csv", "pred,target\n1,2\n-3,4\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "msle");
        assertFailure(run, 3, "losseval: " + file + ":3: column 'pred': negative prediction for msle");
    }

    @Test
    void missingFileIsAnInputError() {
        Path missing = dir.resolve("nope.csv");
        CliRun run = CliRun.of("eval", missing.toString(), "-p", "pred", "-t", "target");
        assertFailure(run, 3, "losseval: " + missing + ": no such file");
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
        Path out = dir.resolve("no/such/dir/report.txt");
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-o", out.toString());
        assertFailure(run, 3, "losseval: cannot write '" + out + "': no such directory");
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
        // Each loss starts an unindented line, "name" or "name (alias a)", in the registry's order.
        List<String> lines = run.out().lines().toList();
        assertEquals(LossRegistry.builtIn().names(),
                lines.stream().filter(l -> !l.startsWith(" ")).map(l -> l.split(" ")[0]).toList());
        int huber = lines.indexOf("huber");
        assertEquals(List.of(
                "huber",
                "    Huber loss: squared for small errors, linear beyond delta",
                "    per row: 0.5 r^2 if |r| <= delta, else delta (|r| - 0.5 delta), r = pred - target  [PyTorch HuberLoss]",
                "    delta: default 1, > 0 or 'mad'; where the loss turns from quadratic to linear; 'mad' uses the median"
                        + " absolute deviation of the residuals"), lines.subList(huber, huber + 4));
    }

    @Test
    void versionNamesJavaAndKernel() {
        CliRun run = CliRun.of("--version");
        assertSuccess(run);
        assertEquals(List.of(
                "losseval " + BuildInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                "kernel: " + Kernels.regression().description()), run.out().lines().toList());
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
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of(
                "Exit codes:",
                "  0    success",
                "  1    a --fail-if gate failed",
                "  2    usage error (unknown option, loss or parameter, bad value)",
                "  3    input, output or data error (unreadable file, missing column, invalid",
                "         value, no usable rows, a failed write, not enough memory)",
                "  70   internal error (a bug: please report it, with --debug output)"),
                lines.subList(lines.indexOf("Exit codes:"), lines.size()));
    }

    @Test
    void badPrecisionAndDelimiterAreUsageErrors() throws IOException {
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--precision", "0"), 2,
                "losseval: --precision: significant digits must be between 1 and 17, got 0");
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-d", "ab"), 2,
                "losseval: --delimiter must be one character (not a quote or line break) or 'tab', got 'ab'");
        assertFailure(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--format", "xml"), 2,
                "losseval: Invalid value for option '--format': unknown format 'xml'; formats are: table, json, csv,"
                        + " markdown, junit, html",
                "Try 'losseval eval --help' for more information.");
    }
}
