package org.losseval.report;

/**
 * What the interval of Δ = candidate - baseline says, at the run's confidence: the candidate is
 * {@link #BETTER} when the whole interval lies on the better side of 0 (below it for a loss, above it for
 * a figure where larger is better, r2 and explained_variance), {@link #WORSE} when it lies on the other
 * side, else there is {@link #NO_SIGNIFICANT_DIFFERENCE}; {@link #UNDETERMINED} without an interval.
 *
 * <p>A coverage or a calibration has no better side of 0: what matters is how far it lies from its nominal ν
 * (the interval's nominal coverage, the quantile's level). {@link #ofNominal} says {@link #CLOSER} or
 * {@link #FARTHER} (from ν) when the interval of Δ excludes 0 and both values lie on the same side of ν: then
 * |candidate - ν| - |baseline - ν| = s·Δ with s = +1 above ν and -1 below, so the interval of Δ (times s) is the
 * interval of the change in distance, and excluding 0 decides it. When the two lie on opposite sides of ν the
 * change in distance is no linear function of Δ and the interval of Δ cannot decide it: {@link #UNDETERMINED}.
 *
 * <p>A loss share (share_top1[mse], ...) has no better side either: a larger share says the loss is held by
 * fewer rows, which is neither good nor bad in itself. {@link #ofShare} says {@link #MORE_CONCENTRATED} when the
 * interval lies above 0 and {@link #LESS_CONCENTRATED} when it lies below.
 */
public enum Verdict {
    BETTER("better"), WORSE("worse"), NO_SIGNIFICANT_DIFFERENCE("no_significant_difference"), UNDETERMINED("undetermined"),
    CLOSER("closer_to_nominal"), FARTHER("farther_from_nominal"),
    MORE_CONCENTRATED("more_concentrated"), LESS_CONCENTRATED("less_concentrated");

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
     * The verdict on a coverage or calibration (see the class comment): {@link #CLOSER} or {@link #FARTHER} from
     * {@code nominal}, {@link #NO_SIGNIFICANT_DIFFERENCE} when the interval of Δ holds 0, {@link #UNDETERMINED}
     * without an interval or when the two values lie on opposite sides of the nominal.
     */
    public static Verdict ofNominal(ConfidenceInterval delta, double baseline, double candidate, double nominal) {
        double low = delta.low();
        double high = delta.high();
        if (Double.isNaN(low) || Double.isNaN(high)) return UNDETERMINED;
        if (low <= 0 && 0 <= high) return NO_SIGNIFICANT_DIFFERENCE;
        double b = baseline - nominal;
        double c = candidate - nominal;
        if (b * c < 0) return UNDETERMINED;
        // s: the side both lie on (a value on the nominal takes the other's side)
        double side = Math.signum(b + c);
        if (side == 0) return UNDETERMINED;
        boolean deltaNegative = high < 0;
        return (side > 0) == deltaNegative ? CLOSER : FARTHER;
    }

    /**
     * The verdict on a loss share (see the class comment): {@link #MORE_CONCENTRATED} when the interval of Δ
     * lies above 0, {@link #LESS_CONCENTRATED} below it, {@link #NO_SIGNIFICANT_DIFFERENCE} when it holds 0,
     * {@link #UNDETERMINED} without an interval.
     */
    public static Verdict ofShare(ConfidenceInterval delta) {
        double low = delta.low();
        double high = delta.high();
        if (Double.isNaN(low) || Double.isNaN(high)) return UNDETERMINED;
        if (low > 0) return MORE_CONCENTRATED;
        if (high < 0) return LESS_CONCENTRATED;
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
