package org.losseval.accumulate;

import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.RowLoss;

/**
 * The mergeable state of one loss: the exact sum of weighted row losses, the exact sum of weights, the
 * rows covered and the rows clamped. The value is {@code finish(Σ w·l / Σ w)}, scikit-learn's weighted
 * mean (without weights every w is 1), where w is the sample weight times the loss's own row weight
 * (PyTorch's class weights; 0 for an ignored row, which is then not covered). A mean is never stored, so
 * states merge exactly, and the sums are exact, so the value does not depend on how rows were split.
 */
public final class LossState {
    private final RowLoss loss;
    private final boolean weighted;
    private final ExactSum lossSum = new ExactSum();
    private final ExactSum weightSum = new ExactSum();
    private long count;
    private long clamped;

    /** @param weighted whether any row weight (sample or the loss's own) will be given */
    public LossState(RowLoss loss, boolean weighted) {
        this.loss = loss;
        this.weighted = weighted;
    }

    public RowLoss loss() { return loss; }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param rowLoss     the unweighted row losses (not changed)
     * @param weight      the combined row weights, or null exactly when the state is unweighted
     * @param covered     how many of the n rows the loss covers (rows of weight 0 from the loss itself are not)
     * @param clampedRows rows whose loss was clamped
     * @param scratch     at least n doubles this call may overwrite
     */
    public void accept(double[] rowLoss, double[] weight, int n, long covered, long clampedRows, RegressionKernels kernels,
                       double[] scratch) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted state" : "unexpected weights");
        }
        if (weighted) {
            kernels.multiply(rowLoss, weight, scratch, n);
            weightSum.addAll(weight, n);
            lossSum.addAll(scratch, n);
        } else {
            lossSum.addAll(rowLoss, n);
        }
        count += covered;
        clamped += clampedRows;
    }

    /** Adds another state of the same loss; checks before changing anything. */
    public void combine(LossState other) {
        if (!other.loss.spec().equals(loss.spec()) || !other.loss.params().equals(loss.params())) {
            throw new IllegalArgumentException("cannot combine " + loss.spec() + " with " + other.loss.spec());
        }
        if (other.weighted != weighted) throw new IllegalArgumentException("cannot combine weighted and unweighted states");
        lossSum.combine(other.lossSum);
        weightSum.combine(other.weightSum);
        count += other.count;
        clamped += other.clamped;
    }

    /** Rows covered. */
    public long count() { return count; }

    /** Rows whose loss was clamped. */
    public long clamped() { return clamped; }

    /** The sum of weights, or the row count without weights. */
    public double weightSum() { return weighted ? weightSum.value() : count; }

    /** The loss over the rows seen; NaN when there are none (or all weights are zero). */
    public double value() {
        if (count == 0) return Double.NaN;
        return loss.finish(lossSum.value() / weightSum());
    }
}
