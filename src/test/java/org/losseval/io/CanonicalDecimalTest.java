package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link CanonicalDecimal} against {@link Double#parseDouble}, the independent reference for the value of a
 * decimal text: on every text, the fused path either declines it, and then the text is outside the canonical
 * grammar or overflows, or reads exactly the text's bytes and gives the same bits as {@code Double.parseDouble}.
 * A canonical finite number is never declined. Texts are generated from a fixed seed: digit counts 1 to 25,
 * exponents around the exact powers (±22), the 128-bit table's edge (±64) and the double range (±308, the
 * subnormals), mantissas around 2<sup>53</sup>, zeros of both signs, leading and trailing zeros, and every
 * form the path declines.
 */
class CanonicalDecimalTest {
    /** The grammar the fused path accepts, written independently of the parser. */
    private static final Pattern CANONICAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    @Test
    void handPickedTextsAtEveryEdge() {
        List<String> texts = List.of(
                "0", "-0", "0.0", "-0.0", "00", "-00.000", "0e0", "0e999999", "-0e-999999", "000123", "1", "-1",
                "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
                "-9007199254740993", "900719925474099.3", "9.007199254740993e15", "18014398509481985",
                "1e22", "1e23", "1e-22", "1e-23", "123e20", "123e-25", "4.35e21", "9999999999999999999",
                "18446744073709551615", "18446744073709551616", "12345678901234567890", "1234567890123456789e-19",
                "0.1", "0.2", "0.3", "0.30000000000000004", "25.740279585142826", "54.59011009312377",
                "1e64", "1e65", "1e-64", "1e-65", "9999999999999999999e64", "1000000000000000000e-64",
                "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
                "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9e-324", "2.4703282292062327e-324",
                "2.4703282292062328e-324", "1e-400", "1E5", "1e+5", "1E-5", "1e00000000000000000005",
                "0.000000000000000000000000000000000000000000001", "1" + "0".repeat(30), "0." + "0".repeat(30) + "1",
                // Declined: not canonical.
                "", "-", "+1", "+0", ".5", "-.5", "5.", "5.e3", "1e", "1e+", "1e-", "e5", "--1", "1..2", "1.2.3",
                "1e5e5", "1e5.5", " 1", "1 ", "NaN", "inf", "Infinity", "0x10", "1_000", "1f", "1d");
        for (String text : texts) assertAgreesWithParseDouble(text);
    }

    @Test
    void randomDecimalTextsAgreeWithParseDouble() {
        Random random = new Random(20261205);
        int read = 0;
        for (int n = 0; n < 400_000; n++) {
            String text = randomDecimal(random);
            if (assertAgreesWithParseDouble(text)) read++;
        }
        // Each canonical finite text was checked to be read; most generated texts are such (the rest overflow or
        // break the grammar on purpose), so that the bits of most of them were compared.
        assertTrue(read > 340_000, "read " + read);
    }

