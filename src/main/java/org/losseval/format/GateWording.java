package org.losseval.format;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.losseval.report.GateOutcome;
import org.losseval.text.Numbers;

/**
 * The one wording of a gate, used by every printer and by the line on stderr, so a gate reads the same
 * wherever it is shown:
 * <ul>
 *   <li>{@link #verdict}: why a gate failed, the figure, its value and the comparison that held:
 *       {@code mse = 16200 > 200}; for a figure that is missing or not finite,
 *       {@code share_top1[x] = NaN: not computed or undefined, so the gate fails closed}. The JUnit failure
 *       message, and (exact, after "gate failed: ") the line on stderr, {@link #failedLine}.</li>
 *   <li>{@link #judged}: a gate and the value it judged, {@code mse > 200 (mse = 16200)}, for the PASS/FAIL
 *       lines of the table and Markdown (which sets the expression and the figure as code).</li>
 *   <li>{@link #summary}: {@code 1 of 3 gates failed}.</li>
 * </ul>
 * Values come in through the caller's formatter, so the precision stays the printer's, except that a value
 * whose rounded text would contradict the verdict is written exactly ({@link #value}). The threshold is always
 * exact: it is the number the user wrote.
 */
public final class GateWording {
    /** Why a gate on a figure that is missing or not finite failed (DESIGN: CI gates fail closed). */
    static final String FAILS_CLOSED = "not computed or undefined, so the gate fails closed";

    private GateWording() {}

    /** The line for stderr, with exact numbers: {@code gate failed: mse = 16200.4 > 200}. */
    public static String failedLine(GateOutcome gate) {
        return "gate failed: " + verdict(gate, Numbers::exact);
    }

    /**
     * Why a failed gate failed: {@code mse = 16200 > 200}, or, for a value that is missing or not finite,
     * {@code share_top1[x] = NaN: not computed or undefined, so the gate fails closed}.
     */
    public static String verdict(GateOutcome gate, DoubleFunction<String> number) {
        String value = gate.figure() + " = " + value(gate, number);
        if (!Double.isFinite(gate.value())) return value + ": " + FAILS_CLOSED;
        return value + " " + gate.comparison().symbol() + " " + Numbers.exact(gate.threshold());
    }

    /**
     * A gate and the value it judged: {@code mse > 200 (mse = 16200)}; a value that is missing or not finite
     * says that the gate fails closed. {@code code} sets the expression and the figure (Markdown: code spans).
     */
    static String judged(GateOutcome gate, DoubleFunction<String> number, UnaryOperator<String> code) {
        String value = value(gate, number) + (Double.isFinite(gate.value()) ? "" : ": " + FAILS_CLOSED);
        return code.apply(gate.expression()) + " (" + code.apply(gate.figure()) + " = " + value + ")";
    }

    /**
     * The value a gate judged, rounded like every other number unless the rounded text would contradict the
     * verdict (16200.4 shown as 16200 beside a failed "mse > 16200"); then it is written exactly.
     */
    static String value(GateOutcome gate, DoubleFunction<String> number) {
        String shown = number.apply(gate.value());
        if (!Double.isFinite(gate.value())) return shown;
        boolean holds = gate.comparison().holds(gate.value(), gate.threshold());
        return gate.comparison().holds(Double.parseDouble(shown), gate.threshold()) == holds
                ? shown : Numbers.exact(gate.value());
    }

    /** "All 3 gates passed", "2 of 3 gates failed", "1 gate passed", "1 gate failed". */
    static String summary(List<GateOutcome> gates) {
        long failed = gates.stream().filter(g -> !g.passed()).count();
        if (gates.size() == 1) return failed == 0 ? "1 gate passed" : "1 gate failed";
        return failed == 0 ? "All " + gates.size() + " gates passed" : failed + " of " + gates.size() + " gates failed";
    }
}
