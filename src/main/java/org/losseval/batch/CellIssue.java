package org.losseval.batch;

/**
 * A cell whose value could not be read as a number; its value in the batch is NaN (for
 * {@link Problem#OVERFLOW}, the infinity the text rounds to).
 *
 * @param index   the row's index within the batch (not its row number)
 * @param column  the column name
 * @param problem what was wrong
 * @param text    the cell's text as read, for messages; null for a missing or null cell; for a list of the
 *                wrong length, both lengths ("3 values, expected 10")
 */
public record CellIssue(int index, String column, Problem problem, String text) {

    /** What was wrong with a cell. The names are the reasons counted by {@code --skip-invalid}. */
    public enum Problem {
        /** An empty CSV cell. */
        EMPTY("empty value"),
        /** A Parquet null. */
        NULL("null value"),
        /** Text that is not a number. */
        UNPARSABLE("not a number"),
        /** A Parquet list whose length differs from the first row's; the text says both lengths. */
        WRONG_LENGTH("list of the wrong length"),
        /**
         * A decimal number too large in magnitude for a double ({@code 1e400}): unlike the other problems its
         * value in the batch is the infinity it rounds to, so the invalid-value policy sees an infinite value
         * and the message can quote the text.
         */
        OVERFLOW("overflows a double");

        private final String description;

        Problem(String description) { this.description = description; }

        public String description() { return description; }
    }
}
