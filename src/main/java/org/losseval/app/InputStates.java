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
 *
 * <p>Losses whose states would hold the same sums ({@link LossState#sameSums}: mse and rmse both sum the squared
 * errors) are fed once: while rows stream in, only the first of them is fed, and the others' states take its sums
 * ({@link LossState#absorb}, exact) when anything but a batch comes ({@link #settle}: figures, a combine, an
 * encoding), after which each is fed as its own. The figures are the same bits either way; a run of the
 * benchmark's five losses adds four row losses a row instead of five.
 */
final class InputStates {
    private final String name;
    private final String format;
    private final RowTally tally = new RowTally();
    /** Per requested loss, its state; null for a deferred loss. */
    private final LossState[] losses;
    private final ResidualSample residuals;
    /**
     * Per streamed loss, the loss whose state is fed for it, or its own index ({@link #settle}). Derived from the
     * plan, so not encoded: states are settled before they are encoded, and a state is settled before it is
     * decoded into ({@link PartialRun}), so encoded states hold every loss's own sums, as before this existed.
     */
    private final transient int[] fedAs;
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
        fedAs = new int[losses.length];
        for (int l = 0; l < losses.length; l++) {
            fedAs[l] = l;
            if (losses[l] == null) continue;
            for (int m = 0; m < l; m++) {
                if (fedAs[m] == m && losses[m] != null && LossState.sameSums(losses[m].loss(), losses[l].loss())) {
                    fedAs[l] = m;
                    break;
                }
            }
        }
    }

    String name() { return name; }

    String format() { return format; }

    /** Rows read, used and skipped; the validator counts skipped rows in it. */
    RowTally tally() { return tally; }

    /** Adds a validated batch to every state and counts its rows as used. */
    void accept(BatchInputs batch, double[] sampleWeight) {
        int n = batch.size();
        for (int l = 0; l < losses.length; l++) {
            if (losses[l] != null && fedAs[l] == l) losses[l].accept(batch, sampleWeight);
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
        settle();
        other.settle();
        tally.combine(other.tally);
        for (int l = 0; l < losses.length; l++) {
            if (losses[l] != null) losses[l].combine(other.losses[l]);
        }
        if (residuals != null) residuals.combine(other.residuals);
    }

    /**
     * Gives every loss fed through another its own sums ({@link LossState#absorb} of the fed one's), and feeds each
     * as its own from now on. The figures do not change; called before any is read, before a combine, and before
     * the states are encoded or decoded into.
     */
    void settle() {
        for (int l = 0; l < losses.length; l++) {
            if (fedAs[l] == l) continue;
            losses[l].absorb(losses[fedAs[l]]);
            fedAs[l] = l;
        }
    }

    /** The state of a streamed loss, with its own figures (settled: {@link #settle}). */
    LossState lossState(int l) {
        if (losses[l] == null) throw new IllegalStateException("loss " + l + " is deferred");
        if (fedAs[l] != l) settle();
        return losses[l];
    }

    /**
     * The state fed with a streamed loss's rows, whose {@link LossState#plainRowLosses()}, {@link LossState#rowLosses()}
     * and {@link LossState#rowWeights()} hold the last batch's for that loss: its own, or the one fed for it (the
     * same bits). For the readers of a batch (contributions, comparison, groups), not for figures.
     */
    LossState rowLossState(int l) {
        if (losses[l] == null) throw new IllegalStateException("loss " + l + " is deferred");
        return losses[fedAs[l]];
    }

    /** The residuals kept for deferred losses, or null when the run has none. */
    ResidualSample residuals() { return residuals; }

    /** The row losses of the last batch for the given losses (streamed ones), for the contribution figures. */
    double[][] rowLosses(List<Integer> streamedLosses) {
        double[][] rowLosses = new double[streamedLosses.size()][];
        for (int k = 0; k < rowLosses.length; k++) rowLosses[k] = rowLossState(streamedLosses.get(k)).rowLosses();
        return rowLosses;
    }
}
