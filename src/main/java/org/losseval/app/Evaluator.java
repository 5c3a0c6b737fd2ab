package org.losseval.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.RegressionLossState;
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
     * @throws InputException for unreadable input, a missing column, an invalid value under the default
     *                        policy, or no usable rows
     */
    public Report evaluate(EvalRequest request) throws InputException {
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
        List<RegressionLoss> resolved = resolveDeferred(request, runs);
        List<LossResult> totals = new ArrayList<>();
        List<List<LossResult>> perInput = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) perInput.add(new ArrayList<>());
        for (int l = 0; l < request.losses().size(); l++) {
            LossRequest requested = request.losses().get(l);
            RegressionLossState combined = new RegressionLossState(resolved.get(l), request.weightColumn() != null);
            for (int r = 0; r < runs.size(); r++) {
                RegressionLossState state = runs.get(r).stateFor(l, resolved.get(l), kernels);
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
        return new Report(Report.SCHEMA_VERSION, toolVersion, kernels.description(), columns(request), inputs,
                counts(total), totals);
    }

    private InputRun evaluateInput(String input, EvalRequest request) throws InputException {
        boolean weighted = request.weightColumn() != null;
        List<String> columns = new ArrayList<>(List.of(request.predColumn(), request.targetColumn()));
        if (weighted) columns.add(request.weightColumn());
        List<String> distinct = columns.stream().distinct().toList();
        SourceOptions options = new SourceOptions(distinct, request.delimiter(), SourceOptions.DEFAULT_BATCH_SIZE,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS);

        List<RegressionLoss> immediate = new ArrayList<>();
        boolean needsResiduals = false;
        for (LossRequest requested : request.losses()) {
            if (requested.loss() instanceof DeferredLoss) {
                needsResiduals = true;
                immediate.add(null);
            } else {
                immediate.add(asRegression(requested.loss()));
            }
        }
        RowValidator validator = new RowValidator(request.predColumn(), request.targetColumn(), request.weightColumn(),
                immediate.stream().filter(l -> l != null).toList(), request.policy());
        RegressionLossState[] states = new RegressionLossState[immediate.size()];
        for (int l = 0; l < states.length; l++) {
            if (immediate.get(l) != null) states[l] = new RegressionLossState(immediate.get(l), weighted);
        }
        ResidualSample residuals = needsResiduals ? new ResidualSample(weighted) : null;
        RowTally tally = new RowTally();
        double[] scratch = new double[0];

        try (Source source = Sources.open(input, stdin, options)) {
            ColumnBatch batch;
            while ((batch = source.next()) != null) {
                tally.read(batch.size());
                validator.apply(batch, tally);
                int n = batch.size();
                if (scratch.length < n) scratch = new double[n];
                double[] pred = batch.column(request.predColumn());
                double[] target = batch.column(request.targetColumn());
                double[] weight = weighted ? batch.column(request.weightColumn()) : null;
                for (RegressionLossState state : states) {
                    if (state != null) state.accept(pred, target, weight, n, kernels, scratch);
                }
                if (residuals != null) {
                    kernels.residual(pred, target, scratch, n);
                    residuals.accept(scratch, weight, n);
                }
                tally.used(n);
            }
            return new InputRun(source.name(), source.format(), tally, states, residuals);
        }
    }

    /** Resolves each deferred loss over the residuals of all inputs; other losses are returned as they are. */
    private static List<RegressionLoss> resolveDeferred(EvalRequest request, List<InputRun> runs) throws InputException {
        List<RegressionLoss> resolved = new ArrayList<>();
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
                resolved.add(asRegression(requested.loss()));
            }
        }
        return resolved;
    }

    private static ResidualScale pooledScale(List<InputRun> runs, boolean weighted) {
        ResidualSample all = new ResidualSample(weighted);
        for (InputRun run : runs) all.combine(run.residuals);
        return all.scale();
    }

    private static RegressionLoss asRegression(Loss loss) {
        if (loss instanceof RegressionLoss regression) return regression;
        throw new IllegalArgumentException("not a regression loss: " + loss.spec());
    }

    private static LossResult result(LossRequest requested, RegressionLoss resolved, RegressionLossState state) {
        List<String> fromData = requested.loss() instanceof DeferredLoss d ? List.of(d.deferredParam()) : List.of();
        return new LossResult(requested.label(), requested.loss().spec(), resolved.name(), resolved.params(), fromData,
                state.value(), state.count(), state.weightSum());
    }

    private static List<ColumnRole> columns(EvalRequest request) {
        List<ColumnRole> roles = new ArrayList<>();
        roles.add(new ColumnRole("pred", request.predColumn()));
        roles.add(new ColumnRole("target", request.targetColumn()));
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

    /** What one input produced: its counts, the states of the losses computed while streaming, its residuals. */
    private static final class InputRun {
        final String name;
        final String format;
        final RowTally tally;
        final RegressionLossState[] states;
        final ResidualSample residuals;

        InputRun(String name, String format, RowTally tally, RegressionLossState[] states, ResidualSample residuals) {
            this.name = name;
            this.format = format;
            this.tally = tally;
            this.states = states;
            this.residuals = residuals;
        }

        /** The state of loss {@code l}, computed now from the kept residuals when it was deferred. */
        RegressionLossState stateFor(int l, RegressionLoss resolved, RegressionKernels kernels) {
            if (states[l] != null) return states[l];
            RegressionLossState state = new RegressionLossState(resolved, residuals.weighted());
            double[] zeros = new double[ResidualSample.BLOCK];
            double[] scratch = new double[ResidualSample.BLOCK];
            // loss(r, 0) == loss(pred, target): these losses depend on the residual only, and r - 0 == r exactly.
            residuals.forEachBlock((r, w, n) -> state.accept(r, zeros, w, n, kernels, scratch));
            states[l] = state;
            return state;
        }
    }
}
