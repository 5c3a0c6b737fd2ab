package org.losseval.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.gate.Gate;
import org.losseval.loss.DeferredLoss;
import org.losseval.loss.Loss;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.text.Suggestions;

/**
 * A request checked against everything that can be checked before data is read: every loss has its
 * inputs, every interval its nominal coverage, every gate a figure the run will produce. Usage errors
 * surface here, as {@link InvalidRequestException}.
 */
final class RunPlan {
    final EvalRequest request;
    /** Per requested loss: the row loss computed while streaming, or null for a deferred one. */
    final List<RowLoss> streamed;
    /** Per interval: its nominal coverage. */
    final List<Double> nominals;
    /** The gates with their figures in canonical form. */
    final List<Gate> gates;
    /**
     * The exact-memory budget of the run's order statistics ({@code medae}, per input and for the run): the
     * --exact-budget ({@link EvalRequest#exactBudgetBytes}, given with or without --no-contrib), capped by this
     * JVM's heap as the contribution figures' is ({@link ContributionSettings#heapCappedBudget}).
     */
    final long exactBudgetBytes;
    /**
     * The heap the budgets are capped by: this JVM's ({@link Runtime#maxMemory()}), or for a run split over
     * machines (Spark) one figure the driver chose for every part, so that all parts keep the same budgets.
     */
    final long maxHeapBytes;

    private RunPlan(EvalRequest request, List<RowLoss> streamed, List<Double> nominals, List<Gate> gates,
                    long maxHeapBytes) {
        this.request = request;
        this.streamed = streamed;
        this.nominals = nominals;
        this.gates = gates;
        this.maxHeapBytes = maxHeapBytes;
        this.exactBudgetBytes = ContributionSettings.heapCappedBudget(request.exactBudgetBytes(), maxHeapBytes);
    }

    static RunPlan of(EvalRequest request) throws InvalidRequestException {
        return of(request, Runtime.getRuntime().maxMemory());
    }

    /** The plan of {@code request} with its budgets capped by a heap of {@code maxHeapBytes}. */
    static RunPlan of(EvalRequest request, long maxHeapBytes) throws InvalidRequestException {
        if (request.losses().isEmpty() && request.quantiles().isEmpty() && request.intervals().isEmpty()) {
            throw new InvalidRequestException("nothing to evaluate: give a loss (-l), --quantile or --interval");
        }
        Set<Role> given = request.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(request.roles().keySet());
        // First, so that "--baseline-pred needs --pred" is said rather than a loss's need of --pred.
        if (request.baseline() != null) checkBaselineColumns(request, given);
        List<RowLoss> streamed = new ArrayList<>();
        for (LossRequest requested : request.losses()) {
            Loss loss = requested.loss();
            if (loss.definition().formFor(given) == null) {
                throw new InvalidRequestException(loss.spec() + " needs " + loss.definition().describeForms());
            }
            if (loss instanceof DeferredLoss) {
                streamed.add(null);
            } else if (loss instanceof RowLoss rowLoss) {
                streamed.add(rowLoss);
            } else {
                throw new InvalidRequestException(loss.spec() + " cannot be evaluated row by row");
            }
        }
        if ((!request.quantiles().isEmpty() || !request.intervals().isEmpty()) && !given.contains(Role.TARGET)) {
            throw new InvalidRequestException("--quantile and --interval need --target");
        }
        List<Double> nominals = new ArrayList<>();
        for (IntervalColumns interval : request.intervals()) nominals.add(interval.resolveNominal(request.quantiles()));
        if (request.baseline() != null) checkComparable(request, streamed);
        List<Gate> gates = canonicalGates(request);
        if (request.rowsOut() != null) checkRowsOut(request);
        return new RunPlan(request, streamed, nominals, gates, maxHeapBytes);
    }

    /**
     * A baseline replaces the candidate's prediction roles one for one, and pairs its quantile and interval
     * columns with the candidate's in order: a baseline column without its counterpart, or a candidate
     * prediction role without the baseline's, would compare something with itself, so both are usage errors.
     */
    private static void checkBaselineColumns(EvalRequest request, Set<Role> given) throws InvalidRequestException {
        BaselineRequest baseline = request.baseline();
        for (Role role : BaselineRequest.ROLES) {
            boolean candidate = given.contains(role);
            boolean base = baseline.roles().containsKey(role);
            if (base && !candidate) {
                throw new InvalidRequestException("--baseline-" + role.option().substring(2) + " needs " + role.option()
                        + ": the candidate's column to compare with");
            }
            if (candidate && !base && !request.losses().isEmpty()) {
                throw new InvalidRequestException(role.option() + " has no baseline counterpart: give --baseline-"
                        + role.option().substring(2));
            }
        }
        pair("--baseline-quantile", baseline.quantiles().size(), "--quantile", request.quantiles().size());
        pair("--baseline-interval", baseline.intervals().size(), "--interval", request.intervals().size());
        if (baseline.roles().isEmpty() && !request.losses().isEmpty()) {
            throw new InvalidRequestException("the losses (-l) need the baseline's predictions: give --baseline-pred, "
                    + "--baseline-logits or --baseline-probs");
        }
    }

