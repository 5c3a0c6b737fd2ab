package org.losseval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every figure of a report by its {@link FigureNames name} (the names {@code --fail-if} takes), unrounded:
 * one listing for the gates, the CSV figure rows and the JUnit properties. Order: row counts, then per
 * loss its value and clamped rows, then per loss with contributions its shares (top 1, top K, each top
 * fraction, outliers) and the outlier count, then per quantile its pinball loss and calibration, then (two or more quantiles) crps,
 * quantile_crossings and quantile_crossing_share, then per
 * interval its coverage, below, above, width, interval score and p-value, then with a baseline per compared
 * figure its baseline value, delta, relative delta, the interval of delta, its p-value and the win rate
 * ({@link FigureNames#comparison}), then with --group-by per loss worst_group, then per group (in the
 * report's order) per loss its value.
 *
 * <p>A figure known only as a bracket (beyond the exact-memory budget) keeps both ends: a gate judges the
 * end that is worse for it, a printer shows the midpoint. Should two figures share a name (a loss labelled
 * {@code outliers}), the first one listed wins.
 */
public final class ReportFigures {
    private ReportFigures() {}

    /** Name to value, in the order above; unmodifiable. */
    public static Map<String, Range> of(Report report) {
        Map<String, Range> figures = new LinkedHashMap<>();
        figures.putIfAbsent(FigureNames.ROWS_READ, Range.of(report.rows().read()));
        figures.putIfAbsent(FigureNames.ROWS_USED, Range.of(report.rows().used()));
        figures.putIfAbsent(FigureNames.ROWS_SKIPPED, Range.of(report.rows().skipped()));
        if (report.pairing() != null) {
            figures.putIfAbsent(FigureNames.BASELINE_ROWS_READ, Range.of(report.pairing().rowsRead()));
            figures.putIfAbsent(FigureNames.BASELINE_ROWS_PAIRED, Range.of(report.pairing().rowsPaired()));
            figures.putIfAbsent(FigureNames.BASELINE_ROWS_UNPAIRED, Range.of(report.pairing().rowsUnpaired()));
        }
        for (LossResult loss : report.losses()) {
            figures.putIfAbsent(FigureNames.loss(loss.key()), loss.range());
            figures.putIfAbsent(FigureNames.clamped(loss.key()), Range.of(loss.clamped()));
        }
        if (report.contributions() != null) addContributions(report.contributions(), figures);
        for (QuantileReport quantile : report.quantiles()) {
            QuantileResult result = quantile.result();
            figures.putIfAbsent(FigureNames.pinball(quantile.column()), Range.of(result.pinball()));
            figures.putIfAbsent(FigureNames.calibration(quantile.column()), Range.of(result.fractionBelow()));
        }
        if (report.quantileSet() != null) {
            QuantileSetResult set = report.quantileSet();
            figures.putIfAbsent(FigureNames.CRPS, Range.of(set.crps()));
            figures.putIfAbsent(FigureNames.QUANTILE_CROSSINGS, Range.of(set.crossingRows()));
            figures.putIfAbsent(FigureNames.QUANTILE_CROSSING_SHARE, Range.of(set.crossingShare()));
        }
        for (IntervalReport interval : report.intervals()) {
            String name = interval.name();
            IntervalResult result = interval.result();
            figures.putIfAbsent(FigureNames.coverage(name), Range.of(result.coverage()));
            figures.putIfAbsent(FigureNames.below(name), Range.of(result.fractionBelow()));
            figures.putIfAbsent(FigureNames.above(name), Range.of(result.fractionAbove()));
            figures.putIfAbsent(FigureNames.width(name), Range.of(result.meanWidth()));
            figures.putIfAbsent(FigureNames.intervalScore(name), Range.of(result.meanScore()));
            figures.putIfAbsent(FigureNames.coveragePValue(name), Range.of(result.pValue()));
        }
        if (report.comparison() != null) {
            for (FigureComparison c : report.comparison().figures()) {
                String f = c.figure();
                figures.putIfAbsent(FigureNames.baseline(f), Range.of(c.baseline()));
                figures.putIfAbsent(FigureNames.delta(f), Range.of(c.delta()));
                figures.putIfAbsent(FigureNames.deltaRelative(f), Range.of(c.relativeDelta()));
                figures.putIfAbsent(FigureNames.deltaLow(f), Range.of(c.deltaInterval().low()));
                figures.putIfAbsent(FigureNames.deltaHigh(f), Range.of(c.deltaInterval().high()));
                figures.putIfAbsent(FigureNames.deltaP(f), Range.of(c.pValue()));
                figures.putIfAbsent(FigureNames.winRate(f), Range.of(c.wins().winRate()));
            }
        }
        if (report.groups() != null) addGroups(report.groups(), figures);
        return Collections.unmodifiableMap(figures);
    }

    /** The same figures as single values: a bracket becomes its midpoint. */
    public static Map<String, Double> values(Report report) {
        Map<String, Double> values = new LinkedHashMap<>();
        of(report).forEach((name, range) -> values.put(name, range.mid()));
        return Collections.unmodifiableMap(values);
    }

    private static void addGroups(GroupReport groups, Map<String, Range> figures) {
        for (GroupReport.WorstGroup worst : groups.worst()) {
            figures.putIfAbsent(FigureNames.worstGroup(worst.key()), worst.range());
        }
        for (GroupReport.Group group : groups.groups()) {
            for (GroupReport.GroupLoss loss : group.losses()) {
                figures.putIfAbsent(FigureNames.group(loss.key(), groups.columns(), group.values()), loss.range());
            }
        }
    }

    private static void addContributions(ContributionResult contributions, Map<String, Range> figures) {
        for (LossContribution loss : contributions.losses()) {
            figures.putIfAbsent(FigureNames.shareTop1(loss.loss()), Range.of(loss.shareTop1()));
            figures.putIfAbsent(FigureNames.shareTopK(loss.topK(), loss.loss()), Range.of(loss.shareTopK()));
            for (FractionShare top : loss.topFractions()) {
                figures.putIfAbsent(FigureNames.shareTopFraction(top.fraction(), loss.loss()), top.share());
            }
            figures.putIfAbsent(FigureNames.outlierShare(loss.loss()), loss.outlierShare());
        }
        figures.putIfAbsent(FigureNames.OUTLIERS, contributions.outliers().count());
    }
}
