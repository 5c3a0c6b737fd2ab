package org.losseval.kernel;

/**
 * The scalar reference for {@link ClassificationKernels}: one plain loop per method over a per-row
 * formula. The per-row formulas are public so that a loss's {@code rowLoss} gives the same bits as its
 * kernel; exp, log and log1p come from {@link KernelMath}.
 *
 * <p>Formulas, with {@code L(z) = log1p(exp(−|z|))} (in {@code [0, ln 2]}, never overflows):
 * <ul>
 *   <li>softplus: {@code L(x) + max(x, 0)}. softplus(−1e4) = 0, softplus(1e4) = 1e4, softplus(NaN) = NaN.</li>
 *   <li>sigmoid: with {@code e = exp(−|x|)}, {@code x ≥ 0 ? 1/(1 + e) : e/(1 + e)}, so neither sign
 *       overflows and sigmoid(−800) is the tiny e rather than 1 − 1.</li>
 *   <li>bceWithLogits (PyTorch, with pos_weight pw and {@code w = 1 + (pw − 1)·y}): PyTorch's
 *       {@code (1 − y)·z + w·softplus(−z)} is, since {@code softplus(−z) = L(z) + max(−z, 0)},
 *       {@code (1 − y)·z + w·L(z)} for z ≥ 0 and {@code pw·y·(−z) + w·L(z)} for z < 0. Both terms are
 *       non-negative for {@code y ∈ [0, 1]}, {@code pw ≥ 0}, so nothing cancels: bce(−30, 0) keeps
 *       full precision (≈ 9.4e-14), where the literal form computes −30 + 30.0000000000000936.
 *       bce(100, 0) = 100 exactly. An infinite logit gives NaN where PyTorch's formula has 0·∞.</li>
 *   <li>multi-class rows: {@code m = max_c x_c} (Math.max in class order, NaN propagates), shift
 *       {@code s = m}, or 0 if m is ±Inf (PyTorch logsumexp); {@code log S = log Σ_c exp(x_c − s)}
 *       computed as {@code log1p((ones − 1) + others)}, where ones counts the classes at the shift
 *       (each contributes exactly 1) and others sums the rest in class order, so a dominant class
 *       leaves full precision in −log p ≈ 0; logSumExp = {@code s + log S}; log-softmax at c = {@code (x_c − s) − log S};
 *       soft cross-entropy = {@code −Σ_c fma(t_c, logSoftmax_c, ·)} in class order; the top class's
 *       probability ({@link SoftmaxRows}) = {@code 1 / (1 + ((ones − 1) + others))}, the sum that log1p took.</li>
 * </ul>
 * Parameters and labels are validated by the losses; the kernels still reject a label that is not a
 * class index rather than read a wrong column. Stateless and thread-safe.
 */
public final class ScalarClassificationKernels implements ClassificationKernels {

    private final String description;

    /** The plain scalar reference. */
    ScalarClassificationKernels() {
        this("scalar");
    }

    /** A scalar reference whose description also says why it is the active one. */
    ScalarClassificationKernels(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        expFrom(0, x, out, n);
    }

    @Override
    public void log(double[] x, double[] out, int n) {
        logFrom(0, x, out, n);
    }

    @Override
    public void log1p(double[] x, double[] out, int n) {
        log1pFrom(0, x, out, n);
    }

    @Override
    public void softplus(double[] x, double[] out, int n) {
        softplusFrom(0, x, out, n);
    }

    @Override
    public void sigmoid(double[] x, double[] out, int n) {
        sigmoidFrom(0, x, out, n);
    }

    @Override
    public void bceWithLogits(double[] z, double[] y, double posWeight, double[] out, int n) {
        bceWithLogitsFrom(0, z, y, posWeight, out, n);
    }

    @Override
    public void logSumExp(double[][] cols, int classes, double[] out, int n) {
        checkClasses(cols, classes, "cols");
        logSumExpFrom(0, cols, classes, out, n);
    }

    @Override
    public void logSoftmaxAt(double[][] cols, int classes, double[] labels, double[] out, int n) {
        checkClasses(cols, classes, "cols");
        checkLabels(labels, classes, n);
        logSoftmaxAtFrom(0, cols, classes, labels, out, n);
    }

    @Override
    public void softmaxRows(double[][] cols, int classes, SoftmaxRows out, int n) {
        checkClasses(cols, classes, "cols");
        out.requireRows(n);
        softmaxRowsFrom(0, cols, classes, out, n);
    }

    @Override
    public void logSoftmaxAt(SoftmaxRows rows, double[][] cols, int classes, double[] labels, double[] out, int n) {
        checkClasses(cols, classes, "cols");
        checkLabels(labels, classes, n);
        rows.requireRows(n);
        logSoftmaxAtFrom(0, rows, cols, labels, out, n);
    }

