package org.losseval.archfixture.cli;

import org.losseval.archfixture.io.InputError;

/** Breaks cli ↛ io with nothing but a catch clause, which ArchUnit alone does not count as a dependency. */
public final class OnlyCatchesInputErrors {
    private OnlyCatchesInputErrors() {}

    static int exitCode(Runnable run) {
        try {
            run.run();
            return 0;
        } catch (InputError e) {
            return 3;
        }
    }
}
