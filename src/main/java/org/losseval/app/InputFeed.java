package org.losseval.app;

import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;

/**
 * Feeds one validated batch to every state that reads it: the input's own ({@link InputStates}), the run's
 * ({@link RunStates}, and its comparison with a baseline) and the groups' ({@link GroupRouter}). The one home of
 * this order for both readers of a run: the command line's ({@link Evaluator}) and another engine's
 * ({@link PartialRun}, a Spark partition).
 */
final class InputFeed {
    private InputFeed() {}

    /**
     * @param source      the input's index among the run's inputs (worst rows and bootstrap weights use it)
     * @param groups      the run's groups, or null without --group-by
     * @param checkWeight whether to look for a positive sample weight (false once one was seen)
     * @return whether {@code checkWeight} was asked and some row of the batch has a positive sample weight
     */
    static boolean accept(RunPlan plan, int source, CheckedInput.Batch checked, InputStates states, RunStates run,
                          GroupRouter groups, boolean checkWeight) throws InputException {
        ColumnBatch batch = checked.rows();
        if (batch.size() == 0) return false;
        EvalRequest request = plan.request;
        BatchInputs inputs = checked.inputs();
        double[] sampleWeight = request.weightColumn() == null ? null : batch.column(request.weightColumn());
        boolean positive = sampleWeight != null && checkWeight && anyPositive(sampleWeight, batch.size());
        states.accept(inputs, sampleWeight);
        run.accept(source, batch, inputs, sampleWeight, states);
        if (checked.baseline() != null) run.acceptBaseline(source, batch, inputs, checked.baseline(), sampleWeight, states);
        if (groups != null) groups.accept(batch, inputs, checked.baseline(), sampleWeight, states);
        return positive;
    }

    private static boolean anyPositive(double[] weights, int n) {
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) return true;
        }
        return false;
    }
}