    @Override
    public void logSoftmax(double[][] cols, int classes, double[][] outCols, int n) {
        checkClasses(cols, classes, "cols");
        checkClasses(outCols, classes, "outCols");
        logSoftmaxFrom(0, cols, classes, outCols, n);
    }

    @Override
    public void crossEntropySoft(double[][] logits, double[][] target, int classes, double[] out, int n) {
        checkClasses(logits, classes, "logits");
        checkClasses(target, classes, "target");
        crossEntropySoftFrom(0, logits, target, classes, out, n);
    }

    // Loops over [from, n): the vector kernels finish their tails with them.

    static void expFrom(int from, double[] x, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = KernelMath.exp(x[i]);
        }
    }

    static void logFrom(int from, double[] x, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = KernelMath.log(x[i]);
        }
    }

    static void log1pFrom(int from, double[] x, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = KernelMath.log1p(x[i]);
        }
    }

    static void softplusFrom(int from, double[] x, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = softplus(x[i]);
        }
    }

    static void sigmoidFrom(int from, double[] x, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = sigmoid(x[i]);
        }
    }

    static void bceWithLogitsFrom(int from, double[] z, double[] y, double posWeight, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = bceWithLogits(z[i], y[i], posWeight);
        }
    }

    static void logSumExpFrom(int from, double[][] cols, int classes, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = logSumExp(cols, classes, i);
        }
    }

    static void logSoftmaxAtFrom(int from, double[][] cols, int classes, double[] labels, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = logSoftmaxAt(cols, classes, (int) labels[i], i);
        }
    }

    /**
     * {@link #shift}, {@link #shiftedExpsBeyondOne} (its ones too), its log1p and {@link #topProbability} of rows
     * [from, n), the
     * same operations in the same order for each row, but class by class over a run of rows rather than row by
     * row, as the vector kernel does (each row's sums are its own, so neighbouring rows' exps are independent;
     * measured no faster or slower than the row-by-row loop on JDK 17, src/bench/README.md). The output arrays
     * hold the running parts meanwhile: the shift's running maximum, "others" in logSum.
     */
    static void softmaxRowsFrom(int from, double[][] cols, int classes, SoftmaxRows out, int n) {
        double[] shifts = out.shift();
        double[] others = out.logSum();
        double[] ones = out.classesAtShift();
        double[] tops = out.topProbability();
        for (int low = from; low < n; low += SOFTMAX_RUN) {
            int high = Math.min(n, low + SOFTMAX_RUN);
            System.arraycopy(cols[0], low, shifts, low, high - low);
            for (int c = 1; c < classes; c++) {
                double[] x = cols[c];
                for (int i = low; i < high; i++) shifts[i] = Math.max(shifts[i], x[i]);
            }
            for (int i = low; i < high; i++) {
                double max = shifts[i];
                shifts[i] = Math.abs(max) == Double.POSITIVE_INFINITY ? 0.0 : max;
                ones[i] = 0.0;
                others[i] = 0.0;
            }
            for (int c = 0; c < classes; c++) {
                double[] x = cols[c];
                for (int i = low; i < high; i++) {
                    double d = x[i] - shifts[i];
                    boolean atShift = d == 0.0;
                    ones[i] += atShift ? 1.0 : 0.0;
                    others[i] += atShift ? 0.0 : KernelMath.exp(d);
                }
            }
            for (int i = low; i < high; i++) {
                double beyondOne = (ones[i] - 1.0) + others[i];
                others[i] = KernelMath.log1p(beyondOne);
                tops[i] = topProbability(beyondOne);
            }
        }
    }

    /** Rows of {@link #softmaxRowsFrom} at a time: its three arrays' runs stay in the L1 cache (12 KiB). */
    private static final int SOFTMAX_RUN = 512;

    static void logSoftmaxAtFrom(int from, SoftmaxRows rows, double[][] cols, double[] labels, double[] out, int n) {
        double[] shifts = rows.shift();
        double[] logSums = rows.logSum();
        for (int i = from; i < n; i++) {
            out[i] = (cols[(int) labels[i]][i] - shifts[i]) - logSums[i];
        }
    }

    static void logSoftmaxFrom(int from, double[][] cols, int classes, double[][] outCols, int n) {
        for (int i = from; i < n; i++) {
            double shift = shift(cols, classes, i);
            double logSum = logSumOfShiftedExps(cols, classes, i, shift);
            for (int c = 0; c < classes; c++) {
                outCols[c][i] = (cols[c][i] - shift) - logSum;
            }
        }
    }

    static void crossEntropySoftFrom(int from, double[][] logits, double[][] target, int classes, double[] out, int n) {
        for (int i = from; i < n; i++) {
            out[i] = crossEntropySoft(logits, target, classes, i);
        }
    }

    /** log(1 + e^x); see the class comment. */
    public static double softplus(double x) {
        return logOnePlusExpMinusAbs(x) + Math.max(x, 0.0);
    }

    /** 1 / (1 + e^−x); see the class comment. */
    public static double sigmoid(double x) {
        double e = KernelMath.exp(-Math.abs(x));
        double denominator = 1.0 + e;
        return x >= 0.0 ? 1.0 / denominator : e / denominator;
    }

    /** PyTorch's binary cross-entropy with logits and pos_weight, rearranged; see the class comment. */
    public static double bceWithLogits(double z, double y, double posWeight) {
        double linear = z >= 0.0 ? (1.0 - y) * z : posWeight * y * -z;
        double weight = 1.0 + (posWeight - 1.0) * y;
        return linear + weight * logOnePlusExpMinusAbs(z);
    }

    /** log Σ_c exp(cols[c][row]); see the class comment. */
    public static double logSumExp(double[][] cols, int classes, int row) {
        double shift = shift(cols, classes, row);
        return shift + logSumOfShiftedExps(cols, classes, row, shift);
    }

    /** The log-softmax of one row at class {@code label}; see the class comment. */
    public static double logSoftmaxAt(double[][] cols, int classes, int label, int row) {
        double shift = shift(cols, classes, row);
        double logSum = logSumOfShiftedExps(cols, classes, row, shift);
        return (cols[label][row] - shift) - logSum;
    }

    /** −Σ_c target[c][row]·logSoftmax_c of one row; see the class comment. */
    public static double crossEntropySoft(double[][] logits, double[][] target, int classes, int row) {
        double shift = shift(logits, classes, row);
        double logSum = logSumOfShiftedExps(logits, classes, row, shift);
        double sum = 0.0;
        for (int c = 0; c < classes; c++) {
            sum = Math.fma(target[c][row], (logits[c][row] - shift) - logSum, sum);
        }
        return -sum;
    }

    /** log1p(exp(−|x|)), the part of softplus that is in [0, ln 2]. */
    static double logOnePlusExpMinusAbs(double x) {
        return KernelMath.log1p(KernelMath.exp(-Math.abs(x)));
    }

    /** The row's maximum, or 0 when that is ±Inf (PyTorch's logsumexp). */
    static double shift(double[][] cols, int classes, int row) {
        double max = cols[0][row];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, cols[c][row]);
        }
        return Math.abs(max) == Double.POSITIVE_INFINITY ? 0.0 : max;
    }

    /**
     * log Σ_c exp(cols[c][row] − shift) as {@code log1p((ones − 1) + others)}: the classes at the shift
     * (the maximum) contribute exactly 1 each and are counted in {@code ones}, the others are summed in
     * class order. When one class dominates, the sum is 1 + tiny and log1p keeps the tiny part's
     * precision, which log(1 + tiny) would round away (the cross-entropy of a confident right answer).
     * Written with conditional additions so the vector code can do the same with blends.
     */
    static double logSumOfShiftedExps(double[][] cols, int classes, int row, double shift) {
        return KernelMath.log1p(shiftedExpsBeyondOne(cols, classes, row, shift));
    }

    /** {@code S' = Σ_c exp(cols[c][row] − shift) − 1} as {@code (ones − 1) + others}: see {@link #logSumOfShiftedExps}. */
    static double shiftedExpsBeyondOne(double[][] cols, int classes, int row, double shift) {
        double ones = 0.0;
        double others = 0.0;
        for (int c = 0; c < classes; c++) {
            double d = cols[c][row] - shift;
            boolean atShift = d == 0.0;
            ones += atShift ? 1.0 : 0.0;
            others += atShift ? 0.0 : KernelMath.exp(d);
        }
        return (ones - 1.0) + others;
    }

    /**
     * The top class's softmax probability from {@link #shiftedExpsBeyondOne}: {@code 1 / (1 + S')}, since the
     * top class's own term exp(x_top − shift) is exactly 1 ({@link SoftmaxRows}).
     */
    static double topProbability(double beyondOne) {
        return 1.0 / (1.0 + beyondOne);
    }

    static void checkClasses(double[][] cols, int classes, String name) {
        if (classes < 1 || cols.length < classes) {
            throw new IllegalArgumentException(name + " has " + cols.length + " columns, " + classes + " classes asked for");
        }
    }

    /** Every label in [0, n) must be an integer class index, or the kernels would read a wrong column. */
    static void checkLabels(double[] labels, int classes, int n) {
        for (int i = 0; i < n; i++) {
            double label = labels[i];
            if (!(label >= 0.0 && label < classes && label == Math.rint(label))) {
                throw new IllegalArgumentException("row " + i + ": label " + label + " is not a class in [0, " + classes + ")");
            }
        }
    }
}
