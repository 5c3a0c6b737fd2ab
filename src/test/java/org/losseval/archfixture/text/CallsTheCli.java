package org.losseval.archfixture.text;

import org.losseval.archfixture.cli.ReportsInputErrors;

/** Breaks "reusable layers never depend on cli" from text. */
public final class CallsTheCli {
    private CallsTheCli() {}

    static Class<?> cli() {
        return ReportsInputErrors.class;
    }
}