    /** A loss whose parameter comes from the data would differ between the two models: refused. */
    private static void checkComparable(EvalRequest request, List<RowLoss> streamed) throws InvalidRequestException {
        for (int l = 0; l < streamed.size(); l++) {
            if (streamed.get(l) == null) {
                throw new InvalidRequestException(request.losses().get(l).loss().spec() + " cannot be compared with a "
                        + "baseline: its parameter comes from each model's own residuals; give a number");
            }
        }
    }

    /**
     * --rows-out's columns must have distinct names, and its file must not be an input: the second pass reads
     * the inputs while the rows are written, and the rename at the end would replace the input.
     */
    private static void checkRowsOut(EvalRequest request) throws InvalidRequestException {
        try {
            RowsOutPass.layout(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        Path out = request.rowsOut().path();
        for (String input : request.inputs()) {
            if (input.equals("-")) continue;
            try {
                Path in = Path.of(input);
                boolean same = Files.exists(out) && Files.exists(in) ? Files.isSameFile(in, out)
                        : in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize());
                if (same) throw new InvalidRequestException("--rows-out '" + out + "' is also an input");
            } catch (InvalidPathException | IOException e) {
                // Not a path we can compare: the reader will say what is wrong with it.
            }
        }
    }

    private static void pair(String baselineOption, int baselineCount, String option, int count)
            throws InvalidRequestException {
        if (baselineCount == count) return;
        throw new InvalidRequestException(baselineOption + " pairs in order with " + option + ": " + baselineCount
                + " given for " + count);
    }

    /** The baseline's roles over the candidate's, or null when the run compares nothing. */
    Map<Role, String> baselineRoles() {
        return request.baseline() == null ? null : request.baseline().rolesOver(request.roles());
    }

    /** The losses computed while streaming, in the order requested (the deferred ones left out). */
    List<RowLoss> streamedLosses() {
        // Loops rather than streams here and below: each lambda is linked at every start (issue 14 item 4).
        List<RowLoss> losses = new ArrayList<>(streamed.size());
        for (RowLoss loss : streamed) {
            if (loss != null) losses.add(loss);
        }
        return List.copyOf(losses);
    }

    boolean hasDeferredLosses() {
        return streamed.contains(null);
    }

    /**
     * Every single column read: the single roles' columns in role order, then quantile and interval columns,
     * then the baseline's (its single roles', quantile and interval columns), then the weight. Group roles are read as groups ({@link #groupsRead()}).
     */
    List<String> columnsRead() {
        Set<String> columns = new LinkedHashSet<>();
        addSingleRoles(request.roles(), columns);
        for (QuantileColumn q : request.quantiles()) columns.add(q.column());
        for (IntervalColumns i : request.intervals()) {
            columns.add(i.lower());
            columns.add(i.upper());
        }
        BaselineRequest baseline = request.baseline();
        if (baseline != null) {
            addSingleRoles(baseline.roles(), columns);
            columns.addAll(baseline.quantiles());
            for (IntervalColumns i : baseline.intervals()) {
                columns.add(i.lower());
                columns.add(i.upper());
            }
        }
        if (request.weightColumn() != null) columns.add(request.weightColumn());
        return List.copyOf(columns);
    }

    /** The group specs of the group roles, in role order. */
    List<String> groupsRead() {
        List<String> groups = new ArrayList<>();
        addGroupRoles(request.roles(), groups);
        if (request.baseline() != null) addGroupRoles(request.baseline().roles(), groups);
        return groups;
    }

    private static void addSingleRoles(Map<Role, String> roles, Set<String> columns) {
        for (Map.Entry<Role, String> role : roles.entrySet()) {
            if (!role.getKey().group()) columns.add(role.getValue());
        }
    }

    private static void addGroupRoles(Map<Role, String> roles, List<String> groups) {
        for (Map.Entry<Role, String> role : roles.entrySet()) {
            if (role.getKey().group() && !groups.contains(role.getValue())) groups.add(role.getValue());
        }
    }

    private static List<Gate> canonicalGates(EvalRequest request) throws InvalidRequestException {
        Set<String> known = RunFigures.names(request);
        List<Gate> gates = new ArrayList<>();
        for (Gate gate : request.gates()) {
            String group;
            try {
                group = known.contains(gate.figure()) ? null : RunFigures.groupFigure(gate.figure(), request);
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException("--fail-if '" + gate.expression() + "': " + e.getMessage());
            }
            if (group != null) {
                gates.add(new Gate(group, gate.comparison(), gate.threshold()));
                continue;
            }
            String figure = known.contains(gate.figure()) ? gate.figure() : RunFigures.canonical(gate.figure());
            if (figure == null || !known.contains(figure)) {
                throw new InvalidRequestException("--fail-if '" + gate.expression() + "': unknown figure '" + gate.figure()
                        + "'" + Suggestions.hint(gate.figure(), known) + "; figures of this run are: "
                        + abbreviate(known) + (request.grouping() == null ? ""
                        : "; and group[LOSS@" + String.join("=VALUE,", request.grouping().columns()) + "=VALUE]"));
            }
            gates.add(new Gate(figure, gate.comparison(), gate.threshold()));
        }
        return gates;
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        int shown = Math.min(list.size(), 20);
        String text = String.join(", ", list.subList(0, shown));
        return shown < list.size() ? text + ", ... (" + (list.size() - shown) + " more)" : text;
    }
}
