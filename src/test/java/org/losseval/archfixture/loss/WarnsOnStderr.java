package org.losseval.archfixture.loss;

/** Breaks the standard-streams rule with System.err. */
public final class WarnsOnStderr {
    private WarnsOnStderr() {}

    static void warn() {
        System.err.println("warning");
    }
}
