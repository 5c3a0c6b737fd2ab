package org.losseval.app;

import java.util.List;

/**
 * The --group-by columns (whose combinations are the groups) and the group limits. Null in
 * {@link EvalRequest} without --group-by. (Skeleton: the groups work fills in its rules.)
 *
 * @param columns the group columns as given, in order
 */
public record GroupingRequest(List<String> columns) {
    public GroupingRequest {
        columns = List.copyOf(columns);
    }
}
