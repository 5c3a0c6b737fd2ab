package org.losseval.app;

import java.util.List;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.ResidualSample;
import org.losseval.accumulate.RowTally;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * The states of one input: its row counts, the state of every loss computed while streaming, and, when
 * the run has a deferred loss ({@code huber:delta=mad}), its residuals (8 bytes a row, 16 with weights).
 * Each input has its own, so the report can show each input's figures; the run's are their combination.
 */
final class InputStates {
    private final String name;
    private final String format;
    private final RowTally tally = new RowTally();
    /** Per requested loss, its state; null for a deferred loss. */
    private final LossState[] losses;
    private final ResidualSample residuals;
    private transient double[] residualScratch = new double[0];

    InputStates(RunPlan plan, String name, String format) {
        this.name = name;
        this.format = format;
        boolean sampleWeighted = plan.request.weightColumn() != null;
        losses = new LossState[plan.streamed.size()];
        for (int l = 0; l < losses.length; l++) {
            RowLoss loss = plan.streamed.get(l);
            if (loss != null) losses[l] = new LossState(loss, sampleWeighted, plan.exactBudgetBytes);
        }
        residuals = plan.hasDeferredLosses() ? new ResidualSample(sampleWeighted) : null;
    }

    String name() { return name; }

    String format() { return format; }

    /** Rows read, used and skipped; the validator counts skipped rows in it. */
    RowTally tally() { return tally; }

    /** Adds a validated batch to every state and counts its rows as used. */
    void accept(BatchInputs batch, double[] sampleWeight) {
        int n = batch.size();
        for (LossState state : losses) {
            if (state != null) state.accept(batch, sampleWeight);
        }
        if (residuals != null) {
            if (residualScratch.length < n) residualScratch = new double[n];
            batch.kernels().residual(batch.column(Role.PRED), batch.column(Role.TARGET), residualScratch, n);
            residuals.accept(residualScratch, sampleWeight, n);
        }
        tally.used(n);
    }

    /**
     * Adds the rows of another part of the same input (a later range of a split file, read on another thread,
     * or a Spark partition) to this one, state by state; {@code other} is not changed. Both were made from the
     * same plan.
     */
    void combine(InputStates other) {
        if (!other.name.equals(name)) throw new IllegalArgumentException("cannot combine input " + other.name + " with " + name);
        tally.combine(other.tally);
        for (int l = 0; l < losses.length; l++) {
            if (losses[l] != null) losses[l].combine(other.losses[l]);
        }
        if (residuals != null) residuals.combine(other.residuals);
    }

    /** The state of a streamed loss (whose {@link LossState#rowLosses()} hold the last batch's). */
    LossState lossState(int l) {
        if (losses[l] == null) throw new IllegalStateException("loss " + l + " is deferred");
        return losses[l];
    }

    /** The residuals kept for deferred losses, or null when the run has none. */
    ResidualSample residuals() { return residuals; }

    /** The row losses of the last batch for the given losses (streamed ones), for the contribution figures. */
    double[][] rowLosses(List<Integer> streamedLosses) {
        double[][] rowLosses = new double[streamedLosses.size()][];
        for (int k = 0; k < rowLosses.length; k++) rowLosses[k] = lossState(streamedLosses.get(k)).rowLosses();
        return rowLosses;
    }
}
