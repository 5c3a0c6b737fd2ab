package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.kernel.RegressionKernels;

/**
 * Median absolute error, scikit-learn 1.2 {@code median_absolute_error}: the median of {@code |pred - target|}.
 * Robust where MAE is not: up to half of the rows may be arbitrarily wrong without moving it past the
 * others. The seed's houses (errors 10, 10, 220) give 10.
 *
 * <p>It is an order statistic, not a mean of row losses: the loss state keeps the rows' errors
 * ({@code accumulate.AbsoluteErrorMedian}, which has the definitions, the memory and the bracket): exact
 * within the exact-memory budget ({@code --exact-budget}), a bracket that holds the exact value beyond it.
 * The median of an even count is the mean of the two middle errors (NumPy's {@code median}). With sample
 * weights it is scikit-learn's weighted median ({@code _weighted_percentile} at 50): the smallest error
 * whose cumulative weight reaches half the total, always one of the errors (so unit weights and an even
 * count give the lower middle error, not the mean of the two).
 *
 * <p>The row loss is the absolute error, so the contribution figures and worst rows are MAE's rows.
 */
public record Medae() implements RegressionLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "medae", List.of("median_absolute_error"),
            "median absolute error: robust to up to half of the rows being outliers",
            "median |pred - target| (even count: mean of the two middle; weighted: lower weighted median)",
            "scikit-learn median_absolute_error (weighted: its _weighted_percentile)",
            List.of(), Definitions.PRED_TARGET, params -> new Medae());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public double rowLoss(double pred, double target) { return Math.abs(pred - target); }

    @Override
    public void rowLosses(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n) {
        kernels.absoluteError(pred, target, out, n);
    }

    /** An order statistic of the row losses, not their mean. */
    @Override public boolean meanOfRowLosses() { return false; }
}
