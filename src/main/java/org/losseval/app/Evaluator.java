package org.losseval.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.ResidualSample;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.DeferredLoss;
import org.losseval.loss.Loss;
import org.losseval.loss.LossRequest;
import org.losseval.loss.ParamResolutionException;
import org.losseval.loss.RegressionLoss;
import org.losseval.loss.ResidualScale;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * Runs one evaluation: reads every input once, batch by batch, validates rows, feeds the loss states, and
 * builds the report. Each input has its own states; the run's figures are their exact combination.
 *
 * <p>A loss whose parameter comes from the data ({@code huber:delta=mad}) cannot be computed while
 * streaming, so the residuals are kept (8 bytes a row) and the loss is computed from them at the end,
 * with the parameter resolved over all inputs and applied to each input alike.
 */
public final class Evaluator {
    private final InputStream stdin;
    private final RegressionKernels kernels;
    private final String toolVersion;

    public Evaluator(InputStream stdin, RegressionKernels kernels, String toolVersion) {
        this.stdin = stdin;
        this.kernels = kernels;
        this.toolVersion = toolVersion;
    }

    /**
     * Checks that every loss has the inputs it needs, before any data is read.
     *
     * @throws InvalidRequestException naming the loss and the options it needs
     */
    public static void check(EvalRequest request) throws InvalidRequestException {
        Set<Role> given = request.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(request.roles().keySet());
        for (LossRequest requested : request.losses()) {
            Loss loss = requested.loss();
            if (loss.definition().formFor(given) == null) {
                throw new InvalidRequestException(loss.spec() + " needs " + loss.definition().describeForms());
            }
            if (!(loss instanceof RowLoss) && !(loss instanceof DeferredLoss)) {
                throw new InvalidRequestException(loss.spec() + " cannot be evaluated row by row");
            }
        }
    }

