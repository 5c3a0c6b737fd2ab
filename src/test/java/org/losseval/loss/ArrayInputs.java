package org.losseval.loss;

import java.util.EnumMap;
import java.util.Map;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * {@link LossInputs} over plain arrays, bound role by role as a run binds columns: for tests of row losses
 * and of the states that read them. Regression losses run on the scalar reference kernels unless
 * {@link #onActiveKernels()} says otherwise; classification losses always on the active ones (the suite runs
 * once with the vector kernels, once with the scalar ones).
 */
public final class ArrayInputs implements LossInputs {
    private final int size;
    private final Map<Role, double[][]> roles = new EnumMap<>(Role.class);
    private RegressionKernels regression = Kernels.scalar();

    public ArrayInputs(int size) { this.size = size; }

    /** Inputs of {@code size} rows with every role of {@code groups} bound (column-major). */
    public static ArrayInputs of(int size, Map<Role, double[][]> groups) {
        ArrayInputs inputs = new ArrayInputs(size);
        groups.forEach(inputs::withGroup);
        return inputs;
    }

    /** Regression losses on the active kernels, as a run past the switch-over computes them. */
    public ArrayInputs onActiveKernels() {
        regression = Kernels.regression();
        return this;
    }

    /** Binds a single-column role. */
    public ArrayInputs with(Role role, double... column) {
        return withGroup(role, new double[][] {column});
    }

    /** Binds a group role, column-major ({@code columns[k][row]}). */
    public ArrayInputs withGroup(Role role, double[][] columns) {
        for (double[] column : columns) {
            if (column.length < size) throw new IllegalArgumentException(role + " has fewer than " + size + " rows");
        }
        roles.put(role, columns);
        return this;
    }

    @Override public int size() { return size; }

    @Override public boolean has(Role role) { return roles.containsKey(role); }

    @Override
    public double[][] group(Role role) {
        double[][] group = roles.get(role);
        if (group == null) throw new IllegalStateException(role + " not bound");
        return group;
    }

    @Override public RegressionKernels kernels() { return regression; }

    /** The active classification kernels: the suite runs once with the vector ones, once with the scalar ones. */
    @Override public ClassificationKernels classificationKernels() { return Kernels.classification(); }

    /** Whether every role of one of the loss's forms is bound, as a run requires. */
    boolean fits(LossDefinition definition) {
        return definition.formFor(roles.keySet()) != null;
    }
}
