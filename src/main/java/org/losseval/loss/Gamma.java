package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.math.TweedieDeviance;

/**
 * Mean Gamma deviance: scikit-learn 1.2 {@code mean_gamma_deviance}, which is {@code mean_tweedie_deviance}
 * with power 2 ({@link TweedieDeviance} has the formula and the domains). For positive amounts whose spread grows with
 * their size: the deviance is scale-free (multiplying targets and predictions by c leaves it unchanged);
 * targets and predictions &gt; 0.
 *
 * <p>A value outside the domain is invalid input, as in scikit-learn (which raises a ValueError): it fails
 * the run, or with --skip-invalid is skipped and counted.
 */
public record Gamma() implements RegressionLoss {

    private static final double POWER = 2;

    public static final LossDefinition DEFINITION = new LossDefinition(
            "gamma", List.of(), "mean Gamma deviance: positive targets, errors relative to their size",
            "2 (log(pred / y) + y / pred - 1)",
            "scikit-learn mean_gamma_deviance",
            List.of(), Definitions.PRED_TARGET, params -> new Gamma());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) { return TweedieDeviance.unit(target, pred, POWER); }

    /** A plain loop: log is StrictMath's in both kernels anyway, so there is nothing to vectorize. */
    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = rowLoss(pred[i], target[i]);
    }

    @Override public boolean checksRows() { return true; }

    @Override public String invalidPred(double pred) { return TweedieDeviance.invalidPred(pred, POWER, "gamma"); }

    @Override public String invalidTarget(double target) { return TweedieDeviance.invalidTarget(target, POWER, "gamma"); }
}
