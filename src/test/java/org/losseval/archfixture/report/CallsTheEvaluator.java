package org.losseval.archfixture.report;

import org.losseval.archfixture.app.Evaluator;

/** Breaks "report never depends on app" (and the reusable-layers rule). */
public final class CallsTheEvaluator {
    private CallsTheEvaluator() {}

    static long run() {
        return new Evaluator().evaluate();
    }
}
