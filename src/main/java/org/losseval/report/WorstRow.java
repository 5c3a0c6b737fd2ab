package org.losseval.report;

import java.util.Comparator;

/**
 * One of the rows contributing most to a loss.
 *
 * @param source       the index of the row's source in the run's list of sources
 * @param row          the 1-based row number within its source
 * @param residual     pred - target
 * @param loss         the row's loss (unweighted)
 * @param weight       the row's weight (1 without weights)
 * @param contribution weight &times; loss, the row's part of the total
 */
public record WorstRow(int source, long row, double pred, double target, double residual, double loss,
                       double weight, double contribution) {

    /**
     * Largest contribution first; ties go to the smaller (source, row). {@link Double#compare} orders NaN
     * above every number, so an undefined contribution shows up as the worst.
     */
    public static final Comparator<WorstRow> WORST_FIRST = new WorstFirst();

    /**
     * {@link #WORST_FIRST}, written out: the same order as {@code comparingDouble(contribution).reversed()
     * .thenComparingInt(source).thenComparingLong(row)}, whose lambdas inside {@code java.util.Comparator} are
     * spun at every start (a start-up archive does not hold them), about 3% of a three-row run's main thread.
     * A class rather than a method reference: a class comes from the start-up archive as it is, a method
     * reference is linked at every start.
     */
    private static final class WorstFirst implements Comparator<WorstRow> {
        @Override
        public int compare(WorstRow a, WorstRow b) {
            int byContribution = Double.compare(b.contribution, a.contribution);
            if (byContribution != 0) return byContribution;
            int bySource = Integer.compare(a.source, b.source);
            return bySource != 0 ? bySource : Long.compare(a.row, b.row);
        }
    }
}
