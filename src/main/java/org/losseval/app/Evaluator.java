package org.losseval.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.loss.RowLoss;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.text.Numbers;

/**
 * Runs one evaluation, in the order of DESIGN.md's flow: the request is checked ({@link RunPlan}); every
 * input is read once, batch by batch, its roles bound to columns ({@link ColumnBinding}), its rows
 * validated ({@link RowValidator}) and fed to the states, each input's own ({@link InputStates}) and the
 * run's ({@link RunStates}); then the report is built ({@link ReportAssembler}, which resolves deferred
 * losses with {@link DeferredLosses}) and its gates judged ({@link RunFigures}).
 *
 * <p>This class owns every thread of a run: states are single-threaded, and with {@code --threads} 2 or
 * more a second thread only reads ahead ({@link PrefetchingSource}), so results are the same bits whatever
 * the thread count. Not thread-safe; one evaluation at a time.
 */
public final class Evaluator {
    private final InputStream stdin;
    private final KernelChooser kernels = new KernelChooser();
    private final String toolVersion;
    /** Whether some usable row had a positive sample weight (with --weight): all zero is a data error. */
    private boolean positiveWeight;

    /** Rows per batch read; results do not depend on it (tests vary it to show that). */
    private final int batchSize;

    public Evaluator(InputStream stdin, String toolVersion) {
        this(stdin, toolVersion, SourceOptions.DEFAULT_BATCH_SIZE);
    }

    /** An evaluator reading batches of {@code batchSize} rows (for tests: the figures are the same bits). */
    public Evaluator(InputStream stdin, String toolVersion, int batchSize) {
        this.stdin = stdin;
        this.toolVersion = toolVersion;
        this.batchSize = batchSize;
    }

    /**
     * @throws InvalidRequestException before any data is read (see {@link RunPlan}): a loss without its
     *                                 inputs, an interval without a nominal coverage, a gate on a figure
     *                                 the run does not produce
     * @throws DataException           for unreadable input, a missing column, an invalid value under the
     *                                 default policy, or no usable rows
     */
    public Report evaluate(EvalRequest request) throws InvalidRequestException, DataException {
        try {
            return readAndReport(request);
        } catch (InputException e) {
            throw new DataException(e);
        }
    }

    private Report readAndReport(EvalRequest request) throws InvalidRequestException, InputException {
        RunPlan plan = RunPlan.of(request);
        positiveWeight = false;
        RunStates run = new RunStates(plan);
        GroupRouter groups = request.grouping() == null ? null : new GroupRouter(plan);
        List<InputStates> inputs = new ArrayList<>();
        for (int source = 0; source < request.inputs().size(); source++) {
            inputs.add(read(plan, source, run, groups));
        }
        RowTally total = new RowTally();
        for (InputStates input : inputs) total.combine(input.tally());
        if (total.used() == 0) {
            throw new InputException(null, 0, null, "no usable rows: " + total.read() + " read, "
                    + (total.read() - total.used()) + " skipped" + describeSkips(total));
        }
        if (request.weightColumn() != null && !positiveWeight) {
            throw new InputException(null, 0, request.weightColumn(), "the weights sum to 0 over the " + total.used()
                    + " usable rows, so every weighted figure is 0/0");
        }
        Report report = new ReportAssembler(toolVersion, kernels.description()).report(plan, inputs, total, run);
        refuseOverflow(report);
        if (groups != null) report = report.withGroups(GroupFigures.report(plan, groups));
        return report.withGates(RunFigures.evaluate(plan.gates, report));
    }

    /** Reads one input to its end, feeding its own states and the run's. */
    private InputStates read(RunPlan plan, int source, RunStates run, GroupRouter groups) throws InputException {
        EvalRequest request = plan.request;
        SourceOptions options = new SourceOptions(plan.columnsRead(), request.delimiter(), batchSize,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS, plan.groupsRead(),
                request.grouping() == null ? List.of() : request.grouping().columns());
        if (groups != null) groups.startSource();
        try (Source file = open(request.inputs().get(source), options, request.threads())) {
            ColumnBinding binding = ColumnBinding.of(request, file);
            List<RowLoss> streamed = plan.streamedLosses();
            binding.checkForms(streamed, file.name());
            RowValidator validator = new RowValidator(binding.columns(plan.columnsRead()), request.weightColumn(),
                    binding.roles(), streamed, request.intervals(), request.policy());
            InputStates states = new InputStates(plan, file.name(), file.format());
            ColumnBatch batch;
            while ((batch = file.next()) != null) {
                states.tally().read(batch.size());
                KernelChooser.BatchKernels batchKernels = kernels.next(batch.size());
                BatchInputs inputs = new BatchInputs(batch, binding.roles(), batchKernels.regression(),
                        batchKernels.classification());
                validator.apply(batch, inputs, states.tally());
                if (batch.size() == 0) continue;
                double[] sampleWeight = request.weightColumn() == null ? null : batch.column(request.weightColumn());
                if (sampleWeight != null && !positiveWeight) positiveWeight = anyPositive(sampleWeight, batch.size());
                states.accept(inputs, sampleWeight);
                run.accept(source, batch, inputs, sampleWeight, states);
                if (groups != null) groups.accept(batch, inputs, sampleWeight);
            }
            return states;
        }
    }

    private static boolean anyPositive(double[] weights, int n) {
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) return true;
        }
        return false;
    }

    /**
     * A loss over finite, valid inputs that is still infinite has overflowed a double (squared errors of 1e200,
     * say): a data error naming the loss, never a bare "inf" that a gate or a reader could take for a value.
     */
    private static void refuseOverflow(Report report) throws InputException {
        for (LossResult loss : report.losses()) {
            if (Double.isInfinite(loss.value())) {
                throw new InputException(null, 0, null, "loss '" + loss.key() + "' overflows a double: the inputs are"
                        + " finite but the figure is beyond " + Numbers.exact(Double.MAX_VALUE) + " (rescale the columns)");
            }
        }
    }

    private Source open(String input, SourceOptions options, int threads) throws InputException {
        Source source = Sources.open(input, stdin, options);
        return threads > 1 ? new PrefetchingSource(source) : source;
    }

    /** " (reason: n, ...)" for the no-usable-rows message, or "" when nothing was skipped. */
    private static String describeSkips(RowTally tally) {
        Map<String, Long> skipped = tally.skippedByReason();
        if (skipped.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (");
        skipped.forEach((reason, n) -> sb.append(sb.length() > 2 ? ", " : "").append(reason).append(": ").append(n));
        return sb.append(')').toString();
    }
}
