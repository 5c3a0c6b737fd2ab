package org.losseval.archfixture.accumulate;

/** A leaf: depends on nothing of the fixture tree. */
public final class State {
    public long count;
}
