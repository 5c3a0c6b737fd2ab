package org.losseval.app;

import java.util.EnumMap;
import java.util.Map;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.LossInputs;
import org.losseval.loss.Role;

/**
 * Some rows of a batch, copied into arrays that start at 0, seen as the batch is ({@link LossInputs}): the
 * rows of one group, for its states. The arrays are reused from batch to batch (they grow to the largest
 * group of a batch), so gathering allocates nothing once warm. Not thread-safe.
 */
final class GatheredRows implements LossInputs {
    private final Map<Role, double[][]> columns = new EnumMap<>(Role.class);
    private LossInputs from;
    private int size;
    /** Whether no column was gathered ({@link #countOnly}). */
    private boolean empty;

    /** Copies rows {@code order[start, end)} of {@code batch}'s every role into this view. */
    void gather(LossInputs batch, int[] order, int start, int end) {
        from = batch;
        size = end - start;
        empty = false;
        for (Role role : Role.values()) {
            if (!batch.has(role)) continue;
            double[][] source = batch.group(role);
            double[][] target = columns.get(role);
            if (target == null || target.length != source.length || target[0].length < size) {
                target = new double[source.length][Math.max(size, target == null ? 0 : target[0].length)];
                columns.put(role, target);
            }
            for (int k = 0; k < source.length; k++) gather(source[k], order, start, end, target[k]);
        }
    }

    /**
     * A view of {@code size} rows of {@code batch} with no column gathered: for states that read only the row
     * count and the kernels (each role then reads as not given).
     */
    void countOnly(LossInputs batch, int size) {
        from = batch;
        this.size = size;
        empty = true;
    }

    /** {@code out[j] = values[order[start + j]]} for the rows {@code [start, end)}. */
    static void gather(double[] values, int[] order, int start, int end, double[] out) {
        for (int j = 0, i = start; i < end; i++, j++) out[j] = values[order[i]];
    }

    @Override public int size() { return size; }

    @Override public boolean has(Role role) { return !empty && from.has(role); }

    @Override
    public double[][] group(Role role) {
        double[][] group = columns.get(role);
        if (group == null || !has(role)) throw new IllegalStateException(role.option() + " was not given");
        return group;
    }

    @Override public RegressionKernels kernels() { return from.kernels(); }

    @Override public ClassificationKernels classificationKernels() { return from.classificationKernels(); }
}
