package org.losseval.archfixture.loss;

import jdk.incubator.vector.DoubleVector;

/** Breaks the Vector API rule by its package: a Vector* class, but outside kernel. */
public final class VectorLoss {
    private VectorLoss() {}

    static int lanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }
}
