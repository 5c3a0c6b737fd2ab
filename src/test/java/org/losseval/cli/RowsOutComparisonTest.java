package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * {@code --rows-out} with the rest of issue 9, end to end through the real command line on real CSV and Parquet
 * files, every cell read back (Commons CSV, parquet-java) and checked against values computed here by hand from
 * the rows: the key and group columns as text (a real column, the virtual {@code file}), the baseline's row
 * losses and the differences (a baseline in the same rows, and in other files joined by {@code --key}), pinball
 * row losses, and rows skipped for the baseline alone, for the candidate alone and by the pairing, written with
 * their reasons. Two independent checks against the report: the sum of the written deltas over the used rows is
 * the report's Δ times its rows (a mean loss), and the rows with a reason are the report's skipped rows, reason
 * by reason.
 */
class RowsOutComparisonTest {
    /** Hand formulas against the kernels: the residual, squares and absolute values are correctly rounded. */
    private static final double EXACT = 0;
    /** pinball is a product that scikit-learn's formula and ours may round differently (as RowsOutTest's 2 ulps). */
    private static final double PINBALL_RELATIVE = 1e-15;
    /** 2/(1 − 0.8) is 10.000000000000002 in doubles, the hand formula's 10 exact: a few ulps apart. */
    private static final double INTERVAL_RELATIVE = 1e-15;
    /** Σd / n against the report's Δ (a difference of two exactly summed, once rounded means). */
    private static final double MEAN_RELATIVE = 1e-12;

    @TempDir
    Path dir;

    /** One input row: its id and region, the candidate's and the baseline's predictions, the target, q90s. */
    private record Row(String id, String region, double pred, double base, double target, double q90, double bq90) {}

    /**
     * r3's baseline prediction is not a number (skipped for both, "not a number", though valid for the
     * candidate); r5's prediction is empty ("empty value").
     */
    private static final String CSV = String.join("\n",
            "id,region,pred,base,target,q90,bq90",
            "r1,eu,1.5,2,1,2,3",
            "r2,us,3,2.5,4,5,4.5",
            "r3,eu,0.25,abc,0,1,1",
            "r4,asia,-2,-1,-2.5,-1,-3",
            "r5,us,,1,2,3,3",
            "r6,eu,10,7,8.5,12,9",
            "r7,asia,4,4.5,3,3.5,6", "");
    private static final double NAN = Double.NaN;
    private static final List<Row> ROWS = List.of(
            new Row("r1", "eu", 1.5, 2, 1, 2, 3),
            new Row("r2", "us", 3, 2.5, 4, 5, 4.5),
            new Row("r3", "eu", 0.25, NAN, 0, 1, 1),
            new Row("r4", "asia", -2, -1, -2.5, -1, -3),
            new Row("r5", "us", NAN, 1, 2, 3, 3),
            new Row("r6", "eu", 10, 7, 8.5, 12, 9),
            new Row("r7", "asia", 4, 4.5, 3, 3.5, 6));

