package org.losseval.loss;

import java.util.EnumMap;
import java.util.Map;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/** {@link LossInputs} over plain arrays, bound role by role as a run binds columns: for tests of row losses. */
final class ArrayInputs implements LossInputs {
    private final int size;
    private final Map<Role, double[][]> roles = new EnumMap<>(Role.class);

    ArrayInputs(int size) { this.size = size; }

    /** Binds a single-column role. */
    ArrayInputs with(Role role, double... column) {
        return withGroup(role, new double[][] {column});
    }

    /** Binds a group role, column-major ({@code columns[k][row]}). */
    ArrayInputs withGroup(Role role, double[][] columns) {
        for (double[] column : columns) {
            if (column.length < size) throw new IllegalArgumentException(role + " has fewer than " + size + " rows");
        }
        roles.put(role, columns);
        return this;
    }

    @Override public int size() { return size; }

    @Override public boolean has(Role role) { return roles.containsKey(role); }

    @Override
    public double[] column(Role role) {
        double[][] group = group(role);
        if (group.length != 1) throw new IllegalStateException(role + " has " + group.length + " columns");
        return group[0];
    }

    @Override
    public double[][] group(Role role) {
        double[][] group = roles.get(role);
        if (group == null) throw new IllegalStateException(role + " not bound");
        return group;
    }

    @Override public RegressionKernels kernels() { return Kernels.scalar(); }

    /** The active classification kernels: the suite runs once with the vector ones, once with the scalar ones. */
    @Override public ClassificationKernels classificationKernels() { return Kernels.classification(); }

    /** Whether every role of one of the loss's forms is bound, as a run requires. */
    boolean fits(LossDefinition definition) {
        return definition.formFor(roles.keySet()) != null;
    }
}
