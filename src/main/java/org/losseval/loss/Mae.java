package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Mean absolute error: the mean of {@code |pred - target|}. Also accepted as {@code l1}.
 *
 * <p>Follows PyTorch {@code torch.nn.L1Loss} and scikit-learn {@code mean_absolute_error} (they agree).
 * It estimates the conditional median and assumes Laplace noise; every unit of error counts the same, so
 * the seed's houses give (10 + 10 + 220) / 3 = 80.
 *
 * <p>Domain: any finite pred and target. Edge cases: a residual beyond ±1.8e308 (finite inputs of
 * opposite sign near the limit) overflows to infinity.
 */
public record Mae() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "mae", List.of("l1"), "mean absolute error: every unit of error counts the same",
            "|pred - target|", "PyTorch L1Loss, scikit-learn mean_absolute_error",
            List.of(), Definitions.PRED_TARGET, params -> new Mae());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) { return Math.abs(pred - target); }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.absoluteError(pred, target, out, n);
    }
}