    @Test
    void baselinePredInCsvAndParquetWithGroupsByColumnAndFile() throws Exception {
        Path csv = CliRun.write(dir, "preds.csv", CSV);
        // The same rows in Parquet: r3's baseline and r5's prediction are NaN there ("NaN value").
        LinkedHashMap<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", ROWS.stream().map(Row::id).toArray(String[]::new));
        columns.put("region", ROWS.stream().map(Row::region).toArray(String[]::new));
        columns.put("pred", ROWS.stream().mapToDouble(Row::pred).toArray());
        columns.put("base", ROWS.stream().mapToDouble(Row::base).toArray());
        columns.put("target", ROWS.stream().mapToDouble(Row::target).toArray());
        columns.put("q90", ROWS.stream().mapToDouble(Row::q90).toArray());
        columns.put("bq90", ROWS.stream().mapToDouble(Row::bq90).toArray());
        Path parquet = ParquetTestFiles.writeMixed(dir.resolve("preds.parquet"), columns);

        for (String extension : List.of("csv", "parquet")) {
            Path out = dir.resolve("rows." + extension);
            CliRun run = CliRun.of("eval", csv.toString(), parquet.toString(), "-p", "pred", "-t", "target",
                    "--baseline-pred", "base", "-l", "mse,mae", "--quantile", "q90@0.9", "--baseline-quantile", "bq90",
                    "--group-by", "region", "--group-by", "file", "--skip-invalid", "--no-contrib", "--format", "json",
                    "--rows-out", out.toString());
            RowsOutFiles.Table table = extension.equals("csv") ? RowsOutFiles.text(out, ',', Set.of("region", "file"))
                    : RowsOutFiles.parquetJava(out);
            assertEquals(List.of("input", "row", "region", "file", "residual", "mse", "mae", "pinball[q90]",
                    "baseline:mse", "baseline:mae", "baseline:pinball[q90]", "delta:mse", "delta:mae",
                    "delta:pinball[q90]", "outlier", "skipped"), table.header());
            assertEquals(2 * ROWS.size(), table.rows().size());
            for (int r = 0; r < table.rows().size(); r++) {
                String input = r < ROWS.size() ? csv.toString() : parquet.toString();
                Row row = ROWS.get(r % ROWS.size());
                Map<String, Object> cells = cells(table, r);
                String where = extension + " row " + r;
                assertEquals(input, cells.get("input"), where);
                assertEquals((long) (r % ROWS.size() + 1), cells.get("row"), where);
                assertEquals(row.region(), cells.get("region"), where);
                assertEquals(input, cells.get("file"), where);
                assertNull(cells.get("outlier"), where);
                String reason = row.id().equals("r3") ? (input.endsWith(".csv") ? "not a number" : "NaN value")
                        : row.id().equals("r5") ? (input.endsWith(".csv") ? "empty value" : "NaN value") : null;
                assertEquals(reason, cells.get("skipped"), where);
                if (reason != null) {
                    for (String column : table.header().subList(4, 14)) assertNull(cells.get(column), where + " " + column);
                    continue;
                }
                double e = row.pred() - row.target();
                double b = row.base() - row.target();
                assertNumber(e, cells.get("residual"), EXACT, where);
                assertNumber(e * e, cells.get("mse"), EXACT, where);
                assertNumber(Math.abs(e), cells.get("mae"), EXACT, where);
                assertNumber(b * b, cells.get("baseline:mse"), EXACT, where);
                assertNumber(Math.abs(b), cells.get("baseline:mae"), EXACT, where);
                assertNumber(e * e - b * b, cells.get("delta:mse"), EXACT, where);
                assertNumber(Math.abs(e) - Math.abs(b), cells.get("delta:mae"), EXACT, where);
                double pinball = pinball(row.q90(), row.target());
                double basePinball = pinball(row.bq90(), row.target());
                assertNumber(pinball, cells.get("pinball[q90]"), PINBALL_RELATIVE, where);
                assertNumber(basePinball, cells.get("baseline:pinball[q90]"), PINBALL_RELATIVE, where);
                assertNumber(pinball - basePinball, cells.get("delta:pinball[q90]"), PINBALL_RELATIVE, where);
            }
            Object report = run.json();
            assertDeltasSumToTheReports(table, report, List.of("mse", "mae", "pinball[q90]"));
            assertReasonsAreTheReports(table, report);
        }
    }

