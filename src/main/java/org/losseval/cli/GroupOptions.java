package org.losseval.cli;

import org.losseval.app.GroupingRequest;

/** Per-group figures: --group-by and the group limits. (Skeleton: the groups work adds the options.) */
final class GroupOptions {
    static final String HEADING = "%nGroups:%n";

    /** The grouping, or null without --group-by. */
    GroupingRequest grouping() throws UsageException {
        return null;
    }
}
