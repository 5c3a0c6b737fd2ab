package org.losseval.io;

/**
 * An input or data error: a file that cannot be read, a missing column, a malformed record.
 *
 * <p>{@link #getMessage()} is the one-line message shown to the user, leaving out the parts that are not
 * known. Where the error is:
 * <ul>
 *   <li>in a text file (CSV), the line an editor shows, in the {@code file:LINE:} form that editors,
 *       {@code grep -n} and compilers use: {@code data.csv:3: column 'x': not a number: 'abc'}; for a record
 *       spanning lines (a quoted line break), its first line. When the data row is not simply the line
 *       minus the header's one (blank lines, multi-line records before it), it is added at the end:
 *       {@code ... (data row 5)};
 *   <li>in a file without lines (Parquet), the row: {@code data.parquet: row 2: column 'x': null value};
 *   <li>about the file as a whole: {@code data.csv: column 'x': no such column; ...}.
 * </ul>
 */
public class InputException extends Exception {
    private final String file;
    private final long line;
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
        this(file, 0, row, column, detail, cause);
    }

    private InputException(String file, long line, long row, String column, String detail, Throwable cause) {
        super(format(file, line, row, column, detail), cause);
        this.file = file;
        this.line = line;
        this.row = row;
        this.column = column;
        this.detail = detail;
    }

    /**
     * An error at a line of a text file.
     *
     * @param line the 1-based line an editor shows (the first line of the record), or 0 when not known
     * @param row  the 1-based data row, or 0
     */
    public static InputException atLine(String file, long line, long row, String column, String detail) {
        return new InputException(file, line, row, column, detail, null);
    }

    /** As {@link #atLine(String, long, long, String, String)}, with the exception that caused it. */
    public static InputException atLine(String file, long line, long row, String column, String detail, Throwable cause) {
        return new InputException(file, line, row, column, detail, cause);
    }

    /** The same error with {@code detail} in place of this one's, at the same place. */
    public InputException withDetail(String detail) {
        return new InputException(file, line, row, column, detail, this);
    }

    public String file() { return file; }

    /** The 1-based line of a text file, or 0. */
    public long line() { return line; }

    public long row() { return row; }

    public String column() { return column; }

    public String detail() { return detail; }

    static String format(String file, long line, long row, String column, String detail) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) sb.append(':').append(line).append(": ");
            else if (row > 0) sb.append(": row ").append(row).append(": ");
            else sb.append(": ");
        } else if (row > 0) {
            sb.append("row ").append(row).append(": ");
        }
        if (column != null) sb.append("column '").append(column).append("': ");
        sb.append(detail);
        // The header is line 1, so data row n is normally line n + 1; say the row only when it is not.
        if (line > 0 && row > 0 && line != row + 1) sb.append(" (data row ").append(row).append(')');
        return sb.toString();
    }
}
