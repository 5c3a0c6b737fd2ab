package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ContributionResult;
import org.losseval.report.CurvePoint;
import org.losseval.report.HistogramBin;
import org.losseval.report.ResidualHistogram;
import org.losseval.report.LossContribution;
import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Range;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/** Parses the JSON output back with {@link TinyJson} and checks it field by field against the report. */
class JsonPrinterTest {
    private static String print(Report report) {
        StringWriter text = new StringWriter();
        new JsonPrinter().print(report, new PrintWriter(text));
        return text.toString();
    }

    private static Map<?, ?> parse(Report report) {
        return (Map<?, ?>) TinyJson.parse(print(report));
    }

    /** Every member name anywhere in a parsed JSON value that ends with {@code suffix}. */
    private static List<String> names(Object value, String suffix) {
        List<String> found = new ArrayList<>();
        if (value instanceof Map<?, ?> members) {
            for (Map.Entry<?, ?> member : members.entrySet()) {
                if (((String) member.getKey()).endsWith(suffix)) found.add((String) member.getKey());
                found.addAll(names(member.getValue(), suffix));
            }
        } else if (value instanceof List<?> elements) {
            for (Object element : elements) found.addAll(names(element, suffix));
        }
        return found;
    }

    private static Map<?, ?> object(Object value) {
        return (Map<?, ?>) value;
    }

    private static List<?> array(Object value) {
        return (List<?>) value;
    }

    private static long integer(Object value) {
        return ((TinyJson.Num) value).asLong();  // throws unless written as a JSON integer
    }

    private static double number(Object value) {
        return ((TinyJson.Num) value).asDouble();
    }

    @Test
    void topLevelFieldsInSchemaOrder() {
        Map<?, ?> json = parse(SampleReports.housesAndEmpty());
        assertEquals(List.of("schema", "version", "kernel", "columns", "rows", "inputs", "losses", "contributions",
                "quantiles", "intervals", "reliability", "comparison", "groups", "gates", "passed"),
                List.copyOf(json.keySet()));
        assertNull(json.get("reliability"), "a regression run has none");
        assertEquals("losseval/4", json.get("schema"));
        assertNull(json.get("comparison"), "a run without a baseline has none");
        assertNull(json.get("groups"), "a run without --group-by has none");
        assertEquals("0.1.0", json.get("version"));
        assertEquals("scalar", json.get("kernel"));
        assertEquals(Map.of("pred", "predicted", "target", "price"), json.get("columns"));
    }

