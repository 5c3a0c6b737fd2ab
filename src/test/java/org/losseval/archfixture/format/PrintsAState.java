package org.losseval.archfixture.format;

import org.losseval.archfixture.accumulate.State;

/** Breaks "format never depends on accumulate". */
public final class PrintsAState {
    private PrintsAState() {}

    static String print(State state) {
        return state.toString();
    }
}
