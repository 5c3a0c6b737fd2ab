package org.losseval.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losseval.report.FigureNames;
import org.losseval.report.Range;

/**
 * Every figure a parsed JSON report (schema losseval/4, docs/json-schema.md) carries, by its
 * {@link FigureNames name}: a reader of the wire format, written from the schema and independent of
 * {@code ReportFigures}, so that comparing the two proves the JSON output carries every figure with its
 * exact value (brackets included). Same order and first-name-wins rule as {@code ReportFigures}.
 */
public final class JsonFigures {
    private JsonFigures() {}

    public static Map<String, Range> of(Object report) {
        Map<String, Range> figures = new LinkedHashMap<>();
        Map<String, Object> rows = object(TinyJson.at(report, "rows"));
        figures.putIfAbsent(FigureNames.ROWS_READ, Range.of(number(rows, "read")));
        figures.putIfAbsent(FigureNames.ROWS_USED, Range.of(number(rows, "used")));
        figures.putIfAbsent(FigureNames.ROWS_SKIPPED, Range.of(number(rows, "skipped")));
        for (Object element : list(TinyJson.at(report, "losses"))) {
            Map<String, Object> loss = object(element);
            String key = loss.get("label") != null ? (String) loss.get("label") : (String) loss.get("spec");
            figures.putIfAbsent(FigureNames.loss(key), range(loss, "value"));
            figures.putIfAbsent(FigureNames.clamped(key), Range.of(number(loss, "clamped")));
        }
        Object contributions = TinyJson.at(report, "contributions");
        if (contributions != null) {
            for (Object element : list(TinyJson.at(contributions, "losses"))) {
                Map<String, Object> loss = object(element);
                String key = (String) loss.get("loss");
                int k = (int) ((TinyJson.Num) loss.get("top_k")).asLong();
                figures.putIfAbsent(FigureNames.shareTop1(key), Range.of(number(loss, "share_top1")));
                figures.putIfAbsent(FigureNames.shareTopK(k, key), Range.of(number(loss, "share_top_k")));
                for (Object top : list(loss.get("top_fractions"))) {
                    Map<String, Object> fraction = object(top);
                    figures.putIfAbsent(FigureNames.shareTopFraction(number(fraction, "fraction"), key),
                            range(fraction, "share"));
                }
                figures.putIfAbsent(FigureNames.outlierShare(key), range(loss, "outlier_share"));
            }
            figures.putIfAbsent(FigureNames.OUTLIERS, range(object(TinyJson.at(contributions, "outliers")), "count"));
        }
        for (Object element : list(TinyJson.at(report, "quantiles"))) {
            Map<String, Object> quantile = object(element);
            String column = (String) quantile.get("column");
            figures.putIfAbsent(FigureNames.pinball(column), Range.of(number(quantile, "pinball")));
            figures.putIfAbsent(FigureNames.calibration(column), Range.of(number(quantile, "fraction_below")));
        }
        Map<String, Object> top = object(report);
        if (top.containsKey("quantile_set")) {
            Map<String, Object> set = object(top.get("quantile_set"));
            figures.putIfAbsent(FigureNames.CRPS, Range.of(number(set, "crps")));
            figures.putIfAbsent(FigureNames.QUANTILE_CROSSINGS, Range.of(number(set, "crossings")));
            figures.putIfAbsent(FigureNames.QUANTILE_CROSSING_SHARE, Range.of(number(set, "crossing_share")));
        }
        for (Object element : list(TinyJson.at(report, "intervals"))) {
            Map<String, Object> interval = object(element);
            String name = interval.get("lower") + ":" + interval.get("upper");
            figures.putIfAbsent(FigureNames.coverage(name), Range.of(number(interval, "coverage")));
            figures.putIfAbsent(FigureNames.below(name), Range.of(number(interval, "fraction_below")));
            figures.putIfAbsent(FigureNames.above(name), Range.of(number(interval, "fraction_above")));
            figures.putIfAbsent(FigureNames.width(name), Range.of(number(interval, "mean_width")));
            figures.putIfAbsent(FigureNames.intervalScore(name), Range.of(number(interval, "interval_score")));
            figures.putIfAbsent(FigureNames.coveragePValue(name), Range.of(number(interval, "p_value")));
        }
        Object comparison = top.get("comparison");
        if (comparison != null) {
            for (Object element : list(TinyJson.at(comparison, "figures"))) {
                Map<String, Object> f = object(element);
                String name = (String) f.get("figure");
                Object ci = f.get("delta_ci");
                // A figure without an interval of delta has "delta_ci": null and "p_value": null, read as NaN.
                double low = ci == null ? Double.NaN : number(object(ci), "low");
                double high = ci == null ? Double.NaN : number(object(ci), "high");
                double p = ci == null ? Double.NaN : number(f, "p_value");
                if (ci == null && f.get("p_value") != null) throw new AssertionError("a p-value without an interval");
                figures.putIfAbsent(FigureNames.baseline(name), Range.of(number(f, "baseline")));
                figures.putIfAbsent(FigureNames.delta(name), Range.of(number(f, "delta")));
                figures.putIfAbsent(FigureNames.deltaRelative(name), Range.of(number(f, "delta_rel")));
                figures.putIfAbsent(FigureNames.deltaLow(name), Range.of(low));
                figures.putIfAbsent(FigureNames.deltaHigh(name), Range.of(high));
                figures.putIfAbsent(FigureNames.deltaP(name), Range.of(p));
                figures.putIfAbsent(FigureNames.winRate(name), Range.of(number(f, "win_rate")));
            }
        }
        Object groups = top.get("groups");
        if (groups != null) addGroups(object(groups), figures);
        return Collections.unmodifiableMap(figures);
    }

