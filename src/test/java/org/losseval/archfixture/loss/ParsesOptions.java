package org.losseval.archfixture.loss;

import picocli.CommandLine;

/** Breaks "picocli only in cli". */
public final class ParsesOptions {
    private ParsesOptions() {}

    static Object parse(String[] args) {
        return new CommandLine(new Object()).parseArgs(args);
    }
}
