package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Huber loss, quadratic near zero and linear far away. With {@code r = pred - target}:
 * <pre>
 *   huber(r) = 0.5 r²                 if |r| &lt;= delta
 *              delta (|r| - 0.5 delta)  otherwise
 * </pre>
 *
 * <p>Follows PyTorch {@code torch.nn.HuberLoss(delta)} (scale included: {@code huber} with delta = 1 is
 * PyTorch's SmoothL1Loss with beta = 1, and is half of MSE for small residuals). The seed's houses with
 * delta = 15 give (50 + 50 + 3187.5) / 3 = 1095.83...
 *
 * <p>Parameter {@code delta}, default 1, domain {@code > 0}: the residual where the loss turns linear.
 * {@code delta=mad} takes the median absolute deviation of the residuals instead (see {@link HuberAtMad}).
 *
 * <p>Edge cases: at {@code |r| = delta} both branches give {@code 0.5 delta²}, so the choice of
 * {@code <=} or {@code <} (PyTorch's) does not change the value. The quadratic branch is written
 * {@code (0.5 |r|) |r|}, as PyTorch evaluates it, and the linear branch cannot overflow before |r| does,
 * so a residual of 1e150 gives delta·1e150, not infinity.
 */
public record Huber(double delta) implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "huber", List.of(), "Huber loss: squared for small errors, linear beyond delta",
            "0.5 r^2 if |r| <= delta, else delta (|r| - 0.5 delta), r = pred - target",
            "PyTorch HuberLoss",
            List.of(new ParamDefinition("delta", 1.0, "> 0", v -> v > 0, HuberAtMad.WORD,
                    "where the loss turns from quadratic to linear; 'mad' uses the median absolute deviation of the residuals")),
            Definitions.PRED_TARGET,
            params -> Double.isNaN(params.get("delta")) ? new HuberAtMad() : new Huber(params.get("delta")));

    public Huber {
        Definitions.checked(DEFINITION, "delta", delta);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("delta", delta); }

    @Override
    public double rowLoss(double pred, double target) {
        double a = Math.abs(pred - target);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.huber(pred, target, delta, out, n);
    }
}
