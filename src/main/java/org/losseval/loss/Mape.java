package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Mean absolute percentage error, as a fraction: the mean of {@code |target - pred| / max(|target|, eps)}
 * with {@code eps = 2.220446049250313e-16} (the double machine epsilon).
 *
 * <p>Follows scikit-learn {@code mean_absolute_percentage_error}: the result is a fraction (0.25 means
 * 25%), never multiplied by 100, and the denominator is floored at eps instead of rejecting a zero
 * target. So a zero target with a nonzero prediction gives a huge but finite row loss (|pred| · 4.5e15)
 * that dominates the mean: that is scikit-learn's documented behaviour, and it tells the user that MAPE
 * does not suit targets at or near zero. A zero target with a zero prediction gives 0.
 *
 * <p>Domain: any finite pred and target (a negative target uses |target|).
 */
public record Mape() implements RegressionLoss {

    /** numpy.finfo(float64).eps, scikit-learn's floor for the denominator. */
    public static final double EPSILON = 2.220446049250313e-16;

    public static final LossDefinition DEFINITION = new LossDefinition(
            "mape", List.of(), "mean absolute percentage error, as a fraction (0.1 = 10%)",
            "|target - pred| / max(|target|, 2.220446049250313e-16)",
            "scikit-learn mean_absolute_percentage_error",
            List.of(), Definitions.PRED_TARGET, params -> new Mape());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) {
        return Math.abs(target - pred) / Math.max(Math.abs(target), EPSILON);
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.absolutePercentageError(pred, target, out, n);
    }
}
