package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Root mean squared error: {@code sqrt( Σ w (pred - target)² / Σ w )}.
 *
 * <p>Follows scikit-learn {@code mean_squared_error(squared=False)} (1.2; {@code root_mean_squared_error}
 * in later versions): the square root is taken once, of the (weighted) mean, so the per-row value is the
 * squared error and {@link #finish} takes the root. It is in the units of the target. The seed's houses
 * give sqrt(16200) = 127.279...
 *
 * <p>Domain: any finite pred and target. Edge cases: as {@link Mse}; an infinite mean gives infinity.
 */
public record Rmse() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "rmse", List.of(), "root mean squared error: mse in the units of the target",
            "sqrt(mean((pred - target)^2))", "scikit-learn mean_squared_error(squared=False)",
            List.of(), Definitions.PRED_TARGET, params -> new Rmse());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    /** The squared error; the root is taken of the mean, in {@link #finish}. */
    @Override
    public double rowLoss(double pred, double target) {
        double r = pred - target;
        return r * r;
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.squaredError(pred, target, out, n);
    }

    /** Mse: the same squared errors, from the same kernel; only {@link #finish} differs. */
    @Override
    public RegressionLoss rowLossesOf() { return new Mse(); }

    @Override
    public double finish(double meanRowLoss) { return Math.sqrt(meanRowLoss); }

    @Override
    public boolean transformsMean() { return true; }
}
