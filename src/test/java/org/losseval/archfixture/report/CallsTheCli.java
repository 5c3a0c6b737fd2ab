package org.losseval.archfixture.report;

import org.losseval.archfixture.cli.Command;

/** Breaks "report never depends on cli" (and the reusable-layers rule). */
public final class CallsTheCli {
    private CallsTheCli() {}

    static Class<?> cli() {
        return Command.class;
    }
}
