package org.losseval.archfixture.accumulate;

import org.losseval.archfixture.app.Evaluator;

/** Breaks "reusable layers never depend on app" from accumulate. */
public final class UsesTheEvaluator {
    private UsesTheEvaluator() {}

    static Evaluator evaluator() {
        return new Evaluator();
    }
}
