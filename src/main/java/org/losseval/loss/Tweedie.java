package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.math.TweedieDeviance;

/**
 * Mean Tweedie deviance with power p: scikit-learn 1.2 {@code mean_tweedie_deviance(power=p)}, the formula
 * and the domains in {@link TweedieDeviance}. p = 0 is the squared error, p = 1 {@link Poisson}, p = 2
 * {@link Gamma}; 1 &lt; p &lt; 2 (compound Poisson-Gamma) suits non-negative targets with exact zeros, such
 * as insurance claims.
 *
 * <p>Parameter {@code power}, default 0 (scikit-learn's), domain {@code <= 0 or >= 1}. A target or
 * prediction outside the power's domain is invalid input (scikit-learn raises a ValueError): it fails the
 * run, or with --skip-invalid is skipped and counted.
 */
public record Tweedie(double power) implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "tweedie", List.of(), "mean Tweedie deviance: 0 squared error, 1 Poisson, 2 Gamma, (1, 2) compound",
            "2 (max(y,0)^(2-p) / ((1-p)(2-p)) - y pred^(1-p) / (1-p) + pred^(2-p) / (2-p)); p = 0, 1, 2 as "
                    + "squared error, poisson, gamma",
            "scikit-learn mean_tweedie_deviance",
            List.of(ParamDefinition.number("power", 0.0, "<= 0 or >= 1", v -> v <= 0 || v >= 1,
                    "the Tweedie power; targets must be >= 0 for 1 <= p < 2 and > 0 for p >= 2, predictions > 0 for p != 0")),
            Definitions.PRED_TARGET, params -> new Tweedie(params.get("power")));

    public Tweedie {
        Definitions.checked(DEFINITION, "power", power);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("power", power); }

    @Override
    public double rowLoss(double pred, double target) { return TweedieDeviance.unit(target, pred, power); }

    /** A plain loop: pow and log are StrictMath's in both kernels anyway, so there is nothing to vectorize. */
    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = rowLoss(pred[i], target[i]);
    }

    @Override public boolean checksRows() { return true; }

    @Override public String invalidPred(double pred) { return TweedieDeviance.invalidPred(pred, power, "tweedie"); }

    @Override public String invalidTarget(double target) { return TweedieDeviance.invalidTarget(target, power, "tweedie"); }
}