    /**
     * @throws InvalidRequestException when a loss lacks its inputs (see {@link #check})
     * @throws InputException          for unreadable input, a missing column, an invalid value under the
     *                                 default policy, or no usable rows
     */
    public Report evaluate(EvalRequest request) throws InvalidRequestException, InputException {
        check(request);
        List<InputRun> runs = new ArrayList<>();
        for (String input : request.inputs()) {
            runs.add(evaluateInput(input, request));
        }
        RowTally total = new RowTally();
        for (InputRun run : runs) total.combine(run.tally);
        if (total.used() == 0) {
            throw new InputException(null, 0, null, "no usable rows: " + total.read() + " read, "
                    + (total.read() - total.used()) + " skipped" + describeSkips(total));
        }
        List<RowLoss> resolved = resolveDeferred(request, runs);
        List<LossResult> totals = new ArrayList<>();
        List<List<LossResult>> perInput = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) perInput.add(new ArrayList<>());
        for (int l = 0; l < request.losses().size(); l++) {
            LossRequest requested = request.losses().get(l);
            LossState combined = new LossState(resolved.get(l), request.weightColumn() != null || resolved.get(l).weighsRows());
            for (int r = 0; r < runs.size(); r++) {
                LossState state = runs.get(r).stateFor(l, resolved.get(l), kernels);
                perInput.get(r).add(result(requested, resolved.get(l), state));
                combined.combine(state);
            }
            totals.add(result(requested, resolved.get(l), combined));
        }
        List<InputReport> inputs = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            InputRun run = runs.get(r);
            inputs.add(new InputReport(run.name, run.format, counts(run.tally), perInput.get(r)));
        }
        return new Report(Report.SCHEMA_VERSION, toolVersion, kernels.description(), columnRoles(request), inputs,
                counts(total), totals, null, List.of(), List.of(), List.of());
    }

    /** Every column read: the roles' columns in role order, then the weight, without repeats. */
    static List<String> columnsRead(EvalRequest request) {
        Set<String> columns = new LinkedHashSet<>();
        request.roles().values().forEach(columns::addAll);
        if (request.weightColumn() != null) columns.add(request.weightColumn());
        return List.copyOf(columns);
    }

    private InputRun evaluateInput(String input, EvalRequest request) throws InputException {
        boolean sampleWeighted = request.weightColumn() != null;
        List<String> columns = columnsRead(request);
        SourceOptions options = new SourceOptions(columns, request.delimiter(), SourceOptions.DEFAULT_BATCH_SIZE,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS);

        int lossCount = request.losses().size();
        LossState[] states = new LossState[lossCount];
        List<RowLoss> streamed = new ArrayList<>();
        boolean needsResiduals = false;
        for (int l = 0; l < lossCount; l++) {
            Loss loss = request.losses().get(l).loss();
            if (loss instanceof DeferredLoss) {
                needsResiduals = true;
            } else {
                RowLoss rowLoss = (RowLoss) loss;
                states[l] = new LossState(rowLoss, sampleWeighted || rowLoss.weighsRows());
                streamed.add(rowLoss);
            }
        }
        RowValidator validator = new RowValidator(columns, request.weightColumn(), request.roles(), streamed,
                request.policy());
        ResidualSample residuals = needsResiduals ? new ResidualSample(sampleWeighted) : null;
        RowTally tally = new RowTally();
        BatchScratch scratch = new BatchScratch();

        try (Source source = Sources.open(input, stdin, options)) {
            ColumnBatch batch;
            while ((batch = source.next()) != null) {
                tally.read(batch.size());
                BatchInputs inputs = new BatchInputs(batch, request.roles(), kernels);
                validator.apply(batch, inputs, tally);
                int n = batch.size();
                scratch.ensure(n);
                double[] sampleWeight = sampleWeighted ? batch.column(request.weightColumn()) : null;
                for (LossState state : states) {
                    if (state != null) accept(state, inputs, sampleWeight, n, scratch);
                }
                if (residuals != null) {
                    kernels.residual(inputs.column(Role.PRED), inputs.column(Role.TARGET), scratch.rowLoss, n);
                    residuals.accept(scratch.rowLoss, sampleWeight, n);
                }
                tally.used(n);
            }
            return new InputRun(source.name(), source.format(), tally, states, residuals, sampleWeighted);
        }
    }

    /** Computes one loss over a validated batch and adds it to its state. */
    private void accept(LossState state, BatchInputs inputs, double[] sampleWeight, int n, BatchScratch scratch) {
        RowLoss loss = state.loss();
        int clamped = loss.rowLosses(inputs, scratch.rowLoss, n);
        double[] weight = sampleWeight;
        long covered = n;
        if (loss.weighsRows()) {
            loss.rowWeights(inputs, scratch.weight, n);
            covered = 0;
            for (int i = 0; i < n; i++) {
                if (scratch.weight[i] != 0) covered++;
            }
            if (sampleWeight != null) kernels.multiply(scratch.weight, sampleWeight, scratch.weight, n);
            weight = scratch.weight;
        }
        state.accept(scratch.rowLoss, weight, n, covered, clamped, kernels);
    }

    /** Resolves each deferred loss over the residuals of all inputs; other losses are returned as they are. */
    private static List<RowLoss> resolveDeferred(EvalRequest request, List<InputRun> runs) throws InputException {
        List<RowLoss> resolved = new ArrayList<>();
        ResidualScale scale = null;
        for (LossRequest requested : request.losses()) {
            if (requested.loss() instanceof DeferredLoss deferred) {
                if (scale == null) scale = pooledScale(runs, request.weightColumn() != null);
                try {
                    resolved.add(deferred.resolve(scale));
                } catch (ParamResolutionException e) {
                    throw new InputException(null, 0, null, requested.loss().spec() + ": " + e.getMessage());
                }
            } else {
                resolved.add((RowLoss) requested.loss());
            }
        }
        return resolved;
    }

    private static ResidualScale pooledScale(List<InputRun> runs, boolean weighted) {
        ResidualSample all = new ResidualSample(weighted);
        for (InputRun run : runs) all.combine(run.residuals);
        return all.scale();
    }

    private static LossResult result(LossRequest requested, RowLoss resolved, LossState state) {
        List<String> fromData = requested.loss() instanceof DeferredLoss d ? List.of(d.deferredParam()) : List.of();
        return new LossResult(requested.label(), requested.loss().spec(), resolved.name(), resolved.params(), fromData,
                state.value(), state.count(), state.weightSum(), state.clamped());
    }

    private static List<ColumnRole> columnRoles(EvalRequest request) {
        List<ColumnRole> roles = new ArrayList<>();
        for (Map.Entry<Role, List<String>> entry : request.roles().entrySet()) {
            String role = entry.getKey().option().substring(2).replace('-', '_');
            roles.add(new ColumnRole(role, String.join(",", entry.getValue())));
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
    private static final class BatchScratch {
        double[] rowLoss = new double[0];
        double[] weight = new double[0];

        void ensure(int n) {
            if (rowLoss.length < n) {
                rowLoss = new double[n];
                weight = new double[n];
            }
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
            double[] scratch = new double[ResidualSample.BLOCK];
            // loss(r, 0) == loss(pred, target): deferred losses depend on the residual only, and r - 0 == r exactly.
            residuals.forEachBlock((r, w, n) -> {
                regression.rowLosses(kernels, r, zeros, scratch, n);
                state.accept(scratch, w, n, n, 0, kernels);
            });
            states[l] = state;
            return state;
        }
    }
}
