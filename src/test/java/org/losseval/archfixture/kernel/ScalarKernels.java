package org.losseval.archfixture.kernel;

import jdk.incubator.vector.DoubleVector;

/** Breaks the Vector API rule by its name: in kernel, but not a Vector* class. */
public final class ScalarKernels {
    private ScalarKernels() {}

    static int lanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }
}
