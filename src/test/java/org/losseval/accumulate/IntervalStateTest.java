package org.losseval.accumulate;

import org.losseval.report.IntervalResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntervalStateTest {
    /** Means of exact sums on both sides (math.fsum / n in the reference): one division apart at most. */
    private static final double MEAN_RELATIVE = 1e-15;
    private static final double P_VALUE_RELATIVE = 1e-9;
    private static final double INTERVAL_ABSOLUTE = 1e-10;

    private static final double[][] ROWS = read();

    private static double[][] read() {
        List<Map<String, String>> rows = ReferenceCsv.read("interval_rows.csv");
        double[][] columns = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            columns[0][i] = Double.parseDouble(rows.get(i).get("lower"));
            columns[1][i] = Double.parseDouble(rows.get(i).get("upper"));
            columns[2][i] = Double.parseDouble(rows.get(i).get("target"));
        }
        return columns;
    }

    private static void feed(IntervalState state, int from, int to) {
        state.accept(Arrays.copyOfRange(ROWS[0], from, to), Arrays.copyOfRange(ROWS[1], from, to),
                Arrays.copyOfRange(ROWS[2], from, to), to - from);
    }

    @Test
    void figuresMatchTheReference() {
        // reference: generate.py, numpy counts and Winkler scores, scipy.stats.binomtest for the test and interval
        Map<String, Double> expected = ReferenceCsv.figures("interval_expected.csv");
        IntervalState state = new IntervalState(0.8);
        feed(state, 0, ROWS[0].length);
        IntervalResult r = state.result();
        assertEquals(expected.get("rows"), (double) r.rows());
        assertEquals(expected.get("covered"), (double) r.covered(), "targets on a bound are covered");
        assertEquals(expected.get("below"), (double) r.below());
        assertEquals(expected.get("above"), (double) r.above());
        assertEquals(expected.get("covered") / expected.get("rows"), r.coverage());
        assertEquals(expected.get("mean_width"), r.meanWidth(), MEAN_RELATIVE * expected.get("mean_width"));
        assertEquals(expected.get("mean_score"), r.meanScore(), MEAN_RELATIVE * expected.get("mean_score"));
        assertEquals(expected.get("cp_low"), r.coverageInterval().low(), INTERVAL_ABSOLUTE);
        assertEquals(expected.get("cp_high"), r.coverageInterval().high(), INTERVAL_ABSOLUTE);
        assertEquals(expected.get("p_value"), r.pValue(), P_VALUE_RELATIVE * expected.get("p_value"));
    }

    @Test
    void winklerScorePenalizesMissesByTwoOverAlpha() {
        // nominal 0.5, alpha 0.5: a miss by 1 below costs width + 4, above by 2 costs width + 8
        IntervalState state = new IntervalState(0.5);
        state.accept(new double[] {0, 0, 0}, new double[] {4, 4, 4}, new double[] {-1, 2, 6}, 3);
        assertEquals((8 + 4 + 12) / 3.0, state.result().meanScore());
    }

    @Test
    void splitAndMergeEqualsTheWhole() {
        IntervalState whole = new IntervalState(0.8);
        feed(whole, 0, 300);
        IntervalState a = new IntervalState(0.8);
        IntervalState b = new IntervalState(0.8);
        feed(b, 0, 123);
        feed(a, 123, 300);
        a.combine(b);
        assertEquals(whole.result(), a.result());
    }

    @Test
    void crossedIntervalsAreInvalidAndRefused() {
        assertTrue(IntervalState.isValid(1, 1));
        assertFalse(IntervalState.isValid(2, 1));
        assertFalse(IntervalState.isValid(Double.NaN, 1));
        IntervalState state = new IntervalState(0.9);
        assertThrows(IllegalArgumentException.class,
                () -> state.accept(new double[] {2}, new double[] {1}, new double[] {1.5}, 1));
        assertEquals(0, state.result().rows());
    }

    @Test
    void statesOfAnotherNominalCoverageDoNotCombine() {
        assertThrows(IllegalArgumentException.class, () -> new IntervalState(0.8).combine(new IntervalState(0.9)));
    }

    @Test
    void withoutRowsEveryFigureIsNaN() {
        IntervalResult r = new IntervalState(0.8).result();
        assertTrue(Double.isNaN(r.coverage()) && Double.isNaN(r.meanScore()) && Double.isNaN(r.pValue()));
        assertTrue(Double.isNaN(r.coverageInterval().low()));
    }
}
