package org.losseval.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.ContributionState;
import org.losseval.accumulate.IntervalState;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.QuantileState;
import org.losseval.accumulate.ResidualSample;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.report.GateOutcome;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.DeferredLoss;
import org.losseval.loss.LossRequest;
import org.losseval.loss.ParamResolutionException;
import org.losseval.loss.RegressionLoss;
import org.losseval.loss.ResidualScale;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.LossResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * Runs one evaluation: reads every input once, batch by batch, validates rows, feeds the states, and
 * builds the report, gates included. Each input has its own loss states; the run's loss figures are their
 * exact combination. Contribution, quantile and interval figures are kept for the run as a whole.
 *
 * <p>A loss whose parameter comes from the data ({@code huber:delta=mad}) cannot be computed while
 * streaming, so the residuals are kept (8 bytes a row) and the loss is computed from them at the end,
 * with the parameter resolved over all inputs and applied to each input alike. Such a loss has no
 * contribution figures.
 */
public final class Evaluator {
    private final InputStream stdin;
    private final KernelChooser kernels = new KernelChooser();
    private final String toolVersion;

    public Evaluator(InputStream stdin, String toolVersion) {
        this.stdin = stdin;
        this.toolVersion = toolVersion;
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
        RunStates run = new RunStates(plan);
        List<InputRun> inputs = new ArrayList<>();
        for (int source = 0; source < request.inputs().size(); source++) {
            inputs.add(evaluateInput(plan, source, run));
        }
        RowTally total = new RowTally();
        for (InputRun input : inputs) total.combine(input.tally);
        if (total.used() == 0) {
            throw new InputException(null, 0, null, "no usable rows: " + total.read() + " read, "
                    + (total.read() - total.used()) + " skipped" + describeSkips(total));
        }
        Report report = report(plan, inputs, total, run);
        List<GateOutcome> outcomes = RunFigures.evaluate(plan.gates, report);
        return report.withGates(outcomes);
    }

    private InputRun evaluateInput(RunPlan plan, int source, RunStates run) throws InputException {
        EvalRequest request = plan.request;
        boolean sampleWeighted = request.weightColumn() != null;
        SourceOptions options = new SourceOptions(plan.columnsRead(), request.delimiter(), SourceOptions.DEFAULT_BATCH_SIZE,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS, plan.groupsRead());
        int lossCount = request.losses().size();
        LossState[] states = new LossState[lossCount];
        List<RowLoss> checked = new ArrayList<>();
        for (int l = 0; l < lossCount; l++) {
            RowLoss loss = plan.streamed.get(l);
            if (loss != null) {
                states[l] = new LossState(loss, sampleWeighted || loss.weighsRows());
                checked.add(loss);
            }
        }
        ResidualSample residuals = plan.hasDeferredLosses() ? new ResidualSample(sampleWeighted) : null;
        RowTally tally = new RowTally();
        BatchScratch scratch = new BatchScratch(lossCount);

        try (Source sourceFile = open(request.inputs().get(source), options, request.threads())) {
            Map<Role, List<String>> binding = bind(request, sourceFile);
            for (RowLoss loss : checked) {
                String problem = loss.formProblem(role -> binding.getOrDefault(role, List.of()).size());
                if (problem != null) throw new InputException(sourceFile.name(), 0, null, problem);
            }
            List<String> columns = new ArrayList<>();
            binding.values().forEach(columns::addAll);
            for (String column : plan.columnsRead()) {
                if (!columns.contains(column)) columns.add(column);
            }
            RowValidator validator = new RowValidator(columns, request.weightColumn(), binding, checked,
                    request.intervals(), request.policy());
            ColumnBatch batch;
            while ((batch = sourceFile.next()) != null) {
                tally.read(batch.size());
                KernelChooser.BatchKernels batchKernels = kernels.next(batch.size());
                BatchInputs inputs = new BatchInputs(batch, binding, batchKernels.regression(),
                        batchKernels.classification());
                validator.apply(batch, inputs, tally);
                int n = batch.size();
                if (n == 0) continue;
                scratch.ensure(n);
                double[] sampleWeight = sampleWeighted ? batch.column(request.weightColumn()) : null;
                for (int l = 0; l < lossCount; l++) {
                    if (states[l] != null) accept(states[l], inputs, sampleWeight, n, scratch, l);
                }
                run.accept(source, batch, inputs, sampleWeight, scratch, n);
                if (residuals != null) {
                    inputs.kernels().residual(inputs.column(Role.PRED), inputs.column(Role.TARGET), scratch.product, n);
                    residuals.accept(scratch.product, sampleWeight, n);
                }
                tally.used(n);
            }
            return new InputRun(sourceFile.name(), sourceFile.format(), tally, states, residuals, sampleWeighted);
        }
    }

