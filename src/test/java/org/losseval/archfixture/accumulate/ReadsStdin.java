package org.losseval.archfixture.accumulate;

import java.io.IOException;

/** Breaks the standard-streams rule with System.in. */
public final class ReadsStdin {
    private ReadsStdin() {}

    static int read() throws IOException {
        return System.in.read();
    }
}
