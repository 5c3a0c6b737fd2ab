package org.losseval.format;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * The report as one JSON object for machines, schema {@code losseval/1}. The wire format is specified in
 * {@code docs/json-schema.md}; this class is its only writer, and the field names below are the contract.
 * Within a major schema version fields are only ever added, never renamed, removed or retyped.
 *
 * <p>Numbers: counts are JSON integers; every other number is {@link Numbers#exact(double)}, the shortest
 * decimal that reads back as the same double (integral values without a fraction, e.g. {@code 15}).
 * JSON has no NaN or infinity, so a non-finite number is written as {@code null} and, only then, a sibling
 * string field named {@code <field>_text} holds {@code "NaN"}, {@code "inf"} or {@code "-inf"}
 * ({@code value_text}, {@code weight_sum_text}; for parameters a {@code params_text} object beside
 * {@code params}). Precision options do not apply. Output is indented by two spaces and ends with '\n'.
 */
public final class JsonPrinter implements Printer {
    /** The schema this printer writes; {@link Report#schemaVersion()} must match its major version. */
    public static final String SCHEMA = "losseval/1";
    private static final int SCHEMA_MAJOR = 1;

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
        json.name("losses");
        writeLosses(report.losses(), json);
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
        writeNumber("value", loss.value(), json);
        json.name("count").value(loss.count());
        writeNumber("weight_sum", loss.weightSum(), json);
        json.endObject();
    }

    /** {@code "field": number}, or {@code "field": null, "field_text": "inf"} when not finite. */
    private static void writeNumber(String field, double value, JsonWriter json) {
        json.name(field).value(value);
        if (!Double.isFinite(value)) json.name(field + "_text").value(Numbers.exact(value));
    }
}
