package org.losseval.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

/**
 * Number strings as prediction dumps hold them, each with the double it must parse to, known without
 * parsing it (so a parser is checked against something it did not compute).
 */
final class DecimalStrings {
    /** 17 significant digits: always enough to round-trip a double, and what full-precision dumps write. */
    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17);
    private static final int SHORT_SCALE = 3;
    private static final int SHORT_LIMIT = 100_000;

    final String[] text;
    final double[] expected;

    private DecimalStrings(String[] text, double[] expected) {
        this.text = text;
        this.expected = expected;
    }

    /**
     * Doubles uniform in (−100, 100) written with 17 significant digits in plain notation, e.g.
     * {@code -42.187362918461172}. 17 digits identify a double uniquely, so the expected value is the
     * double written.
     */
    static DecimalStrings seventeenDigits(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] text = new String[count];
        double[] expected = new double[count];
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble(-100.0, 100.0);
            text[i] = new BigDecimal(x).round(SEVENTEEN_DIGITS).toPlainString();
            expected[i] = x;
        }
        return new DecimalStrings(text, expected);
    }

    /**
     * k / 1000 for k uniform in (−10^5, 10^5), written with three decimals, e.g. {@code -42.187}. The
     * expected value is {@code (double) k / 1000}: both operands are exact doubles, so the division rounds
     * the exact decimal correctly, as a correct parser must.
     */
    static DecimalStrings threeDecimals(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] text = new String[count];
        double[] expected = new double[count];
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(-SHORT_LIMIT + 1, SHORT_LIMIT);
            text[i] = BigDecimal.valueOf(k, SHORT_SCALE).toPlainString();
            expected[i] = (double) k / 1000.0;
        }
        return new DecimalStrings(text, expected);
    }
}
