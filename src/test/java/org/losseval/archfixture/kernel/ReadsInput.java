package org.losseval.archfixture.kernel;

import org.losseval.archfixture.io.InputError;

/** Breaks "reusable layers never depend on io" from kernel. */
public final class ReadsInput {
    private ReadsInput() {}

    static RuntimeException fail() {
        return new InputError("kernel");
    }
}
