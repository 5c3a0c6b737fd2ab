package org.losseval.format;

import org.losseval.text.Numbers;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.ContributionResult;
import org.losseval.report.CurvePoint;
import org.losseval.report.FractionShare;
import org.losseval.report.HistogramBin;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;
import org.losseval.report.ResidualHistogram;
import org.losseval.report.IntervalResult;
import org.losseval.report.LossContribution;
import org.losseval.report.OutlierResult;
import org.losseval.report.QuantileResult;
import org.losseval.report.Range;
import org.losseval.report.WorstRow;
import org.losseval.report.GateOutcome;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.FigureNames;
import org.losseval.report.GroupReport;
import org.losseval.report.LossResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;
import org.losseval.report.ComparisonReport;
import org.losseval.report.DifferenceInference;
import org.losseval.report.FigureComparison;
import org.losseval.report.WinCounts;

/**
 * The report as one JSON object for machines, schema {@code losseval/4}. The wire format is specified in
 * {@code docs/json-schema.md}; this class is its only writer, and the field names below are the contract.
 * Within a major schema version fields are only ever added, never renamed, removed or retyped.
 *
 * <p>Numbers: counts are JSON integers; every other number is {@link Numbers#exact(double)}, the shortest
 * decimal that reads back as the same double (integral values without a fraction, e.g. {@code 15}).
 * JSON has no NaN or infinity, so a non-finite number is written as {@code null} and, only then, a sibling
 * string field named {@code <field>_text} holds {@code "NaN"}, {@code "inf"} or {@code "-inf"}
 * (e.g. {@code value_text}, {@code weight_sum_text}, {@code share_top1_text}; for parameters a
 * {@code params_text} object beside {@code params}). Precision options do not apply. Output is indented by
 * two spaces and ends with '\n'.
 *
 * <p>Approximate figures (a {@link Range} that is not {@link Range#exact() exact}, beyond the exact-memory
 * budget) keep their field's type: the field holds the midpoint (a gate judges the end worse for it), and
 * only then a sibling {@code <field>_range} object holds {@code {"low": .., "high": ..}}. A reader that does not care
 * reads a number as always; {@code contributions.exact} says whether any bracket of the contributions is
 * present, and a loss's {@code value_range} (a {@code medae} beyond the budget) is there exactly when its value is one.
 */
public final class JsonPrinter implements Printer {
    /** The schema this printer writes; {@link Report#schemaVersion()} must match its major version. */
    public static final String SCHEMA = "losseval/4";
    private static final int SCHEMA_MAJOR = 4;
    /** How {@code coverage_ci} is computed, named so readers need not guess. */
    static final String COVERAGE_CI_METHOD = "clopper-pearson";

    @Override
    public void print(Report report, PrintWriter out) {
        if (report.schemaVersion() != SCHEMA_MAJOR) {
            throw new IllegalArgumentException("report is for JSON schema " + report.schemaVersion()
                    + " but this printer writes " + SCHEMA);
        }
        JsonWriter json = new JsonWriter().beginObject();
        json.name("schema").value(SCHEMA);
        json.name("version").value(report.toolVersion());
        json.name("kernel").value(report.kernel());
        json.name("columns").beginObject();
        for (ColumnRole column : report.columns()) json.name(column.role()).value(column.column());
        json.endObject();
        json.name("rows");
        writeRows(report.rows(), json);
        json.name("inputs").beginArray();
        for (InputReport input : report.inputs()) writeInput(input, json);
        json.endArray();
        if (report.pairing() != null) {
            // only with --baseline FILE (docs/json-schema.md, "The baseline_files object")
            json.name("baseline_files");
            writePairing(report.pairing(), json);
        }
        json.name("losses");
        writeLosses(report.losses(), json);
        json.name("contributions");
        writeContributions(report, json);
        json.name("quantiles").beginArray();
        for (QuantileReport quantile : report.quantiles()) writeQuantile(quantile, json);
        json.endArray();
        if (report.quantileSet() != null) {
            // only with two or more quantile columns (docs/json-schema.md, "The quantile_set object")
            org.losseval.report.QuantileSetResult set = report.quantileSet();
            json.name("quantile_set").beginObject();
            json.name("columns").beginArray();
            for (String column : set.columns()) json.value(column);
            json.endArray();
            json.name("rows").value(set.rows());
            json.name("crps").value(set.crps());
            json.name("crossings").value(set.crossingRows());
            json.name("crossing_share").value(set.crossingShare());
            json.endObject();
        }
        json.name("intervals").beginArray();
        for (IntervalReport interval : report.intervals()) writeInterval(interval, json);
        json.endArray();
        json.name("reliability");
        writeReliability(report.reliability(), json);
        json.name("comparison");
        writeComparison(report.comparison(), json);
        json.name("groups");
        writeGroups(report.groups(), json);
        json.name("gates").beginArray();
        for (GateOutcome gate : report.gates()) writeGate(gate, json);
        json.endArray();
        json.name("passed").value(report.gatesPassed());
        out.write(json.endObject() + "\n");
        out.flush();
    }

