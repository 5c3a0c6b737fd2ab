package org.losseval.loss.math;

/**
 * Multi-class cross-entropy of one row, following PyTorch 1.13 {@code F.cross_entropy} (aten/src/ATen/
 * native/LossNLL.cpp: {@code cross_entropy_loss_label_smoothing}, {@code cross_entropy_loss_prob_target}),
 * split into the per-row <em>numerator</em> and the per-row <em>denominator weight</em> so that a
 * streaming accumulator reproduces {@code reduction='mean'} exactly: mean = Σ numerator / Σ denominator.
 *
 * <p><b>Integer label</b> {@code y} over C classes, class weights {@code w} (null: all 1), label smoothing
 * ε, with {@code lp = log_softmax(z)} (see {@link LogSoftmax}):
 * <pre>
 *   numerator(row)   = (1 − ε)·w_y·(−lp_y) + (ε / C)·Σ_c w_c·(−lp_c)       0 when y == ignore_index
 *   denominator(row) = w_y                                                 0 when y == ignore_index
 * </pre>
 * This is PyTorch's {@code (1 − ε)·nll_loss(lp, y, w) + (ε / C)·smooth_loss}: note that the smoothing
 * term weights class c by its own {@code w_c}, not by the row's {@code w_y}, yet PyTorch's mean divides
 * the whole by {@code Σ w_{y_i}} over the rows not ignored (the nll_loss denominator). Without weights the
 * denominator is 1 per row not ignored, so ignored rows count in neither sum. All rows ignored gives
 * 0 / 0 = NaN, as in PyTorch.
 *
 * <p><b>Soft (dense) target</b> {@code t} (a distribution per row; a one-hot row is a hard label):
 * <pre>
 *   numerator(row)   = Σ_c w_c·t'_c·(−lp_c),   t' = (1 − ε)·t + ε / C
 *   denominator(row) = 1
 * </pre>
 * PyTorch's mean over probability targets divides by the number of rows, <em>not</em> by a sum of
 * weights, and has no ignore_index: with class weights, a one-hot soft target and the same integer label
 * give the same per-row numerator but different means.
 *
 * <p><b>From probabilities</b> (the caller holds softmax outputs, not logits): the same formulas with
 * {@code lp_c = max(log p_c, −100)}, PyTorch's clamp of {@code binary_cross_entropy}, chosen for
 * consistency with {@link BinaryCrossEntropy} (PyTorch's {@code nll_loss(log p)} would give infinity for
 * p_y = 0). A row is <em>clamped</em> when a log term with a non-zero coefficient fell below −100.
 *
 * <p>Numerics: {@code −lp_c = (z_k − z_c) + log1p(Σ_{c'≠k} exp(z_c' − z_k))} with k the largest logit is a
 * sum of non-negative terms, so a confident correct row keeps its tiny loss to full relative precision
 * and logits of ±1e4 neither overflow nor cancel. Labels must already be checked
 * ({@link RowChecks#classLabel}); an index outside [0, C) throws {@link ArrayIndexOutOfBoundsException}.
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    /** PyTorch's default {@code ignore_index}. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    /** Plain {@code F.cross_entropy(z, y)} of one row: {@code −log_softmax(z)_y}. */
    public static double fromLogits(double[][] logits, int row, int label) {
        int k = LogSoftmax.argmax(logits, row);
        return -LogSoftmax.logProbability(logits, row, label, k, LogSoftmax.rest(logits, row, k, 1.0), 1.0);
    }

    /** The per-row numerator of {@code F.cross_entropy(z, y, weight, ignore_index, label_smoothing)}. */
    public static double fromLogits(double[][] logits, int row, int label, double[] classWeights,
                                    double labelSmoothing, int ignoreIndex) {
        if (label == ignoreIndex) return 0;
        int k = LogSoftmax.argmax(logits, row);
        double rest = LogSoftmax.rest(logits, row, k, 1.0);
        double nll = weight(classWeights, label) * -LogSoftmax.logProbability(logits, row, label, k, rest, 1.0);
        if (labelSmoothing == 0) return nll;
        double smooth = 0;
        for (int c = 0; c < logits.length; c++) {
            smooth += weight(classWeights, c) * -LogSoftmax.logProbability(logits, row, c, k, rest, 1.0);
        }
        return (1 - labelSmoothing) * nll + labelSmoothing / logits.length * smooth;
    }

    /** The per-row denominator of PyTorch's mean for an integer label: {@code w_y}, 1 without weights, 0 if ignored. */
    public static double denominator(int label, double[] classWeights, int ignoreIndex) {
        return label == ignoreIndex ? 0 : weight(classWeights, label);
    }

    /** The per-row numerator for a soft target row {@code target[c][row]}; its denominator is 1. */
    public static double fromLogitsSoft(double[][] logits, int row, double[][] target, double[] classWeights,
                                        double labelSmoothing) {
        int k = LogSoftmax.argmax(logits, row);
        double rest = LogSoftmax.rest(logits, row, k, 1.0);
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            double t = smoothed(target[c][row], labelSmoothing, logits.length);
            if (t != 0) sum += weight(classWeights, c) * t * -LogSoftmax.logProbability(logits, row, c, k, rest, 1.0);
        }
        return sum;
    }

    /** The per-row numerator from probabilities and an integer label, each log clamped at −100. */
    public static double fromProbabilities(double[][] probs, int row, int label, double[] classWeights,
                                           double labelSmoothing, int ignoreIndex) {
        if (label == ignoreIndex) return 0;
        double nll = weight(classWeights, label) * -clampedLog(probs[label][row]);
        if (labelSmoothing == 0) return nll;
        double smooth = 0;
        for (int c = 0; c < probs.length; c++) smooth += weight(classWeights, c) * -clampedLog(probs[c][row]);
        return (1 - labelSmoothing) * nll + labelSmoothing / probs.length * smooth;
    }

    /** Whether the clamp changed {@link #fromProbabilities(double[][], int, int, double[], double, int)}. */
    public static boolean clamps(double[][] probs, int row, int label, double[] classWeights,
                                 double labelSmoothing, int ignoreIndex) {
        if (label == ignoreIndex) return false;
        for (int c = 0; c < probs.length; c++) {
            double coefficient = (c == label ? (1 - labelSmoothing) * weight(classWeights, c) : 0)
                    + labelSmoothing / probs.length * weight(classWeights, c);
            if (coefficient != 0 && StrictMath.log(probs[c][row]) < BinaryCrossEntropy.LOG_CLAMP) return true;
        }
        return false;
    }

    /** The per-row numerator from probabilities and a soft target, each log clamped at −100; denominator 1. */
    public static double fromProbabilitiesSoft(double[][] probs, int row, double[][] target, double[] classWeights,
                                               double labelSmoothing) {
        double sum = 0;
        for (int c = 0; c < probs.length; c++) {
            double t = smoothed(target[c][row], labelSmoothing, probs.length);
            if (t != 0) sum += weight(classWeights, c) * t * -clampedLog(probs[c][row]);
        }
        return sum;
    }

    /** Whether the clamp changed {@link #fromProbabilitiesSoft}. */
    public static boolean clampsSoft(double[][] probs, int row, double[][] target, double[] classWeights,
                                     double labelSmoothing) {
        for (int c = 0; c < probs.length; c++) {
            double coefficient = weight(classWeights, c) * smoothed(target[c][row], labelSmoothing, probs.length);
            if (coefficient != 0 && StrictMath.log(probs[c][row]) < BinaryCrossEntropy.LOG_CLAMP) return true;
        }
        return false;
    }

    /**
     * Batch form for integer labels (stored as doubles, already checked): {@code out[i]} and
     * {@code denominators[i]} for rows i in [0, n) of the column-major {@code logits[c][i]}.
     */
    public static void fromLogits(double[][] logits, double[] labels, double[] classWeights, double labelSmoothing,
                                  int ignoreIndex, double[] out, double[] denominators, int n) {
        for (int i = 0; i < n; i++) {
            int label = (int) labels[i];
            out[i] = fromLogits(logits, i, label, classWeights, labelSmoothing, ignoreIndex);
            denominators[i] = denominator(label, classWeights, ignoreIndex);
        }
    }

    /**
     * Batch form from probabilities and integer labels.
     *
     * @return how many of the n rows were clamped
     */
    public static int fromProbabilities(double[][] probs, double[] labels, double[] classWeights,
                                        double labelSmoothing, int ignoreIndex, double[] out,
                                        double[] denominators, int n) {
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            int label = (int) labels[i];
            out[i] = fromProbabilities(probs, i, label, classWeights, labelSmoothing, ignoreIndex);
            denominators[i] = denominator(label, classWeights, ignoreIndex);
            if (clamps(probs, i, label, classWeights, labelSmoothing, ignoreIndex)) clamped++;
        }
        return clamped;
    }

    /** {@code max(log p, −100)}, PyTorch's clamp. */
    static double clampedLog(double p) {
        return Math.max(StrictMath.log(p), BinaryCrossEntropy.LOG_CLAMP);
    }

    private static double smoothed(double t, double labelSmoothing, int classes) {
        return labelSmoothing == 0 ? t : t * (1 - labelSmoothing) + labelSmoothing / classes;
    }

    private static double weight(double[] classWeights, int c) {
        return classWeights == null ? 1.0 : classWeights[c];
    }
}
