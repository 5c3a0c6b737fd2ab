package org.losseval.loss;

import org.losseval.kernel.RegressionKernels;

/**
 * A loss of one prediction against one target per row, reduced by a (weighted) mean.
 */
public interface RegressionLoss extends RowLoss {

    /** The loss of one row: the scalar reference formula. */
    double rowLoss(double pred, double target);

    /**
     * The loss of every row of a batch, written to {@code out[0..n)}, computed with the given kernels.
     * Must agree with {@link #rowLoss} bit for bit.
     */
    void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n);

    /**
     * The loss whose row losses this one's are, bit for bit, on any rows: itself, unless the two differ only in
     * {@link #finish} (rmse's row losses are mse's squared errors). Two losses with equal answers need one sum of
     * their row losses between them ({@code LossState.sameSums}): a run of mse and rmse adds each squared error
     * once, not twice.
     */
    default RegressionLoss rowLossesOf() { return this; }

    /**
     * Why a finite prediction cannot be evaluated by this loss (for example a negative value for msle), or
     * null when it can. The text is used in messages and as the skip reason, e.g. "negative value for msle".
     */
    default String invalidPred(double pred) { return null; }

    /** Why a finite target cannot be evaluated by this loss, or null when it can; as {@link #invalidPred}. */
    default String invalidTarget(double target) { return null; }

    @Override
    default int rowLosses(LossInputs inputs, double[] out, int n) {
        rowLosses(inputs.kernels(), inputs.column(Role.PRED), inputs.column(Role.TARGET), out, n);
        return 0;
    }

    /** False unless the loss overrides {@link #invalidPred} or {@link #invalidTarget} (then it must say true). */
    @Override
    default boolean checksRows() { return false; }

    @Override
    default RowProblem check(LossInputs inputs, int i) {
        String reason = invalidPred(inputs.column(Role.PRED)[i]);
        if (reason != null) return new RowProblem(Role.PRED, 0, reason);
        reason = invalidTarget(inputs.column(Role.TARGET)[i]);
        return reason == null ? null : new RowProblem(Role.TARGET, 0, reason);
    }
}
