package org.losseval.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losseval.report.Range;
import org.losseval.report.Comparison;
import org.losseval.gate.Gate;
import org.losseval.loss.DeferredLoss;
import org.losseval.report.GateOutcome;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossRequest;
import org.losseval.loss.LossSpecException;
import org.losseval.loss.LossSpecs;
import org.losseval.report.FigureNames;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;

/**
 * The figures of a run by name ({@link FigureNames}): which names a request will produce (so a gate on
 * an unknown figure is refused before any data is read), and the gates' verdicts on a finished report
 * (whose figures {@link org.losseval.report.ReportFigures} lists).
 *
 * <p>Gates fail closed: a figure that is missing or not finite fails its gate, and an approximate figure
 * (a bracket, beyond the exact memory budget) is compared at its end that is worse for the gate: the high
 * end for {@code >} and {@code >=}, the low end for {@code <} and {@code <=}.
 */
final class RunFigures {
    private RunFigures() {}

    /**
     * The names of every figure a run of this request reports, in the order of
     * {@link org.losseval.report.ReportFigures} but for the row counts, which come last here, and but for the
     * figures of single groups ({@code group[mse@region=eu]}), whose names depend on the data: a gate on one is
     * checked by {@link #groupFigure} instead (as are group_delta[...] and its interval's ends).
     */
    static Set<String> names(EvalRequest request) {
        Set<String> names = new LinkedHashSet<>();
        for (LossRequest loss : request.losses()) {
            names.add(FigureNames.loss(key(loss)));
            names.add(FigureNames.clamped(key(loss)));
        }
        List<Integer> contributions = contributionLosses(request);
        for (int l : contributions) {
            String key = key(request.losses().get(l));
            names.add(FigureNames.shareTop1(key));
            names.add(FigureNames.shareTopK(request.contributions().topK(), key));
            for (double fraction : request.contributions().topFractions()) {
                names.add(FigureNames.shareTopFraction(fraction, key));
            }
            names.add(FigureNames.outlierShare(key));
        }
        if (!contributions.isEmpty()) names.add(FigureNames.OUTLIERS);
        for (QuantileColumn q : request.quantiles()) {
            names.add(FigureNames.pinball(q.column()));
            names.add(FigureNames.calibration(q.column()));
        }
        if (request.quantiles().size() >= 2) {
            names.add(FigureNames.CRPS);
            names.add(FigureNames.QUANTILE_CROSSINGS);
            names.add(FigureNames.QUANTILE_CROSSING_SHARE);
        }
        for (IntervalColumns i : request.intervals()) intervalNames(i.name(), names);
        if (request.baseline() != null) {
            for (String figure : comparedFigures(request)) names.addAll(FigureNames.comparison(figure));
        }
        if (request.grouping() != null) {
            for (LossRequest loss : request.losses()) names.add(FigureNames.worstGroup(key(loss)));
            if (request.baseline() != null) {
                for (LossRequest loss : request.losses()) names.add(FigureNames.worstGroupDelta(key(loss)));
            }
        }
        names.add(FigureNames.ROWS_READ);
        names.add(FigureNames.ROWS_USED);
        names.add(FigureNames.ROWS_SKIPPED);
        if (request.pairing() != null) {
            names.add(FigureNames.BASELINE_ROWS_READ);
            names.add(FigureNames.BASELINE_ROWS_PAIRED);
            names.add(FigureNames.BASELINE_ROWS_UNPAIRED);
        }
        return names;
    }

    /**
     * The indexes of the requested losses that have contribution figures: every loss computed while
     * streaming, unless contributions are off (--no-contrib). A deferred loss ({@code huber:delta=mad}) is
     * computed after the data from kept residuals, so it has none.
     */
    static List<Integer> contributionLosses(EvalRequest request) {
        List<Integer> indexes = new ArrayList<>();
        if (request.contributions() == null) return indexes;
        for (int l = 0; l < request.losses().size(); l++) {
            if (!(request.losses().get(l).loss() instanceof DeferredLoss)) indexes.add(l);
        }
        return indexes;
    }