    private Source open(String input, SourceOptions options, int threads) throws InputException {
        Source source = Sources.open(input, stdin, options);
        return threads > 1 ? new PrefetchingSource(source) : source;
    }

    /**
     * Each role's batch columns in this source: a single role's column, or a group's resolved columns. A
     * group that takes in another role's column (a glob 'l*' matching the target 'label') is refused: its
     * results would be silently wrong.
     */
    private static Map<Role, List<String>> bind(EvalRequest request, Source source) throws InputException {
        Map<Role, List<String>> binding = new java.util.EnumMap<>(Role.class);
        request.roles().forEach((role, spec) -> binding.put(role, role.group() ? source.groupColumns(spec) : List.of(spec)));
        for (Map.Entry<Role, List<String>> group : binding.entrySet()) {
            if (!group.getKey().group()) continue;
            for (Map.Entry<Role, List<String>> other : binding.entrySet()) {
                if (other.getKey() == group.getKey()) continue;
                for (String column : other.getValue()) {
                    if (group.getValue().contains(column)) {
                        throw new InputException(source.name(), 0, null, group.getKey().option() + " '"
                                + request.roles().get(group.getKey()) + "' includes column '" + column
                                + "', which is also " + other.getKey().option());
                    }
                }
            }
        }
        return binding;
    }

    /**
     * Computes loss {@code l} over a validated batch and adds it to its state. Leaves in
     * {@code scratch.rowLoss[l]} the row losses times the loss's own row weights, for the contributions.
     */
    private void accept(LossState state, BatchInputs inputs, double[] sampleWeight, int n, BatchScratch scratch, int l) {
        RowLoss loss = state.loss();
        double[] rowLoss = scratch.rowLoss[l];
        int clamped = loss.rowLosses(inputs, rowLoss, n);
        if (!loss.weighsRows()) {
            state.accept(rowLoss, sampleWeight, n, n, clamped, inputs.kernels(), scratch.product);
            return;
        }
        loss.rowWeights(inputs, scratch.lossWeight, n);
        long covered = 0;
        for (int i = 0; i < n; i++) {
            if (scratch.lossWeight[i] != 0) covered++;
        }
        double[] weight = scratch.lossWeight;
        if (sampleWeight != null) {
            inputs.kernels().multiply(scratch.lossWeight, sampleWeight, scratch.weight, n);
            weight = scratch.weight;
        }
        state.accept(rowLoss, weight, n, covered, clamped, inputs.kernels(), scratch.product);
        inputs.kernels().multiply(rowLoss, scratch.lossWeight, rowLoss, n);
    }

