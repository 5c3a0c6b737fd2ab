package org.losseval.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import org.losseval.batch.CellIssue;

/**
 * Reads one UTF-8 cell straight from a byte buffer as a {@code double}, with exactly the rules of
 * {@link NumberCell}, and without making a String when the cell is an ordinary number.
 *
 * <p>The common case is decided here: once ASCII whitespace is trimmed, a cell made only of digits, signs,
 * points and {@code e}/{@code E} is, for {@link NumberCell}, whatever {@link Double#parseDouble} makes of
 * it (such a cell can be no word, and passes its character check). FastDoubleParser's
 * {@code JavaDoubleParser} reads the same grammar as {@code Double.parseDouble}, correctly rounded, so it
 * gives the same bits and rejects the same texts ({@code 1e}, {@code +-1}, {@code .}); tests compare the
 * two on awkward and random texts. Every other cell (empty after trimming, a word such as {@code NaN},
 * a hexadecimal or suffixed number, non-ASCII text) is decoded and handed to {@link NumberCell} itself:
 * rare cells, so the String costs nothing that matters, and the two readers cannot drift apart on them.
 *
 * <p>Trimming matches {@link String#strip}: the ASCII whitespace of {@link Character#isWhitespace} (tab,
 * line feed, vertical tab, form feed, carriage return, the four separators 0x1C–0x1F, space). Non-ASCII
 * whitespace is left to {@link NumberCell}.
 */
final class ByteNumberCell {
    /** Bytes of the decimal alphabet: digits, '+', '-', '.', 'e', 'E'. */
    private static final boolean[] DECIMAL = new boolean[256];
    /** ASCII bytes that {@link Character#isWhitespace} accepts. */
    private static final boolean[] WHITESPACE = new boolean[256];

    static {
        for (int b = '0'; b <= '9'; b++) DECIMAL[b] = true;
        for (char c : new char[] {'+', '-', '.', 'e', 'E'}) DECIMAL[c] = true;
        for (int b = 0; b < 128; b++) WHITESPACE[b] = Character.isWhitespace(b);
    }

    private ByteNumberCell() {}

    /**
     * Parses the UTF-8 bytes {@code buf[from, to)} into {@code out[index]}.
     *
     * @return null when the cell was read, else what was wrong (and {@code out[index]} is NaN); the caller
     *         decodes the cell's text for the issue only then
     */
    static CellIssue.Problem parseInto(byte[] buf, int from, int to, double[] out, int index) {
        int start = from;
        int end = to;
        while (start < end && WHITESPACE[buf[start] & 0xff]) start++;
        while (end > start && WHITESPACE[buf[end - 1] & 0xff]) end--;
        if (start == end) {
            out[index] = Double.NaN;
            return CellIssue.Problem.EMPTY;
        }
        for (int i = start; i < end; i++) {
            if (!DECIMAL[buf[i] & 0xff]) return NumberCell.parseInto(text(buf, from, to), out, index);
        }
        try {
            double value = JavaDoubleParser.parseDouble(buf, start, end - start);
            out[index] = value;
            return Double.isInfinite(value) ? CellIssue.Problem.OVERFLOW : null;
        } catch (NumberFormatException e) {
            out[index] = Double.NaN;
            return CellIssue.Problem.UNPARSABLE;
        }
    }

    /** The cell's text as the Commons CSV reader would see it (a UTF-8 decoder replacing malformed bytes). */
    static String text(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
}
