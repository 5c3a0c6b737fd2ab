package org.losseval.archfixture.cli;

import org.losseval.archfixture.kernel.Kernels;

/** Breaks cli ↛ kernel: asks the kernels directly for --version. */
public final class NamesTheKernel {
    private NamesTheKernel() {}

    static String version() {
        return "kernel: " + Kernels.description();
    }
}
