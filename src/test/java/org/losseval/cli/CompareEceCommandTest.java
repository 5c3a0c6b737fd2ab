package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.accumulate.CalibrationBins;
import org.losseval.accumulate.PoissonBootstrap;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * The interval of Δece with a baseline, end to end through the real entry point: a calibrated candidate
 * against an over-confident baseline (probabilities + 0.15), on CSV and Parquet, one and two threads. The
 * interval is recomputed here by brute force from the rows: each replicate's resample is every row repeated
 * k times (k from {@link PoissonBootstrap#count}, itself held to NumPy's in BootstrapReferenceTest), its ece
 * {@link CalibrationBins}' of that multiset (held to TorchMetrics' formula in BootstrapEceReferenceTest),
 * and the percentile interval NumPy's linear quantile written out here; so this checks that the run feeds the
 * bootstrap the right rows, row numbers, input index, seed and confidences.
 */
class CompareEceCommandTest {
    private static final int ROWS = 2500;
    private static final long SEED = 7;
    private static final int REPLICATES = 60;

    @TempDir
    Path dir;

    /** y ~ Bernoulli(p) with p uniform in [0.05, 0.95] (calibrated), and the baseline's min(1, p + 0.15). */
    private static List<double[]> columns() {
        Random random = new Random(13);
        double[] y = new double[ROWS];
        double[] cand = new double[ROWS];
        double[] base = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            cand[i] = 0.05 + 0.9 * random.nextDouble();
            y[i] = random.nextDouble() < cand[i] ? 1 : 0;
            base[i] = Math.min(1.0, cand[i] + 0.15);
        }
        return List.of(y, cand, base);
    }

    private static final List<String> NAMES = List.of("y", "cand", "base");

    private Path csv(List<double[]> columns) throws IOException {
        StringBuilder text = new StringBuilder("y,cand,base\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(columns.get(0)[i]).append(',').append(columns.get(1)[i]).append(',').append(columns.get(2)[i]).append('\n');
        }
        return CliRun.write(dir, "probs.csv", text.toString());
    }

    /** The binary ece of rows repeated k times: confidence P(class 1), hit the label 1. */
    private static double ece(double[] p, double[] y, int[] k) {
        CalibrationBins bins = new CalibrationBins();
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < k[i]; c++) bins.accept(new double[] {p[i]}, new boolean[] {y[i] == 1}, 1);
        }
        return bins.result().ece();
    }

    @Test
    void theIntervalOfDeltaEceIsTheBootstrapOfTheRows() throws IOException {
        List<double[]> columns = columns();
        Path csv = csv(columns);
        Path parquet = ParquetTestFiles.write(dir.resolve("probs.parquet"), NAMES, columns,
                ParquetTestFiles.Options.defaults().rowGroupRows(700));
        List<Object> comparisons = new ArrayList<>();
        for (Path file : List.of(csv, parquet)) {
            for (String threads : List.of("1", "2")) {
                Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base",
                        "-l", "bce,ece", "--seed", Long.toString(SEED), "--replicates", Integer.toString(REPLICATES),
                        "--threads", threads, "--format", "json").json();
                comparisons.add(TinyJson.at(json, "comparison"));
            }
        }
        for (Object other : comparisons) assertEquals(comparisons.get(0), other);
        Map<?, ?> ece = (Map<?, ?>) ((List<?>) TinyJson.at(comparisons.get(0), "figures")).get(1);
        assertEquals("ece", ece.get("figure"));

        double[] y = columns.get(0);
        double[] cand = columns.get(1);
        double[] base = columns.get(2);
        int[] ones = new int[ROWS];
        Arrays.fill(ones, 1);
        assertEquals(ece(cand, y, ones), ((TinyJson.Num) ece.get("candidate")).asDouble());
        assertEquals(ece(base, y, ones), ((TinyJson.Num) ece.get("baseline")).asDouble());
        double[] deltas = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            int[] k = new int[ROWS];
            for (int i = 0; i < ROWS; i++) k[i] = PoissonBootstrap.count(PoissonBootstrap.key(SEED, 0, i + 1), r);
            deltas[r] = ece(cand, y, k) - ece(base, y, k);
        }
        Arrays.sort(deltas);
        Map<?, ?> ci = (Map<?, ?>) ece.get("delta_ci");
        assertEquals("bootstrap", ci.get("method"));
        assertEquals(ROWS, ((TinyJson.Num) ci.get("rows")).asLong());
        assertEquals(NumpyQuantile.linear(deltas, 0.025), ((TinyJson.Num) ci.get("low")).asDouble(), 1e-15);
        assertEquals(NumpyQuantile.linear(deltas, 0.975), ((TinyJson.Num) ci.get("high")).asDouble(), 1e-15);
        // every replicate below 0 (the baseline is 0.15 over-confident): p = 2 (1 + 0) / (B + 1)
        assertTrue(deltas[REPLICATES - 1] < 0, Arrays.toString(deltas));
        assertEquals(2.0 / (REPLICATES + 1), ((TinyJson.Num) ece.get("p_value")).asDouble());
        assertEquals("better", ece.get("verdict"));
    }

    /** The interval's ends are gate figures, and the table shows the interval of ece. */
    @Test
    void gatesAndTheTableReadTheInterval() throws IOException {
        Path file = csv(columns());
        CliRun gate = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base", "-l", "ece",
                "--replicates", "40", "--fail-if", "delta_ci_high[ece] < 0");
        assertEquals(1, gate.exitCode(), gate.err());
        Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base", "-l", "ece",
                "--replicates", "40", "--format", "json").json();
        Map<?, ?> ece = (Map<?, ?>) ((List<?>) TinyJson.at(json, "comparison", "figures")).get(0);
        String high = org.losseval.text.Numbers.exact(((TinyJson.Num) ((Map<?, ?>) ece.get("delta_ci")).get("high")).asDouble());
        assertEquals("losseval: gate failed: delta_ci_high[ece] = " + high + " < 0\n", gate.err());
    }
}
