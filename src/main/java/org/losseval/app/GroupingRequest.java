package org.losseval.app;

import java.util.HashSet;
import java.util.List;

/**
 * The --group-by columns (whose combinations of values are the groups) and the group limits. Null in
 * {@link EvalRequest} without --group-by.
 *
 * @param columns   the group columns as given, in order, each once: columns of the input read as text, or
 *                  the virtual {@code file} and Hive-style {@code key=value} directory segments of the input
 *                  names (see {@code io.SourceOptions#texts})
 * @param minRows   groups with fewer rows are listed but not ranked (--min-group-rows), at least 1
 * @param maxGroups the run fails (an input error, exit 3) rather than track more groups (--max-groups), at
 *                  least 1
 */
public record GroupingRequest(List<String> columns, long minRows, long maxGroups) {
    public static final long DEFAULT_MIN_ROWS = 30;
    public static final long DEFAULT_MAX_GROUPS = 10_000;
    /** Group ids are ints, and each group holds states: a million groups is far beyond a useful report. */
    public static final long MAX_MAX_GROUPS = 1_000_000;

    public GroupingRequest {
        columns = List.copyOf(columns);
        // The messages name the options: the command line shows them as they are (a usage error).
        if (columns.isEmpty()) throw new IllegalArgumentException("--group-by needs a column");
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("--group-by names a column twice: " + String.join(", ", columns));
        }
        for (String column : columns) {
            if (column.isBlank()) throw new IllegalArgumentException("--group-by needs a column name, got '" + column + "'");
        }
        if (minRows < 1) throw new IllegalArgumentException("--min-group-rows must be at least 1, got " + minRows);
        if (maxGroups < 1 || maxGroups > MAX_MAX_GROUPS) {
            throw new IllegalArgumentException("--max-groups must be between 1 and " + MAX_MAX_GROUPS + ", got " + maxGroups);
        }
    }

    /** Groups by {@code columns} with the default limits. */
    public GroupingRequest(List<String> columns) {
        this(columns, DEFAULT_MIN_ROWS, DEFAULT_MAX_GROUPS);
    }
}
