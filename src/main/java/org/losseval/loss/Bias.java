package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Bias (mean error): the (weighted) mean of {@code pred - target}.
 *
 * <p>The sign is the seed's "error": positive when the predictions are too high on average, negative when
 * too low. It is not a loss to minimise but a figure to read beside one: an MSE that is mostly bias says
 * the model is off by a constant. Weighted as scikit-learn weighs its means (Σ w·r / Σ w); scikit-learn has
 * no such metric, so the reference is the plain mean, computed by hand in
 * {@code src/test/resources/reference/figures/make_figures.py}. The seed's houses (errors 10, -10, 220)
 * give 220 / 3 = 73.33...
 *
 * <p>Domain: any finite pred and target. The row values are signed, so the contribution shares of bias are
 * undefined (NaN), as they are for any loss with negative row values.
 */
public record Bias() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "bias", List.of("mean_error"), "mean error, pred - target: positive when predictions are too high",
            "pred - target", "mean of pred - target (the seed's sign); no library reference",
            List.of(), Definitions.PRED_TARGET, params -> new Bias());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) { return pred - target; }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.residual(pred, target, out, n);
    }

    /** For ranking groups: a signed mean error: the largest in absolute value is the worst. */
    @Override
    public double badness(double value) { return Math.abs(value); }
}
