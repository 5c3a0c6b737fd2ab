package org.losseval.report;


/**
 * The figures of one quantile prediction (computed by {@code accumulate.QuantileState}).
 *
 * @param level             the nominal level q
 * @param pinball           the (weighted) mean pinball loss at q
 * @param fractionBelow     #(y &lt; pred) / rows, the calibration figure shown beside q
 * @param fractionAtOrBelow #(y &le; pred) / rows; for a calibrated quantile fractionBelow &le; q &le; this
 */
public record QuantileResult(double level, long rows, double pinball, double fractionBelow, double fractionAtOrBelow) {}