    /** The group figures, in ReportFigures' order: worst groups, worst deltas, then per group per loss. */
    private static void addGroups(Map<String, Object> groups, Map<String, Range> figures) {
        List<String> columns = list(groups.get("columns")).stream().map(String.class::cast).toList();
        for (Object element : list(groups.get("worst"))) {
            Map<String, Object> worst = object(element);
            figures.putIfAbsent(FigureNames.worstGroup((String) worst.get("key")), range(worst, "value"));
        }
        for (Object element : list(groups.get("worst_delta"))) {
            Map<String, Object> worst = object(element);
            figures.putIfAbsent(FigureNames.worstGroupDelta((String) worst.get("key")), range(worst, "value"));
        }
        for (Object element : list(groups.get("items"))) {
            Map<String, Object> group = object(element);
            Map<String, Object> byColumn = object(group.get("values"));
            List<String> values = columns.stream().map(c -> (String) byColumn.get(c)).toList();
            for (Object lossElement : list(group.get("losses"))) {
                Map<String, Object> loss = object(lossElement);
                String key = (String) loss.get("key");
                figures.putIfAbsent(FigureNames.group(key, columns, values), range(loss, "value"));
                Object comparison = loss.get("comparison");
                if (comparison == null) continue;
                Map<String, Object> c = object(comparison);
                Object ci = c.get("delta_ci");
                figures.putIfAbsent(FigureNames.groupFigure(FigureNames.GROUP_DELTA, key, columns, values),
                        Range.of(number(c, "delta")));
                figures.putIfAbsent(FigureNames.groupFigure(FigureNames.GROUP_DELTA_LOW, key, columns, values),
                        Range.of(ci == null ? Double.NaN : number(object(ci), "low")));
                figures.putIfAbsent(FigureNames.groupFigure(FigureNames.GROUP_DELTA_HIGH, key, columns, values),
                        Range.of(ci == null ? Double.NaN : number(object(ci), "high")));
            }
        }
    }

    /**
     * A number field: a JSON number, or null with a {@code <field>_text} sibling naming the non-finite
     * value, which is present only then.
     */
    static double number(Map<String, Object> object, String field) {
        if (!object.containsKey(field)) throw new AssertionError("no field '" + field + "' in " + object.keySet());
        Object value = object.get(field);
        String text = field + "_text";
        if (value instanceof TinyJson.Num num) {
            if (object.containsKey(text)) throw new AssertionError(text + " beside the finite " + field + " " + num.text());
            return num.asDouble();
        }
        if (value != null) throw new AssertionError(field + " is not a number: " + value);
        if (!(object.get(text) instanceof String name)) throw new AssertionError(field + " is null without " + text);
        return switch (name) {
            case "NaN" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> throw new AssertionError(text + " is " + name);
        };
    }

    /** A figure that may be a bracket: the midpoint, and only for a bracket a {@code <field>_range} object. */
    static Range range(Map<String, Object> object, String field) {
        double mid = number(object, field);
        Object bracket = object.get(field + "_range");
        if (bracket == null) return Range.of(mid);
        Range range = new Range(number(object(bracket), "low"), number(object(bracket), "high"));
        if (range.exact()) throw new AssertionError(field + "_range of an exact figure: " + range);
        if (Double.compare(range.mid(), mid) != 0) throw new AssertionError(field + " " + mid + " is not the midpoint of " + range);
        return range;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }
}
