package org.losseval.accumulate;

import org.losseval.text.Numbers;

/**
 * The range rules of the probability levels the states are built with, in one place: the level q of a
 * quantile prediction ({@code --quantile COL@q}) and the nominal coverage of a prediction interval
 * ({@code --interval L:U@nominal}), both in the open interval (0, 1). The states check them, and so do the
 * request's value records by calling these methods, so a message reads the same wherever a bad level is
 * caught; the command line prefixes it with the option and the text the user typed.
 */
public final class Levels {
    private Levels() {}

    /** @return {@code q} @throws IllegalArgumentException unless 0 &lt; q &lt; 1 */
    public static double quantileLevel(double q) {
        return inUnitInterval(q, "the quantile level");
    }

    /** @return {@code nominal} @throws IllegalArgumentException unless 0 &lt; nominal &lt; 1 */
    public static double nominalCoverage(double nominal) {
        return inUnitInterval(nominal, "the nominal coverage");
    }

    private static double inUnitInterval(double value, String what) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1), got " + Numbers.exact(value));
        }
        return value;
    }
}
