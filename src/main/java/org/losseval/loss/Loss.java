package org.losseval.loss;

import java.util.Map;

/**
 * A loss with all of its parameters given. Implementations are immutable and thread-safe.
 *
 * <p>The per-row formula of each loss lives in its class as a plain scalar method: the readable
 * reference that the kernels are tested against.
 */
public interface Loss {

    /** The registry entry this loss was made from (name, parameter definitions, roles, documentation). */
    LossDefinition definition();

    /** The canonical name, e.g. "huber" (never an alias). */
    default String name() { return definition().name(); }

    /**
     * Every parameter with its value, defaults included, in the definition's order. A list parameter that was
     * given appears as indexed entries in its place ({@code weight[0], weight[1], ...}, see
     * {@link ParamDefinition#key}); one that was not given (its default, "none") has no entry.
     */
    Map<String, Double> params();

    /** The normalized spec: name, then every parameter that differs from its default, e.g. "huber:delta=15". */
    default String spec() { return LossSpecs.normalize(definition(), params()); }

    /**
     * Whether {@code other} is the same loss with the same parameters (its name and every parameter's value): the
     * one test of that. Not a record's {@code equals}: the first call of one builds its method handles
     * ({@code java.lang.runtime.ObjectMethods}), about 80 classes and 15 ms at the start of every run on JDK 17.
     */
    default boolean sameLossAs(Loss other) { return name().equals(other.name()) && params().equals(other.params()); }

    /**
     * Whether a larger value is better (r2, explained_variance: scores rather than losses). A comparison with
     * a baseline reads it to say "better" or "worse", and {@link #badness} to rank groups.
     */
    default boolean higherIsBetter() { return false; }

    /**
     * How bad a value of this loss is, for ranking groups worst first: the value itself for a loss where
     * smaller is better, minus the value where {@link #higherIsBetter() larger is better} (r2, explained
     * variance); overridden for a signed figure (bias: its absolute value). NaN sorts as unranked.
     */
    default double badness(double value) { return higherIsBetter() ? -value : value; }
}