    private Report report(RunPlan plan, List<InputRun> inputs, RowTally total, RunStates run) throws InputException {
        EvalRequest request = plan.request;
        List<RowLoss> resolved = resolveDeferred(plan, inputs);
        List<LossResult> totals = new ArrayList<>();
        List<List<LossResult>> perInput = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) perInput.add(new ArrayList<>());
        for (int l = 0; l < request.losses().size(); l++) {
            LossRequest requested = request.losses().get(l);
            RowLoss loss = resolved.get(l);
            LossState combined = new LossState(loss, request.weightColumn() != null || loss.weighsRows());
            for (int r = 0; r < inputs.size(); r++) {
                LossState state = inputs.get(r).stateFor(l, loss, org.losseval.kernel.Kernels.scalar());
                perInput.get(r).add(result(requested, loss, state));
                combined.combine(state);
            }
            totals.add(result(requested, loss, combined));
        }
        List<InputReport> inputReports = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) {
            InputRun input = inputs.get(r);
            inputReports.add(new InputReport(input.name, input.format, counts(input.tally), perInput.get(r)));
        }
        return new Report(Report.SCHEMA_VERSION, toolVersion, kernels.description(), columnRoles(request), inputReports,
                counts(total), totals, run.contributions == null ? null : run.contributions.result(),
                run.quantileReports(), run.intervalReports(), List.of());
    }

    /** Resolves each deferred loss over the residuals of all inputs; other losses are returned as they are. */
    private static List<RowLoss> resolveDeferred(RunPlan plan, List<InputRun> inputs) throws InputException {
        List<RowLoss> resolved = new ArrayList<>();
        ResidualScale scale = null;
        for (int l = 0; l < plan.streamed.size(); l++) {
            LossRequest requested = plan.request.losses().get(l);
            if (requested.loss() instanceof DeferredLoss deferred) {
                if (scale == null) scale = pooledScale(inputs, plan.request.weightColumn() != null);
                try {
                    resolved.add(deferred.resolve(scale));
                } catch (ParamResolutionException e) {
                    throw new InputException(null, 0, null, requested.loss().spec() + ": " + e.getMessage());
                }
            } else {
                resolved.add(plan.streamed.get(l));
            }
        }
        return resolved;
    }

    private static ResidualScale pooledScale(List<InputRun> inputs, boolean weighted) {
        ResidualSample all = new ResidualSample(weighted);
        for (InputRun input : inputs) all.combine(input.residuals);
        return all.scale();
    }

    private static LossResult result(LossRequest requested, RowLoss resolved, LossState state) {
        List<String> fromData = requested.loss() instanceof DeferredLoss d ? List.of(d.deferredParam()) : List.of();
        return new LossResult(requested.label(), requested.loss().spec(), resolved.name(), resolved.params(), fromData,
                state.value(), state.count(), state.weightSum(), state.clamped());
    }

    private static List<ColumnRole> columnRoles(EvalRequest request) {
        List<ColumnRole> roles = new ArrayList<>();
        for (Map.Entry<Role, String> entry : request.roles().entrySet()) {
            String role = entry.getKey().reportName();
            roles.add(new ColumnRole(role, entry.getValue()));
        }
        if (request.weightColumn() != null) roles.add(new ColumnRole("weight", request.weightColumn()));
        return roles;
    }

    private static RowCounts counts(RowTally tally) {
        return new RowCounts(tally.read(), tally.used(), tally.skippedByReason());
    }

    private static String describeSkips(RowTally tally) {
        Map<String, Long> skipped = tally.skippedByReason();
        if (skipped.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (");
        skipped.forEach((reason, n) -> sb.append(sb.length() > 2 ? ", " : "").append(reason).append(": ").append(n));
        return sb.append(')').toString();
    }

    /** Per-batch work arrays, reused across batches. */
    static final class BatchScratch {
        final double[][] rowLoss;
        double[] lossWeight = new double[0];
        double[] weight = new double[0];
        double[] product = new double[0];
        double[] missing = new double[0];

        BatchScratch(int losses) { rowLoss = new double[losses][0]; }

        void ensure(int n) {
            if (product.length >= n) return;
            for (int l = 0; l < rowLoss.length; l++) rowLoss[l] = new double[n];
            lossWeight = new double[n];
            weight = new double[n];
            product = new double[n];
            missing = new double[n];
            Arrays.fill(missing, Double.NaN);
        }
    }

    /** The run-wide states: contributions, quantiles and intervals over all inputs. */
    private static final class RunStates {
        private final RunPlan plan;
        private final ContributionState contributions;
        private final int[] contributionLosses;
        private final QuantileState[] quantiles;
        private final IntervalState[] intervals;

        RunStates(RunPlan plan) {
            this.plan = plan;
            EvalRequest request = plan.request;
            boolean weighted = request.weightColumn() != null;
            List<String> keys = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int l = 0; l < plan.streamed.size(); l++) {
                if (plan.streamed.get(l) != null) {
                    keys.add(RunFigures.key(request.losses().get(l)));
                    indexes.add(l);
                }
            }
            contributions = request.contributions() != null && !keys.isEmpty()
                    ? new ContributionState(keys, weighted, request.contributions()) : null;
            contributionLosses = indexes.stream().mapToInt(Integer::intValue).toArray();
            quantiles = new QuantileState[request.quantiles().size()];
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q] = new QuantileState(request.quantiles().get(q).level(), weighted);
            }
            intervals = new IntervalState[request.intervals().size()];
            for (int i = 0; i < intervals.length; i++) intervals[i] = new IntervalState(plan.nominals.get(i));
        }

        void accept(int source, ColumnBatch batch, BatchInputs inputs, double[] sampleWeight, BatchScratch scratch, int n) {
            double[] target = inputs.has(Role.TARGET) ? inputs.column(Role.TARGET) : scratch.missing;
            if (contributions != null) {
                double[] pred = inputs.has(Role.PRED) ? inputs.column(Role.PRED) : scratch.missing;
                double[][] rowLosses = new double[contributionLosses.length][];
                for (int k = 0; k < rowLosses.length; k++) rowLosses[k] = scratch.rowLoss[contributionLosses[k]];
                contributions.accept(source, batch::rowNumber, pred, target, sampleWeight, rowLosses, n);
            }
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q].accept(batch.column(plan.request.quantiles().get(q).column()), target, sampleWeight, n);
            }
            for (int i = 0; i < intervals.length; i++) {
                IntervalColumns columns = plan.request.intervals().get(i);
                intervals[i].accept(batch.column(columns.lower()), batch.column(columns.upper()), target, n);
            }
        }

        List<QuantileReport> quantileReports() {
            List<QuantileReport> reports = new ArrayList<>();
            for (int q = 0; q < quantiles.length; q++) {
                reports.add(new QuantileReport(plan.request.quantiles().get(q).column(), quantiles[q].result()));
            }
            return reports;
        }

        List<IntervalReport> intervalReports() {
            List<IntervalReport> reports = new ArrayList<>();
            for (int i = 0; i < intervals.length; i++) {
                IntervalColumns columns = plan.request.intervals().get(i);
                reports.add(new IntervalReport(columns.lower(), columns.upper(), columns.nominalFromQuantiles(),
                        intervals[i].result()));
            }
            return reports;
        }
    }

    /** What one input produced: its counts, the states of the losses computed while streaming, its residuals. */
    private static final class InputRun {
        final String name;
        final String format;
        final RowTally tally;
        final LossState[] states;
        final ResidualSample residuals;
        final boolean sampleWeighted;

        InputRun(String name, String format, RowTally tally, LossState[] states, ResidualSample residuals,
                 boolean sampleWeighted) {
            this.name = name;
            this.format = format;
            this.tally = tally;
            this.states = states;
            this.residuals = residuals;
            this.sampleWeighted = sampleWeighted;
        }

        /** The state of loss {@code l}, computed now from the kept residuals when it was deferred. */
        LossState stateFor(int l, RowLoss resolved, RegressionKernels kernels) {
            if (states[l] != null) return states[l];
            RegressionLoss regression = (RegressionLoss) resolved;
            LossState state = new LossState(regression, sampleWeighted);
            double[] zeros = new double[ResidualSample.BLOCK];
            double[] rowLoss = new double[ResidualSample.BLOCK];
            double[] product = new double[ResidualSample.BLOCK];
            // loss(r, 0) == loss(pred, target): deferred losses depend on the residual only, and r - 0 == r exactly.
            residuals.forEachBlock((r, w, n) -> {
                regression.rowLosses(kernels, r, zeros, rowLoss, n);
                state.accept(rowLoss, w, n, n, 0, kernels, product);
            });
            states[l] = state;
            return state;
        }
    }
}
