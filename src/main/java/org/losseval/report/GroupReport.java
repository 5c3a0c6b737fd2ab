package org.losseval.report;

import java.util.List;

/**
 * The figures of each {@code --group-by} group (the combinations of the group columns' values that occur).
 * Null in {@link Report} without --group-by.
 *
 * <p>{@link #groups()} lists every group: first the <b>ranked</b> ones (at least {@link #minRows()} rows),
 * worst first by the first loss ({@code loss.badness}: the highest value, the lowest for r2 and explained
 * variance, the largest absolute value for bias; NaN last), then the groups too small to rank, in the same
 * order. Ties keep the order in which the groups first appeared in the input.
 *
 * <p>{@link #worst()} names, per loss, the worst ranked group. Read it with care: the worst of many groups
 * is biased upward (away from the typical group), the more so the more and the smaller the groups, because
 * the largest of many noisy estimates is more often one whose noise went up. Its interval is that group's
 * own interval, which does not correct for having picked the worst of many.
 *
 * <p>A comparison with a baseline per group (Δ and its interval) belongs in {@link Group} beside
 * {@link Group#losses()}, once runs compare (issue 9, item 1); it is not computed yet.
 *
 * @param columns    the group columns, in --group-by order
 * @param minRows    groups with fewer rows are listed but not ranked (--min-group-rows)
 * @param maxGroups  the cap on the number of groups (--max-groups)
 * @param confidence the level of the loss intervals
 * @param groups     every group, ranked ones first, worst first
 * @param worst      per loss, the worst ranked group
 */
public record GroupReport(List<String> columns, long minRows, long maxGroups, double confidence, List<Group> groups,
                          List<WorstGroup> worst) {
    public GroupReport {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
        worst = List.copyOf(worst);
    }

    /** Groups ranked (with at least {@link #minRows()} rows). */
    public long rankedCount() {
        return groups.stream().filter(Group::ranked).count();
    }

    /**
     * One group.
     *
     * @param values     its value of each group column, in --group-by order (a missing value is "")
     * @param rows       rows used in the group
     * @param rowShare   rows / all used rows
     * @param rank       1 for the worst ranked group by the first loss, 2 for the next, …; 0 when not ranked
     * @param losses     per requested loss, in request order
     * @param quantiles  per --quantile, the group's figures (pinball, calibration)
     * @param intervals  per --interval, the group's figures (coverage, …)
     */
    public record Group(List<String> values, long rows, double rowShare, int rank, List<GroupLoss> losses,
                        List<QuantileReport> quantiles, List<IntervalReport> intervals) {
        public Group {
            values = List.copyOf(values);
            losses = List.copyOf(losses);
            quantiles = List.copyOf(quantiles);
            intervals = List.copyOf(intervals);
        }

        public boolean ranked() { return rank > 0; }
    }

    /**
     * One loss in one group.
     *
     * @param key       the loss's key ({@link LossResult#key()})
     * @param range     the loss over the group's rows, computed as the run's is: exact (both ends equal), or a
     *                  bracket that holds it ({@code medae} beyond the exact-memory budget; gates judge its
     *                  worse end, printers show its midpoint {@link #value()} with "~")
     * @param interval  the t-interval of the loss (the interval of the mean of its row losses, its ends mapped
     *                  through the loss's finish, e.g. the square root for rmse); null for a loss that is not
     *                  a mean of its row losses (r2, ece, a loss with class weights) or is resolved from the
     *                  data (huber:delta=mad)
     * @param lossShare the group's share of the total loss: Σ w·l over its rows / Σ w·l over all rows (NaN
     *                  for a deferred loss); compare it with {@link Group#rowShare()}
     */
    public record GroupLoss(String key, Range range, ConfidenceInterval interval, double lossShare) {
        /** A loss known exactly. */
        public GroupLoss(String key, double value, ConfidenceInterval interval, double lossShare) {
            this(key, Range.of(value), interval, lossShare);
        }

        /** The value: exact, or the midpoint of {@link #range()} when that is a bracket. */
        public double value() { return range.mid(); }
    }

    /**
     * The worst ranked group of one loss.
     *
     * @param key      the loss's key
     * @param values   the group's values, or empty when no group is ranked
     * @param range    its loss (NaN when no group is ranked), a bracket as in {@link GroupLoss#range()}
     * @param interval its interval, or null
     * @param rows     its rows
     */
    public record WorstGroup(String key, List<String> values, Range range, ConfidenceInterval interval, long rows) {
        public WorstGroup {
            values = List.copyOf(values);
        }

        /** A worst group whose loss is known exactly. */
        public WorstGroup(String key, List<String> values, double value, ConfidenceInterval interval, long rows) {
            this(key, values, Range.of(value), interval, rows);
        }

        /** The value: exact, or the midpoint of {@link #range()}. */
        public double value() { return range.mid(); }
    }
}
