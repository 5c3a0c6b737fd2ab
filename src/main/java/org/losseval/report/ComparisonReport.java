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
 *                        {@link FigureComparison#ofNominal}), then per loss with contribution figures its
 *                        shares: share_top1, share_topK, each --top-fraction share ({@link FigureComparison#ofShare})
 * @param sharesBeyondBudget the share figures whose paired rows exceeded the contribution budget
 *                        (--exact-budget), in the order above: those in {@code figures} (share_top1, share_topK,
 *                        and a top-fraction share whose two values are still exact) have values and delta but no
 *                        interval; the others (a top-fraction share whose values are brackets) are not compared.
 *                        Also medae (first, in the losses' order) when its bootstrap's rows exceeded its budget
 *                        of the same size: it is in {@code figures}, without an interval.
 *                        Empty when every share and medae has its interval, or there are none (--no-contrib).
 */
public record ComparisonReport(List<ColumnRole> baselineColumns, double confidence, Double margin, long seed,
                               int replicates, List<FigureComparison> figures, List<String> sharesBeyondBudget) {
    public ComparisonReport {
        baselineColumns = List.copyOf(baselineColumns);
        figures = List.copyOf(figures);
        sharesBeyondBudget = List.copyOf(sharesBeyondBudget);
    }

    /** The share figures beyond the budget that were not compared at all (their values are brackets). */
    public List<String> sharesNotCompared() {
        java.util.Set<String> compared = new java.util.HashSet<>();
        for (FigureComparison f : figures) compared.add(f.figure());
        return sharesBeyondBudget.stream().filter(name -> !compared.contains(name)).toList();
    }
}
