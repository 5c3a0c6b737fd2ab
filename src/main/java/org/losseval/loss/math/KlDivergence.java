package org.losseval.loss.math;

/**
 * Kullback–Leibler divergence of one row, {@code KL(p ‖ q) = Σ_c p_c (log p_c − log q_c)} with
 * {@code 0·log 0 = 0}: PyTorch {@code F.kl_div(input = log q, target = p)} summed over the classes
 * (aten: {@code xlogy(target, target) − target·input}); PyTorch's {@code reduction='batchmean'} is the
 * mean of these per-row sums over the rows (denominator 1 per row).
 *
 * <p>q comes either from logits (log q = log-softmax, see {@link LogSoftmax}) or from probabilities,
 * where {@code log q_c} is clamped at −100 like {@link BinaryCrossEntropy} so that q_c = 0 under
 * p_c &gt; 0 gives a large finite value (and a clamped row, {@link #clamps}) instead of infinity. A class
 * with p_c = 0 contributes 0 whatever q_c is.
 *
 * <p>Near KL = 0 the positive and negative terms cancel; that is the nature of the divergence (its
 * condition number is Σ|p_c log p_c| + |p_c log q_c| over KL), not of this evaluation.
 */
public final class KlDivergence {
    private KlDivergence() {}

    /** {@code KL(p ‖ softmax(z))} with p = {@code target[c][row]}, z = {@code logits[c][row]}. */
    public static double fromLogits(double[][] target, double[][] logits, int row) {
        int k = LogSoftmax.argmax(logits, row);
        double rest = LogSoftmax.rest(logits, row, k, 1.0);
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            double p = target[c][row];
            if (p != 0) sum += p * (StrictMath.log(p) - LogSoftmax.logProbability(logits, row, c, k, rest, 1.0));
        }
        return sum;
    }

    /** {@code KL(p ‖ q)} with {@code log q_c} clamped at −100. */
    public static double fromProbabilities(double[][] target, double[][] q, int row) {
        double sum = 0;
        for (int c = 0; c < q.length; c++) {
            double p = target[c][row];
            if (p != 0) sum += p * (StrictMath.log(p) - CrossEntropy.clampedLog(q[c][row]));
        }
        return sum;
    }

    /** Whether the clamp changed {@link #fromProbabilities}: some q_c has log q_c &lt; −100 under p_c &gt; 0. */
    public static boolean clamps(double[][] target, double[][] q, int row) {
        for (int c = 0; c < q.length; c++) {
            if (target[c][row] != 0 && StrictMath.log(q[c][row]) < BinaryCrossEntropy.LOG_CLAMP) return true;
        }
        return false;
    }
}
