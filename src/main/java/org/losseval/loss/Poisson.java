package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.math.TweedieDeviance;

/**
 * Mean Poisson deviance: scikit-learn 1.2 {@code mean_poisson_deviance}, which is {@code mean_tweedie_deviance}
 * with power 1 ({@link TweedieDeviance} has the formula and the domains). For counts and rates: the
 * deviance a Poisson regression minimises; targets &gt;= 0, predictions &gt; 0.
 *
 * <p>A value outside the domain is invalid input, as in scikit-learn (which raises a ValueError): it fails
 * the run, or with --skip-invalid is skipped and counted.
 */
public record Poisson() implements RegressionLoss {

    private static final double POWER = 1;

    public static final LossDefinition DEFINITION = new LossDefinition(
            "poisson", List.of(), "mean Poisson deviance: counts and rates, targets >= 0, predictions > 0",
            "2 (y log(y / pred) - y + pred), y log(y / pred) = 0 at y = 0",
            "scikit-learn mean_poisson_deviance",
            List.of(), Definitions.PRED_TARGET, params -> new Poisson());

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

    @Override public String invalidPred(double pred) { return TweedieDeviance.invalidPred(pred, POWER, "poisson"); }

    @Override public String invalidTarget(double target) { return TweedieDeviance.invalidTarget(target, POWER, "poisson"); }
}