    @Test
    void theComparisonFieldByField() {
        Map<?, ?> comparison = object(parse(SampleReports.housesCompared()).get("comparison"));
        assertEquals(List.of("baseline_columns", "confidence", "margin", "seed", "replicates", "figures",
                "shares_beyond_budget"), List.copyOf(comparison.keySet()));
        assertEquals(List.of(), comparison.get("shares_beyond_budget"));
        assertEquals(List.of(Map.of("role", "pred", "column", "base"), Map.of("role", "quantile", "column", "b10"),
                Map.of("role", "quantile", "column", "b90"), Map.of("role", "interval", "column", "b10:b90")),
                comparison.get("baseline_columns"));
        assertEquals(0.9, number(comparison.get("confidence")));
        assertEquals(100.0, number(comparison.get("margin")));
        assertEquals(7, integer(comparison.get("seed")));
        assertEquals(200, integer(comparison.get("replicates")));
        List<?> figures = array(comparison.get("figures"));
        assertEquals(7, figures.size());
        Map<?, ?> mse = object(figures.get(0));
        assertEquals(List.of("figure", "baseline", "candidate", "delta", "delta_rel", "higher_is_better", "delta_ci",
                "p_value", "wins", "ties", "losses", "win_rate", "tie_rate", "verdict", "non_inferior"),
                List.copyOf(mse.keySet()));
        assertEquals("mse", mse.get("figure"));
        assertEquals(16000.0, number(mse.get("baseline")));
        assertEquals(16200.0, number(mse.get("candidate")));
        assertEquals(200.0, number(mse.get("delta")));
        assertEquals(200.0 / 16000, number(mse.get("delta_rel")));
        assertEquals(false, mse.get("higher_is_better"));
        Map<?, ?> ci = object(mse.get("delta_ci"));
        assertEquals(List.of("level", "low", "high", "method", "rows"), List.copyOf(ci.keySet()));
        assertEquals(0.9, number(ci.get("level")));
        assertEquals(50.0, number(ci.get("low")));
        assertEquals(350.0, number(ci.get("high")));
        assertEquals("paired_t", ci.get("method"));
        assertEquals(3, integer(ci.get("rows")));
        assertEquals(0.01, number(mse.get("p_value")));
        assertEquals(1, integer(mse.get("wins")));
        assertEquals(1, integer(mse.get("ties")));
        assertEquals(1, integer(mse.get("losses")));
        assertEquals(1.0 / 3, number(mse.get("win_rate")));
        assertEquals("worse", mse.get("verdict"));
        assertEquals(false, mse.get("non_inferior"), "the upper end 350 is not below the margin 100");
        Map<?, ?> mae = object(figures.get(1));
        assertEquals("no_significant_difference", mae.get("verdict"));
        assertEquals(true, mae.get("non_inferior"), "the upper end 20 is below 100");
        Map<?, ?> huber = object(figures.get(2));
        assertNull(huber.get("delta_ci"));
        assertNull(huber.get("p_value"));
        assertFalse(huber.containsKey("p_value_text"), "no interval: null without a text sibling");
        assertNull(huber.get("delta_rel"), "a baseline of 0");
        assertEquals("NaN", huber.get("delta_rel_text"));
        assertEquals("undetermined", huber.get("verdict"));
        Map<?, ?> pinball = object(figures.get(3));
        assertEquals("pinball[p10]", pinball.get("figure"));
        assertEquals("bootstrap", object(pinball.get("delta_ci")).get("method"));
        assertEquals("better", pinball.get("verdict"));
        Map<?, ?> score = object(figures.get(4));
        assertNull(object(score.get("delta_ci")).get("low"));
        assertEquals("NaN", object(score.get("delta_ci")).get("low_text"));
        assertEquals("NaN", score.get("win_rate_text"));
    }

    @Test
    void rowCountsAreIntegers() {
        Map<?, ?> rows = object(parse(SampleReports.housesAndEmpty()).get("rows"));
        assertEquals(List.of("read", "used", "skipped", "skipped_by_reason"), List.copyOf(rows.keySet()));
        assertEquals(4, integer(rows.get("read")));
        assertEquals(3, integer(rows.get("used")));
        assertEquals(1, integer(rows.get("skipped")));
        Map<?, ?> reasons = object(rows.get("skipped_by_reason"));
        assertEquals(1, reasons.size());
        assertEquals(1, integer(reasons.get(SampleReports.SKIP_REASON)));
    }

    @Test
    void totalLossesCarryEveryField() {
        List<?> losses = array(parse(SampleReports.housesAndEmpty()).get("losses"));
        assertEquals(4, losses.size());

        Map<?, ?> mse = object(losses.get(0));
        assertEquals(List.of("label", "spec", "name", "params", "resolved_params", "value", "count", "weight_sum",
                "clamped"), List.copyOf(mse.keySet()));
        assertTrue(mse.containsKey("label"));
        assertNull(mse.get("label"));
        assertEquals("mse", mse.get("spec"));
        assertEquals("mse", mse.get("name"));
        assertEquals(Map.of(), mse.get("params"));
        assertEquals(List.of(), mse.get("resolved_params"));
        assertEquals("16200", ((TinyJson.Num) mse.get("value")).text());
        assertEquals(3, integer(mse.get("count")));
        assertEquals(3, number(mse.get("weight_sum")));
        assertEquals(0, integer(mse.get("clamped")));

        Map<?, ?> huber = object(losses.get(2));
        assertEquals("huber:delta=15", huber.get("spec"));
        assertEquals("huber", huber.get("name"));
        assertEquals("15", ((TinyJson.Num) object(huber.get("params")).get("delta")).text());
        assertEquals(SampleReports.HUBER_15, number(huber.get("value")));
        assertEquals("1095.8333333333333", ((TinyJson.Num) huber.get("value")).text());

        Map<?, ?> robust = object(losses.get(3));
        assertEquals("robust", robust.get("label"));
        assertEquals("huber:delta=mad", robust.get("spec"));
        assertEquals(20, number(object(robust.get("params")).get("delta")));
        assertEquals(List.of("delta"), robust.get("resolved_params"));
        assertEquals(SampleReports.HUBER_MAD, number(robust.get("value")));
    }

