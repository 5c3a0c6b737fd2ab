package org.losseval.report;

import java.util.List;
import org.losseval.text.Numbers;

/**
 * The names of the figures of a report: what {@code --fail-if} gates name, and what the CSV output's
 * figure rows are called. One place builds them, so the two cannot drift apart.
 *
 * <pre>
 *   LOSS                       a loss's value, by its label or normalized spec: mse, huber:delta=15, robust
 *   clamped[LOSS]              rows whose loss was clamped
 *   share_top1[LOSS]           share of the total loss held by the worst row
 *   share_topK[LOSS]           ... by the worst K rows (K = --top, e.g. share_top5[mse])
 *   share_topP%[LOSS]          ... by the worst P percent of rows (--top-fraction, e.g. share_top1%[mse])
 *   outlier_share[LOSS]        ... by the robust outliers
 *   outliers                   how many rows are robust outliers
 *   pinball[COL]               the pinball loss of a --quantile column at its level
 *   calibration[COL]           the fraction of targets below a --quantile column
 *   crps                       2 × the mean pinball loss over the --quantile levels (two or more columns)
 *   quantile_crossings         rows whose quantile predictions cross; quantile_crossing_share their share
 *   coverage[L:U], below[L:U], above[L:U], width[L:U], interval_score[L:U], coverage_p_value[L:U]
 *   worst_group[LOSS]          the loss of the worst ranked --group-by group
 *   group[LOSS@C=V,...]        the loss of one group, its columns in --group-by order: group[mse@region=eu],
 *                              group[mse@region=eu,device=ios] (a missing value is empty: group[mse@region=])
 *   with --group-by and a baseline, per loss (mean-type losses have an interval of delta per group, the others NaN):
 *   group_delta[LOSS@C=V,...]  candidate - baseline on one group's rows: group_delta[mse@region=eu]
 *   group_delta_ci_low[LOSS@C=V,...], group_delta_ci_high[LOSS@C=V,...]   the ends of its interval
 *   worst_group_delta[LOSS]    delta of the ranked group whose delta is worst (largest; smallest for r2)
 *   rows_read, rows_used, rows_skipped
 *   with a baseline (--baseline-pred ...), per compared figure F (a loss key, pinball[COL], interval_score[L:U],
 *   calibration[COL], coverage[L:U], and with contribution figures share_top1[LOSS], share_topK[LOSS],
 *   share_topP%[LOSS]: e.g. delta[coverage[p10:p90]], delta_ci_low[calibration[p90]], delta[share_top1[mse]]):
 *   baseline[F]                the baseline's value
 *   delta[F], delta_rel[F]     candidate - baseline, and that over |baseline|
 *   delta_ci_low[F], delta_ci_high[F], delta_p[F]   the interval of delta at --confidence, its p-value
 *   win_rate[F]                the share of rows where the candidate's row loss is lower
 *   baseline_rows_read, baseline_rows_paired, baseline_rows_unpaired   with --baseline FILE
 * </pre>
 */
public final class FigureNames {
    private FigureNames() {}

    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_USED = "rows_used";
    public static final String ROWS_SKIPPED = "rows_skipped";
    public static final String BASELINE_ROWS_READ = "baseline_rows_read";
    public static final String BASELINE_ROWS_PAIRED = "baseline_rows_paired";
    public static final String BASELINE_ROWS_UNPAIRED = "baseline_rows_unpaired";
    public static final String OUTLIERS = "outliers";
    public static final String CRPS = "crps";
    public static final String QUANTILE_CROSSINGS = "quantile_crossings";
    public static final String QUANTILE_CROSSING_SHARE = "quantile_crossing_share";

    /** How figures and reports name a loss: its label ({@code -l robust=huber:delta=2}), or else its spec. */
    public static String lossKey(String label, String spec) { return label != null ? label : spec; }

    public static String loss(String key) { return key; }

    public static String clamped(String loss) { return "clamped[" + loss + "]"; }

    public static String shareTop1(String loss) { return "share_top1[" + loss + "]"; }

    public static String shareTopK(int k, String loss) { return "share_top" + k + "[" + loss + "]"; }

