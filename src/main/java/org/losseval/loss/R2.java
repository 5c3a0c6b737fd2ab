package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * The coefficient of determination, scikit-learn 1.2 {@code r2_score(sample_weight, force_finite=True)}:
 * <pre>
 *   r2 = 1 - Σ w (y - p)² / Σ w (y - ȳ)²,   ȳ = Σ w y / Σ w
 * </pre>
 * 1 is a perfect fit, 0 is no better than predicting the (weighted) mean target, and it is negative for a
 * model worse than that. Larger is better, so a gate reads {@code --fail-if 'r2 < 0.8'}.
 *
 * <p>Edge cases, scikit-learn's: fewer than two rows give NaN (scikit-learn warns "not well-defined"
 * and returns nan). A constant target (Σ w (y - ȳ)² = 0) gives 1 when every prediction is exact and 0
 * otherwise, rather than ±inf. The denominator here is exact (see {@link Moments}), so "constant" means
 * constant: scikit-learn's float mean of ten targets of 0.1 can miss 0.1 by an ulp, leaving a tiny
 * denominator and a huge negative score where this gives 0.
 *
 * <p>The row loss is the squared error, so the contribution figures show which rows hold the residual sum
 * of squares. The seed's houses (pred 210, 340, 400; target 200, 350, 180): 1 - 48600 / 17266.67 = -1.81467.
 */
public record R2() implements MomentLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "r2", List.of("r2_score"), "coefficient of determination: 1 - SS_res / SS_tot, larger is better",
            "1 - sum(w (y - pred)^2) / sum(w (y - mean_w(y))^2); constant y: 1 if exact, else 0; < 2 rows: NaN",
            "scikit-learn r2_score",
            List.of(), Definitions.PRED_TARGET, params -> new R2());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double value(Moments m) {
        if (m.count() < 2) return Double.NaN;
        return MomentLosses.oneMinusRatio(m.squaredResiduals(), m.targetSpread());
    }

    /** The squared error: the row's part of the numerator. */
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
