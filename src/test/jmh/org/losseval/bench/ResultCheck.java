package org.losseval.bench;

import java.util.Locale;

/**
 * The self-checks of the benchmarks: a benchmark that computes the wrong thing fast must fail, not
 * report a figure. Each check throws {@link IllegalStateException}, which JMH reports as a failed
 * benchmark (with the message) and no score.
 */
final class ResultCheck {
    private ResultCheck() {}

    /**
     * Checks {@code |actual[i] − expected[i]| ≤ tolerance · max(1, |expected[i]|)} for every {@code i < n}:
     * relative above 1, absolute below, so values near zero (log-cosh of a tiny residual, a dominant
     * class's log-probability) are not held to a relative bound their reference cannot meet.
     */
    static void close(String what, double[] actual, double[] expected, int n, double tolerance) {
        for (int i = 0; i < n; i++) {
            double bound = tolerance * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: row %d gives %s, the reference %s (tolerance %s)", what, i, actual[i], expected[i],
                        tolerance));
            }
        }
    }

    /** Checks that two doubles have the same bits. */
    static void same(String what, double actual, double expected) {
        if (Double.doubleToLongBits(actual) != Double.doubleToLongBits(expected)) {
            throw new IllegalStateException(what + ": got " + actual + ", expected " + expected);
        }
    }

    /** Checks a condition with a message. */
    static void require(boolean condition, String message) {
        if (!condition) throw new IllegalStateException(message);
    }
}
