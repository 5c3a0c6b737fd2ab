package org.losseval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Verdict#ofNominal}, worked by hand from |candidate - nominal| and |baseline - nominal|: a verdict only
 * when the interval of delta excludes 0 and both values lie on one side of the nominal (a value on it takes
 * the other's side).
 */
class VerdictTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case                                   | low   | high  | base | cand | nominal | verdict
        "both above, candidate nearer            | -0.2  | -0.1  | 0.99 | 0.85 | 0.8     | CLOSER",
        "both above, candidate farther           | 0.1   | 0.2   | 0.85 | 0.99 | 0.8     | FARTHER",
        "both below, candidate nearer            | 0.01  | 0.1   | 0.0  | 0.06 | 0.1     | CLOSER",
        "both below, candidate farther           | -0.1  | -0.01 | 0.06 | 0.0  | 0.1     | FARTHER",
        "candidate on the nominal                | -0.2  | -0.1  | 0.95 | 0.8  | 0.8     | CLOSER",
        "baseline on the nominal                 | 0.1   | 0.2   | 0.8  | 0.95 | 0.8     | FARTHER",
        "opposite sides: the interval cannot say | -0.3  | -0.1  | 0.95 | 0.75 | 0.8     | UNDETERMINED",
        "interval holds 0                        | -0.1  | 0.1   | 0.99 | 0.85 | 0.8     | NO_SIGNIFICANT_DIFFERENCE",
        "interval ends at 0                      | 0.0   | 0.1   | 0.85 | 0.9  | 0.8     | NO_SIGNIFICANT_DIFFERENCE",
        "no interval                             | NaN   | NaN   | 0.99 | 0.85 | 0.8     | UNDETERMINED",
    })
    void ofNominal(String name, double low, double high, double baseline, double candidate, double nominal,
                   Verdict verdict) {
        assertEquals(verdict, Verdict.ofNominal(new ConfidenceInterval(0.95, low, high), baseline, candidate, nominal));
    }
}
