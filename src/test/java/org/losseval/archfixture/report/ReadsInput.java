package org.losseval.archfixture.report;

import org.losseval.archfixture.io.InputError;

/** Breaks "report never depends on io" (and the reusable-layers rule). */
public final class ReadsInput {
    private ReadsInput() {}

    static RuntimeException fail() {
        return new InputError("report");
    }
}
