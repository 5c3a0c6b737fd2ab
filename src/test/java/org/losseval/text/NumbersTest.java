package org.losseval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumbersTest {
    /** RFC 8259 number grammar. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private record Reference(double value, String pythonRepr) {}

    /** shortest-doubles.csv: 3011 doubles with Python 3's repr, written by shortest_doubles.py beside it. */
    private static List<Reference> pythonReprs() throws IOException {
        try (InputStream in = NumbersTest.class.getResourceAsStream("/format/shortest-doubles.csv")) {
            List<Reference> references = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(",");
                references.add(new Reference(Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16)), fields[1]));
            }
            return references;
        }
    }

    @Test
    void exactIsTheShortestNearestDecimalLikePythonReprAndRoundTrips() throws IOException {
        List<Reference> references = pythonReprs();
        assertEquals(3011, references.size());
        for (Reference reference : references) {
            double v = reference.value();
            String exact = Numbers.exact(v);
            BigDecimal ours = new BigDecimal(exact);
            BigDecimal python = new BigDecimal(reference.pythonRepr());
            // Same value and same number of significant digits: the same decimal, whatever the layout.
            assertEquals(0, ours.compareTo(python), () -> exact + " vs Python " + reference.pythonRepr());
            assertEquals(python.stripTrailingZeros().precision(), ours.stripTrailingZeros().precision(),
                    () -> exact + " vs Python " + reference.pythonRepr());
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(exact)), exact);
            assertTrue(JSON_NUMBER.matcher(exact).matches(), exact);
        }
    }

    /**
     * {@link Numbers#shortest} (one rounding, long arithmetic) finds the same decimal as its definition,
     * {@link Numbers#shortestByRounding}, on a quarter of a million doubles: random bit patterns over every exponent
     * (subnormals included), decimals of 1 to 17 digits as a user or a script writes them, differences and
     * squares of 3-decimal numbers (what --rows-out writes most), integers around 2^53 and 2^63, and powers of
     * ten and two with their neighbours.
     */
    @Test
    void shortestAgreesWithItsDefinition() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261205);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v) && v != 0) values.add(v);
        }
        for (int i = 0; i < 60_000; i++) {
            int digits = 1 + random.nextInt(17);
            long mantissa = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits) - 1 + 1);
            values.add(Double.parseDouble(mantissa + "e" + (random.nextInt(60) - 30)));
        }
        for (int i = 0; i < 40_000; i++) {
            double a = Math.round(random.nextDouble(-1000, 1000) * 1000) / 1000.0;
            double b = Math.round(random.nextDouble(-1000, 1000) * 1000) / 1000.0;
            values.add(a - b == 0 ? 1 : a - b);
            values.add((a - b) * (a - b) == 0 ? 2 : (a - b) * (a - b));
        }
        for (int i = -1000; i <= 1000; i++) {
            values.add(0x1p53 + i * 2.0);
            values.add(0x1p63 + i * 2048.0);
            values.add(-(0x1p60 + i * 256.0));
        }
        for (int e = -323; e <= 308; e++) {
            double ten = Double.parseDouble("1e" + e);
            values.add(ten);
            values.add(Math.nextUp(ten));
            values.add(Math.nextDown(ten));
        }
        for (int e = -1074; e <= 1023; e++) values.add(Math.scalb(1.0, e));
        values.add(Double.MIN_VALUE);
        values.add(Double.MAX_VALUE);
        values.add(Double.MIN_NORMAL);
        for (double v : values) {
            // Equal values give equal text: exact() lays out the value with trailing zeros stripped.
            BigDecimal fast = Numbers.shortest(v);
            BigDecimal definition = Numbers.shortestByRounding(v);
            if (fast.compareTo(definition) != 0) {
                throw new AssertionError(Double.toString(v) + ": " + fast + " but by definition " + definition);
            }
        }
        assertTrue(values.size() > 240_000, "values: " + values.size());
    }

    /**
     * The reading of {@code Double.toString}'s text (JDK 19+ writes these on any JDK's behalf here: the function
     * reads only the text) in each of its layouts, and the one- and two-digit cases, against the definition:
     * {@code 4.9E-324} is refused because 5e-324 (one digit) reads back as MIN_VALUE too; {@code 9.9E-324}
     * (2 * MIN_VALUE) likewise, since 1e-323 and 9e-324 do; {@code 0.25} is kept, no one-digit decimal reads
     * back as 0.25. On JDK 19+ {@link #shortestAgreesWithItsDefinition} checks the same against the
     * real {@code Double.toString} on a quarter of a million doubles.
     */
    @Test
    void shortestFromJdk19TextsIsTheDefinitionOrRefused() {
        String[][] cases = {
            {"1.0E23", "1e23"}, {"125.0", "125"}, {"0.00125", "0.00125"}, {"1.25E-5", "1.25e-5"},
            {"0.30000000000000004", "0.1+0.2"}, {"2.82879384806159E17", "2.82879384806159e17"},
            {"1.7976931348623157E308", "1.7976931348623157e308"}, {"1.0E-323", "1e-323"}, {"0.25", "0.25"},
            {"9999999.0", "9999999"}, {"1.0E7", "1e7"}, {"0.001", "0.001"}, {"9.9E-4", "9.9e-4"},
        };
        for (String[] c : cases) {
            double v = c[1].equals("0.1+0.2") ? 0.1 + 0.2 : Double.parseDouble(c[1]);
            BigDecimal fromText = Numbers.shortestFromToString(c[0], v).toBigDecimal();
            assertEquals(0, Numbers.shortestByRounding(v).compareTo(fromText), c[0] + " gave " + fromText);
        }
        assertEquals(null, Numbers.shortestFromToString("4.9E-324", Double.MIN_VALUE));
        assertEquals(null, Numbers.shortestFromToString("9.9E-324", 2 * Double.MIN_VALUE));
        assertEquals(new BigDecimal("5e-324"), Numbers.shortest(Double.MIN_VALUE));
        assertEquals(0, new BigDecimal("1e-323").compareTo(Numbers.shortest(2 * Double.MIN_VALUE)));
    }

    @Test
    void exactOfAwkwardDoubles() {
        assertEquals("0.30000000000000004", Numbers.exact(0.1 + 0.2));
        assertEquals("1e-300", Numbers.exact(1e-300));
        assertEquals("5e-324", Numbers.exact(Double.MIN_VALUE));  // Double.toString: 4.9E-324
        assertEquals("1.7976931348623157e+308", Numbers.exact(Double.MAX_VALUE));
        assertEquals("-1.7976931348623157e+308", Numbers.exact(-Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", Numbers.exact(Double.MIN_NORMAL));
        assertEquals("1e+23", Numbers.exact(1e23));  // JDK 17 Double.toString: 9.999999999999999E22
        assertEquals("2.82879384806159e+17", Numbers.exact(2.82879384806159e17));  // JDK 17: 18 digits
        assertEquals("16200", Numbers.exact(16200));
        assertEquals("1095.8333333333333", Numbers.exact(1095.8333333333333));
        assertEquals("15", Numbers.exact(15));
        assertEquals("-2.5", Numbers.exact(-2.5));
    }

    @Test
    void exactZerosKeepTheirSign() {
        assertEquals("0", Numbers.exact(0.0));
        assertEquals("-0.0", Numbers.exact(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.parseDouble(Numbers.exact(-0.0))));
    }

    @Test
    void plainNotationFromOneTenThousandthUpToButExcludingTenToTheFifteen() {
        assertEquals("0.0001", Numbers.exact(1e-4));
        assertEquals("9.999999999999999e-05", Numbers.exact(9.999999999999999e-5));
        assertEquals("999999999999999.9", Numbers.exact(999999999999999.9));
        assertEquals("1e+15", Numbers.exact(1e15));
        assertEquals("123456789012345.67", Numbers.exact(123456789012345.67));
    }

    @Test
    void nonFiniteValuesHaveOneSpellingInBothStyles() {
        assertEquals("NaN", Numbers.exact(Double.NaN));
        assertEquals("inf", Numbers.exact(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Numbers.exact(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", Numbers.human(Double.NaN, 6));
        assertEquals("inf", Numbers.human(Double.POSITIVE_INFINITY, 6));
        assertEquals("-inf", Numbers.human(Double.NEGATIVE_INFINITY, 6));
    }

    @Test
    void humanRoundsToSignificantDigitsAndStripsTrailingZeros() {
        assertEquals("16200", Numbers.human(16200, 6));
        assertEquals("80", Numbers.human(80, 6));
        assertEquals("1095.83", Numbers.human(1095.8333333333333, 6));
        assertEquals("0.0513", Numbers.human(0.0513, 6));
        assertEquals("1100", Numbers.human(1095.8333333333333, 2));
        assertEquals("0.3", Numbers.human(0.1 + 0.2, 6));
        assertEquals("-12.5", Numbers.human(-12.5, 6));
        assertEquals("123000000", Numbers.human(123456789, 3));  // no grouping separators
    }

    @Test
    void percentHasTwoDecimalsRoundedHalfUpFromTheShortestDecimal() {
        assertEquals("99.59%", Numbers.percent(48400 / 48600.0));  // 0.9958847736625515
        assertEquals("91.67%", Numbers.percent(220 / 240.0));
        assertEquals("100.00%", Numbers.percent(1));
        assertEquals("0.00%", Numbers.percent(0));
        assertEquals("0.00%", Numbers.percent(-0.0));
        assertEquals("0.00%", Numbers.percent(-1e-6), "no sign on a value that rounds to zero");
        // 0.00005 is 5.00000000000000024e-05 in binary; its shortest decimal rounds half up to 0.01%.
        assertEquals("0.01%", Numbers.percent(0.00005));
        assertEquals("0.13%", Numbers.percent(0.00125), "0.125% rounds half up");
        assertEquals("250.00%", Numbers.percent(2.5));
        assertEquals("-3.00%", Numbers.percent(-0.03));
        assertEquals("NaN", Numbers.percent(Double.NaN));
        assertEquals("inf", Numbers.percent(Double.POSITIVE_INFINITY));
    }

    @Test
    void humanUsesExponentNotationOutsideThePlainRange() {
        assertEquals("1.23e-07", Numbers.human(1.23e-7, 6));
        assertEquals("1.23e-07", Numbers.human(1.234e-7, 3));
        assertEquals("5e-324", Numbers.human(Double.MIN_VALUE, 6));
        assertEquals("1.79769e+308", Numbers.human(Double.MAX_VALUE, 6));
        assertEquals("-2.5e+15", Numbers.human(-2.5e15, 6));
        assertEquals("1e+100", Numbers.human(1e100, 6));
    }

    @Test
    void humanDecidesTheLayoutAfterRounding() {
        // 999999999999999.9 rounds to 1e15 at 6 digits, which is outside the plain range.
        assertEquals("1e+15", Numbers.human(999999999999999.9, 6));
        // 0.000099999996 rounds up to 0.0001, which is inside it.
        assertEquals("0.0001", Numbers.human(0.000099999996, 6));
        assertEquals("1000000", Numbers.human(999999.5, 6));
    }

    @Test
    void humanRoundsTheShortestDecimalHalfUp() {
        // 0.15 is 0.1499999999999999944… in binary; people see 0.15, so it rounds to 0.2.
        assertEquals("0.2", Numbers.human(0.15, 1));
        assertEquals("3", Numbers.human(2.5, 1));
        assertEquals("2.68", Numbers.human(2.675, 3));
    }

    @Test
    void humanShowsZeroWithoutSign() {
        assertEquals("0", Numbers.human(0.0, 6));
        assertEquals("0", Numbers.human(-0.0, 6));
    }

    @Test
    void humanAtSeventeenDigitsIsExact() throws IOException {
        for (Reference reference : pythonReprs()) {
            assertEquals(Numbers.exact(reference.value()), Numbers.human(reference.value(), 17));
        }
    }

    @Test
    void significantDigitsOutsideOneToSeventeenAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.human(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Numbers.human(1, 18));
        assertEquals("1", Numbers.human(1.4, 1));
    }

    @Test
    void theDefaultLocaleDoesNotMatter() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);  // decimal comma, '.' grouping
            assertEquals("1095.83", Numbers.human(1095.8333333333333, 6));
            assertEquals("1234567.5", Numbers.exact(1234567.5));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));  // Arabic-Indic digits
            assertEquals("1.23e-07", Numbers.human(1.23e-7, 3));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
