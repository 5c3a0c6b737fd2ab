package org.losseval.report;

import java.util.List;

/**
 * The figures of a run's quantile columns taken together, reported whenever two or more {@code --quantile}
 * columns are given.
 *
 * <p>CRPS, the quantile-score approximation (Gneiting and Raftery 2007; Bracher et al. 2021): the
 * continuous ranked probability score is twice the integral of the pinball loss over the levels, so
 * with K levels it is approximated by {@code 2/K Σ_k pinball_k}, the mean pinball loss over the given
 * levels, doubled. Only as good as the levels are dense and evenly spread; with the levels 0.1, 0.5 and
 * 0.9 it is a coarse approximation. Weighted as the pinball losses are.
 *
 * <p>Quantile crossings: a row crosses when a lower level's prediction is above a higher level's
 * (columns with the same level are not compared); counted once per row however many pairs cross.
 *
 * @param columns       the quantile columns, by increasing level
 * @param rows          rows compared
 * @param crps          2 × the mean over the levels of the pinball losses; NaN without rows
 * @param crossingRows  rows with at least one crossing
 */
public record QuantileSetResult(List<String> columns, long rows, double crps, long crossingRows) {
    public QuantileSetResult {
        columns = List.copyOf(columns);
    }

    /** The crossings' share of the rows; NaN without rows. */
    public double crossingShare() { return rows == 0 ? Double.NaN : crossingRows / (double) rows; }

    /** 2 × the mean pinball loss over the levels: the CRPS approximation above. */
    public static double crps(List<QuantileResult> quantiles) {
        double sum = 0;
        for (QuantileResult q : quantiles) sum += q.pinball();
        return 2 * sum / quantiles.size();
    }
}
