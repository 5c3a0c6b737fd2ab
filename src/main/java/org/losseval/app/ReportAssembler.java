package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.LossFigures;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.RowTally;
import org.losseval.loss.DeferredLoss;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.ColumnRole;
import org.losseval.report.ContributionResult;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
import org.losseval.report.Report;

/**
 * Builds the report of a finished run from its states: each input's loss figures, the run's (the exact
 * combination of the inputs' states), the columns read, the row counts and the run-wide figures. Gates are
 * judged afterwards, on the report.
 */
final class ReportAssembler {
    private final String toolVersion;
    private final String kernel;

    /** @param kernel the kernels the run used, as {@code --version} and the report name them */
    ReportAssembler(String toolVersion, String kernel) {
        this.toolVersion = toolVersion;
        this.kernel = kernel;
    }

    /** @param losses the run's losses, deferred ones resolved ({@link DeferredLosses#resolve}) */
    Report report(RunPlan plan, List<InputStates> inputs, RowTally total, RunStates run, DeferredLosses losses) {
        EvalRequest request = plan.request;
        List<LossResult> totals = new ArrayList<>();
        List<List<LossResult>> perInput = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) perInput.add(new ArrayList<>());
        for (int l = 0; l < request.losses().size(); l++) {
            LossRequest requested = request.losses().get(l);
            RowLoss loss = losses.loss(l);
            LossState combined = null;
            for (int r = 0; r < inputs.size(); r++) {
                LossState state = losses.state(l, inputs.get(r));
                perInput.get(r).add(result(requested, loss, state.result()));
                if (inputs.size() == 1) {
                    // the empty state is the identity: the run's state is the input's, without copying its kept rows
                    combined = state;
                } else {
                    if (combined == null) combined = new LossState(loss, request.weightColumn() != null, plan.exactBudgetBytes);
                    combined.combine(state);
                }
            }
            if (combined == null) combined = new LossState(loss, request.weightColumn() != null, plan.exactBudgetBytes);
            totals.add(result(requested, loss, combined.result()));
        }
        List<InputReport> inputReports = new ArrayList<>();
        for (int r = 0; r < inputs.size(); r++) {
            InputStates input = inputs.get(r);
            inputReports.add(new InputReport(input.name(), input.format(), input.tally().result(), perInput.get(r)));
        }
        ContributionResult contributions = run.contributions();
        return new Report(Report.SCHEMA_VERSION, toolVersion, kernel, columnRoles(request), inputReports,
                total.result(), totals, contributions, run.quantileReports(), run.intervalReports(), List.of(),
                run.quantileSet(), run.reliability(), run.comparison(totals, contributions), null);
    }

    /** A loss's figures with its names: as requested (label, spec) and as resolved (name, parameters). */
    private static LossResult result(LossRequest requested, RowLoss resolved, LossFigures figures) {
        List<String> fromData = requested.loss() instanceof DeferredLoss d ? List.of(d.deferredParam()) : List.of();
        return new LossResult(requested.label(), requested.loss().spec(), resolved.name(), resolved.params(), fromData,
                figures.value(), figures.count(), figures.weightSum(), figures.clamped(), figures.range());
    }

    /** The column (or group spec) given for each role, then the weight column. */
    private static List<ColumnRole> columnRoles(EvalRequest request) {
        List<ColumnRole> roles = new ArrayList<>();
        for (Map.Entry<Role, String> entry : request.roles().entrySet()) {
            roles.add(new ColumnRole(entry.getKey().reportName(), entry.getValue()));
        }
        if (request.weightColumn() != null) roles.add(new ColumnRole("weight", request.weightColumn()));
        return roles;
    }
}
