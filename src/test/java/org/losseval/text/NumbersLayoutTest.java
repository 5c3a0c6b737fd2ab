package org.losseval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Numbers}' texts, written with long arithmetic since issue 14 item 4, against the {@link BigDecimal}
 * implementation they replaced (kept here as the reference, on top of {@link Numbers#shortestByRounding}, the
 * definition of the shortest decimal): the same text for every double of a varied set, at every precision.
 */
class NumbersLayoutTest {
    private static final BigDecimal PLAIN_FROM = new BigDecimal("1e-4");
    private static final BigDecimal PLAIN_BELOW = new BigDecimal("1e15");

    private static String human(double v, int significantDigits) {
        return layout(Numbers.shortestByRounding(v).round(new MathContext(significantDigits, RoundingMode.HALF_UP)));
    }

    private static String exact(double v) {
        return layout(Numbers.shortestByRounding(v));
    }

    private static String percent(double fraction) {
        BigDecimal hundredths = Numbers.shortestByRounding(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        return (hundredths.signum() == 0 ? hundredths.abs() : hundredths).toPlainString() + "%";
    }

    private static String percentNumber(double fraction) {
        return Numbers.shortestByRounding(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static long ceilTimes(double v, long n) {
        return Numbers.shortestByRounding(v).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    private static String layout(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(PLAIN_FROM) >= 0 && magnitude.compareTo(PLAIN_BELOW) < 0) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        StringBuilder text = new StringBuilder();
        if (stripped.signum() < 0) text.append('-');
        text.append(digits.charAt(0));
        if (digits.length() > 1) text.append('.').append(digits, 1, digits.length());
        text.append('e').append(exponent < 0 ? '-' : '+');
        int absExponent = Math.abs(exponent);
        if (absExponent < 10) text.append('0');
        return text.append(absExponent).toString();
    }

    /** Random bit patterns, short decimals of every size, the layout's and rounding's edges, both signs. */
    private static List<Double> doubles() {
        SplittableRandom random = new SplittableRandom(1405);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v) && v != 0) values.add(v);
        }
        for (int i = 0; i < 8_000; i++) {
            int digits = 1 + random.nextInt(17);
            long mantissa = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits));
            values.add(Double.parseDouble(mantissa + "e" + (random.nextInt(44) - 24)));
        }
        for (int e = -10; e <= 20; e++) {
            for (String digits : new String[] {"1", "9.5", "9.95", "9.9999995", "4.5", "5", "0.5", "1.25", "99.995", "99.99499"}) {
                values.add(Double.parseDouble(digits + "e" + e));
            }
        }
        for (double v : new double[] {1e-4, Math.nextDown(1e-4), 1e15, Math.nextDown(1e15), 0.1 + 0.2, 0.00005,
                0.000049999, 0.99995, 0.999949, 5e-5, 16200, 1095.83, 0.0513, Double.MIN_VALUE, 2 * Double.MIN_VALUE,
                Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 0x1p53 + 2, 0.07, 0.05, 1}) {
            values.add(v);
        }
        List<Double> both = new ArrayList<>(values);
        for (double v : values) both.add(-v);
        return both;
    }

    @Test
    void everyTextIsTheBigDecimalImplementations() {
        int compared = 0;
        for (double v : doubles()) {
            assertEquals(exact(v), Numbers.exact(v), () -> "exact " + v);
            for (int digits = Numbers.MIN_SIGNIFICANT_DIGITS; digits <= Numbers.MAX_SIGNIFICANT_DIGITS; digits++) {
                int p = digits;
                assertEquals(human(v, p), Numbers.human(v, p), () -> "human " + v + " at " + p);
            }
            assertEquals(percent(v), Numbers.percent(v), () -> "percent " + v);
            assertEquals(percentNumber(v), Numbers.percentNumber(v), () -> "percentNumber " + v);
            compared++;
        }
        assertTrue(compared > 28_000, "doubles compared: " + compared);
    }

    @Test
    void ceilTimesIsTheDecimalProductsCeiling() {
        SplittableRandom random = new SplittableRandom(7);
        long[] rows = {0, 1, 3, 100, 999, 10_000_000, 123_456_789_012L, Long.MAX_VALUE / 1000};
        for (double fraction : new double[] {0.07, 0.01, 0.05, 0.005, 1e-9, 0.3333333333333333, 1, 0.999, 1e-30}) {
            for (long n : rows) {
                if (fraction * n > 9e18) continue;
                assertEquals(ceilTimes(fraction, n), Numbers.ceilTimes(fraction, n), fraction + " x " + n);
            }
        }
        for (int i = 0; i < 20_000; i++) {
            double fraction = random.nextInt(3) == 0 ? random.nextInt(1, 1000) / 1000.0 : random.nextDouble();
            long n = random.nextLong(1, random.nextBoolean() ? 1_000 : 1_000_000_000_000L);
            assertEquals(ceilTimes(fraction, n), Numbers.ceilTimes(fraction, n), fraction + " x " + n);
        }
        assertEquals(7, Numbers.ceilTimes(0.07, 100), "0.07 x 100 is 7, not the ceiling of 7.000000000000001");
    }
}
