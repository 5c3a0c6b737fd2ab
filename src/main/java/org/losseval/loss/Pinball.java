package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Pinball (quantile) loss for quantile {@code q}. Also accepted as {@code quantile}.
 * <pre>
 *   pinball(pred, y) = q (y - pred)          if y &gt;= pred   (under-prediction)
 *                      (1 - q) (pred - y)    otherwise       (over-prediction)
 * </pre>
 *
 * <p>Follows scikit-learn {@code mean_pinball_loss(alpha=q)}: q = 0.5 gives MAE / 2 (not MAE), and a
 * tie {@code y = pred} takes the first branch (the value is 0 either way). The seed writes the tie in
 * the second branch; the value is the same. Minimizing it estimates the q-quantile of y given x; q = 0.9
 * penalizes under-prediction nine times more than over-prediction.
 *
 * <p>Parameter {@code q}, default 0.5, domain (0, 1) open: at 0 or 1 one side would cost nothing.
 * Domain of the data: any finite pred and target.
 */
public record Pinball(double q) implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "pinball", List.of("quantile"), "pinball (quantile) loss: asymmetric absolute error for quantile q",
            "q (target - pred) if target >= pred, else (1 - q) (pred - target)",
            "scikit-learn mean_pinball_loss (q = 0.5 gives mae / 2)",
            List.of(new ParamDefinition("q", 0.5, "(0, 1)", v -> v > 0 && v < 1, null,
                    "the quantile predicted; under-prediction costs q, over-prediction 1 - q per unit")),
            Definitions.PRED_TARGET, params -> new Pinball(params.get("q")));

    public Pinball {
        Definitions.checked(DEFINITION, "q", q);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("q", q); }

    @Override
    public double rowLoss(double pred, double target) {
        return target >= pred ? q * (target - pred) : (1 - q) * (pred - target);
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.pinball(pred, target, q, out, n);
    }
}
