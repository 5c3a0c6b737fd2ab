package org.losseval.app;

import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;

/**
 * What the report's pass does with each validated batch of one source: the one home of that step, for an input
 * read whole ({@link Evaluator}), for each range of a split file ({@link SplitReading}), which feeds states
 * of its own and combines them afterwards, and for a piece read by another engine ({@link PartialRun}, a Spark
 * partition). The batch goes to the input's states, then the run's (which read the
 * input's row losses of it), then the comparison's and the groups'. Not thread-safe: one per source or range.
 */
final class SourceFeed {
    final InputStates input;
    final RunStates run;
    /** The groups' router, or null without --group-by. */
    final GroupRouter groups;
    private final RunPlan plan;
    private final String weightColumn;
    /** Whether some usable row had a positive sample weight (with --weight). */
    private boolean positiveWeight;

    SourceFeed(RunPlan plan, InputStates input, RunStates run, GroupRouter groups) {
        this.input = input;
        this.run = run;
        this.groups = groups;
        this.plan = plan;
        this.weightColumn = plan.request.weightColumn();
    }

    /** New states of the same kinds, for a later range of input {@code source} (a split file). */
    SourceFeed emptyCopy(int source) {
        GroupRouter rangeGroups = groups == null ? null : new GroupRouter(plan);
        if (rangeGroups != null) rangeGroups.startSource(source);
        return new SourceFeed(plan, new InputStates(plan, input.name(), input.format()), new RunStates(plan),
                rangeGroups);
    }

    /**
     * Adds the rows of {@code later}, the feed of a later range of the same input, to this one's states: the
     * input's, the run's and the groups' (exact combinations, so the figures are those of one feed that read
     * both in order).
     *
     * @throws InputException when the groups together exceed the cap ({@link GroupRouter#combine})
     */
    void combine(SourceFeed later) throws InputException {
        input.combine(later.input);
        run.combine(later.run);
        if (groups != null) groups.combine(later.groups);
        positiveWeight |= later.positiveWeight;
    }

    /** Adds a validated batch of input {@code source}. */
    void accept(int source, CheckedInput.Batch checked) throws InputException {
        ColumnBatch batch = checked.rows();
        if (batch.size() == 0) return;
        BatchInputs inputs = checked.inputs();
        double[] sampleWeight = weightColumn == null ? null : batch.column(weightColumn);
        if (sampleWeight != null && !positiveWeight) positiveWeight = anyPositive(sampleWeight, batch.size());
        input.accept(inputs, sampleWeight);
        run.accept(source, batch, inputs, sampleWeight, input);
        if (checked.baseline() != null) run.acceptBaseline(source, batch, inputs, checked.baseline(), sampleWeight, input);
        if (groups != null) groups.accept(batch, inputs, checked.baseline(), sampleWeight, input);
    }

    /** Whether some usable row so far had a positive sample weight (always false without --weight). */
    boolean positiveWeight() { return positiveWeight; }

    private static boolean anyPositive(double[] weights, int n) {
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) return true;
        }
        return false;
    }
}
