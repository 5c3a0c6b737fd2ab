package org.losseval.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.losseval.accumulate.ContributionResult;
import org.losseval.accumulate.FractionShare;
import org.losseval.accumulate.IntervalResult;
import org.losseval.accumulate.LossContribution;
import org.losseval.accumulate.QuantileResult;
import org.losseval.report.FigureNames;
import org.losseval.report.IntervalReport;
import org.losseval.report.LossResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.Report;

/**
 * Every figure of a report by its {@link FigureNames name} (the names {@code --fail-if} takes), unrounded,
 * for the CSV figure rows and the JUnit properties. Order: row counts, then per loss its value and clamped
 * rows, then per loss with contributions its shares (top 1, top K, each top fraction, outliers) and the
 * outlier count, then per quantile its pinball loss and calibration, then per interval its coverage, below,
 * above, width, interval score and p-value.
 *
 * <p>A figure known only as a bracket (beyond the exact-memory budget) is listed as its midpoint; a gate,
 * which knows its comparison, judges the end that is worse for it instead. Should two figures share a
 * name (a loss labelled {@code outliers}), the first one listed wins.
 */
final class ReportFigures {
    private ReportFigures() {}

    /** Name to value, in the order above; unmodifiable. */
    static Map<String, Double> values(Report report) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.putIfAbsent(FigureNames.ROWS_READ, (double) report.rows().read());
        figures.putIfAbsent(FigureNames.ROWS_USED, (double) report.rows().used());
        figures.putIfAbsent(FigureNames.ROWS_SKIPPED, (double) report.rows().skipped());
        for (LossResult loss : report.losses()) {
            figures.putIfAbsent(FigureNames.loss(loss.key()), loss.value());
            figures.putIfAbsent(FigureNames.clamped(loss.key()), (double) loss.clamped());
        }
        if (report.contributions() != null) addContributions(report.contributions(), figures);
        for (QuantileReport quantile : report.quantiles()) {
            QuantileResult result = quantile.result();
            figures.putIfAbsent(FigureNames.pinball(quantile.column()), result.pinball());
            figures.putIfAbsent(FigureNames.calibration(quantile.column()), result.fractionBelow());
        }
        for (IntervalReport interval : report.intervals()) {
            String name = interval.name();
            IntervalResult result = interval.result();
            figures.putIfAbsent(FigureNames.coverage(name), result.coverage());
            figures.putIfAbsent(FigureNames.below(name), result.fractionBelow());
            figures.putIfAbsent(FigureNames.above(name), result.fractionAbove());
            figures.putIfAbsent(FigureNames.width(name), result.meanWidth());
            figures.putIfAbsent(FigureNames.intervalScore(name), result.meanScore());
            figures.putIfAbsent(FigureNames.coveragePValue(name), result.pValue());
        }
        return Collections.unmodifiableMap(figures);
    }

    private static void addContributions(ContributionResult contributions, Map<String, Double> figures) {
        for (LossContribution loss : contributions.losses()) {
            figures.putIfAbsent(FigureNames.shareTop1(loss.loss()), loss.shareTop1());
            figures.putIfAbsent(FigureNames.shareTopK(loss.topK(), loss.loss()), loss.shareTopK());
            for (FractionShare top : loss.topFractions()) {
                figures.putIfAbsent(FigureNames.shareTopFraction(top.fraction(), loss.loss()), top.share().mid());
            }
            figures.putIfAbsent(FigureNames.outlierShare(loss.loss()), loss.outlierShare().mid());
        }
        figures.putIfAbsent(FigureNames.OUTLIERS, contributions.outliers().count().mid());
    }
}