    /**
     * A figure name with its loss spec normalized ({@code huber:delta=15.0} → {@code huber:delta=15},
     * {@code share_top1[l1]} → {@code share_top1[mae]}), or null when it names no loss.
     */
    static String canonical(String figure) {
        int open = figure.indexOf('[');
        if (open > 0 && figure.endsWith("]")) {
            String inner = normalizedSpec(figure.substring(open + 1, figure.length() - 1));
            return inner == null ? null : figure.substring(0, open + 1) + inner + "]";
        }
        return normalizedSpec(figure);
    }

    /**
     * A gate's {@code group[LOSS@C1=V1,...,Ck=Vk]} figure in canonical form (the loss by its key, its spec
     * normalized), or null when {@code figure} does not start with {@code group[}. The columns must be the
     * --group-by columns, each once, in their order; a value runs up to the next {@code ,C=} of the next
     * column (so a value may hold commas and '=', but not '[' or ']', which a gate cannot hold). Which groups
     * occur is known only after the data is read: a well-formed figure is accepted now, and a gate on a group
     * that does not occur finds no figure and fails (gates fail closed).
     *
     * @throws InvalidRequestException when it starts with {@code group[} but does not name a loss and the
     *                                 run's group columns
     */
    static String groupFigure(String figure, EvalRequest request) throws InvalidRequestException {
        String kind = groupKind(figure);
        if (kind == null || !figure.endsWith("]")) return null;
        String open = kind + "[";
        String form = "a group figure is " + kind + "[LOSS@" + groupForm(request) + "]";
        if (request.grouping() == null) {
            throw new InvalidRequestException("'" + figure + "' is a group figure, but the run has no --group-by");
        }
        if (!kind.equals(FigureNames.GROUP) && request.baseline() == null) {
            throw new InvalidRequestException("'" + figure + "' compares a group with a baseline, but the run has no"
                    + " baseline (--baseline-pred, --baseline)");
        }
        String inner = figure.substring(open.length(), figure.length() - 1);
        int at = inner.indexOf('@');
        if (at < 0) throw new InvalidRequestException("'" + figure + "': no '@' after the loss; " + form);
        String loss = lossKey(inner.substring(0, at).strip(), request);
        if (loss == null) {
            throw new InvalidRequestException("'" + figure + "': '" + inner.substring(0, at).strip()
                    + "' is not a loss of this run; " + form);
        }
        List<String> columns = request.grouping().columns();
        String rest = inner.substring(at + 1);
        List<String> values = new ArrayList<>();
        int pos = 0;
        for (int c = 0; c < columns.size(); c++) {
            String head = (c == 0 ? "" : ",") + columns.get(c) + "=";
            if (!rest.startsWith(head, pos)) {
                throw new InvalidRequestException("'" + figure + "': expected '" + head + "' at '" + rest.substring(pos)
                        + "'; " + form);
            }
            pos += head.length();
            int end = c + 1 < columns.size() ? rest.indexOf("," + columns.get(c + 1) + "=", pos) : rest.length();
            if (end < 0) throw new InvalidRequestException("'" + figure + "': no '," + columns.get(c + 1) + "='; " + form);
            values.add(rest.substring(pos, end));
            pos = end;
        }
        return FigureNames.groupFigure(kind, loss, columns, values);
    }

    /** Whether a figure name is one group's ({@code group[...]}, {@code group_delta[...]}, ...), whose name the data decides. */
    static boolean isGroupFigure(String figure) {
        return groupKind(figure) != null;
    }

    /** The kind ({@link FigureNames#GROUP_KINDS}) of a figure name that starts with KIND[, or null. */
    private static String groupKind(String figure) {
        for (String kind : FigureNames.GROUP_KINDS) {
            if (figure.startsWith(kind + "[")) return kind;
        }
        return null;
    }

