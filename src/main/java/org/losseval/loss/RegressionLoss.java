package org.losseval.loss;

import org.losseval.kernel.RegressionKernels;

/**
 * A loss of one prediction against one target per row, reduced by a (weighted) mean.
 */
public interface RegressionLoss extends Loss {

    /** The loss of one row: the scalar reference formula. */
    double rowLoss(double pred, double target);

    /**
     * The loss of every row of a batch, written to {@code out[0..n)}, computed with the given kernels.
     * Must agree with {@link #rowLoss} bit for bit.
     */
    void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n);

    /**
     * Why a row cannot be evaluated by this loss although both values are finite (for example a negative
     * target for msle), or null when it can. The text is used in messages and as the skip reason.
     */
    default String invalidReason(double pred, double target) { return null; }

    /** Turns the weighted mean of the row losses into the reported value (rmse takes the square root). */
    default double finish(double meanRowLoss) { return meanRowLoss; }
}
