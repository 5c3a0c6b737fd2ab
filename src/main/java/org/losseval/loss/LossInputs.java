package org.losseval.loss;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.RegressionKernels;
import org.losseval.kernel.SoftmaxRows;

/**
 * The inputs of a batch of rows, by role, as primitive arrays, and the kernels to compute with. Only the
 * first {@link #size()} entries of each array are meaningful.
 */
public interface LossInputs {

    int size();

    /** Whether the role was given (and bound to columns) in this run. */
    boolean has(Role role);

    /** The values of a single-column role: the one column of {@link #group}. */
    default double[] column(Role role) {
        double[][] group = group(role);
        if (group.length != 1) throw new IllegalStateException(role + " has " + group.length + " columns, not one");
        return group[0];
    }

    /** The columns of a group role: {@code group(r)[k][i]} is column k of row i. */
    double[][] group(Role role);

    /** The regression kernels chosen for this run. */
    RegressionKernels kernels();

    /** The classification kernels chosen for this run. */
    ClassificationKernels classificationKernels();

    /**
     * The softmax parts of the rows' {@code --logits} over all their columns ({@link SoftmaxRows}: shift, log-sum,
     * the top class's probability), through {@link #classificationKernels()}: the one home of the top-label
     * probability, which cross-entropy's log-sum-exp shares. A batch computes them at the first call and returns
     * the same object after that, so the loss, ece and the reliability diagram pay for them once; this default
     * computes them at every call (for views that are rebuilt in place, whose rows change between calls).
     */
    default SoftmaxRows logitSoftmax() {
        double[][] logits = group(Role.LOGITS);
        SoftmaxRows rows = new SoftmaxRows(size());
        classificationKernels().softmaxRows(logits, logits.length, rows, size());
        return rows;
    }

    /**
     * The sigmoid of the rows' one {@code --logits} column, p = P(class 1) = 1 / (1 + e<sup>−z</sup>), through
     * {@link ClassificationKernels#sigmoid} (the same bits in the scalar and vector kernels, on every JVM: no
     * {@code Math.exp}): the one home of the binary probability that ece, its bootstrap, the advice and the
     * reliability diagram read, as {@link #logitSoftmax()} is the multi-class one. At least {@link #size()}
     * entries; a batch computes them at the first call and returns the same array after that, this default at
     * every call (for views rebuilt in place). Callers must not write to it.
     *
     * @throws IllegalStateException when --logits is not one column
     */
    default double[] logitSigmoid() {
        double[] z = column(Role.LOGITS);
        double[] p = new double[size()];
        classificationKernels().sigmoid(z, p, size());
        return p;
    }
}
