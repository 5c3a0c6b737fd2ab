package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Explained variance, scikit-learn 1.2 {@code explained_variance_score(sample_weight, force_finite=True)}:
 * <pre>
 *   1 - Var_w(y - p) / Var_w(y)      (weighted variances about the weighted means)
 * </pre>
 * It is r2 with the residuals' mean taken out, so it is blind to bias: predictions all off by a constant
 * score 1. Not Spark's {@code RegressionMetrics.explainedVariance}, which is Σ (p - ȳ)² / n, the variance
 * of the predictions about the target mean, in the target's squared units and not a score at all.
 *
 * <p>Edge cases, scikit-learn's: a constant target gives 1 when the residuals are constant (their variance
 * 0) and 0 otherwise; one row gives 1 (both variances are 0; scikit-learn has no two-row rule here, unlike
 * r2). Both variances come from exact sums ({@link Moments}).
 *
 * <p>The row loss is the squared error (the contribution figures rank rows by it, a stand-in for the
 * squared deviation from the mean residual, which is not known until the end).
 */
public record ExplainedVariance() implements MomentLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "explained_variance", List.of(), "explained variance: 1 - Var(y - pred) / Var(y), blind to bias",
            "1 - var_w(y - pred) / var_w(y); constant y: 1 if the residuals are constant, else 0",
            "scikit-learn explained_variance_score (not Spark's sum((pred - mean(y))^2) / n)",
            List.of(), Definitions.PRED_TARGET, params -> new ExplainedVariance());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double value(Moments m) {
        return MomentLosses.oneMinusRatio(m.residualSpread(), m.targetSpread());
    }

    @Override
    public double rowLoss(double pred, double target) {
        double r = pred - target;
        return r * r;
    }

    /** Mse's squared errors, from the same kernel. */
    @Override
    public RegressionLoss rowLossesOf() { return new Mse(); }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.squaredError(pred, target, out, n);
    }

    /** A score: 1 is a perfect fit; the lowest value is the worst (so also for ranking groups). */
    @Override
    public boolean higherIsBetter() { return true; }
}
