package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantileStateTest {
    /** scikit-learn averages with np.average (pairwise sums); ours are exact sums. */
    private static final double PINBALL_RELATIVE = 1e-14;

    private static final double[][] ROWS = read();

    private static double[][] read() {
        List<Map<String, String>> rows = ReferenceCsv.read("quantile_rows.csv");
        double[][] columns = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            columns[0][i] = Double.parseDouble(rows.get(i).get("pred"));
            columns[1][i] = Double.parseDouble(rows.get(i).get("target"));
            columns[2][i] = Double.parseDouble(rows.get(i).get("weight"));
        }
        return columns;
    }

    private static void feed(QuantileState state, boolean weighted, int from, int to) {
        state.accept(Arrays.copyOfRange(ROWS[0], from, to), Arrays.copyOfRange(ROWS[1], from, to),
                weighted ? Arrays.copyOfRange(ROWS[2], from, to) : null, to - from);
    }

    @Test
    void pinballAndCalibrationMatchScikitLearn() {
        // reference: sklearn 1.2 mean_pinball_loss(alpha=0.9[, sample_weight]); numpy means of y < pred, y <= pred
        Map<String, Double> expected = ReferenceCsv.figures("quantile_expected.csv");
        QuantileState plain = new QuantileState(0.9, false);
        feed(plain, false, 0, ROWS[0].length);
        QuantileState weighted = new QuantileState(0.9, true);
        feed(weighted, true, 0, ROWS[0].length);
        assertEquals(expected.get("pinball"), plain.result().pinball(), PINBALL_RELATIVE * expected.get("pinball"));
        assertEquals(expected.get("pinball_weighted"), weighted.result().pinball(),
                PINBALL_RELATIVE * expected.get("pinball_weighted"));
        assertEquals(expected.get("fraction_below"), plain.result().fractionBelow());
        assertEquals(expected.get("fraction_at_or_below"), plain.result().fractionAtOrBelow());
        assertEquals(plain.result().fractionBelow(), weighted.result().fractionBelow(), "calibration counts rows");
    }

    @Test
    void pinballAtTheMedianIsHalfTheAbsoluteError() {
        assertEquals(1.5, onePinball(0.5, 1, 4));
        assertEquals(0.9 * 3, onePinball(0.9, 1, 4)); // under-prediction costs q
        assertEquals(0.1 * 3, onePinball(0.9, 4, 1), 1e-15); // over-prediction costs 1 - q
    }

    /** The state's pinball loss of one row. */
    private static double onePinball(double q, double pred, double target) {
        QuantileState state = new QuantileState(q, false);
        state.accept(new double[] {pred}, new double[] {target}, null, 1);
        return state.result().pinball();
    }

    @Test
    void splitAndMergeEqualsTheWhole() {
        QuantileState whole = new QuantileState(0.9, true);
        feed(whole, true, 0, 250);
        QuantileState a = new QuantileState(0.9, true);
        QuantileState b = new QuantileState(0.9, true);
        feed(b, true, 0, 99);
        feed(a, true, 99, 250);
        a.combine(b);
        assertEquals(whole.result(), a.result());
    }

    @Test
    void statesOfAnotherLevelOrWeightingDoNotCombine() {
        QuantileState state = new QuantileState(0.9, false);
        assertThrows(IllegalArgumentException.class, () -> state.combine(new QuantileState(0.1, false)));
        assertThrows(IllegalArgumentException.class, () -> state.combine(new QuantileState(0.9, true)));
    }
}
