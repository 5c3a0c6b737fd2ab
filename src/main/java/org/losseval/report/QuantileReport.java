package org.losseval.report;


/**
 * The figures of one quantile prediction column ({@code --quantile COL@q}).
 *
 * @param column the prediction column
 * @param result the pinball loss at q and the calibration (observed fraction of targets below)
 */
public record QuantileReport(String column, QuantileResult result) {
    /** The name used in figures and reports, e.g. "p90". */
    public String name() { return column; }
}
