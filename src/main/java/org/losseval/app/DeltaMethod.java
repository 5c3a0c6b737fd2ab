package org.losseval.app;

import org.losseval.loss.Ece;
import org.losseval.loss.Medae;
import org.losseval.loss.MomentLoss;
import org.losseval.loss.RowLoss;

/**
 * How the interval of Δ = candidate - baseline of a loss is computed: one rule for the run's comparison
 * ({@link ComparisonStates}) and the comparison inside each {@code --group-by} group ({@link GroupRouter}).
 *
 * <ul>
 *   <li>{@link #PAIRED_T}: a loss that is a weighted mean of its row losses (mse, mae, huber, ce, ...): the
 *       paired t interval from exact sums of the row differences ({@code accumulate.MeanSums}).
 *   <li>{@link #BOOTSTRAP_FINISHED_MEAN}: a function of such a mean (rmse): the Poisson bootstrap.
 *   <li>{@link #BOOTSTRAP_MOMENTS}: a ratio of sums (r2, explained_variance, max_error): the Poisson bootstrap of
 *       its moment sums.
 *   <li>{@link #BOOTSTRAP_ECE}: ece, binned sums: the Poisson bootstrap of its bins' sums
 *       ({@code accumulate.BootstrapEce}; streaming, no per-row memory).
 *   <li>{@link #BOOTSTRAP_MEDAE}: medae, an order statistic: the Poisson bootstrap of its rows, kept within the
 *       --exact-budget ({@code accumulate.BootstrapMedae}); beyond it values, Δ and win counts only.
 *   <li>{@link #WINS_ONLY}: none of these (no built-in loss today): values, Δ and the win counts, no interval.
 * </ul>
 * Per group only {@link #PAIRED_T} gets an interval: a bootstrap per group would cost its replicates' sums in
 * every group (200 replicates × 10,000 groups), so the bootstrapped losses get values, Δ and win counts there.
 */
enum DeltaMethod {
    PAIRED_T, BOOTSTRAP_FINISHED_MEAN, BOOTSTRAP_MOMENTS, BOOTSTRAP_ECE, BOOTSTRAP_MEDAE, WINS_ONLY;

    static DeltaMethod of(RowLoss loss) {
        if (loss instanceof MomentLoss) return BOOTSTRAP_MOMENTS;
        if (loss instanceof Ece) return BOOTSTRAP_ECE;
        if (loss instanceof Medae) return BOOTSTRAP_MEDAE;
        if (!loss.meanOfRowLosses()) return WINS_ONLY; // no closed form, and a bootstrap would keep every row
        if (loss.transformsMean()) return BOOTSTRAP_FINISHED_MEAN;
        return PAIRED_T;
    }
}
