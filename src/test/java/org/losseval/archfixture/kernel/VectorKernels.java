package org.losseval.archfixture.kernel;

import jdk.incubator.vector.DoubleVector;

/** Allowed: the Vector API in a Vector* class of kernel, nested classes included. */
public final class VectorKernels {
    private VectorKernels() {}

    static int lanes() {
        return DoubleVector.SPECIES_PREFERRED.length();
    }

    static final class Tail {
        static int width() {
            return DoubleVector.SPECIES_128.length();
        }
    }
}
