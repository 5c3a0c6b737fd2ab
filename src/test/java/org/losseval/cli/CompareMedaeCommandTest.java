package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.accumulate.PoissonBootstrap;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * The interval of Δmedae with a baseline, end to end through the real entry point: a candidate whose errors
 * are smaller than the baseline's, on CSV and Parquet, one and two threads, unweighted and with --weight. The
 * interval is recomputed here by brute force: each replicate's resample is every row repeated k times (k from
 * {@link PoissonBootstrap#count}, held to NumPy's in BootstrapReferenceTest), its median a sort of the resample
 * (the middle value or the mean of the two middle ones; weighted, the first error whose exact cumulative weight
 * reaches half the total), the percentile interval NumPy's linear quantile written out here. Beyond the
 * --exact-budget medae has values and Δ but no interval, and the report says so.
 */
class CompareMedaeCommandTest {
    private static final long SEED = 3;
    private static final int REPLICATES = 50;
    private static final List<String> NAMES = List.of("y", "cand", "base", "w");

    @TempDir
    Path dir;

    /** y, a candidate with errors of sd 1, a baseline with errors of sd 1.4, weights 0.5, 1, 2, 3 (rounded: ties). */
    private static List<double[]> columns(int rows) {
        Random random = new Random(17);
        double[] y = new double[rows];
        double[] cand = new double[rows];
        double[] base = new double[rows];
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = Math.round(100 * random.nextGaussian()) / 10.0;
            cand[i] = y[i] + Math.round(10 * random.nextGaussian()) / 10.0;
            base[i] = y[i] + Math.round(14 * random.nextGaussian()) / 10.0;
            w[i] = new double[] {0.5, 1, 2, 3}[random.nextInt(4)];
        }
        return List.of(y, cand, base, w);
    }

    private Path csv(String name, List<double[]> columns) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", NAMES)).append('\n');
        for (int i = 0; i < columns.get(0).length; i++) {
            for (int c = 0; c < columns.size(); c++) text.append(c == 0 ? "" : ",").append(columns.get(c)[i]);
            text.append('\n');
        }
        return CliRun.write(dir, name, text.toString());
    }

    /** The medae of the rows repeated k times, by sorting the resample. */
    private static double median(double[] pred, double[] y, double[] w, int[] k) {
        List<double[]> copies = new ArrayList<>(); // {error, weight}
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < k[i]; c++) copies.add(new double[] {Math.abs(pred[i] - y[i]), w == null ? 1 : w[i]});
        }
        copies.sort(Comparator.comparingDouble(e -> e[0]));
        int n = copies.size();
        if (w == null) {
            return n % 2 == 1 ? copies.get(n / 2)[0] : (copies.get(n / 2 - 1)[0] + copies.get(n / 2)[0]) / 2;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (double[] e : copies) total = total.add(new BigDecimal(e[1]));
        BigDecimal cumulative = BigDecimal.ZERO;
        for (double[] e : copies) {
            cumulative = cumulative.add(new BigDecimal(e[1]));
            if (cumulative.multiply(BigDecimal.valueOf(2)).compareTo(total) >= 0) return e[0];
        }
        throw new AssertionError("never reached half");
    }

    @Test
    void theIntervalOfDeltaMedaeIsTheBootstrapOfTheRows() throws IOException {
        int rows = 1500;
        List<double[]> columns = columns(rows);
        Path csv = csv("errors.csv", columns);
        Path parquet = ParquetTestFiles.write(dir.resolve("errors.parquet"), NAMES, columns,
                ParquetTestFiles.Options.defaults().rowGroupRows(400));
        double[] y = columns.get(0);
        double[] cand = columns.get(1);
        double[] base = columns.get(2);
        for (boolean weighted : new boolean[] {false, true}) {
            List<Object> comparisons = new ArrayList<>();
            for (Path file : List.of(csv, parquet)) {
                for (String threads : List.of("1", "2")) {
                    List<String> args = new ArrayList<>(List.of("eval", file.toString(), "-t", "y", "-p", "cand",
                            "--baseline-pred", "base", "-l", "mae,medae", "--seed", Long.toString(SEED), "--replicates",
                            Integer.toString(REPLICATES), "--threads", threads, "--format", "json"));
                    if (weighted) args.addAll(List.of("--weight", "w"));
                    comparisons.add(TinyJson.at(CliRun.of(args.toArray(String[]::new)).json(), "comparison"));
                }
            }
            for (Object other : comparisons) assertEquals(comparisons.get(0), other);
            Map<?, ?> medae = (Map<?, ?>) ((List<?>) TinyJson.at(comparisons.get(0), "figures")).get(1);
            assertEquals("medae", medae.get("figure"));
            double[] w = weighted ? columns.get(3) : null;
            int[] ones = new int[rows];
            Arrays.fill(ones, 1);
            assertEquals(median(cand, y, w, ones), ((TinyJson.Num) medae.get("candidate")).asDouble());
            assertEquals(median(base, y, w, ones), ((TinyJson.Num) medae.get("baseline")).asDouble());
            double[] deltas = new double[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                int[] k = new int[rows];
                for (int i = 0; i < rows; i++) k[i] = PoissonBootstrap.count(PoissonBootstrap.key(SEED, 0, i + 1), r);
                deltas[r] = median(cand, y, w, k) - median(base, y, w, k);
            }
            Arrays.sort(deltas);
            Map<?, ?> ci = (Map<?, ?>) medae.get("delta_ci");
            assertEquals("bootstrap", ci.get("method"), "weighted " + weighted);
            assertEquals(rows, ((TinyJson.Num) ci.get("rows")).asLong());
            assertEquals(NumpyQuantile.linear(deltas, 0.025), ((TinyJson.Num) ci.get("low")).asDouble(), 1e-15);
            assertEquals(NumpyQuantile.linear(deltas, 0.975), ((TinyJson.Num) ci.get("high")).asDouble(), 1e-15);
            long below = Arrays.stream(deltas).filter(d -> d <= 0).count();
            long above = Arrays.stream(deltas).filter(d -> d >= 0).count();
            assertEquals(Math.min(1.0, 2.0 * (1 + Math.min(below, above)) / (REPLICATES + 1)),
                    ((TinyJson.Num) medae.get("p_value")).asDouble());
            assertEquals("better", medae.get("verdict"), "weighted " + weighted);
            assertEquals(List.of(), TinyJson.at(comparisons.get(0), "shares_beyond_budget"));
        }
    }

    /**
     * Beyond the budget (1 MiB holds 43,690 rows of 24 bytes; the candidate's own medae, 8 bytes a row, stays
     * exact): values and Δ, no interval, and the report names medae under the table and in shares_beyond_budget.
     */
    @Test
    void beyondTheBudgetMedaeHasNoInterval() throws IOException {
        Path file = csv("big.csv", columns(45_000));
        Object json = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base", "-l", "medae",
                "--no-contrib", "--exact-budget", "1", "--replicates", "20", "--format", "json").json();
        Map<?, ?> medae = (Map<?, ?>) ((List<?>) TinyJson.at(json, "comparison", "figures")).get(0);
        assertNull(medae.get("delta_ci"));
        assertNull(medae.get("p_value"));
        assertEquals(TinyJson.number(json, "losses", 0, "value"), ((TinyJson.Num) medae.get("candidate")).asDouble());
        assertEquals(List.of("medae"), TinyJson.at(json, "comparison", "shares_beyond_budget"));
        String table = CliRun.of("eval", file.toString(), "-t", "y", "-p", "cand", "--baseline-pred", "base", "-l", "medae",
                "--no-contrib", "--exact-budget", "1", "--replicates", "20").assertSuccess().out();
        assertEquals(1, table.lines().filter(line -> line.equals(
                "medae: the rows exceed the memory budget (--exact-budget), so no interval of delta; values and delta only"))
                .count(), table);
    }
}
