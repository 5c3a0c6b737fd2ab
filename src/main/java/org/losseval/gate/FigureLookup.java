package org.losseval.gate;

import java.util.OptionalDouble;

/**
 * Where gates find the figures they judge, by the figure text of {@link GateExpression} (e.g. {@code mse},
 * {@code coverage[p10:p90]}, {@code share_top1[huber:delta=15]}). Implemented by whoever knows the run's
 * figures (the report); {@link #knows} lets the caller reject an unknown figure as a usage error before any
 * data is read.
 */
public interface FigureLookup {

    /** True when the run will compute this figure (its value may still turn out NaN). */
    boolean knows(String figure);

    /** The figure's unrounded value, or empty when it was not computed. */
    OptionalDouble find(String figure);
}
