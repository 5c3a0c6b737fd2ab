package org.losseval.accumulate;

import org.losseval.report.Range;

/**
 * What a {@link LossState} measured; the evaluator adds the loss's name, spec and label to make a
 * {@link org.losseval.report.LossResult}.
 *
 * @param value     the loss, {@code finish(Σ w·l / Σ w)}; NaN with no covered rows (or zero total weight)
 * @param count     rows covered (a row the loss gives weight 0 itself, such as an ignored label, is not)
 * @param weightSum the sum of the weights of the rows covered; equal to {@code count} without any weight
 * @param clamped   rows whose loss was clamped
 * @param range     the value as a range: {@code [value, value]} when exact; for an order statistic beyond
 *                  its memory budget ({@code medae}) a bracket that holds the exact value, whose midpoint
 *                  is {@code value}
 */
public record LossFigures(double value, long count, double weightSum, long clamped, Range range) {
    /** Figures known exactly. */
    public LossFigures(double value, long count, double weightSum, long clamped) {
        this(value, count, weightSum, clamped, Range.of(value));
    }

    public LossFigures {
        if (Double.compare(value, range.mid()) != 0) {
            throw new IllegalArgumentException("value " + value + " is not the midpoint of " + range);
        }
    }
}
