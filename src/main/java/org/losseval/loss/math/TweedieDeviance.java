package org.losseval.loss.math;

/**
 * The unit deviance of the Tweedie family, and its domain, as scikit-learn 1.2's
 * {@code _mean_tweedie_deviance} and {@code mean_tweedie_deviance} define them (y the target, μ the
 * prediction, p the power):
 * <pre>
 *   p = 0:      (y - μ)²
 *   p = 1:      2 (y log(y / μ) - y + μ)          Poisson, y log(y/μ) = 0 at y = 0 (xlogy)
 *   p = 2:      2 (log(μ / y) + y / μ - 1)          Gamma
 *   otherwise:  2 (max(y, 0)^(2-p) / ((1-p)(2-p)) - y μ^(1-p) / (1-p) + μ^(2-p) / (2-p))
 * </pre>
 * (scikit-learn takes max(y, 0) only for p &lt; 0; for p &gt; 1, y &ge; 0 anyway.)
 *
 * <p>Domains, scikit-learn's: p &lt; 0 needs μ &gt; 0; p = 0 any values; 1 &le; p &lt; 2 needs y &ge; 0 and
 * μ &gt; 0; p &ge; 2 needs y &gt; 0 and μ &gt; 0; 0 &lt; p &lt; 1 is no distribution (the parameter's domain
 * refuses it). A value outside is invalid input, not a NaN in the mean.
 *
 * <p>{@link StrictMath} for log and pow, so the bits are the same on every platform.
 */
public final class TweedieDeviance {
    private TweedieDeviance() {}

    /** The unit deviance d(y, μ) for power p. */
    public static double unit(double target, double pred, double power) {
        double y = target;
        double mu = pred;
        if (power == 0) {
            double r = y - mu;
            return r * r;
        }
        if (power == 1) return 2 * (xlogy(y, y / mu) - y + mu);
        if (power == 2) return 2 * (StrictMath.log(mu / y) + y / mu - 1);
        double yPart = StrictMath.pow(Math.max(y, 0), 2 - power) / ((1 - power) * (2 - power));
        return 2 * (yPart - y * StrictMath.pow(mu, 1 - power) / (1 - power) + StrictMath.pow(mu, 2 - power) / (2 - power));
    }

    /** Why a prediction is outside the domain of power p, or null. */
    public static String invalidPred(double pred, double power, String name) {
        return power != 0 && !(pred > 0) ? "prediction not > 0 for " + name : null;
    }

    /** Why a target is outside the domain of power p, or null. */
    public static String invalidTarget(double target, double power, String name) {
        if (power >= 2) return target > 0 ? null : "target not > 0 for " + name;
        if (power >= 1) return target >= 0 ? null : "negative target for " + name;
        return null;
    }

    /** scipy.special.xlogy: 0 when x is 0, else x log(y). */
    private static double xlogy(double x, double y) {
        return x == 0 ? 0.0 : x * StrictMath.log(y);
    }
}
