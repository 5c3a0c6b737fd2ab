package org.losseval.io;

import java.util.List;
import org.losseval.text.Suggestions;
import org.losseval.text.Untrusted;

/** The errors about requested columns that every reader reports the same way. */
final class ColumnErrors {
    /** Enough names to recognise the file by, while keeping the message on one readable line. */
    private static final int MAX_LISTED = 30;

    private ColumnErrors() {}

    /** "no such column; columns are: a, b, c (did you mean 'b'?)", row 0 because it is about the schema. */
    static InputException noSuchColumn(String file, String column, List<String> available) {
        String delimiter = likelyDelimiter(column, available);
        if (delimiter != null) {
            String shown = delimiter.equals("\t") ? "$'\\t'" : "'" + delimiter + "'";
            return new InputException(file, 0, column, "no such column; the header is one field, '"
                    + Untrusted.text(available.get(0)) + "': the fields seem to be separated by " + shown + ", so try -d "
                    + shown);
        }
        return new InputException(file, 0, column, "no such column; " + listing(column, available));
    }

    /**
     * The delimiter a one-field header seems to use when it holds the requested column split by it
     * ({@code pred;target} read with {@code ,}), or null.
     */
    private static String likelyDelimiter(String column, List<String> available) {
        if (available.size() != 1) return null;
        for (String candidate : List.of(";", "\t", "|", ",")) {
            for (String part : available.get(0).split(java.util.regex.Pattern.quote(candidate), -1)) {
                if (part.strip().equals(column)) return candidate;
            }
        }
        return null;
    }

    /** "columns are: a, b, c (did you mean 'b'?)": the first names of the input and those close to {@code typed}. */
    static String listing(String typed, List<String> available) {
        StringBuilder detail = new StringBuilder("columns are: ");
        int listed = Math.min(MAX_LISTED, available.size());
        for (int i = 0; i < listed; i++) detail.append(i == 0 ? "" : ", ").append(Untrusted.text(available.get(i)));
        if (listed < available.size()) detail.append(", … (").append(available.size() - listed).append(" more)");
        if (available.isEmpty()) detail.append("(none)");
        detail.append(Suggestions.hint(typed, available));
        return detail.toString();
    }
}
