package org.losseval.loss;

/**
 * A regression figure that is not a mean of row losses but a function of the run's {@link Moments}: r2
 * and explained variance are ratios of sums, max_error a maximum. Its {@link #rowLoss} is still the row's
 * share of the figure's numerator (the squared error for r2, the absolute error for max_error), which the
 * contribution figures rank; {@link #value} gives the figure.
 */
public interface MomentLoss extends RegressionLoss {

    /** The figure from the sums of the rows covered (count &ge; 1). */
    double value(Moments moments);

    /** A function of sums of residuals and targets (or their maximum), not the mean of its row losses. */
    @Override default boolean meanOfRowLosses() { return false; }
}