    @Test
    void inputsCarryTheirOwnRowsAndLosses() {
        List<?> inputs = array(parse(SampleReports.housesAndEmpty()).get("inputs"));
        assertEquals(2, inputs.size());
        Map<?, ?> houses = object(inputs.get(0));
        assertEquals(List.of("name", "format", "rows", "losses"), List.copyOf(houses.keySet()));
        assertEquals("houses.csv", houses.get("name"));
        assertEquals("csv", houses.get("format"));
        assertEquals(3, integer(object(houses.get("rows")).get("read")));
        assertEquals(Map.of(), object(houses.get("rows")).get("skipped_by_reason"));
        assertEquals(SampleReports.MAE, number(object(array(houses.get("losses")).get(1)).get("value")));

        Map<?, ?> empty = object(inputs.get(1));
        assertEquals("empty.parquet", empty.get("name"));
        assertEquals("parquet", empty.get("format"));
        Map<?, ?> rows = object(empty.get("rows"));
        assertEquals(1, integer(rows.get("read")));
        assertEquals(0, integer(rows.get("used")));
        assertEquals(1, integer(rows.get("skipped")));
        assertEquals(4, array(empty.get("losses")).size());
    }

    @Test
    void nonFiniteNumbersAreNullWithATextSibling() {
        Map<?, ?> emptyMse = object(array(object(array(parse(SampleReports.housesAndEmpty()).get("inputs")).get(1))
                .get("losses")).get(0));
        assertTrue(emptyMse.containsKey("value"));
        assertNull(emptyMse.get("value"));
        assertEquals("NaN", emptyMse.get("value_text"));
        assertFalse(emptyMse.containsKey("weight_sum_text"));

        Report infinite = SampleReports.withLosses(List.of(
                SampleReports.loss(null, "mse", "mse", Map.of(), List.of(), Double.POSITIVE_INFINITY, 2, 2),
                SampleReports.loss(null, "odd:x=-inf", "odd", Map.of("x", Double.NEGATIVE_INFINITY, "y", 1.5),
                        List.of(), Double.NEGATIVE_INFINITY, 2, Double.POSITIVE_INFINITY)));
        List<?> losses = array(parse(infinite).get("losses"));
        Map<?, ?> plusInf = object(losses.get(0));
        assertNull(plusInf.get("value"));
        assertEquals("inf", plusInf.get("value_text"));
        assertFalse(plusInf.containsKey("params_text"));

        Map<?, ?> odd = object(losses.get(1));
        assertEquals(List.of("label", "spec", "name", "params", "params_text", "resolved_params", "value",
                "value_text", "count", "weight_sum", "weight_sum_text", "clamped"), List.copyOf(odd.keySet()));
        assertNull(object(odd.get("params")).get("x"));
        assertEquals(1.5, number(object(odd.get("params")).get("y")));
        assertEquals(Map.of("x", "-inf"), odd.get("params_text"));
        assertEquals("-inf", odd.get("value_text"));
        assertNull(odd.get("weight_sum"));
        assertEquals("inf", odd.get("weight_sum_text"));
    }

    @Test
    void finiteLossesHaveNoTextSiblings() {
        assertEquals(List.of(), names(TinyJson.parse(print(SampleReports.weightedHouses())), "_text"));
    }

    @Test
    void awkwardDoublesRoundTripBitForBit() {
        double[] awkward = {0.1 + 0.2, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.0, Double.MIN_NORMAL,
                1e23, 1.0 / 3, -123456.789e-20, 4503599627370497.0};
        List<LossResult> losses = new ArrayList<>();
        for (double v : awkward) losses.add(SampleReports.loss(null, "mse", "mse", Map.of("p", v), List.of(), v, 1, v));
        List<?> parsed = array(parse(SampleReports.withLosses(losses)).get("losses"));
        for (int i = 0; i < awkward.length; i++) {
            Map<?, ?> loss = object(parsed.get(i));
            long expected = Double.doubleToRawLongBits(awkward[i]);
            assertEquals(expected, Double.doubleToRawLongBits(number(loss.get("value"))), "value " + awkward[i]);
            assertEquals(expected, Double.doubleToRawLongBits(number(loss.get("weight_sum"))), "weight " + awkward[i]);
            assertEquals(expected, Double.doubleToRawLongBits(number(object(loss.get("params")).get("p"))));
        }
    }