    /**
     * A baseline in another file, shuffled, joined by --key id: each row's baseline losses are its own id's, a
     * candidate key the baseline lacks is written with the pairing's reason, and a baseline value that is not a
     * number skips the row for both; the key column comes first among the texts, then the group columns.
     */
    @Test
    void baselineFileJoinedByKeyWritesTheKeyAndEachIdsBaseline() throws Exception {
        Path candidate = CliRun.write(dir, "new.csv", String.join("\n",
                "id,region,pred,target", "a,eu,1,0", "b,us,2.5,3", "c,eu,-1,1", "d,us,4,4", "e,eu,7,5", "f,us,0,0.5", ""));
        Map<String, Double> old = Map.of("a", 0.5, "b", 3.5, "d", 2.0, "e", 6.0, "f", 1.0);
        // Shuffled; c is missing (key not in baseline); f's prediction is not a number (skipped for both).
        Path baseline = CliRun.write(dir, "old.csv", String.join("\n",
                "id,pred,target", "e,6,5", "f,x,0.5", "b,3.5,3", "a,0.5,0", "d,2,4", ""));
        Path out = dir.resolve("rows.csv");
        CliRun run = CliRun.of("eval", candidate.toString(), "--baseline", baseline.toString(), "--key", "id",
                "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "region", "--skip-invalid", "--no-contrib",
                "--format", "json", "--rows-out", out.toString());
        RowsOutFiles.Table table = RowsOutFiles.text(out, ',', Set.of("id", "region"));
        assertEquals(List.of("input", "row", "id", "region", "residual", "mse", "baseline:mse", "delta:mse", "outlier",
                "skipped"), table.header());
        String[] ids = {"a", "b", "c", "d", "e", "f"};
        double[] pred = {1, 2.5, -1, 4, 7, 0};
        double[] target = {0, 3, 1, 4, 5, 0.5};
        String[] regions = {"eu", "us", "eu", "us", "eu", "us"};
        assertEquals(ids.length, table.rows().size());
        for (int r = 0; r < ids.length; r++) {
            Map<String, Object> cells = cells(table, r);
            String where = "row " + r;
            assertEquals(candidate.toString(), cells.get("input"), where);
            assertEquals((long) r + 1, cells.get("row"), where);
            assertEquals(ids[r], cells.get("id"), where);
            assertEquals(regions[r], cells.get("region"), where);
            assertNull(cells.get("outlier"), where);
            String reason = ids[r].equals("c") ? "key not in baseline" : ids[r].equals("f") ? "not a number" : null;
            assertEquals(reason, cells.get("skipped"), where);
            if (reason != null) {
                for (String column : List.of("residual", "mse", "baseline:mse", "delta:mse")) assertNull(cells.get(column));
                continue;
            }
            double e = pred[r] - target[r];
            double b = old.get(ids[r]) - target[r];
            assertNumber(e, cells.get("residual"), EXACT, where);
            assertNumber(e * e, cells.get("mse"), EXACT, where);
            assertNumber(b * b, cells.get("baseline:mse"), EXACT, where);
            assertNumber(e * e - b * b, cells.get("delta:mse"), EXACT, where);
        }
        Object report = run.json();
        assertDeltasSumToTheReports(table, report, List.of("mse"));
        assertReasonsAreTheReports(table, report);
    }

    /**
     * Intervals alone, with a baseline interval: each row's interval (Winkler) score, the width plus 2/(1 − 0.8)
     * times the distance of a target outside (Gneiting and Raftery 2007, eq. 43), for both and their
     * difference; a row whose baseline interval crosses is skipped for both ("crossed interval").
     */
    @Test
    void intervalScoresOfBothWithACrossedBaselineIntervalSkipped() throws Exception {
        Path file = CliRun.write(dir, "iv.csv", String.join("\n",
                "lo,hi,blo,bhi,target", "0,2,1,3,1", "0,1,0,4,3", "2,5,6,4,3", "-1,1,-3,-2,-4", ""));
        double[][] rows = {{0, 2, 1, 3, 1}, {0, 1, 0, 4, 3}, {2, 5, 6, 4, 3}, {-1, 1, -3, -2, -4}};
        Path out = dir.resolve("iv.tsv");
        CliRun run = CliRun.of("eval", file.toString(), "-t", "target", "--interval", "lo:hi@0.8",
                "--baseline-interval", "blo:bhi", "--skip-invalid", "--format", "json", "--rows-out", out.toString());
        RowsOutFiles.Table table = RowsOutFiles.text(out, '\t');
        assertEquals(List.of("input", "row", "residual", "interval_score[lo:hi]", "baseline:interval_score[lo:hi]",
                "delta:interval_score[lo:hi]", "outlier", "skipped"), table.header());
        assertEquals(rows.length, table.rows().size());
        for (int r = 0; r < rows.length; r++) {
            Map<String, Object> cells = cells(table, r);
            String where = "row " + r;
            assertEquals((long) r + 1, cells.get("row"), where);
            assertNull(cells.get("residual"), where);
            assertNull(cells.get("outlier"), where);
            String reason = r == 2 ? "crossed interval" : null;
            assertEquals(reason, cells.get("skipped"), where);
            if (reason != null) {
                for (String column : table.header().subList(3, 6)) assertNull(cells.get(column), where);
                continue;
            }
            double score = winkler(rows[r][0], rows[r][1], rows[r][4]);
            double base = winkler(rows[r][2], rows[r][3], rows[r][4]);
            assertNumber(score, cells.get("interval_score[lo:hi]"), INTERVAL_RELATIVE, where);
            assertNumber(base, cells.get("baseline:interval_score[lo:hi]"), INTERVAL_RELATIVE, where);
            assertNumber(score - base, cells.get("delta:interval_score[lo:hi]"), INTERVAL_RELATIVE, where);
        }
        Object report = run.json();
        assertDeltasSumToTheReports(table, report, List.of("interval_score[lo:hi]"));
        assertReasonsAreTheReports(table, report);
    }

