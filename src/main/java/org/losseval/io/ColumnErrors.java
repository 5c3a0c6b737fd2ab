package org.losseval.io;

import java.util.List;
import org.losseval.text.Suggestions;

/** The errors about requested columns that every reader reports the same way. */
final class ColumnErrors {
    /** Enough names to recognise the file by, while keeping the message on one readable line. */
    private static final int MAX_LISTED = 30;

    private ColumnErrors() {}

    /** "no such column; columns are: a, b, c (did you mean 'b'?)", row 0 because it is about the schema. */
    static InputException noSuchColumn(String file, String column, List<String> available) {
        return new InputException(file, 0, column, "no such column; " + listing(column, available));
    }

    /** "columns are: a, b, c (did you mean 'b'?)": the first names of the input and those close to {@code typed}. */
    static String listing(String typed, List<String> available) {
        StringBuilder detail = new StringBuilder("columns are: ");
        int listed = Math.min(MAX_LISTED, available.size());
        detail.append(String.join(", ", available.subList(0, listed)));
        if (listed < available.size()) detail.append(", … (").append(available.size() - listed).append(" more)");
        if (available.isEmpty()) detail.append("(none)");
        detail.append(Suggestions.hint(typed, available));
        return detail.toString();
    }
}
