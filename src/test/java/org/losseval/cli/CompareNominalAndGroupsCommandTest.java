package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.losseval.HeaderCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * End to end through the real entry point, on a CSV file and the same rows as Parquet:
 * <ul>
 *   <li>a quantile's calibration and an interval's coverage compared with the baseline's, against SciPy's
 *       {@code ttest_rel} on the per-row indicators ({@code reference/compare/make_nominal.py} writes
 *       {@code nominal_expected.csv}), with the verdict on the distance from the nominal, both ways round;
 *   <li>the comparison inside groups in the JSON report and its gates, the same bits for --threads 1 and 2 and
 *       for CSV and Parquet.
 * </ul>
 */
class CompareNominalAndGroupsCommandTest {
    private static final Path COMPARE = Path.of("src/test/resources/reference/compare");
    private static final Path GROUPS = Path.of("src/test/resources/reference/groups");
    /** SciPy 1.10's t.ppf is accurate to about 1e-9 relative (see MeanSumsReferenceTest). */
    private static final double T_TOLERANCE = 1e-8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void calibrationAndCoverageComparedAgainstScipy(String format) throws IOException {
        String file = input(COMPARE.resolve("nominal_rows.csv"), format, List.of("y", "lo", "hi", "blo", "bhi"));
        for (String run : List.of("plain", "swapped")) {
            String c = run.equals("plain") ? "" : "b";
            String b = run.equals("plain") ? "b" : "";
            Object json = CliRun.of("eval", file, "-t", "y", "--quantile", c + "lo@0.1", "--quantile", c + "hi@0.9",
                    "--interval", c + "lo:" + c + "hi@0.8", "--baseline-quantile", b + "lo", "--baseline-quantile", b + "hi",
                    "--baseline-interval", b + "lo:" + b + "hi", "--format", "json").json();
            List<?> figures = (List<?>) TinyJson.at(json, "comparison", "figures");
            List<Map<String, String>> expected = rows(COMPARE.resolve("nominal_expected.csv")).stream()
                    .filter(r -> r.get("run").equals(run)).toList();
            assertEquals(List.of("pinball[" + c + "lo]", "pinball[" + c + "hi]", "interval_score[" + c + "lo:" + c + "hi]",
                            expected.get(0).get("figure"), expected.get(1).get("figure"), expected.get(2).get("figure")),
                    figures.stream().map(o -> ((Map<?, ?>) o).get("figure")).toList());
            for (int k = 0; k < 3; k++) {
                Map<?, ?> figure = (Map<?, ?>) figures.get(3 + k);
                Map<String, String> row = expected.get(k);
                String at = run + " " + row.get("figure");
                // fractions of 400 rows: exact
                assertEquals(d(row, "baseline"), TinyJson.number(figure, "baseline"), at);
                assertEquals(d(row, "candidate"), TinyJson.number(figure, "candidate"), at);
                assertEquals(d(row, "delta"), TinyJson.number(figure, "delta"), 1e-15, at);
                assertEquals(d(row, "ci_low"), TinyJson.number(figure, "delta_ci", "low"), T_TOLERANCE, at);
                assertEquals(d(row, "ci_high"), TinyJson.number(figure, "delta_ci", "high"), T_TOLERANCE, at);
                assertEquals("paired_t", TinyJson.at(figure, "delta_ci", "method"), at);
                assertEquals(d(row, "p"), TinyJson.number(figure, "p_value"), d(row, "p") * T_TOLERANCE, at);
                assertEquals(d(row, "win_rate"), TinyJson.number(figure, "win_rate"), 1e-15, at);
                assertEquals(row.get("verdict"), figure.get("verdict"), at);
                assertEquals(null, figure.get("non_inferior"), at);
            }
        }
    }

