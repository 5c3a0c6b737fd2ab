package org.losseval.kernel;

/**
 * The per-row parts of the softmax of a batch of logits, as {@link ClassificationKernels#softmaxRows} computes
 * them once so that every figure of the batch that needs them reads the same bits instead of recomputing them:
 * cross-entropy's log-softmax at the label ({@link ClassificationKernels#logSoftmaxAt(SoftmaxRows, double[][],
 * int, double[], double[], int)}), and the top class's probability that ece, its bootstrap and the reliability
 * diagram read.
 *
 * <p>For row i with logits x<sub>c</sub>, shift s = max<sub>c</sub> x<sub>c</sub> (0 when that is ±Inf) and
 * {@code S' = Σ_c exp(x_c − s) − 1} (the classes at the maximum counted as exactly 1, the rest summed in class
 * order with {@link KernelMath#exp}; see {@link ScalarClassificationKernels}):
 * <pre>
 *   shift[i]          = s
 *   logSum[i]         = log Σ_c exp(x_c − s) = log1p(S')          (KernelMath.log1p)
 *   topProbability[i] = softmax(x)_top = exp(x_top − s) / Σ_c exp(x_c − s) = 1 / (1 + S')
 *   classesAtShift[i] = the number of classes c with x_c = s (1 unless the maximum is tied; ±0 are equal)
 * </pre>
 * The last is exact algebra because x<sub>top</sub> = s for a finite maximum: one division a row, correctly
 * rounded, on top of the exps the loss needs anyway. The count of classes at the shift is the sum's own
 * "ones" (see {@link ScalarClassificationKernels}); with it a reader that needs the top class (the reliability
 * diagram: is it the label?) scans the row only when the maximum is tied. It lies in [1/C, 1] for finite logits (the only ones a
 * validated batch holds); for a row with a non-finite maximum it is not a probability (0 or NaN).
 *
 * <p>Arrays of at least {@link #capacity()} rows; only rows {@code [0, n)} of the last computation mean
 * anything. Not thread-safe: one per batch.
 */
public final class SoftmaxRows {
    private final double[] shift;
    private final double[] logSum;
    private final double[] topProbability;
    private final double[] classesAtShift;

    /** Room for {@code capacity} rows. */
    public SoftmaxRows(int capacity) {
        shift = new double[capacity];
        logSum = new double[capacity];
        topProbability = new double[capacity];
        classesAtShift = new double[capacity];
    }

    public int capacity() { return shift.length; }

    /** The row's shift s, the maximum logit. */
    public double[] shift() { return shift; }

    /** log Σ_c exp(x_c − s): the log-softmax at class c is {@code (x_c − s) − logSum}. */
    public double[] logSum() { return logSum; }

    /** The softmax probability of the row's largest logit, 1 / Σ_c exp(x_c − s). */
    public double[] topProbability() { return topProbability; }

    /** How many classes have the shift as their logit: 1 unless the row's maximum is tied (a whole number). */
    public double[] classesAtShift() { return classesAtShift; }

    void requireRows(int n) {
        if (n > shift.length) throw new IllegalArgumentException(n + " rows for a SoftmaxRows of " + shift.length);
    }
}
