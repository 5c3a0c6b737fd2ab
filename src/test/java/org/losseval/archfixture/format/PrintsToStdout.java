package org.losseval.archfixture.format;

/** Breaks the standard-streams rule with System.out. */
public final class PrintsToStdout {
    private PrintsToStdout() {}

    static void print() {
        System.out.println("report");
    }
}