    private static void writeInput(InputReport input, JsonWriter json) {
        json.beginObject();
        json.name("name").value(input.name());
        json.name("format").value(input.format());
        json.name("rows");
        writeRows(input.rows(), json);
        json.name("losses");
        writeLosses(input.losses(), json);
        json.endObject();
    }

    private static void writePairing(org.losseval.report.PairingReport pairing, JsonWriter json) {
        json.beginObject();
        json.name("files").beginArray();
        for (String file : pairing.files()) json.value(file);
        json.endArray();
        json.name("keys").beginArray();
        for (String key : pairing.keys()) json.value(key);
        json.endArray();
        json.name("rows_read").value(pairing.rowsRead());
        json.name("rows_paired").value(pairing.rowsPaired());
        json.name("rows_unpaired").value(pairing.rowsUnpaired());
        json.name("unpaired_by_reason").beginObject();
        for (Map.Entry<String, Long> reason : pairing.unpairedByReason().entrySet()) {
            json.name(reason.getKey()).value(reason.getValue().longValue());
        }
        json.endObject();
        json.endObject();
    }

    private static void writeRows(RowCounts rows, JsonWriter json) {
        json.beginObject();
        json.name("read").value(rows.read());
        json.name("used").value(rows.used());
        json.name("skipped").value(rows.skipped());
        json.name("skipped_by_reason").beginObject();
        for (Map.Entry<String, Long> reason : rows.skippedByReason().entrySet()) {
            json.name(reason.getKey()).value(reason.getValue().longValue());
        }
        json.endObject();
        json.endObject();
    }

    private static void writeLosses(List<LossResult> losses, JsonWriter json) {
        json.beginArray();
        for (LossResult loss : losses) writeLoss(loss, json);
        json.endArray();
    }

    private static void writeLoss(LossResult loss, JsonWriter json) {
        json.beginObject();
        json.name("label").value(loss.label());
        json.name("spec").value(loss.spec());
        json.name("name").value(loss.name());
        json.name("params").beginObject();
        for (Map.Entry<String, Double> param : loss.params().entrySet()) json.name(param.getKey()).value(param.getValue());
        json.endObject();
        if (loss.params().values().stream().anyMatch(v -> !Double.isFinite(v))) {
            json.name("params_text").beginObject();
            for (Map.Entry<String, Double> param : loss.params().entrySet()) {
                if (!Double.isFinite(param.getValue())) json.name(param.getKey()).value(Numbers.exact(param.getValue()));
            }
            json.endObject();
        }
        json.name("resolved_params").beginArray();
        for (String name : loss.resolvedParams()) json.value(name);
        json.endArray();
        writeRange("value", loss.range(), json);
        json.name("count").value(loss.count());
        writeNumber("weight_sum", loss.weightSum(), json);
        json.name("clamped").value(loss.clamped());
        json.endObject();
    }

