package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losseval.batch.CellIssue;

/**
 * {@link ByteNumberCell} against {@link NumberCell}, the reference for what a cell means: the same problem
 * and the same bits for every text, on hand-picked awkward texts and on random ones. NumberCell is itself
 * tested against hand-written values in {@link CsvSourceTest}.
 */
class ByteNumberCellTest {
    /** Texts at every edge of the grammar, of rounding and of the word and whitespace rules. */
    private static final List<String> AWKWARD = List.of(
            "0", "-0", "-0.0", "+0", "0.0", "1", "+1", "-1", "1e5", "1E5", "1e+5", "1e-5", ".5", "5.", "-.5", "+.5",
            "5.e3", ".e3", ".", "+", "-", "e", "E5", "e5", "-e5", "1e", "1e+", "1e-", "++1", "+-1", "1+", "1-1",
            "1..2", "1.2.3", "1e5e5", "1e5.5", "1e-5-", "00000000000000000001", "000.000",
            "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
            "-1e309", "1e-400", "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999",
            "9007199254740993", "9007199254740992.5", "0.1", "0.30000000000000004", "0.3000000000000000444",
            "123456789012345678901234567890", "1" + "0".repeat(400), "0." + "0".repeat(400) + "1",
            "1." + "9".repeat(300), "0.12345678901234567890123456789e-300",
            " 1 ", "\t1\t", "\u000b1", "\u001c1\u001f", "\f-2.5\r", "  ", "", " \t ",
            "NaN", "nan", "-nan", "+NaN", "inf", "-inf", "+Infinity", "INFINITY", "Infinit", "infx", " inf ",
            "0x1p3", "0X1P3", "1.5d", "2f", "1D", "1F", "abc", "1,5", "1 000", "1_000", "0b1",
            "\uff11", "\u30001\u3000", "\u00a01", "1\u2003", "\u0663", "\u221e", "\u22121", "\ufffd", "\ufeff1");

    @Test
    void awkwardTextsMeanTheSameAsInNumberCell() {
        for (String text : AWKWARD) assertSameAsNumberCell(text);
    }

    @Test
    void malformedUtf8IsDecodedAsTheCommonsReaderWould() {
        byte[][] cells = {{(byte) 0xff}, {'1', (byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {' ', (byte) 0x80, '1'}};
        for (byte[] cell : cells) {
            String decoded = new String(cell, StandardCharsets.UTF_8);
            assertAgree(cell, decoded);
        }
    }

    @Test
    void randomTextsOverTheDecimalAlphabetMeanTheSame() {
        Random random = new Random(20240611);
        String alphabet = "0123456789+-.eE";
        for (int n = 0; n < 50_000; n++) {
            int length = 1 + random.nextInt(random.nextBoolean() ? 6 : 30);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                // Mostly digits, so that many texts are numbers and reach the rounding code.
                int k = random.nextInt(4) == 0 ? random.nextInt(alphabet.length()) : random.nextInt(10);
                text.append(alphabet.charAt(k));
            }
            assertSameAsNumberCell(text.toString());
        }
    }

    @Test
    void randomDoublesInEveryNotationMeanTheSame() {
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            double x = switch (n % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());          // any bits: subnormals, huge, NaN
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Double.MIN_VALUE * random.nextInt(1 << 20);          // subnormal
                default -> -random.nextGaussian();
            };
            for (String text : notations(x)) assertSameAsNumberCell(text);
        }
    }

    private static List<String> notations(double x) {
        List<String> texts = new ArrayList<>();
        texts.add(Double.toString(x));
        texts.add(String.format(Locale.ROOT, "%.17g", x));
        texts.add(String.format(Locale.ROOT, "%.16e", x));
        texts.add(String.format(Locale.ROOT, "%.20f", x));
        if (Double.isFinite(x)) texts.add(new BigDecimal(x).toString()); // the exact value, often 700+ digits
        return texts;
    }

    private static void assertSameAsNumberCell(String text) {
        assertAgree(text.getBytes(StandardCharsets.UTF_8), text);
    }

    /** The bytes sit inside a larger buffer, as in a record, to check that offsets are honoured. */
    private static void assertAgree(byte[] cell, String text) {
        byte[] buf = new byte[cell.length + 4];
        buf[0] = '9';
        buf[1] = ',';
        System.arraycopy(cell, 0, buf, 2, cell.length);
        buf[cell.length + 2] = ',';
        buf[cell.length + 3] = '7';
        double[] expected = {42};
        double[] actual = {42};
        CellIssue.Problem expectedProblem = NumberCell.parseInto(text, expected, 0);
        CellIssue.Problem actualProblem = ByteNumberCell.parseInto(buf, 2, 2 + cell.length, actual, 0);
        assertEquals(expectedProblem, actualProblem, () -> "problem for '" + text + "'");
        assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(actual[0]),
                () -> "bits for '" + text + "': " + expected[0] + " vs " + actual[0]);
        assertEquals(text, ByteNumberCell.text(buf, 2, 2 + cell.length));
    }
}
