package org.losseval.report;

/**
 * A figure known to lie in {@code [low, high]}. Exact figures have {@code low == high}; figures computed
 * from a bounded summary (beyond the exact-memory budget) are brackets that contain the exact value, up
 * to the rounding of the bracket's own arithmetic (a few ulps). NaN in both ends means "undefined".
 */
public record Range(double low, double high) {

    /** An exact figure. */
    public static Range of(double value) { return new Range(value, value); }

    /** True when the figure is known exactly (or is undefined in both ends). */
    public boolean exact() {
        return Double.compare(low, high) == 0;
    }

    /** The midpoint, the single value to show or gate on when the figure is a bracket. */
    public double mid() {
        return exact() ? low : low / 2 + high / 2;
    }

    /** Both ends divided by {@code d} (d &gt; 0), e.g. a bracketed sum turned into a share. */
    public Range dividedBy(double d) {
        return new Range(low / d, high / d);
    }
}
