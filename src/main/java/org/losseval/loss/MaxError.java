package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * The largest absolute error, scikit-learn 1.2 {@code max_error}: {@code max |target - pred|} over the rows.
 *
 * <p>scikit-learn's max_error takes no sample weights, so none apply: a row of weight 0 still counts (a
 * maximum has no weighted form that would not be another figure). A maximum merges exactly. The row loss
 * is the absolute error, so the worst-row figures show the row that sets it. The seed's houses give 220.
 */
public record MaxError() implements MomentLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "max_error", List.of(), "the largest absolute error of any row (unweighted)",
            "max |target - pred|", "scikit-learn max_error (no sample weights)",
            List.of(), Definitions.PRED_TARGET, params -> new MaxError());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double value(Moments m) { return m.maxAbsResidual(); }

    @Override
    public double rowLoss(double pred, double target) { return Math.abs(pred - target); }

    /** Mae's absolute errors, from the same kernel. */
    @Override
    public RegressionLoss rowLossesOf() { return new Mae(); }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.absoluteError(pred, target, out, n);
    }
}
