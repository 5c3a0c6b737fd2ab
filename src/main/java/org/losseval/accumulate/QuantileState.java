package org.losseval.accumulate;

import org.losseval.kernel.Kernels;
import org.losseval.loss.Pinball;
import org.losseval.report.QuantileResult;

/**
 * The mergeable state of a quantile prediction at level q: the pinball loss and its calibration.
 *
 * <p>Pinball loss, scikit-learn's {@code mean_pinball_loss(alpha=q)}: per row q(y - &ycirc;) when y &ge;
 * &ycirc;, else (1 - q)(&ycirc; - y); the (weighted) mean &Sigma; w&middot;l / &Sigma; w, so q = 0.5 gives
 * MAE / 2.
 *
 * <p>Calibration: the observed fraction of targets strictly below the prediction, #(y &lt; &ycirc;) / n, to
 * be read beside q. Strict, because a q-quantile &ycirc; satisfies P(Y &lt; &ycirc;) &le; q &le; P(Y &le;
 * &ycirc;): with continuous targets the two agree; with ties (integer targets, a prediction on a target)
 * the pair brackets q, so the fraction at or below the prediction is reported too. Calibration counts
 * rows (like interval coverage); weights apply to the pinball loss only.
 *
 * <p>With no rows (or zero total weight) the figures are NaN. Batch view: {@link #accept} reads the
 * quantile column, the target and the sample weights of rows {@code [0, n)}. Cost: two exact sums and one
 * scratch array of the largest batch. Not thread-safe; combine per-thread states.
 */
public final class QuantileState implements MergeableState<QuantileState, QuantileResult> {
    private final double level;
    private final Pinball pinball;
    private final boolean weighted;
    private final ExactSum lossSum = new ExactSum();
    private final ExactSum weightSum = new ExactSum();
    private long count;
    private long below;
    private long atOrBelow;
    private final Scratch scratch;

    /** @param level the quantile level q, in (0, 1) */
    public QuantileState(double level, boolean weighted) {
        this(level, weighted, new Scratch());
    }

    /** A state whose working array is {@code scratch}'s (shared by the states of a run's groups). */
    QuantileState(double level, boolean weighted, Scratch scratch) {
        this.scratch = scratch;
        this.level = Levels.quantileLevel(level);
        this.pinball = new Pinball(level);
        this.weighted = weighted;
    }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param pred   the quantile column (the prediction of the q-quantile)
     * @param weight the sample weights, or null exactly when the state is unweighted
     */
    public void accept(double[] pred, double[] target, double[] weight, int n) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "weights missing for a weighted state" : "unexpected weights");
        }
        double[] loss = scratch.doubles(Scratch.QUANTILE, n);
        // The same loss, kernel and bits as -l pinball:q=LEVEL: the formula lives in loss.Pinball.
        pinball.rowLosses(Kernels.scalar(), pred, target, loss, n);
        for (int i = 0; i < n; i++) {
            if (target[i] < pred[i]) below++;
            if (target[i] <= pred[i]) atOrBelow++;
        }
        if (weighted) {
            for (int i = 0; i < n; i++) loss[i] *= weight[i];
            weightSum.addAll(weight, n);
        }
        lossSum.addAll(loss, n);
        count += n;
    }

    /** Adds another state of the same level and weighting; checks before changing anything. */
    @Override
    public void combine(QuantileState other) {
        if (Double.compare(other.level, level) != 0 || other.weighted != weighted) {
            throw new IllegalArgumentException("cannot combine quantile states of level " + other.level + " and " + level);
        }
        lossSum.combine(other.lossSum);
        weightSum.combine(other.weightSum);
        count += other.count;
        below += other.below;
        atOrBelow += other.atOrBelow;
    }

    @Override
    public QuantileResult result() {
        double n = count;
        double weights = weighted ? weightSum.value() : n;
        double pinball = count == 0 ? Double.NaN : lossSum.value() / weights;
        return new QuantileResult(level, count, pinball, below / n, atOrBelow / n);
    }
}
