package org.losseval.loss;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.RegressionKernels;

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
}