    @Test
    void randomDoublesInTheirUsualNotationsAgree() {
        Random random = new Random(7);
        for (int n = 0; n < 10_000; n++) {
            double x = switch (n % 5) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE); // any finite, subnormals
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
                case 2 -> Double.MIN_VALUE * random.nextInt(1 << 20);
                case 3 -> 50 + 10 * random.nextGaussian();                             // the benchmark's values
                default -> -random.nextGaussian() * 1e-3;
            };
            if (!Double.isFinite(x)) continue;
            for (String text : List.of(Double.toString(x), String.format(Locale.ROOT, "%.17g", x).strip(),
                    String.format(Locale.ROOT, "%.16e", x), String.format(Locale.ROOT, "%.20f", x),
                    new BigDecimal(x).toPlainString())) {
                assertAgreesWithParseDouble(text);
            }
        }
    }

    @Test
    void the128BitPathIsExactWhereItAnswersAndAnswersNearlyAlways() {
        Random random = new Random(53);
        int answered = 0;
        int tries = 200_000;
        for (int n = 0; n < tries; n++) {
            // Any 64-bit mantissa (read unsigned), biased towards few digits and towards the ±22 and ±64 edges.
            long w = switch (n % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong() >>> random.nextInt(64);
                case 2 -> (1L << 53) + random.nextInt(64) - 32;
                default -> Long.parseUnsignedLong("1" + "0".repeat(random.nextInt(19)));
            };
            if (w == 0) continue;
            int q = n % 3 == 0 ? (random.nextBoolean() ? 1 : -1) * (CanonicalDecimal.MAX_TABLE_POWER - random.nextInt(3))
                    : random.nextInt(2 * CanonicalDecimal.MAX_TABLE_POWER + 1) - CanonicalDecimal.MAX_TABLE_POWER;
            long bits = CanonicalDecimal.nearest(w, q);
            if (bits < 0) continue;
            answered++;
            String text = Long.toUnsignedString(w) + "e" + q;
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), bits, text);
        }
        // Undecided only when the product is within 2^-64 relative of a rounding boundary: a handful of cases.
        assertTrue(answered > tries * 0.99, "answered " + answered);
    }

    /** A number in the canonical grammar (mostly) or just outside it, with its sign, digits and exponent drawn apart. */
    private static String randomDecimal(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) text.append('-');
        int digits = 1 + random.nextInt(25);
        int point = random.nextInt(3) == 0 ? -1 : random.nextInt(digits);
        int leadingZeros = random.nextInt(8) == 0 ? random.nextInt(5) : 0;
        text.append("0".repeat(leadingZeros));
        for (int i = 0; i < digits; i++) {
            if (i == point && i > 0) text.append('.');
            text.append(i == 0 && leadingZeros == 0 ? (char) ('1' + random.nextInt(9)) : (char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(10) == 0) text.append("0".repeat(random.nextInt(6))); // trailing zeros
        if (random.nextBoolean()) {
            text.append(random.nextBoolean() ? 'e' : 'E');
            int sign = random.nextInt(3);
            if (sign == 1) text.append('+');
            int exponent = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(30);
                case 1 -> 60 + random.nextInt(10);
                case 2 -> 300 + random.nextInt(30);
                default -> random.nextInt(400);
            };
            if (sign == 2) text.append('-');
            text.append(exponent);
        }
        if (random.nextInt(200) == 0) {
            // Just outside the grammar: a leading '+', a bare point, a dangling exponent, a space.
            String[] breaks = {"+", ".", "e", " "};
            String b = breaks[random.nextInt(breaks.length)];
            return random.nextBoolean() ? b + text : text + b;
        }
        return text.toString();
    }

    /**
     * Parses {@code text} inside a record ({@code 9,} before it, {@code ,7} after it) and at the very end of a
     * buffer; returns whether it was read.
     */
    private static boolean assertAgreesWithParseDouble(String text) {
        byte[] cell = text.getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[cell.length + 4];
        record[0] = '9';
        record[1] = ',';
        System.arraycopy(cell, 0, record, 2, cell.length);
        record[cell.length + 2] = ',';
        record[cell.length + 3] = '7';
        double[] out = {42, 42};
        int end = CanonicalDecimal.parse(record, 2, record.length, out, 1);
        int atEnd = CanonicalDecimal.parse(cell, 0, cell.length, out, 0);

        boolean canonical = CANONICAL.matcher(text).matches();
        boolean finite = canonical && Double.isFinite(Double.parseDouble(text));
        if (!finite) {
            // Declined, or (for a text that merely starts canonically, such as "1 " or "1e5.5") read only up to
            // where the grammar stops: the caller then finds no delimiter there and declines the record.
            assertTrue(end == -1 || end < cell.length + 2, () -> "'" + text + "' read to " + end);
            assertTrue(atEnd == -1 || atEnd < cell.length, () -> "'" + text + "' read to " + atEnd);
            return false;
        }
        long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
        assertEquals(cell.length + 2, end, () -> "end of '" + text + "'");
        assertEquals(cell.length, atEnd, () -> "end of '" + text + "' at the buffer's end");
        assertEquals(expected, Double.doubleToRawLongBits(out[1]), () -> "bits of '" + text + "'");
        assertEquals(expected, Double.doubleToRawLongBits(out[0]), () -> "bits of '" + text + "' at the buffer's end");
        return true;
    }
}
