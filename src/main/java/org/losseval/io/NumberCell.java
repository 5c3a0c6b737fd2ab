package org.losseval.io;

import org.losseval.batch.CellIssue;

/**
 * Reads one text cell as a {@code double}.
 *
 * <p>The text is trimmed first. Accepted: decimal numbers as {@link Double#parseDouble} reads them
 * ({@code 1}, {@code -2.5}, {@code 1e-3}, {@code .5}), and, ignoring case and with an optional sign,
 * {@code nan}, {@code inf} and {@code infinity}. Non-finite values are <em>read</em>, not judged: the
 * invalid-value policy decides later. An empty cell is {@link CellIssue.Problem#EMPTY}; anything else is
 * {@link CellIssue.Problem#UNPARSABLE}, including forms Java accepts but other tools do not (hexadecimal
 * {@code 0x1p3}, type suffixes {@code 1.5d}, {@code 2f}), so a file means the same here as in pandas. A
 * decimal number beyond the range of a double ({@code 1e400}) is read as the infinity it rounds to and
 * reported as {@link CellIssue.Problem#OVERFLOW}, so its text reaches the message.
 */
final class NumberCell {
    private NumberCell() {}

    /**
     * Parses {@code text} into {@code out[index]}.
     *
     * @return null when the cell was read, else what was wrong (and {@code out[index]} is NaN)
     */
    static CellIssue.Problem parseInto(String text, double[] out, int index) {
        String t = text.strip();
        if (t.isEmpty()) {
            out[index] = Double.NaN;
            return CellIssue.Problem.EMPTY;
        }
        boolean negative = t.charAt(0) == '-';
        int signLength = negative || t.charAt(0) == '+' ? 1 : 0;
        // Words start with a letter; numbers never do, so the common path allocates nothing here.
        if (signLength < t.length() && Character.isLetter(t.charAt(signLength))) {
            String word = t.substring(signLength);
            if (word.equalsIgnoreCase("nan")) {
                out[index] = Double.NaN;
                return null;
            }
            if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
                out[index] = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return null;
            }
        }
        if (!hasOnlyDecimalChars(t)) {
            out[index] = Double.NaN;
            return CellIssue.Problem.UNPARSABLE;
        }
        try {
            double value = Double.parseDouble(t);
            out[index] = value;
            return Double.isInfinite(value) ? CellIssue.Problem.OVERFLOW : null;
        } catch (NumberFormatException e) {
            out[index] = Double.NaN;
            return CellIssue.Problem.UNPARSABLE;
        }
    }

    /** Digits, sign, point and exponent only: rejects hex floats and d/f suffixes before parseDouble sees them. */
    private static boolean hasOnlyDecimalChars(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) return false;
        }
        return true;
    }
}
