package org.losseval.loss;

import java.util.Map;

/**
 * {@code huber:delta=mad}: Huber loss whose delta is the median absolute deviation of the residuals,
 * {@code median(|r - median(r)|)} over all used rows, unscaled (the seed's "practical starting point").
 * The evaluator computes the {@link ResidualScale} after reading the data and calls {@link #resolve}.
 *
 * <p>Edge case, decided here: when the MAD is 0 (at least half of the rows share one residual, e.g. most
 * predictions are exact) or not finite, no delta &gt; 0 follows from the data. Substituting a tiny
 * positive delta would report a loss near zero that means nothing, so {@link #resolve} throws
 * {@link ParamResolutionException}, a data error whose one-line message tells the user to give delta as a
 * number.
 */
public record HuberAtMad() implements DeferredLoss {

    /** The word accepted instead of a number for delta. */
    public static final String WORD = "mad";

    @Override public LossDefinition definition() { return Huber.DEFINITION; }

    /** delta is NaN until resolved, as the definition's factory expects for a deferred word. */
    @Override public Map<String, Double> params() { return Definitions.params("delta", Double.NaN); }

    @Override public String deferredParam() { return "delta"; }

    /**
     * Huber with delta = {@code scale.mad()}.
     *
     * @throws ParamResolutionException when the MAD is 0, negative, NaN or infinite; the message says why, and
     *                                   the caller, which knows the spec as requested, puts it in front
     */
    @Override
    public Huber resolve(ResidualScale scale) {
        double mad = scale.mad();
        if (mad > 0 && Double.isFinite(mad)) return new Huber(mad);
        String why = mad == 0
                ? "is 0 (at least half of the rows have the same residual)"
                : "is " + mad;
        throw new ParamResolutionException("the median absolute deviation of the residuals "
                + why + ", so it cannot be used as delta; give delta as a number, e.g. huber:delta=1");
    }
}
