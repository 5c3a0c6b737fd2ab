package org.losseval.archfixture.cli;

import org.losseval.archfixture.io.InputError;

/** Breaks cli ↛ io: catches the reader's exception type instead of the app's. */
public final class ReportsInputErrors {
    private ReportsInputErrors() {}

    static String message(Runnable run) {
        try {
            run.run();
            return "";
        } catch (InputError e) {
            return e.getMessage();
        }
    }
}
