package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Symmetric mean absolute percentage error, as a fraction in [0, 2]: the mean of
 * {@code 2 |pred - target| / (|target| + |pred|)}, with 0 for a row where both are 0.
 *
 * <p>Sources disagree on the denominator: this is Makridakis' (1993) form used by the M3/M4 competitions
 * ({@code (|y| + |p|) / 2}), not the {@code |y| + |p|} of some libraries (half of ours, range [0, 1]) nor
 * the {@code (y + p) / 2} without absolute values of the original 1985 definition (which can be negative).
 * As {@link Mape}, the result is a fraction, never multiplied by 100. A row where pred and target are both
 * 0 is a perfect prediction: it counts 0 rather than 0/0 (statsforecast and darts do the same). No library
 * of the references has it, so the fixture is computed by hand in
 * {@code src/test/resources/reference/figures/make_figures.py}.
 *
 * <p>Domain: any finite pred and target. The row value is computed as {@code (2 |r|) / (|y| + |p|)}: each
 * operation is correctly rounded; {@code |y| + |p|} overflows to infinity only above 8.9e307, giving 0.
 */
public record Smape() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "smape", List.of(), "symmetric MAPE, as a fraction in [0, 2]: error relative to |target| + |pred| halved",
            "2 |pred - target| / (|target| + |pred|), 0 when both are 0",
            "Makridakis (1993), M4 competition; a fraction, not a percentage",
            List.of(), Definitions.PRED_TARGET, params -> new Smape());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) {
        double denominator = Math.abs(target) + Math.abs(pred);
        return denominator == 0 ? 0.0 : 2 * Math.abs(pred - target) / denominator;
    }

    /** A plain loop: a division per row is far below parsing, and one formula keeps the kernels' bits. */
    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = rowLoss(pred[i], target[i]);
    }
}
