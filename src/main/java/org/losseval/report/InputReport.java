package org.losseval.report;

import java.util.List;

/**
 * The figures of one input on its own.
 *
 * @param name   the input as the user gave it ("-" for stdin)
 * @param format "csv" or "parquet"
 * @param rows   its row counts
 * @param losses its loss values, in the order requested (data-resolved parameters take the run's value)
 */
public record InputReport(String name, String format, RowCounts rows, List<LossResult> losses) {
    public InputReport {
        losses = List.copyOf(losses);
    }
}
