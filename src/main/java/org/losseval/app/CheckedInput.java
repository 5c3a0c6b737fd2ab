package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.loss.RowLoss;

/**
 * One input as a run reads it, batch by batch: paired with the baseline's files when there are some
 * ({@link PairedSource}), its roles bound to columns, the candidate's and the baseline's ({@link ColumnBinding}),
 * and its rows validated through both views ({@link RowValidator}). The one home of these steps for both passes
 * over the inputs, the report's ({@link Evaluator}) and {@code --rows-out}'s ({@link RowsOutPass}), so the
 * second sees exactly the rows the first did and skips the same ones for the same reasons.
 *
 * <p>Rows are skipped in two places, both counted in the input's tally and told to the listener given to
 * {@link #next}: the pairing removes rows it cannot pair (a key missing from the baseline, ...), then the
 * validator rows with an invalid value. Closing this closes the input (not the pairing, which serves every
 * input of a pass). Not thread-safe.
 */
final class CheckedInput implements AutoCloseable {
    /** A validated batch: its rows (all used), read through the candidate's roles and the baseline's. */
    record Batch(ColumnBatch rows, BatchInputs inputs, BatchInputs baseline, KernelChooser.BatchKernels kernels) {}

    private final Source file;
    private final ColumnBinding binding;
    /** The baseline's binding in the same rows (its roles over the candidate's), or null without a baseline. */
    private final ColumnBinding baseline;
    private final RowValidator validator;
    private final Pairing pairing;
    private final RowTally tally;
    private final KernelChooser kernels;

    /** What a pass reads of each input: the candidate's number columns, group specs and text columns. */
    static SourceOptions options(RunPlan plan, int batchSize) {
        return new SourceOptions(PairingPlan.candidateColumns(plan), plan.request.delimiter(), batchSize,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS, PairingPlan.candidateGroups(plan), PairingPlan.candidateTexts(plan));
    }

    /**
     * Binds the roles of {@code input} (opened with {@link #options}) and checks its columns.
     *
     * @param pairing the pass's pairing with the baseline's files, or null
     * @param tally   the input's tally: rows read and skipped are counted in it
     * @throws InputException for a missing column or a column of the wrong form (the input is then closed)
     */
    CheckedInput(RunPlan plan, Source input, Pairing pairing, RowTally tally, KernelChooser kernels)
            throws InputException {
        this.pairing = pairing;
        this.tally = tally;
        this.kernels = kernels;
        this.file = pairing == null ? input : new PairedSource(input, pairing, tally);
        try {
            EvalRequest request = plan.request;
            binding = ColumnBinding.of(request, file);
            List<RowLoss> streamed = plan.streamedLosses();
            binding.checkForms(streamed, file.name());
            baseline = plan.baselineRoles() == null ? null : ColumnBinding.of(plan.baselineRoles(), file);
            if (baseline == null) {
                validator = new RowValidator(binding.columns(plan.columnsRead()), request.weightColumn(),
                        binding.roles(), streamed, request.intervals(), request.policy());
            } else {
                baseline.checkForms(streamed, file.name());
                binding.checkApart(baseline, request.baseline().roles().keySet(), file.name());
                List<IntervalColumns> intervals = new ArrayList<>(request.intervals());
                intervals.addAll(request.baseline().intervals());
                validator = new RowValidator(binding.columns(baseline.columns(plan.columnsRead())), request.weightColumn(),
                        binding.roles(), baseline.roles(), streamed, intervals, request.policy());
            }
        } catch (InputException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    ColumnBinding binding() { return binding; }

    /**
     * The next batch with its invalid rows removed (or the run ended, without --skip-invalid), or null after the
     * last. A batch may be empty when all its rows were skipped.
     *
     * @param listener told each skipped row with its reason, in no particular order across the pairing and the
     *                 validator; or null
     */
    Batch next(RowValidator.SkipListener listener) throws InputException {
        if (pairing != null) pairing.listen(listener);
        ColumnBatch batch = file.next();
        if (batch == null) return null;
        tally.read(batch.size());
        KernelChooser.BatchKernels batchKernels = kernels.next(batch.size());
        BatchInputs inputs = new BatchInputs(batch, binding.roles(), batchKernels.regression(),
                batchKernels.classification());
        BatchInputs baselineInputs = baseline == null ? null : new BatchInputs(batch, baseline.roles(),
                batchKernels.regression(), batchKernels.classification());
        validator.apply(batch, inputs, baselineInputs, tally, listener);
        return new Batch(batch, inputs, baselineInputs, batchKernels);
    }

    @Override
    public void close() throws InputException {
        file.close();
    }
}
