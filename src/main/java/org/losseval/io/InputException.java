package org.losseval.io;

/**
 * An input or data error: a file that cannot be read, a missing column, a malformed record.
 *
 * <p>{@link #getMessage()} is the one-line message shown to the user:
 * {@code file:row: column 'x': what was wrong}, leaving out the parts that are not known.
 */
public class InputException extends Exception {
    private final String file;
    private final long row;
    private final String column;
    private final String detail;

    /**
     * @param file   the input name, or null
     * @param row    the 1-based data row, or 0 when the error is not about one row
     * @param column the column name, or null
     * @param detail what was wrong, without the location
     */
    public InputException(String file, long row, String column, String detail) {
        this(file, row, column, detail, null);
    }

    public InputException(String file, long row, String column, String detail, Throwable cause) {
        super(format(file, row, column, detail), cause);
        this.file = file;
        this.row = row;
        this.column = column;
        this.detail = detail;
    }

    public String file() { return file; }

    public long row() { return row; }

    public String column() { return column; }

    public String detail() { return detail; }

    static String format(String file, long row, String column, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (row > 0) sb.append(':').append(row);
            sb.append(": ");
        }
        if (column != null) sb.append("column '").append(column).append("': ");
        sb.append(detail);
        return sb.toString();
    }
}