    private static String groupForm(EvalRequest request) {
        if (request.grouping() == null) return "COLUMN=VALUE";
        List<String> parts = new ArrayList<>();
        for (String column : request.grouping().columns()) parts.add(column + "=VALUE");
        return String.join(",", parts);
    }

    /** The key of the requested loss that {@code text} names (its key, or a spec that normalizes to one), or null. */
    private static String lossKey(String text, EvalRequest request) {
        for (LossRequest loss : request.losses()) {
            if (key(loss).equals(text)) return text;
        }
        String spec = normalizedSpec(text);
        for (LossRequest loss : request.losses()) {
            if (loss.label() == null && loss.loss().spec().equals(spec)) return spec;
        }
        return null;
    }

    /** Judges every gate against the report. */
    static List<GateOutcome> evaluate(List<Gate> gates, Report report) {
        Map<String, Range> values = ReportFigures.of(report);
        List<GateOutcome> outcomes = new ArrayList<>();
        for (Gate gate : gates) {
            Range range = values.get(gate.figure());
            double value = range == null ? Double.NaN : worseEnd(range, gate.comparison());
            outcomes.add(gate.evaluate(value));
        }
        return outcomes;
    }

    /**
     * The figures a comparison with a baseline covers, in the report's order: every loss, each --quantile's
     * pinball loss, each --interval's interval score, each --quantile's calibration, each --interval's coverage,
     * then with --compare-shares per loss with contribution figures share_top1, share_topK and each
     * --top-fraction share (a top-fraction share is left out of the report beyond the budget, where a gate on it
     * then fails closed).
     */
    static List<String> comparedFigures(EvalRequest request) {
        List<String> figures = new ArrayList<>();
        for (LossRequest loss : request.losses()) figures.add(key(loss));
        for (QuantileColumn q : request.quantiles()) figures.add(FigureNames.pinball(q.column()));
        for (IntervalColumns i : request.intervals()) figures.add(FigureNames.intervalScore(i.name()));
        for (QuantileColumn q : request.quantiles()) figures.add(FigureNames.calibration(q.column()));
        for (IntervalColumns i : request.intervals()) figures.add(FigureNames.coverage(i.name()));
        for (int l : comparedShareLosses(request)) {
            String key = key(request.losses().get(l));
            figures.add(FigureNames.shareTop1(key));
            figures.add(FigureNames.shareTopK(request.contributions().topK(), key));
            for (double fraction : request.contributions().topFractions()) {
                figures.add(FigureNames.shareTopFraction(fraction, key));
            }
        }
        return figures;
    }

    /**
     * The losses whose shares a comparison compares: those with contribution figures when the request asks for it
     * (--compare-shares), else none.
     */
    static List<Integer> comparedShareLosses(EvalRequest request) {
        return request.baseline() != null && request.baseline().shares() ? contributionLosses(request) : List.of();
    }

    /** How figures name a requested loss ({@link FigureNames#lossKey}). */
    static String key(LossRequest loss) {
        return FigureNames.lossKey(loss.label(), loss.loss().spec());
    }

    private static void intervalNames(String interval, Set<String> names) {
        names.add(FigureNames.coverage(interval));
        names.add(FigureNames.below(interval));
        names.add(FigureNames.above(interval));
        names.add(FigureNames.width(interval));
        names.add(FigureNames.intervalScore(interval));
        names.add(FigureNames.coveragePValue(interval));
    }

    private static double worseEnd(Range range, Comparison comparison) {
        return switch (comparison) {
            case GREATER, GREATER_OR_EQUAL -> range.high();
            case LESS, LESS_OR_EQUAL -> range.low();
        };
    }

    private static String normalizedSpec(String text) {
        try {
            List<LossRequest> parsed = LossSpecs.parse(List.of(text), LossRegistry.builtIn());
            return parsed.size() == 1 && parsed.get(0).label() == null ? parsed.get(0).loss().spec() : null;
        } catch (LossSpecException e) {
            return null;
        }
    }
}
