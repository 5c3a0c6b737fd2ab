package org.losseval.cli;

import org.losseval.app.BaselineRequest;

/**
 * The comparison with a baseline: the baseline's columns in the same rows (--baseline-pred and its
 * siblings) and the settings of the comparison's intervals. (Skeleton: the comparison work adds the options.)
 */
final class CompareOptions {
    static final String HEADING = "%nComparison with a baseline:%n";

    /** The baseline, or null when the run compares nothing. */
    BaselineRequest baseline() throws UsageException {
        return null;
    }
}
