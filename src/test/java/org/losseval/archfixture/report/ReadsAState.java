package org.losseval.archfixture.report;

import org.losseval.archfixture.accumulate.State;

/** Breaks "report never depends on accumulate". */
public final class ReadsAState {
    private ReadsAState() {}

    static long count(State state) {
        return state.count;
    }
}