    private static void writeContributions(Report report, JsonWriter json) {
        ContributionResult contributions = report.contributions();
        if (contributions == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("rows").value(contributions.rows());
        json.name("exact").value(contributions.exact());
        OutlierResult outliers = contributions.outliers();
        json.name("outliers").beginObject();
        writeNumber("factor", outliers.factor(), json);
        writeRange("median", outliers.median(), json);
        writeRange("mad", outliers.mad(), json);
        writeRange("threshold", outliers.threshold(), json);
        writeRange("count", outliers.count(), json);
        json.endObject();
        json.name("losses").beginArray();
        for (LossContribution loss : contributions.losses()) writeContribution(loss, report.inputs(), json);
        json.endArray();
        json.name("residual_histogram");
        writeHistogram(contributions.histogram(), json);
        json.endObject();
    }

    private static void writeReliability(ReliabilityDiagram reliability, JsonWriter json) {
        if (reliability == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("kind").value(reliability.kind());
        json.name("rows").value(reliability.rows());
        json.name("bins").beginArray();
        for (ReliabilityBin bin : reliability.bins()) {
            json.beginObject();
            writeNumber("low", bin.low(), json);
            writeNumber("high", bin.high(), json);
            json.name("count").value(bin.count());
            writeNumber("mean_predicted", bin.meanPredicted(), json);
            writeNumber("observed", bin.observed(), json);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeHistogram(ResidualHistogram histogram, JsonWriter json) {
        if (histogram == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("rows").value(histogram.rows());
        json.name("octaves").value(histogram.octaves());
        json.name("bins").beginArray();
        for (HistogramBin bin : histogram.bins()) {
            json.beginObject();
            writeNumber("low", bin.low(), json);
            writeNumber("high", bin.high(), json);
            json.name("count").value(bin.count());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeContribution(LossContribution loss, List<InputReport> inputs, JsonWriter json) {
        json.beginObject();
        json.name("loss").value(loss.loss());
        writeNumber("total", loss.total(), json);
        writeNumber("share_top1", loss.shareTop1(), json);
        json.name("top_k").value(loss.topK());
        writeNumber("share_top_k", loss.shareTopK(), json);
        json.name("top_fractions").beginArray();
        for (FractionShare top : loss.topFractions()) {
            json.beginObject();
            writeNumber("fraction", top.fraction(), json);
            json.name("rows").value(top.rows());
            writeRange("share", top.share(), json);
            json.endObject();
        }
        json.endArray();
        writeRange("outlier_share", loss.outlierShare(), json);
        json.name("undefined_rows").value(loss.undefinedRows());
        json.name("worst_rows").beginArray();
        for (WorstRow row : loss.worstRows()) writeWorstRow(row, inputs, json);
        json.endArray();
        json.name("curve").beginArray();
        for (CurvePoint point : loss.curve()) {
            json.beginObject();
            json.name("rows").value(point.rows());
            writeNumber("fraction", point.fraction(), json);
            writeRange("share", point.share(), json);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void writeWorstRow(WorstRow row, List<InputReport> inputs, JsonWriter json) {
        json.beginObject();
        json.name("input").value(inputs.get(row.source()).name());
        json.name("input_index").value(row.source());
        json.name("row").value(row.row());
        writeNumber("pred", row.pred(), json);
        writeNumber("target", row.target(), json);
        writeNumber("residual", row.residual(), json);
        writeNumber("loss", row.loss(), json);
        writeNumber("weight", row.weight(), json);
        writeNumber("contribution", row.contribution(), json);
        json.endObject();
    }

    private static void writeQuantile(QuantileReport quantile, JsonWriter json) {
        QuantileResult result = quantile.result();
        json.beginObject();
        json.name("column").value(quantile.column());
        writeNumber("level", result.level(), json);
        json.name("rows").value(result.rows());
        writeNumber("pinball", result.pinball(), json);
        writeNumber("fraction_below", result.fractionBelow(), json);
        writeNumber("fraction_at_or_below", result.fractionAtOrBelow(), json);
        json.endObject();
    }

    private static void writeInterval(IntervalReport interval, JsonWriter json) {
        IntervalResult result = interval.result();
        json.beginObject();
        json.name("lower").value(interval.lower());
        json.name("upper").value(interval.upper());
        writeNumber("nominal", result.nominal(), json);
        json.name("nominal_from_quantiles").value(interval.nominalFromQuantiles());
        json.name("rows").value(result.rows());
        json.name("covered").value(result.covered());
        json.name("below").value(result.below());
        json.name("above").value(result.above());
        writeNumber("coverage", result.coverage(), json);
        writeNumber("fraction_below", result.fractionBelow(), json);
        writeNumber("fraction_above", result.fractionAbove(), json);
        writeNumber("mean_width", result.meanWidth(), json);
        writeNumber("interval_score", result.meanScore(), json);
        ConfidenceInterval ci = result.coverageInterval();
        json.name("coverage_ci").beginObject();
        writeNumber("level", ci.level(), json);
        writeNumber("low", ci.low(), json);
        writeNumber("high", ci.high(), json);
        json.name("method").value(COVERAGE_CI_METHOD);
        json.endObject();
        writeNumber("p_value", result.pValue(), json);
        json.endObject();
    }

    /** The comparison with a baseline (docs/json-schema.md, "The comparison object"), or null without one. */
    private static void writeComparison(ComparisonReport comparison, JsonWriter json) {
        if (comparison == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("baseline_columns").beginArray();
        for (ColumnRole column : comparison.baselineColumns()) {
            json.beginObject().name("role").value(column.role()).name("column").value(column.column()).endObject();
        }
        json.endArray();
        writeNumber("confidence", comparison.confidence(), json);
        if (comparison.margin() == null) json.name("margin").nullValue();
        else writeNumber("margin", comparison.margin(), json);
        json.name("seed").value(comparison.seed());
        json.name("replicates").value(comparison.replicates());
        json.name("figures").beginArray();
        for (FigureComparison figure : comparison.figures()) writeFigureComparison(figure, json);
        json.endArray();
        json.name("shares_beyond_budget").beginArray();
        for (String figure : comparison.sharesBeyondBudget()) json.value(figure);
        json.endArray();
        json.endObject();
    }

    private static void writeFigureComparison(FigureComparison f, JsonWriter json) {
        json.beginObject();
        json.name("figure").value(f.figure());
        writeNumber("baseline", f.baseline(), json);
        writeNumber("candidate", f.candidate(), json);
        writeNumber("delta", f.delta(), json);
        writeNumber("delta_rel", f.relativeDelta(), json);
        json.name("higher_is_better").value(f.higherIsBetter());
        DifferenceInference inference = f.inference();
        if (inference == null) {
            json.name("delta_ci").nullValue();
            json.name("p_value").nullValue();
        } else {
            json.name("delta_ci").beginObject();
            writeNumber("level", inference.interval().level(), json);
            writeNumber("low", inference.interval().low(), json);
            writeNumber("high", inference.interval().high(), json);
            json.name("method").value(inference.method());
            json.name("rows").value(inference.rows());
            json.endObject();
            writeNumber("p_value", inference.pValue(), json);
        }
        WinCounts wins = f.wins();
        json.name("wins").value(wins.wins());
        json.name("ties").value(wins.ties());
        json.name("losses").value(wins.losses());
        writeNumber("win_rate", wins.winRate(), json);
        writeNumber("tie_rate", wins.tieRate(), json);
        json.name("verdict").value(f.verdict().wireName());
        if (f.nonInferior() == null) json.name("non_inferior").nullValue();
        else json.name("non_inferior").value(f.nonInferior().booleanValue());
        json.endObject();
    }

    /** {@code null} without --group-by; see docs/json-schema.md, "The groups object". */
    private static void writeGroups(GroupReport groups, JsonWriter json) {
        if (groups == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("columns").beginArray();
        for (String column : groups.columns()) json.value(column);
        json.endArray();
        json.name("min_rows").value(groups.minRows());
        json.name("max_groups").value(groups.maxGroups());
        writeNumber("confidence", groups.confidence(), json);
        json.name("count").value(groups.groups().size());
        json.name("ranked").value(groups.rankedCount());
        json.name("items").beginArray();
        for (GroupReport.Group group : groups.groups()) {
            json.beginObject();
            writeGroupValues(groups.columns(), group.values(), json);
            json.name("rows").value(group.rows());
            writeNumber("row_share", group.rowShare(), json);
            json.name("rank");
            if (group.ranked()) json.value(group.rank());
            else json.nullValue();
            json.name("losses").beginArray();
            for (GroupReport.GroupLoss loss : group.losses()) {
                json.beginObject();
                json.name("key").value(loss.key());
                writeRange("value", loss.range(), json);
                writeInterval("ci", loss.interval(), json);
                writeNumber("loss_share", loss.lossShare(), json);
                json.name("comparison");
                if (loss.comparison() == null) json.nullValue();
                else writeFigureComparison(loss.comparison(), json);
                json.endObject();
            }
            json.endArray();
            json.name("quantiles").beginArray();
            for (QuantileReport quantile : group.quantiles()) writeQuantile(quantile, json);
            json.endArray();
            json.name("intervals").beginArray();
            for (IntervalReport interval : group.intervals()) writeInterval(interval, json);
            json.endArray();
            json.endObject();
        }
        json.endArray();
        writeWorstGroups("worst", groups.worst(), groups.columns(), json);
        writeWorstGroups("worst_delta", groups.worstDelta(), groups.columns(), json);
        json.endObject();
    }

    /** {@code "field": [{"key": .., "values": .., "label": .., "value": .., "ci": .., "rows": ..}, ...]}. */
    private static void writeWorstGroups(String field, List<GroupReport.WorstGroup> worstGroups, List<String> columns,
                                         JsonWriter json) {
        json.name(field).beginArray();
        for (GroupReport.WorstGroup worst : worstGroups) {
            json.beginObject();
            json.name("key").value(worst.key());
            if (worst.values().isEmpty()) {
                json.name("values").nullValue();
                json.name("label").nullValue();
            } else {
                writeGroupValues(columns, worst.values(), json);
            }
            writeRange("value", worst.range(), json);
            writeInterval("ci", worst.interval(), json);
            json.name("rows").value(worst.rows());
            json.endObject();
        }
        json.endArray();
    }

    /** {@code "values": {"region": "eu", ...}, "label": "region=eu"}. */
    private static void writeGroupValues(List<String> columns, List<String> values, JsonWriter json) {
        json.name("values").beginObject();
        for (int c = 0; c < columns.size(); c++) json.name(columns.get(c)).value(values.get(c));
        json.endObject();
        json.name("label").value(FigureNames.groupLabel(columns, values));
    }

    /** {@code "field": {"level": .., "low": .., "high": ..}}, or {@code null}. */
    private static void writeInterval(String field, ConfidenceInterval interval, JsonWriter json) {
        json.name(field);
        if (interval == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        writeNumber("level", interval.level(), json);
        writeNumber("low", interval.low(), json);
        writeNumber("high", interval.high(), json);
        json.endObject();
    }

    private static void writeGate(GateOutcome gate, JsonWriter json) {
        json.beginObject();
        json.name("expression").value(gate.expression());
        json.name("figure").value(gate.figure());
        writeNumber("value", gate.value(), json);
        json.name("comparison").value(gate.comparison().symbol());
        writeNumber("threshold", gate.threshold(), json);
        json.name("passed").value(gate.passed());
        json.endObject();
    }

    /**
     * {@code "field": midpoint}, as {@link #writeNumber}, and only when the figure is a bracket,
     * {@code "field_range": {"low": .., "high": ..}}.
     */
    private static void writeRange(String field, Range range, JsonWriter json) {
        writeNumber(field, range.mid(), json);
        if (range.exact()) return;
        json.name(field + "_range").beginObject();
        writeNumber("low", range.low(), json);
        writeNumber("high", range.high(), json);
        json.endObject();
    }

    /** {@code "field": number}, or {@code "field": null, "field_text": "inf"} when not finite. */
    private static void writeNumber(String field, double value, JsonWriter json) {
        json.name(field).value(value);
        if (!Double.isFinite(value)) json.name(field + "_text").value(Numbers.exact(value));
    }
}
