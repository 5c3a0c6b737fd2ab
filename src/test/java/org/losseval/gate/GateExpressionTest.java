package org.losseval.gate;

import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GateExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mse <= 0.5                    | mse                       | LESS_OR_EQUAL    | 0.5",
        "mse<0.5                       | mse                       | LESS             | 0.5",
        "  huber:delta=15 > 3e2        | huber:delta=15            | GREATER          | 300",
        "huber:delta=15>=-1.5E-3       | huber:delta=15            | GREATER_OR_EQUAL | -0.0015",
        "coverage[p10:p90] >= 0.78     | coverage[p10:p90]         | GREATER_OR_EQUAL | 0.78",
        "coverage[ p10:p90 ] >= .78    | coverage[p10:p90]         | GREATER_OR_EQUAL | 0.78",
        "delta[ coverage[ p10:p90 ] ] < 0 | delta[coverage[p10:p90]] | LESS             | 0",
        "delta_ci_low[pinball[p90]]>0  | delta_ci_low[pinball[p90]] | GREATER         | 0",
        "share_top1[huber:delta=15]<1  | share_top1[huber:delta=15] | LESS            | 1",
        "share_top1[robust] < 0.5      | share_top1[robust]        | LESS             | 0.5",
    })
    void parsesFigureOperatorAndThreshold(String text, String figure, Comparison op, double threshold) throws Exception {
        Gate gate = GateExpression.parse(text);
        assertEquals(new Gate(figure, op, threshold), gate);
    }

    @Test
    void canonicalExpressionIsFigureSymbolNumber() throws Exception {
        assertEquals("share_top1[mse] < 0.5", GateExpression.parse("share_top1[ mse ]<0.5").expression());
        assertEquals("mae >= 3", GateExpression.parse("mae>=3.0").expression());
    }

    /** The syntax a message closes with, and what a figure name looks like. */
    private static final String EXPECTED = " (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')";
    private static final String A_NAME = " (a name such as mse, coverage[p10:p90] or share_top1[mse])";

    static Stream<Arguments> badGates() {
        return Stream.of(
                arguments("", "empty gate expression" + EXPECTED),
                arguments("mse", "gate 'mse': no comparison" + EXPECTED),
                arguments("mse = 3", "gate 'mse = 3': unknown operator" + EXPECTED),
                arguments("mse == 3", "gate 'mse == 3': unknown operator" + EXPECTED),
                arguments("mse => 3", "gate 'mse => 3': unknown operator" + EXPECTED),
                arguments("mse << 3", "gate 'mse << 3': unknown operator" + EXPECTED),
                arguments("mse <> 3", "gate 'mse <> 3': unknown operator" + EXPECTED),
                arguments("< 3", "gate '< 3': no figure before '<'" + EXPECTED),
                arguments("mse <=", "gate 'mse <=': no number after '<='" + EXPECTED),
                arguments("mse < abc", "gate 'mse < abc': 'abc' is not a number" + EXPECTED),
                arguments("mse < NaN", "gate 'mse < NaN': 'NaN' is not a number" + EXPECTED),
                arguments("mse < Infinity", "gate 'mse < Infinity': 'Infinity' is not a number" + EXPECTED),
                arguments("mse < 0x1p3", "gate 'mse < 0x1p3': '0x1p3' is not a number" + EXPECTED),
                arguments("mse < 1e999", "gate 'mse < 1e999': '1e999' is out of range"),
                arguments("1mse < 3", "gate '1mse < 3': '1mse' is not a figure name" + A_NAME),
                arguments("m se < 3", "gate 'm se < 3': 'm se' is not a figure name" + A_NAME),
                arguments("coverage[p10 < 3", "gate 'coverage[p10 < 3': unbalanced '[' ']'" + EXPECTED),
                arguments("coverage[] < 3", "gate 'coverage[] < 3': empty [] in 'coverage[]'"),
                arguments("coverage[a]x < 3", "gate 'coverage[a]x < 3': 'coverage[a]x' must end with one [argument]"),
                arguments("coverage[a][b] < 3", "gate 'coverage[a][b] < 3': 'coverage[a][b]' must end with one [argument]"),
                arguments("delta[coverage[a]b] < 3", "gate 'delta[coverage[a]b] < 3': 'coverage[a]b' must end with one [argument]"),
                arguments("delta[delta[coverage[a]]] < 3",
                        "gate 'delta[delta[coverage[a]]] < 3': 'delta[delta[coverage[a]]]' must end with one [argument]"));
    }

    @ParameterizedTest
    @MethodSource("badGates")
    void badSyntaxGivesOneLineMessages(String text, String message) {
        GateSyntaxException e = assertThrows(GateSyntaxException.class, () -> GateExpression.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void comparisonsUseTheUnroundedValueAndTheirBoundaries() throws Exception {
        // --fail-if: the gate fails when the comparison holds.
        assertFalse(GateExpression.parse("mse <= 0.5").evaluate(0.5).passed());
        assertTrue(GateExpression.parse("mse < 0.5").evaluate(0.5).passed());
        assertFalse(GateExpression.parse("mse > 0.5").evaluate(Math.nextUp(0.5)).passed(), "0.5000000000000001 shows as 0.5");
        assertFalse(GateExpression.parse("coverage[lo:hi] >= 0.8").evaluate(0.8).passed());
        assertTrue(GateExpression.parse("coverage[lo:hi] > 0.8").evaluate(0.8).passed());
        GateOutcome outcome = GateExpression.parse("mse > 2").evaluate(1.25);
        assertEquals(new GateOutcome("mse > 2", "mse", 1.25, Comparison.GREATER, 2, true), outcome);
    }

    @Test
    void topFractionFiguresHaveAPercentSign() throws Exception {
        // Regression: '%' was not allowed in figure names, so share_top1%[mse] could not be gated.
        assertEquals("share_top1%[mse]", GateExpression.parse("share_top1%[mse] > 0.5").figure());
        assertEquals("share_top0.5%[huber:delta=15]", GateExpression.parse("share_top0.5%[huber:delta=15]>=0.2").figure());
    }

    @Test
    void gatesFailClosedOnMissingOrNonFiniteFigures() throws Exception {
        Gate below = GateExpression.parse("mse < 1");
        Gate above = GateExpression.parse("mse > 1");
        for (double value : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertFalse(below.evaluate(value).passed(), "< with " + value);
            assertFalse(above.evaluate(value).passed(), "> with " + value);
        }
        FigureLookup figures = new MapLookup(Map.of("mae", 0.25));
        assertTrue(GateExpression.parse("mae > 1").evaluate(figures).passed());
        assertFalse(GateExpression.parse("mae < 1").evaluate(figures).passed());
        GateOutcome missing = below.evaluate(figures);
        assertFalse(missing.passed());
        assertTrue(Double.isNaN(missing.value()));
    }

    /** A lookup over a fixed map, as the report will provide. */
    private record MapLookup(Map<String, Double> values) implements FigureLookup {
        @Override public boolean knows(String figure) { return values.containsKey(figure); }

        @Override public OptionalDouble find(String figure) {
            Double v = values.get(figure);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }
}