    /** The interval score at nominal coverage 0.8 (alpha 0.2): width, plus 10 times a miss's distance. */
    private static double winkler(double lower, double upper, double target) {
        double miss = target < lower ? lower - target : target > upper ? target - upper : 0;
        return upper - lower + 10 * miss;
    }

    /** scikit-learn's mean_pinball_loss of one row at alpha 0.9: alpha·(y − p) when y ≥ p, else (1 − alpha)·(p − y). */
    private static double pinball(double prediction, double target) {
        return target >= prediction ? 0.9 * (target - prediction) : (1 - 0.9) * (prediction - target);
    }

    /** Σ delta over the used rows = the report's Δ × its used rows, per figure (mean losses, unweighted). */
    private static void assertDeltasSumToTheReports(RowsOutFiles.Table table, Object report, List<String> figures) {
        long used = ((TinyJson.Num) TinyJson.at(report, "rows", "used")).asLong();
        assertEquals(used, table.values("skipped").stream().filter(v -> v == null).count());
        for (int f = 0; f < figures.size(); f++) {
            assertEquals(figures.get(f), TinyJson.at(report, "comparison", "figures", f, "figure"));
            double sum = 0;
            for (Object delta : table.values("delta:" + figures.get(f))) {
                if (delta != null) sum += (Double) delta;
            }
            double delta = TinyJson.number(report, "comparison", "figures", f, "delta");
            assertNumber(delta * used, sum, MEAN_RELATIVE, "sum of delta:" + figures.get(f));
        }
    }

    /** The rows with a reason are the report's skipped rows: as many, reason by reason. */
    private static void assertReasonsAreTheReports(RowsOutFiles.Table table, Object report) {
        Map<String, Long> written = new TreeMap<>();
        for (Object reason : table.values("skipped")) {
            if (reason != null) written.merge((String) reason, 1L, Long::sum);
        }
        Map<String, Long> reported = new TreeMap<>();
        ((Map<?, ?>) TinyJson.at(report, "rows", "skipped_by_reason"))
                .forEach((reason, n) -> reported.put((String) reason, ((TinyJson.Num) n).asLong()));
        assertEquals(reported, written);
    }

    private static Map<String, Object> cells(RowsOutFiles.Table table, int r) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (int c = 0; c < table.header().size(); c++) cells.put(table.header().get(c), table.rows().get(r)[c]);
        return cells;
    }

    private static void assertNumber(double expected, Object actual, double relative, String where) {
        if (!(actual instanceof Double value)) throw new AssertionError(where + ": expected " + expected + ", got " + actual);
        assertEquals(expected, value, Math.abs(expected) * relative, where);
        if (relative == 0) assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(value), where);
    }
}
