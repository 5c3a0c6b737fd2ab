package org.losseval.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.losseval.accumulate.GroupState;
import org.losseval.accumulate.LossFigures;
import org.losseval.accumulate.MeanSums;
import org.losseval.loss.Loss;
import org.losseval.loss.Rmse;
import org.losseval.loss.RowLoss;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.GroupReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.MeanEstimate;
import org.losseval.report.QuantileReport;

/**
 * The group figures of a finished run ({@link GroupReport}) from its group states.
 *
 * <ul>
 *   <li>A loss's value per group is its state's, computed as the run's. Its interval is the t-interval of the
 *       (weighted) mean of its row losses ({@link MeanSums}), both ends mapped through the loss's finish (a
 *       monotone map: the square root for rmse, whose lower end is first raised to 0, since a mean of squares
 *       is never negative).
 *   <li>Shares: rows / all rows, and Σ w·l of the group / Σ w·l of all groups, the total being the exact
 *       combination of every group's state.
 *   <li>Ranking: groups with at least {@code --min-group-rows} rows, worst first by the first loss's
 *       {@link Loss#badness} (NaN last; ties by first appearance); the worst group of each loss likewise.
 * </ul>
 */
final class GroupFigures {
    private GroupFigures() {}

    static GroupReport report(RunPlan plan, GroupRouter router) {
        EvalRequest request = plan.request;
        GroupingRequest grouping = request.grouping();
        List<GroupState> states = router.states();
        GroupState total = states.isEmpty() ? null : states.get(0).emptyCopy();
        for (GroupState state : states) total.combine(state);
        GroupState.Figures all = total == null ? null : total.result();
        List<GroupReport.Group> groups = new ArrayList<>();
        List<double[]> badness = new ArrayList<>();
        for (int g = 0; g < states.size(); g++) {
            GroupState.Figures figures = states.get(g).result();
            List<GroupReport.GroupLoss> losses = new ArrayList<>();
            double[] bad = new double[request.losses().size()];
            for (int l = 0; l < request.losses().size(); l++) {
                GroupReport.GroupLoss loss = loss(plan, l, figures, all);
                losses.add(loss);
                bad[l] = plan.streamed.get(l) == null ? Double.NaN : plan.streamed.get(l).badness(loss.value());
            }
            boolean ranked = figures.rows() >= grouping.minRows();
            groups.add(new GroupReport.Group(router.keys().values(g), figures.rows(),
                    (double) figures.rows() / all.rows(), ranked ? 1 : 0, losses, quantiles(request, figures),
                    intervals(plan, figures)));
            badness.add(bad);
        }
        List<Integer> order = rankOrder(groups, badness, 0);
        List<GroupReport.Group> sorted = new ArrayList<>();
        int rank = 0;
        for (int g : order) {
            GroupReport.Group group = groups.get(g);
            sorted.add(new GroupReport.Group(group.values(), group.rows(), group.rowShare(),
                    group.ranked() ? ++rank : 0, group.losses(), group.quantiles(), group.intervals()));
        }
        List<GroupReport.WorstGroup> worst = new ArrayList<>();
        for (int l = 0; l < request.losses().size(); l++) {
            String key = RunFigures.key(request.losses().get(l));
            List<Integer> byLoss = rankOrder(groups, badness, l);
            GroupReport.Group first = byLoss.isEmpty() ? null : groups.get(byLoss.get(0));
            if (first == null || !first.ranked() || Double.isNaN(badness.get(byLoss.get(0))[l])) {
                worst.add(new GroupReport.WorstGroup(key, List.of(), Double.NaN, null, 0));
            } else {
                GroupReport.GroupLoss loss = first.losses().get(l);
                worst.add(new GroupReport.WorstGroup(key, first.values(), loss.range(), loss.interval(), first.rows()));
            }
        }
        return new GroupReport(grouping.columns(), grouping.minRows(), grouping.maxGroups(),
                MeanSums.DEFAULT_CONFIDENCE, sorted, worst);
    }

    /** Group indexes: ranked ones first, each part by loss l's badness, worst first, NaN last, then by id. */
    private static List<Integer> rankOrder(List<GroupReport.Group> groups, List<double[]> badness, int l) {
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) order.add(g);
        Comparator<Integer> byRanked = Comparator.comparing(g -> !groups.get(g).ranked());
        // Double.compare puts NaN above everything: negate the NaN test to put it last.
        Comparator<Integer> byNaN = Comparator.comparing(g -> l < badness.get(g).length && Double.isNaN(badness.get(g)[l]));
        Comparator<Integer> byBadness = Comparator.comparingDouble(g -> l < badness.get(g).length ? -badness.get(g)[l] : 0);
        order.sort(byRanked.thenComparing(byNaN).thenComparing(byBadness).thenComparingInt(g -> g));
        return order;
    }

    private static GroupReport.GroupLoss loss(RunPlan plan, int l, GroupState.Figures figures, GroupState.Figures all) {
        String key = RunFigures.key(plan.request.losses().get(l));
        RowLoss loss = plan.streamed.get(l);
        LossFigures lossFigures = figures.losses().get(l);
        if (loss == null || lossFigures == null) return new GroupReport.GroupLoss(key, Double.NaN, null, Double.NaN);
        MeanEstimate mean = figures.means().get(l);
        ConfidenceInterval interval = null;
        if (mean != null) {
            ConfidenceInterval ci = mean.interval();
            double low = loss instanceof Rmse ? Math.max(0, ci.low()) : ci.low();
            interval = new ConfidenceInterval(ci.level(), loss.finish(low), loss.finish(ci.high()));
        }
        double share = figures.lossSums().get(l) / all.lossSums().get(l);
        return new GroupReport.GroupLoss(key, lossFigures.range(), interval, share);
    }

    private static List<QuantileReport> quantiles(EvalRequest request, GroupState.Figures figures) {
        List<QuantileReport> reports = new ArrayList<>();
        for (int q = 0; q < figures.quantiles().size(); q++) {
            reports.add(new QuantileReport(request.quantiles().get(q).column(), figures.quantiles().get(q)));
        }
        return reports;
    }

    private static List<IntervalReport> intervals(RunPlan plan, GroupState.Figures figures) {
        List<IntervalReport> reports = new ArrayList<>();
        for (int i = 0; i < figures.intervals().size(); i++) {
            IntervalColumns columns = plan.request.intervals().get(i);
            reports.add(new IntervalReport(columns.lower(), columns.upper(), columns.nominalFromQuantiles(),
                    figures.intervals().get(i)));
        }
        return reports;
    }
}
