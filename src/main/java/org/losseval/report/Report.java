package org.losseval.report;

import java.util.List;

/**
 * Everything one run measured, built once by the evaluator and rendered by the printers. Immutable.
 *
 * @param schemaVersion the JSON schema version this report corresponds to
 * @param toolVersion   losseval's version
 * @param kernel        the active kernel implementation, e.g. "vector (256-bit, 4 doubles)"
 * @param columns       the columns read for each role, e.g. pred=yhat, target=y, weight=w
 * @param inputs        one entry per input, in the order given, each with its own figures
 * @param rows          the row counts over all inputs
 * @param losses        one entry per requested loss, in the order requested, over all inputs together
 */
public record Report(int schemaVersion, String toolVersion, String kernel, List<ColumnRole> columns,
                     List<InputReport> inputs, RowCounts rows, List<LossResult> losses) {
    public static final int SCHEMA_VERSION = 1;

    public Report {
        columns = List.copyOf(columns);
        inputs = List.copyOf(inputs);
        losses = List.copyOf(losses);
    }
}
