package org.losseval.accumulate;

import org.losseval.report.ConfidenceInterval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BinomialInferenceTest {
    /** Commons Math (saddle-point pmf, continued-fraction beta) against SciPy 1.10 (Boost). */
    private static final double P_VALUE_RELATIVE = 1e-9;
    /** Beta quantiles are solved to 1e-14 absolute; SciPy's are Boost's. */
    private static final double INTERVAL_ABSOLUTE = 1e-10;

    @Test
    void pValuesAndClopperPearsonMatchScipyBinomtest() {
        // reference: scipy.stats.binomtest(k, n, p).pvalue and .proportion_ci(0.95, method="exact")
        for (Map<String, String> row : ReferenceCsv.read("binomial.csv")) {
            long k = Long.parseLong(row.get("k"));
            long n = Long.parseLong(row.get("n"));
            double p = Double.parseDouble(row.get("p"));
            String what = k + "/" + n + " vs " + p;
            double expected = Double.parseDouble(row.get("p_value"));
            assertEquals(expected, BinomialInference.twoSidedPValue(k, n, p), P_VALUE_RELATIVE * expected, what);
            ConfidenceInterval ci = BinomialInference.clopperPearson(k, n, 0.95);
            assertEquals(Double.parseDouble(row.get("cp_low")), ci.low(), INTERVAL_ABSOLUTE, what + " low");
            assertEquals(Double.parseDouble(row.get("cp_high")), ci.high(), INTERVAL_ABSOLUTE, what + " high");
        }
    }

    @Test
    void anOutcomeAtTheExpectedCountHasPValueOne() {
        assertEquals(1.0, BinomialInference.twoSidedPValue(80, 100, 0.8));
    }

    @Test
    void countsOutsideZeroToNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BinomialInference.twoSidedPValue(11, 10, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BinomialInference.clopperPearson(-1, 10, 0.95));
    }
}
