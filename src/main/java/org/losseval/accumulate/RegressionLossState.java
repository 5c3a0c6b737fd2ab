package org.losseval.accumulate;

import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.RegressionLoss;

/**
 * The mergeable state of one regression loss: the exact sum of (weighted) row losses, the exact sum of
 * weights and the row count. The value is {@code finish(Σ w·l / Σ w)}, scikit-learn's weighted mean
 * (without weights every w is 1). A mean is never stored, so states merge exactly.
 */
public final class RegressionLossState {
    private final RegressionLoss loss;
    private final boolean weighted;
    private final ExactSum lossSum = new ExactSum();
    private final ExactSum weightSum = new ExactSum();
    private long count;

    public RegressionLossState(RegressionLoss loss, boolean weighted) {
        this.loss = loss;
        this.weighted = weighted;
    }

    public RegressionLoss loss() { return loss; }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param weight  the row weights, or null when the state is unweighted
     * @param scratch at least n doubles this call may overwrite
     */
    public void accept(double[] pred, double[] target, double[] weight, int n, RegressionKernels kernels,
                       double[] scratch) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted state" : "unexpected weights");
        }
        loss.rowLosses(kernels, pred, target, scratch, n);
        if (weighted) {
            kernels.multiply(scratch, weight, scratch, n);
            weightSum.addAll(weight, n);
        }
        lossSum.addAll(scratch, n);
        count += n;
    }

    /** Adds another state of the same loss; checks before changing anything. */
    public void combine(RegressionLossState other) {
        if (!other.loss.spec().equals(loss.spec()) || !other.loss.params().equals(loss.params())) {
            throw new IllegalArgumentException("cannot combine " + loss.spec() + " with " + other.loss.spec());
        }
        if (other.weighted != weighted) throw new IllegalArgumentException("cannot combine weighted and unweighted states");
        lossSum.combine(other.lossSum);
        weightSum.combine(other.weightSum);
        count += other.count;
    }

    public long count() { return count; }

    /** The sum of weights, or the row count without weights. */
    public double weightSum() { return weighted ? weightSum.value() : count; }

    /** The loss over the rows seen; NaN when there are none (or all weights are zero). */
    public double value() {
        if (count == 0) return Double.NaN;
        return loss.finish(lossSum.value() / weightSum());
    }
}
