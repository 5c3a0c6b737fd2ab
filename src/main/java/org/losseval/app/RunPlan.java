package org.losseval.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    private RunPlan(EvalRequest request, List<RowLoss> streamed, List<Double> nominals, List<Gate> gates) {
        this.request = request;
        this.streamed = streamed;
        this.nominals = nominals;
        this.gates = gates;
    }

    static RunPlan of(EvalRequest request) throws InvalidRequestException {
        if (request.losses().isEmpty() && request.quantiles().isEmpty() && request.intervals().isEmpty()) {
            throw new InvalidRequestException("nothing to evaluate: give a loss (-l), --quantile or --interval");
        }
        Set<Role> given = request.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(request.roles().keySet());
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
        List<Gate> gates = canonicalGates(request);
        return new RunPlan(request, streamed, nominals, gates);
    }

    /** The losses computed while streaming, in the order requested (the deferred ones left out). */
    List<RowLoss> streamedLosses() {
        return streamed.stream().filter(l -> l != null).toList();
    }

    boolean hasDeferredLosses() {
        return streamed.stream().anyMatch(l -> l == null);
    }

    /**
     * Every single column read: the single roles' columns in role order, then quantile and interval columns,
     * then the weight. Group roles are read as groups ({@link #groupsRead()}).
     */
    List<String> columnsRead() {
        Set<String> columns = new LinkedHashSet<>();
        request.roles().forEach((role, column) -> {
            if (!role.group()) columns.add(column);
        });
        for (QuantileColumn q : request.quantiles()) columns.add(q.column());
        for (IntervalColumns i : request.intervals()) {
            columns.add(i.lower());
            columns.add(i.upper());
        }
        if (request.weightColumn() != null) columns.add(request.weightColumn());
        return List.copyOf(columns);
    }

    /** The group specs of the group roles, in role order. */
    List<String> groupsRead() {
        List<String> groups = new ArrayList<>();
        request.roles().forEach((role, spec) -> {
            if (role.group() && !groups.contains(spec)) groups.add(spec);
        });
        return groups;
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
