package org.losseval.app;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.batch.ColumnBatch;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.RegressionKernels;
import org.losseval.kernel.SoftmaxRows;
import org.losseval.loss.LossInputs;
import org.losseval.loss.Role;

/** A batch seen through the role binding of a run: the loss's view of the rows. */
final class BatchInputs implements LossInputs {
    private final ColumnBatch batch;
    private final RegressionKernels kernels;
    private final ClassificationKernels classificationKernels;
    private final Map<Role, double[][]> columns = new EnumMap<>(Role.class);
    /** The logits' softmax parts, computed at the first {@link #logitSoftmax()} (after validation); null before. */
    private SoftmaxRows logitSoftmax;
    /** The batch's size when {@link #logitSoftmax} was computed. */
    private int logitSoftmaxRows;
    /** The one logit column's sigmoid, computed at the first {@link #logitSigmoid()} (after validation); null before. */
    private double[] logitSigmoid;
    /** The batch's size when {@link #logitSigmoid} was computed. */
    private int logitSigmoidRows;

    BatchInputs(ColumnBatch batch, Map<Role, List<String>> roles, RegressionKernels kernels,
                ClassificationKernels classificationKernels) {
        this.batch = batch;
        this.kernels = kernels;
        this.classificationKernels = classificationKernels;
        for (Map.Entry<Role, List<String>> role : roles.entrySet()) {
            List<String> names = role.getValue();
            double[][] group = new double[names.size()][];
            for (int k = 0; k < group.length; k++) group[k] = batch.column(names.get(k));
            columns.put(role.getKey(), group);
        }
    }

    @Override public int size() { return batch.size(); }

    @Override public boolean has(Role role) { return columns.containsKey(role); }

    @Override
    public double[][] group(Role role) {
        double[][] group = columns.get(role);
        if (group == null) throw new IllegalStateException(role.option() + " was not given");
        return group;
    }

    @Override public RegressionKernels kernels() { return kernels; }

    @Override public ClassificationKernels classificationKernels() { return classificationKernels; }

    /**
     * Computed once for the batch and shared: the rows are validated and no longer change when the figures
     * read them (validation removes rows before any loss or state sees the batch, and reads no softmax). Should a
     * call come before rows are removed, the size tells and the parts are computed again.
     */
    @Override
    public SoftmaxRows logitSoftmax() {
        if (logitSoftmax == null || logitSoftmaxRows != size()) {
            logitSoftmax = LossInputs.super.logitSoftmax();
            logitSoftmaxRows = size();
        }
        return logitSoftmax;
    }

    /** Computed once for the batch and shared, for the reasons of {@link #logitSoftmax()}. */
    @Override
    public double[] logitSigmoid() {
        if (logitSigmoid == null || logitSigmoidRows != size()) {
            logitSigmoid = LossInputs.super.logitSigmoid();
            logitSigmoidRows = size();
        }
        return logitSigmoid;
    }
}