    @Test
    void stringsAreEscapedAndNonAsciiIsKept() {
        String label = "q\"uote \\ back/slash\n\r\t\b\f\u0000\u0001\u001f\u007f é 漢 😀 \u2028\u2029";
        String inputName = "dir\\odd,\"name\".csv";
        String reason = "lone \ud800 surrogate";
        LossResult loss = SampleReports.loss(label, "mse", "mse", Map.of(), List.of(), 1, 1, 1);
        Report report = SampleReports.oneInput(inputName, List.of(new ColumnRole("pred", "ŷ \"hat\"")),
                new RowCounts(2, 1, Map.of(reason, 1L)), List.of(loss));
        String json = print(report);

        Map<?, ?> parsed = (Map<?, ?>) TinyJson.parse(json);  // rejects raw control characters in strings
        assertEquals(label, object(array(parsed.get("losses")).get(0)).get("label"));
        assertEquals(inputName, object(array(parsed.get("inputs")).get(0)).get("name"));
        assertEquals("ŷ \"hat\"", object(parsed.get("columns")).get("pred"));
        assertEquals(1, integer(object(object(parsed.get("rows")).get("skipped_by_reason")).get(reason)));

        // The escapes as written: short ones, \\u00XX for the other controls, U+2028/U+2029 and a lone surrogate
        // escaped, DEL and non-ASCII as is.
        List<String> lines = json.lines().toList();
        assertEquals("      \"label\": \"q\\\"uote \\\\ back/slash\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\u007f é 漢 😀"
                + " \\u2028\\u2029\",", lines.get(44));
        assertEquals("      \"lone \\ud800 surrogate\": 1", lines.get(12));
    }

