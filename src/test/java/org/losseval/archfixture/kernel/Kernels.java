package org.losseval.archfixture.kernel;

/** A leaf: depends on nothing of the fixture tree. */
public final class Kernels {
    private Kernels() {}

    public static String description() {
        return "scalar";
    }
}
