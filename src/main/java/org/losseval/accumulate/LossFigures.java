package org.losseval.accumulate;

/**
 * What a {@link LossState} measured; the evaluator adds the loss's name, spec and label to make a
 * {@link org.losseval.report.LossResult}.
 *
 * @param value     the loss, {@code finish(Σ w·l / Σ w)}; NaN with no covered rows (or zero total weight)
 * @param count     rows covered (a row the loss gives weight 0 itself, such as an ignored label, is not)
 * @param weightSum the sum of the weights of the rows covered; equal to {@code count} without any weight
 * @param clamped   rows whose loss was clamped
 */
public record LossFigures(double value, long count, double weightSum, long clamped) {}
