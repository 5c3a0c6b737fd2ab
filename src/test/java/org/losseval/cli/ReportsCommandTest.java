package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * The reports features end to end through the real entry point: contribution shares, quantile and
 * interval figures, and --fail-if gates with their exit codes.
 */
class ReportsCommandTest {
    /** Shares are ratios of exact sums; the houses' are computed here by hand. */
    private static final double SHARE_TOLERANCE = 1e-15;

    @TempDir
    Path dir;

    private Path houses() throws IOException {
        return write("houses.csv", "house,pred,target\nA,210,200\nB,340,350\nC,400,180\n");
    }

    private Path write(String name, String text) throws IOException {
        return CliRun.write(dir, name, text);
    }

    private static Object json(CliRun run) {
        return run.json();
    }

    @Test
    void houseCHoldsAlmostAllOfMseLessOfMaeAndHuber() throws IOException {
        Object report = json(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target",
                "-l", "mse", "-l", "mae", "-l", "huber:delta=15", "--format", "json"));
        // The seed: House C holds 48,400 of 48,600 (MSE), 220 of 240 (MAE), 3,187.5 of 3,287.5 (Huber delta=15).
        assertEquals(48400.0 / 48600, TinyJson.number(report, "contributions", "losses", 0, "share_top1"), SHARE_TOLERANCE);
        assertEquals(220.0 / 240, TinyJson.number(report, "contributions", "losses", 1, "share_top1"), SHARE_TOLERANCE);
        assertEquals(3187.5 / 3287.5, TinyJson.number(report, "contributions", "losses", 2, "share_top1"), SHARE_TOLERANCE);
        assertEquals(3.0, TinyJson.number(report, "contributions", "losses", 0, "worst_rows", 0, "row"));
        assertEquals(220.0, TinyJson.number(report, "contributions", "losses", 0, "worst_rows", 0, "residual"));
    }

    @Test
    void tableShowsTheSharesSideBySide() {
        // The committed houses (the seed's three rows): House C holds 99.59% of mse, 91.67% of mae and
        // 96.96% of huber:delta=15.
        CliRun run = CliRun.of("eval", "examples/houses.csv", "-p", "pred", "-t", "target", "-l", "mse,mae,huber:delta=15")
                .assertSuccess();
        List<String> lines = run.out().lines().toList();
        int shares = lines.indexOf("share of each loss's total from its worst rows:");
        assertEquals(List.of(
                "share of each loss's total from its worst rows:",
                "loss            top 1 row  top 5 rows  top 1% (1 row)  top 5% (1 row)  outliers",
                "mse                99.59%     100.00%          99.59%          99.59%    99.59%",
                "mae                91.67%     100.00%          91.67%          91.67%    91.67%",
                "huber:delta=15     96.96%     100.00%          96.96%          96.96%    96.96%",
                "robust outliers: 1 row with |r - median| > 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)"),
                lines.subList(shares, shares + 6));
    }

    @Test
    void noContribLeavesThemOut() throws IOException {
        Object report = json(CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--no-contrib", "--format", "json"));
        assertEquals(null, TinyJson.at(report, "contributions"));
    }

    @Test
    void failedGateExitsOneAndSaysWhichOnStderr() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse,mae",
                "--fail-if", "mse > 200", "--fail-if", "mae > 100", "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("losseval: gate failed: mse = 16200 > 200"), run.err().lines().toList());
        Object report = TinyJson.parse(run.out());
        assertEquals(Boolean.FALSE, TinyJson.at(report, "gates", 0, "passed"));
        assertEquals(Boolean.TRUE, TinyJson.at(report, "gates", 1, "passed"));
        assertEquals("mse > 200", TinyJson.at(report, "gates", 0, "expression"));
    }

    @Test
    void passingGatesExitZeroQuietly() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--fail-if", "mse > 20000", "--fail-if", "share_top1[mse] > 0.9999");
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
    }

    @Test
    void gateOnAContributionFigureAndALabel() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target",
                "-l", "robust=huber:delta=15", "--fail-if", "share_top1[robust] > 0.9", "--fail-if", "robust >= 1095");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("losseval: gate failed: share_top1[robust] = 0.9695817490494296 > 0.9",
                "losseval: gate failed: robust = 1095.8333333333333 >= 1095"), run.err().lines().toList());
    }

    @Test
    void stderrAndTheJunitReportWordAFailedGateAlike() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "robust=huber:delta=15",
                "--fail-if", "share_top1[robust] > 0.9", "--format", "junit", "--precision", "17");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("losseval: gate failed: share_top1[robust] = 0.9695817490494296 > 0.9\n", run.err());
        assertEquals(List.of("    <failure message=\"share_top1[robust] = 0.9695817490494296 &gt; 0.9\" type=\"gate\"/>"),
                run.out().lines().filter(line -> line.contains("<failure")).toList(), run.out());
    }

    @Test
    void gateOnTheWorstOnePercent() throws IOException {
        // 3 rows: the worst 1% is one row (at least one row is counted), House C.
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mae",
                "--fail-if", "share_top1%[mae] > 0.9");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("losseval: gate failed: share_top1%[mae] = 0.9166666666666666 > 0.9\n", run.err());
    }

    @Test
    void unknownFigureIsAUsageErrorBeforeAnyDataIsRead() {
        // The input does not exist: exit code 2 (not 3) shows the gate was refused first.
        CliRun run = CliRun.of("eval", dir.resolve("missing.csv").toString(), "-p", "pred", "-t", "target",
                "-l", "mse", "--fail-if", "mes > 1");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("losseval: --fail-if 'mes > 1': unknown figure 'mes' (did you mean 'mse'?); figures of this"
                + " run are: mse, clamped[mse], share_top1[mse], share_top5[mse], share_top1%[mse], share_top5%[mse],"
                + " outlier_share[mse], outliers, rows_read, rows_used, rows_skipped"), run.err().lines().toList());
    }

    @Test
    void gateSyntaxErrorIsAUsageError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "--fail-if", "mse = 3");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("losseval: --fail-if 'mse = 3': gate 'mse = 3': unknown operator (expected FIGURE OP NUMBER"
                + " with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')"), run.err().lines().toList());
    }

    @Test
    void specGivenAnotherWayStillNamesTheLoss() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "huber:delta=15",
                "--fail-if", "huber:delta=15.0 > 1000");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("losseval: gate failed: huber:delta=15 = 1095.8333333333333 > 1000\n", run.err());
    }

    private Path intervals() throws IOException {
        // target inside [p10, p90] on rows 1, 2, 4; below on row 3; above on row 5.
        return write("q.csv", "target,p10,p50,p90\n5,1,4,8\n3,2,3,4\n0,1,2,3\n7,6,7,8\n20,1,2,3\n");
    }

    @Test
    void quantilesAndIntervalsWithoutPredictions() throws IOException {
        Object report = json(CliRun.of("eval", intervals().toString(), "-t", "target",
                "--quantile", "p10@0.1", "--quantile", "p90@0.9", "--quantile", "p50@0.5",
                "--interval", "p10:p90", "--format", "json"));
        assertEquals(List.of(), TinyJson.at(report, "losses"));
        assertEquals(0.8, TinyJson.number(report, "intervals", 0, "nominal"), 1e-15); // 0.9 - 0.1
        assertEquals(0.6, TinyJson.number(report, "intervals", 0, "coverage"));
        assertEquals(0.2, TinyJson.number(report, "intervals", 0, "fraction_below"));
        assertEquals(0.2, TinyJson.number(report, "intervals", 0, "fraction_above"));
        // widths 7, 2, 2, 2, 2 → mean 3
        assertEquals(3.0, TinyJson.number(report, "intervals", 0, "mean_width"));
        // p50 calibration: targets strictly below the median prediction: rows 3 (0 < 2)... 5 < 4? no.
        assertEquals("p50", TinyJson.at(report, "quantiles", 2, "column"));
    }

    @Test
    void tableWithoutLossesHasNoEmptyLossTable() throws IOException {
        // Regression: a run of only --quantile columns printed an empty "loss value rows" header.
        // p90 pinball: 0.1 x (3 + 1 + 3 + 1) for the four targets below, 0.9 x 17 for 20 above 3: 16.1 / 5.
        Path file = intervals();
        CliRun run = CliRun.of("eval", file.toString(), "-t", "target", "--quantile", "p90@0.9").assertSuccess();
        assertEquals(file + " (csv): 5 rows read, 5 used, 0 skipped\n"
                + "\n"
                + "quantile    q  pinball  y < pred  y <= pred  rows\n"
                + "p90       0.9     3.22       0.8        0.8     5\n", run.out());
    }

    /**
     * Defect 1: Markdown printed the loss table's header without rows for a run of only --quantile and
     * --interval columns, because the guard was in the table printer only. The figures are those of
     * docs/examples/sensors-quantiles.json.
     */
    @Test
    void markdownWithOnlyQuantilesHasNoEmptyLossTable() {
        CliRun run = CliRun.of("eval", "examples/sensors.csv", "-t", "target", "--quantile", "p10@0.1",
                "--quantile", "p90@0.9", "--interval", "p10:p90", "--format", "markdown").assertSuccess();
        assertEquals("""
                ## losseval

                examples/sensors.csv (csv): 5000 rows read, 5000 used, 0 skipped

                ### Quantiles

                | quantile |   q |  pinball | y < pred | y <= pred | rows |
                | :------- | --: | -------: | -------: | --------: | ---: |
                | p10      | 0.1 | 0.162543 |   0.0974 |    0.0974 | 5000 |
                | p90      | 0.9 | 0.267825 |   0.9076 |    0.9078 | 5000 |

                crps 0.430369 (2 x the mean pinball loss over 2 levels); quantile crossings: 0 of 5000 rows (0.00%)

                ### Intervals

                | interval | nominal | coverage |           95% CI |   p-value | below | above | mean width | interval score | rows |
                | :------- | ------: | -------: | ---------------: | --------: | ----: | ----: | ---------: | -------------: | ---: |
                | p10:p90  |  80.00% |   81.04% | [79.93%, 82.12%] | 0.0660016 | 9.74% | 9.22% |    2.18992 |        4.30369 | 5000 |
                """, run.out());
    }

    @Test
    void intervalNeedsANominalWhenItsBoundsAreNotQuantiles() throws IOException {
        CliRun run = CliRun.of("eval", intervals().toString(), "-t", "target", "--interval", "p10:p90");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("losseval: --interval p10:p90 needs a nominal coverage (p10:p90@0.8), or both bounds given"
                + " as --quantile columns"), run.err().lines().toList());
    }

    @Test
    void crossedIntervalIsInvalidInput() throws IOException {
        Path file = write("crossed.csv", "target,lo,hi\n1,0,2\n1,3,2\n");
        CliRun run = CliRun.of("eval", file.toString(), "-t", "target", "--interval", "lo:hi@0.9");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(List.of("losseval: " + file + ":3: column 'lo': crossed interval: lower bound 3 > upper bound 'hi' 2"),
                run.err().lines().toList());
        CliRun skipped = CliRun.of("eval", file.toString(), "-t", "target", "--interval", "lo:hi@0.9",
                "--skip-invalid", "--format", "json");
        Object report = json(skipped);
        assertEquals(1.0, TinyJson.number(report, "rows", "skipped_by_reason", "crossed interval"));
        assertEquals(1.0, TinyJson.number(report, "intervals", 0, "coverage"));
    }

    @Test
    void gateOnCoverage() throws IOException {
        CliRun run = CliRun.of("eval", intervals().toString(), "-t", "target", "--interval", "p10:p90@0.8",
                "--fail-if", "coverage[p10:p90] < 0.75");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("losseval: gate failed: coverage[p10:p90] = 0.6 < 0.75\n", run.err());
    }

    @Test
    void badQuantileAndIntervalSpecsAreUsageErrors() throws IOException {
        Path file = intervals();
        for (String[] args : new String[][] {
            {"--quantile", "p90", "expected COL@Q, e.g. p90@0.9"},
            {"--quantile", "p90@1.5", "the quantile level must be in (0, 1), got 1.5"},
            {"--quantile", "p90@x", "'x' is not a number"},
            {"--interval", "p10", "expected LOWER:UPPER[@NOMINAL], e.g. p10:p90@0.8"},
            {"--interval", "p10:p90@2", "the nominal coverage must be in (0, 1), got 2"}}) {
            CliRun run = CliRun.of("eval", file.toString(), "-t", "target", args[0], args[1]);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(List.of("losseval: " + args[0] + " '" + args[1] + "': " + args[2]), run.err().lines().toList());
        }
    }
}
