package org.losseval.report;

/**
 * What the interval of Δ = candidate - baseline says, at the run's confidence: the candidate is
 * {@link #BETTER} when the whole interval lies on the better side of 0 (below it for a loss, above it for
 * a figure where larger is better, r2 and explained_variance), {@link #WORSE} when it lies on the other
 * side, else there is {@link #NO_SIGNIFICANT_DIFFERENCE}; {@link #UNDETERMINED} without an interval.
 */
public enum Verdict {
    BETTER("better"), WORSE("worse"), NO_SIGNIFICANT_DIFFERENCE("no_significant_difference"), UNDETERMINED("undetermined");

    private final String wireName;

    Verdict(String wireName) { this.wireName = wireName; }

    /** The name in JSON and CSV: better, worse, no_significant_difference, undetermined. */
    public String wireName() { return wireName; }

    public static Verdict of(ConfidenceInterval delta, boolean higherIsBetter) {
        double low = delta.low();
        double high = delta.high();
        if (Double.isNaN(low) || Double.isNaN(high)) return UNDETERMINED;
        if (high < 0) return higherIsBetter ? WORSE : BETTER;
        if (low > 0) return higherIsBetter ? BETTER : WORSE;
        return NO_SIGNIFICANT_DIFFERENCE;
    }

    /**
     * Non-inferiority at {@code margin} (in the figure's units): the interval's worse end stays within the
     * margin, high &lt; margin for a loss, low &gt; -margin where larger is better. Null without a margin;
     * false without an interval.
     */
    public static Boolean nonInferior(ConfidenceInterval delta, boolean higherIsBetter, Double margin) {
        if (margin == null) return null;
        return higherIsBetter ? delta.low() > -margin : delta.high() < margin;
    }
}
