package org.losseval.report;

import java.util.List;

/**
 * The candidate against its baseline on the same rows. Null in {@link Report} when the run compares
 * nothing. The report's other figures are the candidate's.
 *
 * @param baselineColumns the baseline's columns by role (pred, logits, probs, then each quantile and interval)
 * @param confidence      the level of every interval of delta
 * @param margin          the non-inferiority margin, or null
 * @param seed            the bootstrap's seed
 * @param replicates      the bootstrap's replicates
 * @param figures         one per compared figure: the losses in the order requested, then each --quantile's
 *                        pinball loss, then each --interval's interval score, then each --quantile's calibration
 *                        and each --interval's coverage (compared by their distance from the nominal,
 *                        {@link FigureComparison#ofNominal})
 */
public record ComparisonReport(List<ColumnRole> baselineColumns, double confidence, Double margin, long seed,
                               int replicates, List<FigureComparison> figures) {
    public ComparisonReport {
        baselineColumns = List.copyOf(baselineColumns);
        figures = List.copyOf(figures);
    }
}
