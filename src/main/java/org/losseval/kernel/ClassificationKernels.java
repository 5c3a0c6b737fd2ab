package org.losseval.kernel;

/**
 * Per-row classification computations over primitive arrays: the building blocks of binary and
 * multi-class cross-entropy, focal loss, KL divergence, distillation and InfoNCE. Each method reads rows
 * {@code [0, n)} of its inputs and writes {@code out[0, n)}; an output may be one of the inputs.
 *
 * <p>Multi-class inputs are column-major: {@code cols[c][i]} is class c of row i, for
 * {@code c < classes} ({@code classes ≥ 1}; more columns may be present and are ignored). That is how
 * a column batch holds them, and it lets the vector implementation put one row in each lane and loop
 * over the classes.
 *
 * <p>Two implementations, {@link ScalarClassificationKernels} and a Vector API one, which give the same
 * bits for every input at every vector width: exp, log and log1p come from {@link KernelMath} (built
 * from correctly rounded operations only, within 1 ulp of {@link StrictMath}), repeated lane by lane.
 *
 * <p>Log-sum-exp over a row uses the shift {@code m = max_c x_c}, replaced by 0 when m is ±Inf (as
 * PyTorch's {@code logsumexp} does, so a row of all −Inf gives −Inf and a +Inf logit gives +Inf rather
 * than NaN). Log-probabilities are formed as {@code (x_c − m) − log Σ exp(x_j − m)}, as PyTorch's
 * {@code log_softmax} does, never as {@code x_c − logSumExp}, which would round {@code x_c} and
 * logSumExp separately when both are large; and the log of the sum is a log1p of its part beyond
 * the maximum's exact 1, so a dominant class keeps full relative precision in {@code −log p ≈ 0}
 * (see {@link ScalarClassificationKernels}).
 */
public interface ClassificationKernels {

    /** Which implementation this is, e.g. "scalar" or "vector (256-bit, 4 doubles)". */
    String description();

    /** out = e^x, elementwise ({@link KernelMath#exp}). */
    void exp(double[] x, double[] out, int n);

    /** out = ln x, elementwise ({@link KernelMath#log}). */
    void log(double[] x, double[] out, int n);

    /** out = ln(1 + x), elementwise ({@link KernelMath#log1p}). */
    void log1p(double[] x, double[] out, int n);

    /** out = log(1 + e^x), computed as {@code log1p(exp(−|x|)) + max(x, 0)}: never overflows. */
    void softplus(double[] x, double[] out, int n);

    /** out = 1 / (1 + e^−x), computed from {@code e = exp(−|x|)} as 1/(1+e) or e/(1+e) by sign. */
    void sigmoid(double[] x, double[] out, int n);

    /**
     * PyTorch {@code binary_cross_entropy_with_logits(z, y, pos_weight=posWeight, reduction='none')}:
     * {@code (1 − y)·z + (1 + (posWeight − 1)·y)·softplus(−z)}, rearranged so that no two terms cancel
     * (see {@link ScalarClassificationKernels#bceWithLogits(double, double, double)}). posWeight = 1
     * means no weighting.
     */
    void bceWithLogits(double[] z, double[] y, double posWeight, double[] out, int n);

    /** out[i] = log Σ_c exp(cols[c][i]) (PyTorch {@code logsumexp} over the classes). */
    void logSumExp(double[][] cols, int classes, double[] out, int n);

    /**
     * out[i] = log-softmax of row i at its label: {@code (cols[l][i] − m) − log Σ exp(cols[c][i] − m)}
     * with {@code l = labels[i]}, so cross-entropy is its negation and InfoNCE is this with similarity
     * logits.
     *
     * @param labels class indices stored as doubles
     * @throws IllegalArgumentException if a label in {@code [0, n)} is not an integer in {@code [0, classes)}
     */
    void logSoftmaxAt(double[][] cols, int classes, double[] labels, double[] out, int n);

    /**
     * The softmax parts of rows {@code [0, n)} into {@code out} ({@link SoftmaxRows}: shift, log-sum and the top
     * class's probability), with the very operations {@link #logSoftmaxAt(double[][], int, double[], double[], int)}
     * uses, so that the log-softmax formed from them is the same bits.
     */
    void softmaxRows(double[][] cols, int classes, SoftmaxRows out, int n);

    /**
     * {@link #logSoftmaxAt(double[][], int, double[], double[], int)} from parts already computed by
     * {@link #softmaxRows} over the same {@code cols} and {@code classes}: {@code (cols[l][i] − shift[i]) −
     * logSum[i]}, the same bits.
     *
     * @throws IllegalArgumentException if a label in {@code [0, n)} is not an integer in {@code [0, classes)}
     */
    void logSoftmaxAt(SoftmaxRows rows, double[][] cols, int classes, double[] labels, double[] out, int n);

    /** outCols[c][i] = log-softmax of row i at class c, for every class (KL, distillation). */
    void logSoftmax(double[][] cols, int classes, double[][] outCols, int n);

    /**
     * Cross-entropy against a target distribution, PyTorch {@code cross_entropy} with class
     * probabilities as target: {@code out[i] = −Σ_c target[c][i]·logSoftmax_c(logits)[i]}, summed in
     * class order with FMA. A zero target at a −Inf log-probability gives NaN, as in PyTorch.
     */
    void crossEntropySoft(double[][] logits, double[][] target, int classes, double[] out, int n);
}
