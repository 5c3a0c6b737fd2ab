package org.losseval.accumulate;

import java.util.Arrays;
import org.losseval.report.CrossingCount;

/**
 * Counts the rows whose quantile predictions cross: a lower level predicted above a higher one. Every pair
 * of columns with different levels is compared (K(K-1)/2 comparisons a row; K is a handful), since with
 * repeated levels comparing neighbours in level order would miss some; columns with equal levels are not
 * compared with each other. A count per row, so the result is exact and merges exactly.
 *
 * <p>Batch view: {@link #accept} reads the quantile columns, in the order the state was built with, rows
 * {@code [0, n)}. Cost: two longs. Not thread-safe; combine per-thread states.
 */
public final class QuantileCrossings implements MergeableState<QuantileCrossings, CrossingCount> {
    private final double[] levels;
    private long rows;
    private long crossed;

    /** @param levels the level of each quantile column, in the order the columns will be given */
    public QuantileCrossings(double[] levels) {
        this.levels = levels.clone();
    }

    public void accept(double[][] columns, int n) {
        for (int i = 0; i < n; i++) {
            if (crosses(columns, i)) crossed++;
        }
        rows += n;
    }

    private boolean crosses(double[][] columns, int i) {
        for (int a = 0; a < levels.length; a++) {
            for (int b = 0; b < levels.length; b++) {
                if (levels[a] < levels[b] && columns[a][i] > columns[b][i]) return true;
            }
        }
        return false;
    }

    @Override
    public void combine(QuantileCrossings other) {
        if (!Arrays.equals(other.levels, levels)) {
            throw new IllegalArgumentException("cannot combine crossings of levels " + Arrays.toString(other.levels)
                    + " and " + Arrays.toString(levels));
        }
        rows += other.rows;
        crossed += other.crossed;
    }

    @Override
    public CrossingCount result() { return new CrossingCount(rows, crossed); }
}
