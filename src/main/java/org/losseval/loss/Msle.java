package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Mean squared logarithmic error: the mean of {@code (log1p(target) - log1p(pred))²}.
 *
 * <p>Follows scikit-learn {@code mean_squared_log_error}. Domain: pred &gt;= 0 and target &gt;= 0.
 * scikit-learn (1.2, the version the tests are checked against) raises "Mean Squared Logarithmic Error
 * cannot be used when targets contain negative values" if any pred or target is below 0, although log1p
 * is defined down to -1; its maintainers keep the +1 only so that 0 is allowed (scikit-learn issues
 * #18477, #18587; #29678 later asked to relax it). We follow 1.2: a negative value makes the row invalid
 * ({@link #invalidPred}, {@link #invalidTarget}), which fails the run or, with --skip-invalid, skips and counts the row. -0.0
 * is not negative.
 *
 * <p>Uses {@link StrictMath#log1p} so the bits are the same on every platform and in both kernels.
 */
public record Msle() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "msle", List.of(), "mean squared logarithmic error: relative error for non-negative targets",
            "(log1p(target) - log1p(pred))^2, pred and target >= 0",
            "scikit-learn mean_squared_log_error",
            List.of(), Definitions.PRED_TARGET, params -> new Msle());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) {
        double d = StrictMath.log1p(target) - StrictMath.log1p(pred);
        return d * d;
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.squaredLogError(pred, target, out, n);
    }

    @Override
    public boolean checksRows() { return true; }

    @Override
    public String invalidPred(double pred) {
        return pred < 0 ? "negative prediction for msle" : null;
    }

    @Override
    public String invalidTarget(double target) {
        return target < 0 ? "negative target for msle" : null;
    }
}
