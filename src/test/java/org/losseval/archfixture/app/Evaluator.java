package org.losseval.archfixture.app;

/** A leaf: depends on nothing of the fixture tree. */
public final class Evaluator {
    public long evaluate() {
        return 0;
    }
}
