package org.losseval.cli;

import org.losseval.app.RowsOutRequest;

/** The per-row output, --rows-out. (Skeleton: the per-row output work adds the option.) */
final class RowsOutOptions {
    /** The per-row output, or null without --rows-out. */
    RowsOutRequest rowsOut() throws UsageException {
        return null;
    }
}