    /** share_top1%[mse] for fraction 0.01. */
    public static String shareTopFraction(double fraction, String loss) {
        String percent = Numbers.percentNumber(fraction);
        return "share_top" + percent + "%[" + loss + "]";
    }

    /**
     * Whether a figure name is a loss share of a comparison: share_top1[LOSS], share_topK[LOSS] or
     * share_topP%[LOSS] ({@link #shareTop1}, {@link #shareTopK}, {@link #shareTopFraction}).
     */
    public static boolean isShare(String figure) {
        return SHARE.matcher(figure).matches();
    }

    private static final java.util.regex.Pattern SHARE = java.util.regex.Pattern.compile("share_top[0-9.e+-]+%?\\[.*\\]");

    public static String outlierShare(String loss) { return "outlier_share[" + loss + "]"; }

    public static String pinball(String column) { return "pinball[" + column + "]"; }

    public static String calibration(String column) { return "calibration[" + column + "]"; }

    public static String coverage(String interval) { return "coverage[" + interval + "]"; }

    public static String below(String interval) { return "below[" + interval + "]"; }

    public static String above(String interval) { return "above[" + interval + "]"; }

    public static String width(String interval) { return "width[" + interval + "]"; }

    public static String intervalScore(String interval) { return "interval_score[" + interval + "]"; }

    public static String worstGroup(String loss) { return "worst_group[" + loss + "]"; }

    /** group[mse@region=eu,device=ios]: one group's loss. */
    public static String group(String loss, List<String> columns, List<String> values) {
        return groupFigure(GROUP, loss, columns, values);
    }

    /** The kinds of one group's figures, each a prefix before '[': the loss, and with a baseline its delta. */
    public static final String GROUP = "group";
    public static final String GROUP_DELTA = "group_delta";
    public static final String GROUP_DELTA_LOW = "group_delta_ci_low";
    public static final String GROUP_DELTA_HIGH = "group_delta_ci_high";
    public static final List<String> GROUP_KINDS = List.of(GROUP, GROUP_DELTA, GROUP_DELTA_LOW, GROUP_DELTA_HIGH);

    /** KIND[LOSS@C=V,...]: one group's figure of a kind of {@link #GROUP_KINDS}. */
    public static String groupFigure(String kind, String loss, List<String> columns, List<String> values) {
        if (!GROUP_KINDS.contains(kind)) throw new IllegalArgumentException("no group figure " + kind);
        return kind + "[" + loss + "@" + groupLabel(columns, values) + "]";
    }

    /** worst_group_delta[mse]: delta of the ranked group whose delta is worst. */
    public static String worstGroupDelta(String loss) { return "worst_group_delta[" + loss + "]"; }

    /** region=eu,device=ios: how reports and figure names write a group. */
    public static String groupLabel(List<String> columns, List<String> values) {
        if (columns.size() != values.size()) throw new IllegalArgumentException("one value per group column");
        StringBuilder label = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            label.append(c == 0 ? "" : ",").append(columns.get(c)).append('=').append(values.get(c));
        }
        return label.toString();
    }

    public static String coveragePValue(String interval) { return "coverage_p_value[" + interval + "]"; }

    public static String baseline(String figure) { return "baseline[" + figure + "]"; }

    public static String delta(String figure) { return "delta[" + figure + "]"; }

    public static String deltaRelative(String figure) { return "delta_rel[" + figure + "]"; }

    public static String deltaLow(String figure) { return "delta_ci_low[" + figure + "]"; }

    public static String deltaHigh(String figure) { return "delta_ci_high[" + figure + "]"; }

    public static String deltaP(String figure) { return "delta_p[" + figure + "]"; }

    public static String winRate(String figure) { return "win_rate[" + figure + "]"; }

    /** The comparison's figures of a compared figure, in the order {@link ReportFigures} lists them. */
    public static java.util.List<String> comparison(String figure) {
        return java.util.List.of(baseline(figure), delta(figure), deltaRelative(figure), deltaLow(figure),
                deltaHigh(figure), deltaP(figure), winRate(figure));
    }
}
