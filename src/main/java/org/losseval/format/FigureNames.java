package org.losseval.format;

/**
 * The names of a run's figures: what a {@code --fail-if} gate names, what the CSV figure rows and the JUnit
 * properties are called. The one place these names are spelled, so the printers and the gate lookup cannot
 * drift apart.
 *
 * <p>A loss is named by its key ({@link org.losseval.report.LossResult#key()}: the label, else the spec),
 * a quantile by its prediction column, an interval by {@code LOWER:UPPER}. Names with an argument put it
 * in brackets, as written, without trimming: the gate parser trims its argument, so a key with leading or
 * trailing spaces could not be gated anyway.
 *
 * <table>
 *   <caption>The figures</caption>
 *   <tr><th>name</th><th>figure</th></tr>
 *   <tr><td>{@code mse}</td><td>the loss value ({@link #loss})</td></tr>
 *   <tr><td>{@code clamped[mse]}</td><td>rows whose loss was clamped</td></tr>
 *   <tr><td>{@code share_top1[mse]}</td><td>the worst row's share of the loss's total</td></tr>
 *   <tr><td>{@code share_top5[mse]}</td><td>the worst K rows' share, K = --top</td></tr>
 *   <tr><td>{@code share_top1%[mse]}, {@code share_top0.5%[mse]}</td><td>the worst fraction's share;
 *       the number is the fraction in percent, from its shortest decimal, without trailing zeros</td></tr>
 *   <tr><td>{@code outlier_share[mse]}</td><td>the robust outliers' share</td></tr>
 *   <tr><td>{@code outliers}</td><td>how many rows are robust outliers</td></tr>
 *   <tr><td>{@code pinball[p90]}</td><td>the pinball loss of a quantile column</td></tr>
 *   <tr><td>{@code calibration[p90]}</td><td>the fraction of targets below it</td></tr>
 *   <tr><td>{@code coverage[p10:p90]}, {@code below[..]}, {@code above[..]}</td><td>fractions of rows
 *       inside, below and above an interval</td></tr>
 *   <tr><td>{@code width[p10:p90]}, {@code interval_score[p10:p90]}</td><td>its mean width and mean
 *       interval score</td></tr>
 *   <tr><td>{@code coverage_p_value[p10:p90]}</td><td>the binomial p-value of its coverage</td></tr>
 *   <tr><td>{@code rows_read}, {@code rows_used}, {@code rows_skipped}</td><td>row counts over all
 *       inputs</td></tr>
 * </table>
 */
public final class FigureNames {
    public static final String OUTLIERS = "outliers";
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_USED = "rows_used";
    public static final String ROWS_SKIPPED = "rows_skipped";

    private FigureNames() {}

    /** The loss value: its key itself, e.g. {@code mse} or {@code robust}. */
    public static String loss(String lossKey) {
        return lossKey;
    }

    /** {@code clamped[LOSS]}. */
    public static String clamped(String lossKey) {
        return withArgument("clamped", lossKey);
    }

    /** {@code share_top1[LOSS]}. */
    public static String shareTop1(String lossKey) {
        return shareTopK(1, lossKey);
    }

    /** {@code share_top{k}[LOSS]}, e.g. {@code share_top5[mse]}; k = 1 is {@link #shareTop1}. */
    public static String shareTopK(int k, String lossKey) {
        return withArgument("share_top" + k, lossKey);
    }

    /**
     * {@code share_top{P}%[LOSS]} with P the fraction in percent: 0.01 gives {@code share_top1%[mse]},
     * 0.005 gives {@code share_top0.5%[mse]}.
     */
    public static String shareTopFraction(double fraction, String lossKey) {
        return withArgument("share_top" + Numbers.percentNumber(fraction) + "%", lossKey);
    }

    /** {@code outlier_share[LOSS]}. */
    public static String outlierShare(String lossKey) {
        return withArgument("outlier_share", lossKey);
    }

    /** {@code pinball[COLUMN]}. */
    public static String pinball(String column) {
        return withArgument("pinball", column);
    }

    /** {@code calibration[COLUMN]}: the fraction of targets below the quantile prediction. */
    public static String calibration(String column) {
        return withArgument("calibration", column);
    }

    /** {@code coverage[LOWER:UPPER]}. */
    public static String coverage(String lower, String upper) {
        return withArgument("coverage", interval(lower, upper));
    }

    /** {@code below[LOWER:UPPER]}: the fraction of targets below the lower bound. */
    public static String below(String lower, String upper) {
        return withArgument("below", interval(lower, upper));
    }

    /** {@code above[LOWER:UPPER]}: the fraction of targets above the upper bound. */
    public static String above(String lower, String upper) {
        return withArgument("above", interval(lower, upper));
    }

    /** {@code width[LOWER:UPPER]}: the mean width. */
    public static String width(String lower, String upper) {
        return withArgument("width", interval(lower, upper));
    }

    /** {@code interval_score[LOWER:UPPER]}: the mean interval score. */
    public static String intervalScore(String lower, String upper) {
        return withArgument("interval_score", interval(lower, upper));
    }

    /** {@code coverage_p_value[LOWER:UPPER]}. */
    public static String coveragePValue(String lower, String upper) {
        return withArgument("coverage_p_value", interval(lower, upper));
    }

    /** {@code LOWER:UPPER}, the name of an interval. */
    public static String interval(String lower, String upper) {
        return lower + ":" + upper;
    }

    private static String withArgument(String name, String argument) {
        return name + "[" + argument + "]";
    }
}
