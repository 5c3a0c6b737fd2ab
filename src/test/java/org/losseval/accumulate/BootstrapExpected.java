package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.losseval.report.DifferenceInference;

/**
 * The checks every bootstrap reference test makes against one case of {@code reference/compare/make_compare.py}'s
 * output (columns {@code case}, {@code deltas}, {@code ci_low}, {@code ci_high}, {@code p}): every replicate's Δ
 * bit for bit, the percentile interval to {@link #QUANTILE} relative (NumPy's quantile index is a float product,
 * ours exact), the p-value exactly.
 */
final class BootstrapExpected {
    static final double QUANTILE = 1e-13;

    private BootstrapExpected() {}

    /** The replicates' Δ, in order, against the case's {@code deltas} (space-separated), bit for bit. */
    static void assertReplicates(Map<String, String> expected, double[] actual) {
        String name = expected.get("case");
        String[] deltas = expected.get("deltas").split(" ");
        assertEquals(deltas.length, actual.length, name);
        for (int r = 0; r < deltas.length; r++) {
            assertEquals(Double.doubleToLongBits(Double.parseDouble(deltas[r])), Double.doubleToLongBits(actual[r]),
                    name + " replicate " + r + ": " + deltas[r] + " vs " + actual[r]);
        }
    }

    /** A bootstrap result against the case's interval and p-value. */
    static void assertInference(Map<String, String> expected, DifferenceInference result) {
        String name = expected.get("case");
        assertEquals(DifferenceInference.BOOTSTRAP, result.method());
        double low = Double.parseDouble(expected.get("ci_low"));
        double high = Double.parseDouble(expected.get("ci_high"));
        assertEquals(low, result.interval().low(), QUANTILE * Math.abs(low), name);
        assertEquals(high, result.interval().high(), QUANTILE * Math.abs(high), name);
        assertEquals(Double.parseDouble(expected.get("p")), result.pValue(), name);
    }
}
