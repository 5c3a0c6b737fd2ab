package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Log-cosh loss: {@code log(cosh(r))}, {@code r = pred - target}; about r²/2 for small residuals and
 * |r| - log 2 for large ones, smooth everywhere.
 *
 * <p>Convention: neither PyTorch nor scikit-learn has it; this is the common definition (e.g. Keras
 * {@code LogCosh}, per row). cosh itself overflows for |r| &gt; 710, so with {@code a = |r|}:
 * <pre>
 *   a &gt;= 1:  a + log1p(exp(-2a)) - log 2           (exact identity; cannot overflow)
 *   a &lt;  1:  log1p(m² / (2 (1 + m))), m = expm1(a)  (cosh a - 1 = m² / (2 e^a))
 * </pre>
 * The first form alone would cancel for small a (|r| + log1p(..) is close to log 2, leaving an absolute
 * error of about 1e-16 on a true value of r²/2); the second keeps full relative precision there. exp and
 * log come from {@link StrictMath} so the bits are the same on every platform and in both kernels, which
 * use the same two forms and threshold.
 *
 * <p>Domain: any finite pred and target. Edge cases: exactly 0 at r = 0; a residual of 1e150 gives
 * 1e150 - log 2 = 1e150; never negative.
 */
public record LogCosh() implements RegressionLoss {

    /** Below this |r| the expm1 form is used; above it the exp(-2a) form is accurate. */
    private static final double SMALL = 1.0;

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
        if (a < SMALL) {
            double m = StrictMath.expm1(a);
            return StrictMath.log1p(m * m / (2.0 * (1.0 + m)));
        }
        return a + StrictMath.log1p(StrictMath.exp(-2.0 * a)) - LN2;
    }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.logCosh(pred, target, out, n);
    }
}