    @Test
    void emptyContainersAreValid() {
        Report nothing = new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar", List.of(), List.of(),
                new RowCounts(0, 0, Map.of()), List.of(), null, List.of(), List.of(), List.of());
        Map<?, ?> json = parse(nothing);
        assertEquals(Map.of(), json.get("columns"));
        assertEquals(List.of(), json.get("inputs"));
        assertEquals(List.of(), json.get("losses"));
        assertEquals(List.of(), json.get("quantiles"));
        assertEquals(List.of(), json.get("intervals"));
        assertEquals(List.of(), json.get("gates"));
        assertEquals(Boolean.TRUE, json.get("passed"), "no gate, nothing failed");
    }

    @Test
    void outputIsOneObjectEndingWithANewline() {
        String json = print(SampleReports.housesAndEmpty());
        TinyJson.parse(json);
        assertEquals(List.of("{", "  \"schema\": \"losseval/4\","), GoldenFiles.firstLines(json, 2));
        // The last line is the closing brace, and it ends with a newline.
        assertEquals("}\n", json.substring(json.lastIndexOf('\n', json.length() - 2) + 1));
    }

    @Test
    void curvesAndTheResidualHistogramFieldByField() {
        Map<?, ?> contributions = object(parse(SampleReports.housesWithPlots()).get("contributions"));
        Map<?, ?> histogram = object(contributions.get("residual_histogram"));
        assertEquals(List.of("rows", "octaves", "bins"), List.copyOf(histogram.keySet()));
        assertEquals(3, integer(histogram.get("rows")));
        assertEquals(12, integer(histogram.get("octaves")));
        List<?> bins = array(histogram.get("bins"));
        assertEquals(List.of("low", "high", "count"), List.copyOf(object(bins.get(0)).keySet()));
        assertEquals(List.of("-16/-8/1", "-8/-4/0", "-4/4/0", "4/8/0", "8/16/1", "16/128/0", "128/256/1"),
                bins.stream().map(b -> ((TinyJson.Num) object(b).get("low")).text() + "/"
                        + ((TinyJson.Num) object(b).get("high")).text() + "/" + integer(object(b).get("count"))).toList());
        List<?> losses = array(contributions.get("losses"));
        Map<?, ?> mae = object(array(object(losses.get(1)).get("curve")).get(1));
        assertEquals(List.of("rows", "fraction", "share", "share_range"), List.copyOf(mae.keySet()));
        assertEquals(2, integer(mae.get("rows")));
        assertEquals(2 / 3.0, number(mae.get("fraction")));
        assertEquals(0.955, number(mae.get("share")), 1e-15);
        Map<?, ?> range = object(mae.get("share_range"));
        assertEquals(List.of(0.95, 0.96), List.of(number(range.get("low")), number(range.get("high"))));
        Map<?, ?> reliability = object(parse(SampleReports.housesWithPlots()).get("reliability"));
        assertEquals(List.of("kind", "rows", "bins"), List.copyOf(reliability.keySet()));
        assertEquals("binary", reliability.get("kind"));
        assertEquals(27, integer(reliability.get("rows")));
        List<?> reliabilityBins = array(reliability.get("bins"));
        assertEquals(10, reliabilityBins.size());
        assertEquals(List.of("low", "high", "count", "mean_predicted", "mean_predicted_text", "observed", "observed_text"),
                List.copyOf(object(reliabilityBins.get(0)).keySet()), "an empty bin's means are NaN");
        Map<?, ?> second = object(reliabilityBins.get(1));
        assertEquals(List.of(0.1, 0.2, 1.0, 0.15000000000000002, 1.0), List.of(number(second.get("low")),
                number(second.get("high")), number(second.get("count")), number(second.get("mean_predicted")),
                number(second.get("observed"))));
        Map<?, ?> huber = object(array(object(losses.get(2)).get("curve")).get(0));
        assertEquals(null, huber.get("share"));
        assertEquals("NaN", huber.get("share_text"));
    }

    @Test
    void aReportForAnotherSchemaIsRefused() {
        for (int schema : new int[] {3, 5}) {
            Report other = new Report(schema, "9.0.0", "scalar", List.of(), List.of(), new RowCounts(0, 0, Map.of()),
                    List.of(), null, List.of(), List.of(), List.of());
            assertThrows(IllegalArgumentException.class, () -> print(other), "schema " + schema);
        }
    }

    @Test
    void contributionsOfTheHousesFieldByField() {
        Map<?, ?> contributions = object(parse(SampleReports.housesFull()).get("contributions"));
        assertEquals(List.of("rows", "exact", "outliers", "losses", "residual_histogram"), List.copyOf(contributions.keySet()));
        assertEquals(null, contributions.get("residual_histogram"), "a report built without one");
        assertEquals(3, integer(contributions.get("rows")));
        assertEquals(Boolean.TRUE, contributions.get("exact"));

        // Residuals 10, -10, 220: median 10, MAD median(0, 20, 210) = 20, threshold 3 x 1.4826 x 20.
        Map<?, ?> outliers = object(contributions.get("outliers"));
        assertEquals(List.of("factor", "median", "mad", "threshold", "count"), List.copyOf(outliers.keySet()));
        assertEquals(3, number(outliers.get("factor")));
        assertEquals(10, number(outliers.get("median")));
        assertEquals(20, number(outliers.get("mad")));
        assertEquals(3 * 1.4826 * 20, number(outliers.get("threshold")));
        assertEquals("1", ((TinyJson.Num) outliers.get("count")).text());

        List<?> losses = array(contributions.get("losses"));
        assertEquals(List.of("mse", "mae", "huber:delta=15"),
                losses.stream().map(l -> object(l).get("loss")).toList(), "keyed by label, else spec");
        Map<?, ?> mse = object(losses.get(0));
        assertEquals(List.of("loss", "total", "share_top1", "top_k", "share_top_k", "top_fractions", "outlier_share",
                "undefined_rows", "worst_rows", "curve"), List.copyOf(mse.keySet()));
        assertEquals(List.of(), mse.get("curve"), "a report built without one");
        assertEquals(48600, number(mse.get("total")));
        assertEquals(48400 / 48600.0, number(mse.get("share_top1")));
        assertEquals(5, integer(mse.get("top_k")));
        assertEquals(1, number(mse.get("share_top_k")));
        Map<?, ?> onePercent = object(array(mse.get("top_fractions")).get(0));
        assertEquals(List.of("fraction", "rows", "share"), List.copyOf(onePercent.keySet()));
        assertEquals(0.01, number(onePercent.get("fraction")));
        assertEquals(1, integer(onePercent.get("rows")));
        assertEquals(48400 / 48600.0, number(onePercent.get("share")));
        assertEquals(0.05, number(object(array(mse.get("top_fractions")).get(1)).get("fraction")));
        assertEquals(48400 / 48600.0, number(mse.get("outlier_share")));
        assertEquals(0, integer(mse.get("undefined_rows")));

        Map<?, ?> worst = object(array(mse.get("worst_rows")).get(0));
        assertEquals(List.of("input", "input_index", "row", "pred", "target", "residual", "loss", "weight",
                "contribution"), List.copyOf(worst.keySet()));
        assertEquals("houses.csv", worst.get("input"));
        assertEquals(0, integer(worst.get("input_index")));
        assertEquals(3, integer(worst.get("row")), "house C");
        assertEquals(400, number(worst.get("pred")));
        assertEquals(180, number(worst.get("target")));
        assertEquals(220, number(worst.get("residual")));
        assertEquals(48400, number(worst.get("loss")));
        assertEquals(1, number(worst.get("weight")));
        assertEquals(48400, number(worst.get("contribution")));
        assertEquals(1, integer(object(array(mse.get("worst_rows")).get(1)).get("row")), "A before B on a tie");

        assertEquals(240, number(object(losses.get(1)).get("total")));
        assertEquals(220 / 240.0, number(object(losses.get(1)).get("share_top1")));
        assertEquals(3287.5, number(object(losses.get(2)).get("total")));
        assertEquals(3187.5 / 3287.5, number(object(losses.get(2)).get("share_top1")));
        assertEquals(List.of(), names(TinyJson.parse(print(SampleReports.housesFull())), "_range"),
                "exact figures have no bracket");
    }

    @Test
    void contributionsAreNullWhenOff() {
        Map<?, ?> json = parse(SampleReports.housesAndEmpty());
        assertTrue(json.containsKey("contributions"));
        assertNull(json.get("contributions"));
    }

    @Test
    void anApproximateFigureIsItsMidpointWithARangeSibling() {
        Map<?, ?> contributions = object(parse(SampleReports.largeRun()).get("contributions"));
        assertEquals(Boolean.FALSE, contributions.get("exact"));
        Map<?, ?> outliers = object(contributions.get("outliers"));
        assertEquals(List.of("factor", "median", "median_range", "mad", "mad_range", "threshold", "threshold_range",
                "count", "count_range"), List.copyOf(outliers.keySet()));
        assertEquals(0.625, number(outliers.get("median")));
        assertEquals(0.5, number(object(outliers.get("median_range")).get("low")));
        assertEquals(0.75, number(object(outliers.get("median_range")).get("high")));
        assertEquals(11, number(outliers.get("count")));
        assertEquals(List.of("low", "high"), List.copyOf(object(outliers.get("count_range")).keySet()));

        Map<?, ?> mse = object(array(contributions.get("losses")).get(0));
        assertEquals(0.25, number(mse.get("share_top1")), "always exact");
        assertFalse(mse.containsKey("share_top1_range"));
        Map<?, ?> onePercent = object(array(mse.get("top_fractions")).get(0));
        assertEquals(List.of("fraction", "rows", "share", "share_range"), List.copyOf(onePercent.keySet()));
        assertEquals(200_000, integer(onePercent.get("rows")));
        assertEquals(0.415, number(onePercent.get("share")), 1e-15);
        assertEquals(0.41, number(object(onePercent.get("share_range")).get("low")));
        assertEquals(0.42, number(object(onePercent.get("share_range")).get("high")));
        assertEquals(0.5, number(mse.get("outlier_share")));
        assertEquals(Map.of("low", new TinyJson.Num("0.4"), "high", new TinyJson.Num("0.6")),
                mse.get("outlier_share_range"));
    }

    @Test
    void undefinedSharesAreNullWithATextSiblingAndNoRange() {
        Map<?, ?> signed = object(array(object(parse(SampleReports.largeRun()).get("contributions")).get("losses"))
                .get(1));
        assertNull(signed.get("share_top1"));
        assertEquals("NaN", signed.get("share_top1_text"));
        assertNull(signed.get("outlier_share"));
        assertEquals("NaN", signed.get("outlier_share_text"));
        assertFalse(signed.containsKey("outlier_share_range"), "NaN in both ends counts as exact");
        assertEquals(2, integer(signed.get("undefined_rows")));
        assertEquals(List.of(), signed.get("worst_rows"));
    }

    @Test
    void quantilesAndIntervalsFieldByField() {
        Map<?, ?> json = parse(SampleReports.housesFull());
        Map<?, ?> p90 = object(array(json.get("quantiles")).get(1));
        assertEquals(List.of("column", "level", "rows", "pinball", "fraction_below", "fraction_at_or_below"),
                List.copyOf(p90.keySet()));
        assertEquals("p90", p90.get("column"));
        assertEquals(0.9, number(p90.get("level")));
        assertEquals(3, integer(p90.get("rows")));
        assertEquals(12, number(p90.get("pinball")));
        assertEquals(2.0 / 3, number(p90.get("fraction_below")));
        assertEquals(2.0 / 3, number(p90.get("fraction_at_or_below")));
        assertEquals(7.0 / 3, number(object(array(json.get("quantiles")).get(0)).get("pinball")));

        Map<?, ?> interval = object(array(json.get("intervals")).get(0));
        assertEquals(List.of("lower", "upper", "nominal", "nominal_from_quantiles", "rows", "covered", "below",
                "above", "coverage", "fraction_below", "fraction_above", "mean_width", "interval_score", "coverage_ci",
                "p_value"), List.copyOf(interval.keySet()));
        assertEquals("p10", interval.get("lower"));
        assertEquals("p90", interval.get("upper"));
        assertEquals(0.8, number(interval.get("nominal")));
        assertEquals(Boolean.TRUE, interval.get("nominal_from_quantiles"));
        assertEquals(3, integer(interval.get("rows")));
        assertEquals(2, integer(interval.get("covered")));
        assertEquals(0, integer(interval.get("below")));
        assertEquals(1, integer(interval.get("above")));
        assertEquals(2.0 / 3, number(interval.get("coverage")));
        assertEquals(0, number(interval.get("fraction_below")));
        assertEquals(1.0 / 3, number(interval.get("fraction_above")));
        assertEquals(110, number(interval.get("mean_width")));
        assertEquals(430.0 / 3, number(interval.get("interval_score")));
        Map<?, ?> ci = object(interval.get("coverage_ci"));
        assertEquals(List.of("level", "low", "high", "method"), List.copyOf(ci.keySet()));
        assertEquals(0.95, number(ci.get("level")));
        assertEquals(SampleReports.CI_LOW, number(ci.get("low")));
        assertEquals(SampleReports.CI_HIGH, number(ci.get("high")));
        assertEquals("clopper-pearson", ci.get("method"));
        assertEquals(0.488, number(interval.get("p_value")));
    }

    @Test
    void gatesAndTheOverallVerdict() {
        Map<?, ?> json = parse(SampleReports.housesFull());
        List<?> gates = array(json.get("gates"));
        assertEquals(3, gates.size());
        Map<?, ?> mse = object(gates.get(0));
        assertEquals(List.of("expression", "figure", "value", "comparison", "threshold", "passed"),
                List.copyOf(mse.keySet()));
        assertEquals("mse > 200", mse.get("expression"));
        assertEquals("mse", mse.get("figure"));
        assertEquals(16200, number(mse.get("value")));
        assertEquals(">", mse.get("comparison"));
        assertEquals(200, number(mse.get("threshold")));
        assertEquals(Boolean.FALSE, mse.get("passed"), "16200 > 200 holds, so the gate fails");
        assertEquals(Boolean.TRUE, object(gates.get(1)).get("passed"));
        assertEquals("<", object(gates.get(2)).get("comparison"));
        assertEquals(Boolean.FALSE, json.get("passed"), "one gate failed");

        Report report = SampleReports.housesFull();
        Report allPassed = report.withGates(report.gates().subList(1, 3));
        assertEquals(Boolean.TRUE, parse(allPassed).get("passed"));
    }

    @Test
    void aGateOnAMissingFigureHasANullValueWithItsText() {
        Report report = SampleReports.housesFull().withGates(List.of(
                new GateOutcome("share_top1[nope] > 0.5", "share_top1[nope]", Double.NaN, Comparison.GREATER, 0.5,
                        false)));
        Map<?, ?> gate = object(array(parse(report).get("gates")).get(0));
        assertNull(gate.get("value"));
        assertEquals("NaN", gate.get("value_text"));
        assertEquals(Boolean.FALSE, gate.get("passed"));
    }

    @Test
    void clampedRowsAreCountedPerLossAndPerInput() {
        LossResult bce = new LossResult(null, "bce", "bce", Map.of(), List.of(), 33.3, 3, 3, 1);
        Report report = SampleReports.oneInput("probs.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(3, 3, Map.of()), List.of(bce));
        Map<?, ?> json = parse(report);
        assertEquals(1, integer(object(array(json.get("losses")).get(0)).get("clamped")));
        assertEquals(1, integer(object(array(object(array(json.get("inputs")).get(0)).get("losses")).get(0))
                .get("clamped")));
    }

    @Test
    void theExampleInTheSchemaDocumentIsWhatThePrinterWrites() throws IOException {
        String document = Files.readString(Path.of("docs/json-schema.md"), StandardCharsets.UTF_8);
        int start = document.indexOf("## Example");
        start = document.indexOf("```json\n", start) + "```json\n".length();
        String example = document.substring(start, document.indexOf("```", start));

        assertEquals(example, print(docExample()));
    }

    /**
     * The houses of {@link SampleReports#housesFull()} cut down to a readable example: the losses mse and
     * huber:delta=15 with one worst row each, the quantiles, the interval and two gates.
     */
    static Report docExample() {
        Report full = SampleReports.housesFull();
        List<LossResult> losses = mseAndHuber15(full.losses());
        List<InputReport> inputs = full.inputs().stream()
                .map(i -> new InputReport(i.name(), i.format(), i.rows(), mseAndHuber15(i.losses()))).toList();
        ContributionResult all = full.contributions();
        List<LossContribution> contributions = all.losses().stream()
                .filter(c -> c.loss().equals("mse") || c.loss().equals("huber:delta=15"))
                .map(c -> new LossContribution(c.loss(), c.total(), c.shareTop1(), c.topK(), c.shareTopK(),
                        c.topFractions(), c.worstRows().subList(0, 1), c.outlierShare(), c.undefinedRows(),
                        houseCurve(c.total(), c.worstRows().get(0).contribution(),
                                c.loss().equals("mse") ? 100 : 50)))
                .toList();
        return new Report(full.schemaVersion(), full.toolVersion(), full.kernel(), full.columns(), inputs, full.rows(),
                losses, new ContributionResult(all.rows(), all.exact(), all.outliers(), contributions, houseResiduals()),
                full.quantiles(), full.intervals(), List.of(full.gates().get(0), full.gates().get(2)));
    }

    /** The worst 1, 2 and 3 houses' shares: house C, then C and one of the two others (equal contributions). */
    private static List<CurvePoint> houseCurve(double total, double worst, double next) {
        return List.of(new CurvePoint(1, 1 / 3.0, Range.of(worst / total)),
                new CurvePoint(2, 2 / 3.0, Range.of((worst + next) / total)), new CurvePoint(3, 1, Range.of(1)));
    }

    /**
     * Residuals -10, 10 and 220: the largest, 220, is in [2^7, 2^8), so the octaves from 2^-4 up have bins
     * and the central bin is (-2^-4, 2^-4); the bins run from (-16, -8], the lowest with a row, to [128, 256).
     */
    private static ResidualHistogram houseResiduals() {
        List<HistogramBin> bins = new ArrayList<>();
        for (int e = 3; e >= -4; e--) bins.add(new HistogramBin(-Math.scalb(1.0, e + 1), -Math.scalb(1.0, e), e == 3 ? 1 : 0));
        bins.add(new HistogramBin(-0x1p-4, 0x1p-4, 0));
        for (int e = -4; e <= 7; e++) bins.add(new HistogramBin(Math.scalb(1.0, e), Math.scalb(1.0, e + 1), e == 3 || e == 7 ? 1 : 0));
        return new ResidualHistogram(3, 12, bins);
    }
    private static List<LossResult> mseAndHuber15(List<LossResult> losses) {
        return losses.stream().filter(l -> l.spec().equals("mse") || l.spec().equals("huber:delta=15")).toList();
    }
}
