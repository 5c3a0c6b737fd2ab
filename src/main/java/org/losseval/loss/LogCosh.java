package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Log-cosh loss: {@code log(cosh(r))}, {@code r = pred - target}; about r²/2 for small residuals and
 * |r| - log 2 for large ones, smooth everywhere.
 *
 * <p>Convention: none of PyTorch or scikit-learn has it; this is the common definition (e.g. Keras
 * {@code LogCosh} without its mean over the last axis). Computed as
 * {@code |r| + log1p(exp(-2|r|)) - log(2)}, an identity that never overflows (cosh(r) itself overflows
 * for |r| &gt; 710), with {@link StrictMath} so the bits are the same on every platform and in both kernels.
 *
 * <p>Domain: any finite pred and target. Accuracy: relative error of a few ulps for |r| &gt;= 1e-4 or so;
 * for tiny residuals the identity cancels ({@code |r| + log1p(..)} is close to log 2), so the absolute
 * error is about one ulp of log 2 (1.1e-16) and the relative error of a single tiny row can be large. It
 * is never negative and exact (0) at r = 0. A mean over rows is unaffected unless nearly every residual is
 * below about 1e-6.
 */
public record LogCosh() implements RegressionLoss {

    private static final double LN2 = StrictMath.log(2.0);

    public static final LossDefinition DEFINITION = new LossDefinition(
            "log_cosh", List.of(), "log-cosh: like mse/2 for small errors, like mae for large ones, smooth",
            "log(cosh(pred - target))", "common definition (Keras LogCosh); not in PyTorch or scikit-learn",
            List.of(), Definitions.PRED_TARGET, params -> new LogCosh());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) {
        double a = Math.abs(pred - target);
        return a + StrictMath.log1p(StrictMath.exp(-2.0 * a)) - LN2;
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.logCosh(pred, target, out, n);
    }
}
