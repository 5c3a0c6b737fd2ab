package org.losseval.loss;

/**
 * The sums of one run's residuals and targets that the ratio-of-sums figures ({@link MomentLoss}) are
 * computed from. Each is correctly rounded from exact sums (see {@code accumulate.MomentSums}), so a figure
 * is the same bits however the rows were split.
 *
 * @param count             rows covered
 * @param weightSum         Σ w (the count without weights)
 * @param squaredResiduals  Σ w r², r = pred - target
 * @param targetSpread      Σ w (y - ȳ)², ȳ = Σ w y / Σ w: the target's weighted sum of squares about its mean
 * @param residualSpread    Σ w (r - r̄)², r̄ = Σ w r / Σ w
 * @param maxAbsResidual    max |r| over the rows covered, whatever their weight; 0 with no rows
 */
public record Moments(long count, double weightSum, double squaredResiduals, double targetSpread,
                      double residualSpread, double maxAbsResidual) {}
