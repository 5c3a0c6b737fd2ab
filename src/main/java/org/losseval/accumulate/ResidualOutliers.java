package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.losseval.report.OutlierResult;
import org.losseval.report.Range;

/**
 * The residual-outlier part of a {@link ContributionState}: which rows are robust outliers of the residuals
 * r = pred - target, and how much of each loss they hold. It exists only when the run has predictions and
 * targets; without them the figures are {@linkplain #notAvailable not available} (NaN), never zero.
 *
 * <p>Formula ({@link OutlierResult}): a row is an outlier when |r - median(r)| &gt; threshold, with
 * threshold = factor &times; 1.4826 &times; MAD and MAD = median(|r - median(r)|), both unweighted; the
 * median of an even count is the mean of the two middle values. With MAD = 0 every row whose residual
 * differs from the median is an outlier. A loss's outlier share is the exact sum of the outlier rows'
 * contributions over the loss's total. Example (the seed's houses, residuals 10, -10, 220): median 10, MAD
 * 20, threshold 88.96, and house C is the one outlier.
 *
 * <p>The rule is {@link OutlierResult#side}, applied here to each row with the exact figures, by
 * {@link ContributionSummary} to buckets with bracketed ones, and by {@code --rows-out} to each row of the
 * output with the report's figures.
 *
 * <p>The residuals live in the {@link RowStore}, beside the contributions of the same rows. Within its
 * budget the figures are exact: two selections over a copy of the residuals (8 bytes per row while they
 * run, {@link Selection}) and one pass over the rows. Beyond it they are brackets from the summary's
 * residual buckets ({@link ContributionSummary#outliers}): the median and MAD within 2<sup>-8</sup> of
 * their magnitude, the count and shares bracketing the rows whose bucket straddles the threshold band.
 *
 * <p>Holds only the factor; not thread-safe like the state that owns it.
 */
final class ResidualOutliers {
    private final double factor;

    ResidualOutliers(double factor) {
        this.factor = factor;
    }

    /**
     * The outlier figures and each loss's outlier sum.
     *
     * @param result   the outlier figures, shared by every loss
     * @param lossSums per loss, the sum of the outlier rows' contributions (a bracket beyond the budget)
     */
    record Figures(OutlierResult result, List<Range> lossSums) {}

    /** The figures of a run without residuals: every outlier figure NaN, so a gate on one fails closed. */
    static Figures notAvailable(double factor, int losses) {
        Range none = Range.of(Double.NaN);
        return new Figures(new OutlierResult(factor, none, none, none, none), Collections.nCopies(losses, none));
    }

    /**
     * The figures over the store's rows, which must have residuals.
     *
     * @param sharedWith per loss, the loss whose store columns hold its contributions ({@link ContributionState})
     */
    Figures figures(RowStore store, int[] sharedWith) {
        int losses = sharedWith.length;
        if (!store.withResiduals()) throw new IllegalArgumentException("the row store has no residuals");
        if (store.rows() == 0) {
            Range none = Range.of(Double.NaN);
            return new Figures(new OutlierResult(factor, none, none, none, Range.of(0)), Collections.nCopies(losses, none));
        }
        return store.exact() ? exact(store, sharedWith) : bracketed(store.summary(), sharedWith);
    }

    private Figures exact(RowStore store, int[] sharedWith) {
        int losses = sharedWith.length;
        double[] work = store.residuals();
        double median = Selection.median(work);
        for (int i = 0; i < work.length; i++) work[i] = Math.abs(work[i] - median);
        double mad = Selection.median(work);
        double threshold = factor * OutlierResult.NORMAL_MAD_SCALE * mad;
        Range medianFigure = Range.of(median);
        Range thresholdFigure = Range.of(threshold);
        long outliers = 0;
        ExactSum[] sums = new ExactSum[losses];
        for (int l = 0; l < losses; l++) sums[l] = new ExactSum();
        for (long i = 0; i < store.rows(); i++) {
            double r = store.residual(i);
            if (OutlierResult.side(r, r, medianFigure, thresholdFigure) == OutlierResult.Side.OUTLIER) {
                outliers++;
                for (int l = 0; l < losses; l++) {
                    if (sharedWith[l] == l) sums[l].add(store.contribution(l, i));
                }
            }
        }
        List<Range> lossSums = new ArrayList<>();
        for (int l = 0; l < losses; l++) lossSums.add(Range.of(sums[sharedWith[l]].value()));
        OutlierResult result = new OutlierResult(factor, medianFigure, Range.of(mad), thresholdFigure,
                Range.of(outliers));
        return new Figures(result, lossSums);
    }

    private Figures bracketed(ContributionSummary summary, int[] sharedWith) {
        ContributionSummary.Outliers outliers = summary.outliers(factor);
        List<Range> lossSums = new ArrayList<>();
        for (int l = 0; l < sharedWith.length; l++) {
            lossSums.add(sharedWith[l] == l ? summary.outlierSum(l, outliers) : lossSums.get(sharedWith[l]));
        }
        OutlierResult result = new OutlierResult(factor, outliers.median(), outliers.mad(), outliers.threshold(),
                outliers.count());
        return new Figures(result, lossSums);
    }
}
