package org.losseval.archfixture.batch;

import org.losseval.archfixture.io.InputError;

/** Breaks "reusable layers never depend on io" from batch. */
public final class ReadsInput {
    private ReadsInput() {}

    static RuntimeException fail() {
        return new InputError("batch");
    }
}
