package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Smooth L1 loss. With {@code r = pred - target}:
 * <pre>
 *   smooth_l1(r) = 0.5 r² / beta     if |r| &lt; beta
 *                  |r| - 0.5 beta     otherwise
 * </pre>
 *
 * <p>Follows PyTorch {@code torch.nn.SmoothL1Loss(beta)}. It equals {@code huber(delta = beta) / beta}:
 * the linear part has slope 1 whatever beta is, where Huber's has slope delta.
 *
 * <p>Parameter {@code beta}, default 1, domain {@code >= 0}. Edge cases: beta = 0 gives |r| (the
 * quadratic branch is never taken, so there is no division by zero), as PyTorch does. At {@code |r| = beta}
 * both branches give {@code 0.5 beta}. The quadratic branch is {@code ((0.5 |r|) |r|) / beta}, PyTorch's
 * order of operations.
 */
public record SmoothL1(double beta) implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "smooth_l1", List.of(), "smooth L1: squared/beta below beta, absolute error above",
            "0.5 r^2 / beta if |r| < beta, else |r| - 0.5 beta, r = pred - target",
            "PyTorch SmoothL1Loss",
            List.of(new ParamDefinition("beta", 1.0, ">= 0", v -> v >= 0, null,
                    "below this absolute error the loss is quadratic; 0 gives the absolute error")),
            Definitions.PRED_TARGET, params -> new SmoothL1(params.get("beta")));

    public SmoothL1 {
        Definitions.checked(DEFINITION, "beta", beta);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("beta", beta); }

    @Override
    public double rowLoss(double pred, double target) {
        double a = Math.abs(pred - target);
        return a < beta ? 0.5 * a * a / beta : a - 0.5 * beta;
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.smoothL1(pred, target, beta, out, n);
    }
}
