package org.losseval.archfixture.report;

import org.losseval.archfixture.kernel.Kernels;

/** Breaks "report never depends on kernel". */
public final class UsesAKernel {
    private UsesAKernel() {}

    static String kernel() {
        return Kernels.description();
    }
}
