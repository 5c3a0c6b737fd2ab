package org.losseval.gate;

import org.losseval.text.Numbers;

import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;

/**
 * A parsed {@code --fail-if} gate: the run fails if {@code figure comparison threshold} holds
 * ({@link GateExpression} parses one). Gates fail closed: a missing, NaN or infinite figure fails.
 * Values are compared unrounded, as computed.
 *
 * @param figure    the figure's name, e.g. {@code coverage[p10:p90]}
 * @param threshold a finite number
 */
public record Gate(String figure, Comparison comparison, double threshold) {

    /** The gate in canonical form, e.g. {@code mse <= 0.5}. */
    public String expression() {
        return figure + " " + comparison.symbol() + " " + Numbers.exact(threshold);
    }

    /** Judges a value of the figure. */
    public GateOutcome evaluate(double value) {
        boolean passed = Double.isFinite(value) && !comparison.holds(value, threshold);
        return new GateOutcome(expression(), figure, value, comparison, threshold, passed);
    }

    /** Judges the figure as the lookup finds it; a figure it does not have fails. */
    public GateOutcome evaluate(FigureLookup figures) {
        return evaluate(figures.find(figure).orElse(Double.NaN));
    }
}
