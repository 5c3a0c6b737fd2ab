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
     * Why a finite prediction cannot be evaluated by this loss (for example a negative value for msle), or
     * null when it can. The text is used in messages and as the skip reason, e.g. "negative value for msle".
     */
    default String invalidPred(double pred) { return null; }

    /** Why a finite target cannot be evaluated by this loss, or null when it can; as {@link #invalidPred}. */
    default String invalidTarget(double target) { return null; }

    /** Turns the weighted mean of the row losses into the reported value (rmse takes the square root). */
    default double finish(double meanRowLoss) { return meanRowLoss; }
}