    @Test
    void gatesOnTheComparedCoverage() throws IOException {
        String file = COMPARE.resolve("nominal_rows.csv").toString();
        Map<String, String> coverage = rows(COMPARE.resolve("nominal_expected.csv")).get(2);
        CliRun run = CliRun.of("eval", file, "-t", "y", "--interval", "lo:hi@0.8", "--baseline-interval", "blo:bhi",
                "--fail-if", "delta_ci_high[ coverage[lo:hi] ] < 0", "--fail-if", "delta[coverage[lo:hi]] > 0", "--format", "json");
        assertEquals(1, run.exitCode());
        Object json = TinyJson.parse(run.out());
        assertEquals("delta_ci_high[coverage[lo:hi]]", TinyJson.at(json, "gates", 0, "figure"));
        assertEquals(false, TinyJson.at(json, "gates", 0, "passed"));
        assertEquals(d(coverage, "ci_high"), TinyJson.number(json, "gates", 0, "value"), T_TOLERANCE);
        assertEquals(true, TinyJson.at(json, "gates", 1, "passed"));
        assertEquals(d(coverage, "delta"), TinyJson.number(json, "gates", 1, "value"), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void groupComparisonTheSameOnAnyThreadCount(String format) throws IOException {
        String file = groupsInput(format);
        String[] args = {"eval", file, "-p", "pred", "-t", "target", "--baseline-pred", "base", "-l", "mse,mae",
                "--group-by", "region", "--group-by", "device", "--confidence", "0.9", "--format", "json", "--threads"};
        String one = CliRun.of(append(args, "1")).assertSuccess().out();
        assertEquals(one, CliRun.of(append(args, "2")).assertSuccess().out());
        Object json = TinyJson.parse(one);
        Map<String, String> eu = rows(GROUPS.resolve("expected_delta.csv")).stream()
                .filter(r -> r.get("weighted").equals("0") && r.get("region").equals("eu") && r.get("device").equals("ios"))
                .findFirst().orElseThrow();
        List<?> items = (List<?>) TinyJson.at(json, "groups", "items");
        Map<?, ?> group = (Map<?, ?>) items.stream().filter(o -> "region=eu,device=ios".equals(((Map<?, ?>) o).get("label")))
                .findFirst().orElseThrow();
        Object mse = TinyJson.at(group, "losses", 0, "comparison");
        assertEquals(d(eu, "mse_base"), TinyJson.number(mse, "baseline"), 1e-13 * d(eu, "mse_base"));
        assertEquals(d(eu, "mse_delta"), TinyJson.number(mse, "delta"), 1e-13);
        assertEquals(d(eu, "mse_low_90"), TinyJson.number(mse, "delta_ci", "low"), T_TOLERANCE);
        assertEquals(d(eu, "mse_high_90"), TinyJson.number(mse, "delta_ci", "high"), T_TOLERANCE);
        assertEquals(0.9, TinyJson.number(json, "groups", "confidence"));
        assertEquals(0.9, TinyJson.number(group, "losses", 0, "ci", "level"));
        // the gate reads the figure the JSON shows
        CliRun gated = CliRun.of("eval", file, "-p", "pred", "-t", "target", "--baseline-pred", "base", "-l", "mse,mae",
                "--group-by", "region", "--group-by", "device", "--confidence", "0.9", "--format", "json",
                "--fail-if", "group_delta_ci_low[mse@region=eu,device=ios] < 1000");
        assertEquals(1, gated.exitCode());
        Object gates = TinyJson.parse(gated.out());
        assertEquals("group_delta_ci_low[mse@region=eu,device=ios]", TinyJson.at(gates, "gates", 0, "figure"));
        assertEquals(TinyJson.number(mse, "delta_ci", "low"), TinyJson.number(gates, "gates", 0, "value"));
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    /** The CSV itself, or its numeric columns written as Parquet by parquet-java. */
    private String input(Path csv, String format, List<String> columns) throws IOException {
        if (format.equals("csv")) return csv.toString();
        List<Map<String, String>> rows = rows(csv);
        List<double[]> values = new ArrayList<>();
        for (String column : columns) values.add(rows.stream().mapToDouble(r -> d(r, column)).toArray());
        return ParquetTestFiles.write(dir.resolve("rows.parquet"), columns, values).toString();
    }

    /** groups/rows.csv, or its columns as Parquet (region and device as strings). */
    private String groupsInput(String format) throws IOException {
        Path csv = GROUPS.resolve("rows.csv");
        if (format.equals("csv")) return csv.toString();
        List<Map<String, String>> rows = rows(csv);
        LinkedHashMap<String, Object> columns = new LinkedHashMap<>();
        for (String text : List.of("region", "device")) columns.put(text, rows.stream().map(r -> r.get(text)).toArray(String[]::new));
        for (String number : List.of("pred", "target", "base")) columns.put(number, rows.stream().mapToDouble(r -> d(r, number)).toArray());
        return ParquetTestFiles.writeMixed(dir.resolve("groups.parquet"), columns).toString();
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static List<Map<String, String>> rows(Path file) throws IOException {
        return HeaderCsv.read(file);
    }
}
