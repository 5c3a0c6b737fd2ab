package org.losseval.report;

/**
 * The judgement of one gate.
 *
 * @param expression the gate in canonical form, e.g. {@code share_top1[mse] < 0.5}
 * @param figure     the figure judged
 * @param value      the figure's unrounded value; NaN when it was missing or undefined
 * @param threshold  the number the value was compared with
 * @param passed     whether {@code value OP threshold} did NOT hold (a --fail-if gate fails when it holds);
 *                   false for a missing or non-finite value
 */
public record GateOutcome(String expression, String figure, double value, Comparison comparison, double threshold,
                          boolean passed) {}
