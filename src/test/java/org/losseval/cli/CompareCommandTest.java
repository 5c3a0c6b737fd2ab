package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * The comparison with a baseline in the same rows, end to end through the real entry point, on CSV and
 * Parquet files: a baseline that is truly worse, truly better and of equal quality; the same rows for both
 * models; the gates; the same bits on one or two threads; the usage errors. The closed-form figures are
 * checked against the paired t-test computed here from the rows (Commons Math's t distribution; the formulas
 * themselves against SciPy in accumulate.MeanSumsReferenceTest).
 */
class CompareCommandTest {
    /** Paired t figures from sums rounded at every row against exact sums rounded once: 1e-9 relative. */
    private static final double PAIRED = 1e-9;
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    /** y, the candidate (error sd 1), a worse baseline (sd 1.5), a better one (sd 0.7), an equal one (sd 1). */
    private static List<double[]> columns(long seed, int rows) {
        Random random = new Random(seed);
        double[] y = new double[rows];
        double[] cand = new double[rows];
        double[] worse = new double[rows];
        double[] better = new double[rows];
        double[] equal = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = 10 + 3 * random.nextGaussian();
            cand[i] = y[i] + random.nextGaussian();
            worse[i] = y[i] + 1.5 * random.nextGaussian();
            better[i] = y[i] + 0.7 * random.nextGaussian();
            equal[i] = y[i] + random.nextGaussian();
        }
        return List.of(y, cand, worse, better, equal);
    }

    private static final List<String> NAMES = List.of("y", "cand", "worse", "better", "equal");

    private Path csv(String name, List<double[]> columns) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", NAMES)).append('\n');
        for (int i = 0; i < columns.get(0).length; i++) {
            for (int c = 0; c < columns.size(); c++) {
                text.append(c == 0 ? "" : ",").append(Double.toString(columns.get(c)[i])); // round-trips exactly
            }
            text.append('\n');
        }
        return CliRun.write(dir, name, text.toString());
    }

    private static Map<?, ?> figure(Object json, int index) {
        return (Map<?, ?>) ((List<?>) TinyJson.at(json, "comparison", "figures")).get(index);
    }

    private static double number(Map<?, ?> object, String field) {
        return ((TinyJson.Num) object.get(field)).asDouble();
    }

    @Test
    void worseBetterAndEqualBaselinesOnCsvAndParquet() throws IOException {
        List<double[]> columns = columns(1, ROWS);
        Path csv = csv("preds.csv", columns);
        Path parquet = ParquetTestFiles.write(dir.resolve("preds.parquet"), NAMES, columns);
        for (Path file : List.of(csv, parquet)) {
            for (String baseline : List.of("worse", "better", "equal")) {
                Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", baseline,
                        "-l", "mse,mae", "--no-contrib", "--format", "json").json();
                String verdict = switch (baseline) {
                    case "worse" -> "better";
                    case "better" -> "worse";
                    default -> "no_significant_difference";
                };
                for (int l = 0; l < 2; l++) {
                    Map<?, ?> f = figure(json, l);
                    assertEquals(verdict, f.get("verdict"), file + " " + baseline + " " + f.get("figure"));
                    checkPairedT(columns, baseline, l == 0, f);
                    // the baseline's value is what a plain run of its column gives
                    Object plain = CliRun.of("eval", file.toString(), "-t", "y", "-p", baseline, "-l", l == 0 ? "mse" : "mae",
                            "--no-contrib", "--format", "json").json();
                    assertEquals(TinyJson.number(plain, "losses", 0, "value"), number(f, "baseline"));
                    assertEquals(number(f, "candidate") - number(f, "baseline"), number(f, "delta"));
                }
            }
        }
    }

    /** The paired t interval and p-value of d = l(cand) - l(base), computed here row by row. */
    private static void checkPairedT(List<double[]> columns, String baseline, boolean squared, Map<?, ?> f) {
        double[] y = columns.get(0);
        double[] c = columns.get(1);
        double[] b = columns.get(NAMES.indexOf(baseline));
        int n = y.length;
        double sum = 0;
        double[] d = new double[n];
        long wins = 0;
        for (int i = 0; i < n; i++) {
            double lc = squared ? (c[i] - y[i]) * (c[i] - y[i]) : Math.abs(c[i] - y[i]);
            double lb = squared ? (b[i] - y[i]) * (b[i] - y[i]) : Math.abs(b[i] - y[i]);
            d[i] = lc - lb;
            sum += d[i];
            if (lc < lb) wins++;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : d) ss += (x - mean) * (x - mean);
        double se = Math.sqrt(ss / (n - 1) / n);
        TDistribution t = new TDistribution(null, n - 1, 1e-14);
        double q = t.inverseCumulativeProbability(0.975);
        Map<?, ?> ci = (Map<?, ?>) f.get("delta_ci");
        assertEquals("paired_t", ci.get("method"));
        assertEquals(mean - q * se, number(ci, "low"), PAIRED * Math.abs(mean) + 1e-12);
        assertEquals(mean + q * se, number(ci, "high"), PAIRED * Math.abs(mean) + 1e-12);
        double p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
        assertEquals(p, number(f, "p_value"), 1e-9 * Math.max(p, 1e-300) + 1e-300);
        assertEquals((double) wins / n, number(f, "win_rate"));
        assertEquals(n, ((TinyJson.Num) ci.get("rows")).asLong());
    }

    @Test
    void csvAndParquetGiveTheSameBitsAndThreadsDoNot() throws IOException {
        // 20,000 rows: three batches of 8192, so the bootstrap (rmse) and the sums cross batch boundaries.
        List<double[]> columns = columns(2, 20_000);
        Path csv = csv("big.csv", columns);
        Path parquet = ParquetTestFiles.write(dir.resolve("big.parquet"), NAMES, columns,
                ParquetTestFiles.Options.defaults().rowGroupRows(5000));
        List<Object> comparisons = new ArrayList<>();
        for (Path file : List.of(csv, parquet)) {
            for (String threads : List.of("1", "2")) {
                Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "equal",
                        "-l", "mse,rmse,r2", "--replicates", "200", "--threads", threads, "--format", "json").json();
                comparisons.add(TinyJson.at(json, "comparison"));
            }
        }
        for (Object other : comparisons) assertEquals(comparisons.get(0), other);
        Map<?, ?> rmse = (Map<?, ?>) ((List<?>) TinyJson.at(comparisons.get(0), "figures")).get(1);
        assertEquals("bootstrap", ((Map<?, ?>) rmse.get("delta_ci")).get("method"));
        assertEquals(200, ((TinyJson.Num) TinyJson.at(comparisons.get(0), "replicates")).asLong());
    }

    @Test
    void aRowInvalidForTheBaselineIsSkippedForBothAndCountedOnce() throws IOException {
        Path file = CliRun.write(dir, "gap.csv", "y,p,b\n1,1.5,2\n2,2.5,\n3,2,nan\n4,4,4.5\n5,5.5,5\n");
        CliRun failed = CliRun.of("eval", file.toString(), "-t", "y", "-p", "p", "--baseline-pred", "b", "-l", "mse");
        assertEquals(3, failed.exitCode());
        assertEquals("losseval: " + file + ":3: column 'b': empty value: ''\n", failed.err());
        Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "p", "--baseline-pred", "b", "-l", "mse",
                "--skip-invalid", "--format", "json").json();
        assertEquals(3, ((TinyJson.Num) TinyJson.at(json, "rows", "used")).asLong());
        assertEquals(2, ((TinyJson.Num) TinyJson.at(json, "rows", "skipped")).asLong());
        // rows 1, 4, 5: candidate errors 0.5, 0, 0.5; baseline 1, 0.5, 0
        assertEquals((0.25 + 0 + 0.25) / 3, TinyJson.number(json, "losses", 0, "value"));
        Map<?, ?> mse = figure(json, 0);
        assertEquals((1 + 0.25 + 0) / 3, number(mse, "baseline"));
        assertEquals(2L, ((TinyJson.Num) mse.get("wins")).asLong());
        assertEquals(1L, ((TinyJson.Num) mse.get("losses")).asLong());
        assertEquals(0L, ((TinyJson.Num) mse.get("ties")).asLong());
    }

    @Test
    void theGateOnTheIntervalFailsOnlyWhenSignificantlyWorse() throws IOException {
        Path file = csv("gate.csv", columns(3, ROWS));
        CliRun worse = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "better", "-l", "mse",
                "--no-contrib", "--fail-if", "delta_ci_low[mse] > 0");
        assertEquals(1, worse.exitCode(), worse.err());
        assertTrue(worse.err().startsWith("losseval: gate failed: delta_ci_low[mse] = "), worse.err());
        CliRun equal = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "equal", "-l", "mse",
                "--no-contrib", "--fail-if", "delta_ci_low[mse] > 0");
        equal.assertSuccess();
    }

    @Test
    void nonInferiorityWithAMargin() throws IOException {
        Path file = csv("margin.csv", columns(4, ROWS));
        Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "equal", "-l", "mse",
                "--margin", "0.5", "--format", "json").json();
        Map<?, ?> mse = figure(json, 0);
        double high = number((Map<?, ?>) mse.get("delta_ci"), "high");
        assertTrue(high < 0.5, "equal quality: the upper end " + high + " is well below 0.5");
        assertEquals(true, mse.get("non_inferior"));
        Object tight = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "equal", "-l", "mse",
                "--margin", Double.toString(high), "--format", "json").json();
        assertEquals(false, figure(tight, 0).get("non_inferior"), "the upper end is not below itself");
    }

    @Test
    void usageErrors() throws IOException {
        Path file = CliRun.write(dir, "u.csv", "y,p,b,q,r\n1,1,1,1,1\n");
        String f = file.toString();
        expectUsage("losseval: --baseline-pred needs --pred: the candidate's column to compare with\n",
                "eval", f, "-t", "y", "--baseline-pred", "b", "-l", "mse");
        expectUsage("losseval: --confidence needs a baseline: --baseline-pred, --baseline-logits, --baseline-probs, "
                + "--baseline-quantile or --baseline-interval\n", "eval", f, "-t", "y", "-p", "p", "--confidence", "0.9");
        expectUsage("losseval: --confidence must be between 0 and 1, got 1.5\n",
                "eval", f, "-t", "y", "-p", "p", "--baseline-pred", "b", "--confidence", "1.5");
        expectUsage("losseval: --baseline-quantile pairs in order with --quantile: 2 given for 1\n",
                "eval", f, "-t", "y", "-p", "p", "--baseline-pred", "b", "--quantile", "q@0.9",
                "--baseline-quantile", "b", "--baseline-quantile", "r");
        expectUsage("losseval: huber:delta=mad cannot be compared with a baseline: its parameter comes from each "
                + "model's own residuals; give a number\n",
                "eval", f, "-t", "y", "-p", "p", "--baseline-pred", "b", "-l", "huber:delta=mad");
        expectUsage("losseval: --logits has no baseline counterpart: give --baseline-logits\n",
                "eval", f, "-t", "y", "-p", "p", "--logits", "q", "--baseline-pred", "b", "-l", "mse");
        expectUsage("losseval: --baseline-interval 'b:r@0.8': the nominal coverage is the paired --interval's; give "
                + "LOWER:UPPER\n", "eval", f, "-t", "y", "-p", "p", "--baseline-pred", "b", "--baseline-interval", "b:r@0.8");
        expectUsage("losseval: --replicates must be at least 1, got 0\n",
                "eval", f, "-t", "y", "-p", "p", "--baseline-pred", "b", "--replicates", "0");
    }

    private static void expectUsage(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(message, run.err());
        assertEquals(2, run.exitCode());
    }

    @Test
    void quantilesAndIntervalsAreComparedPairedWithTheirBaselines() throws IOException {
        // candidate quantiles: y ± 1; baseline: y ± 3 (wider, so a worse interval score; pinball worse too)
        StringBuilder text = new StringBuilder("y,lo,hi,blo,bhi\n");
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            double y = random.nextGaussian() * 2;
            double m = y + random.nextGaussian();
            text.append(y).append(',').append(m - 1.3).append(',').append(m + 1.3).append(',')
                    .append(m - 4).append(',').append(m + 4).append('\n');
        }
        Path file = CliRun.write(dir, "q.csv", text.toString());
        Object json = CliRun.of("eval", file.toString(), "-t", "y", "--quantile", "lo@0.1", "--quantile", "hi@0.9",
                "--interval", "lo:hi", "--baseline-quantile", "blo", "--baseline-quantile", "bhi",
                "--baseline-interval", "blo:bhi", "--format", "json").json();
        List<?> figures = (List<?>) TinyJson.at(json, "comparison", "figures");
        // calibration and coverage come last, judged by their distance from the nominal
        // (CompareNominalAndGroupsCommandTest checks them against SciPy)
        assertEquals(List.of("pinball[lo]", "pinball[hi]", "interval_score[lo:hi]", "calibration[lo]", "calibration[hi]",
                        "coverage[lo:hi]"),
                figures.stream().map(o -> ((Map<?, ?>) o).get("figure")).toList());
        for (Object o : figures.subList(0, 3)) assertEquals("better", ((Map<?, ?>) o).get("verdict"), o.toString());
        // the baseline's pinball is what a plain run of its column gives
        Object plain = CliRun.of("eval", file.toString(), "-t", "y", "--quantile", "blo@0.1", "--interval", "blo:bhi@0.8",
                "--format", "json").json();
        assertEquals(TinyJson.number(plain, "quantiles", 0, "pinball"), number((Map<?, ?>) figures.get(0), "baseline"));
        assertEquals(TinyJson.number(plain, "intervals", 0, "interval_score"), number((Map<?, ?>) figures.get(2), "baseline"));
    }
}
