package org.losseval.bench;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * The {@code impl} parameter of the kernel benchmarks: "vector" is the active implementation, which must
 * really be the vector one (a "vector" figure measured on the scalar fallback would be a lie, so the
 * benchmark fails instead, with the reason from {@code description()}); "scalar" is the scalar reference.
 */
final class KernelChoice {
    static final String VECTOR = "vector";
    static final String SCALAR = "scalar";

    private KernelChoice() {}

    static RegressionKernels regression(String impl) {
        if (impl.equals(SCALAR)) return Kernels.scalar();
        RegressionKernels active = Kernels.regression();
        requireVector(impl, active.description());
        return active;
    }

    static ClassificationKernels classification(String impl) {
        if (impl.equals(SCALAR)) return Kernels.scalarClassification();
        ClassificationKernels active = Kernels.classification();
        requireVector(impl, active.description());
        return active;
    }

    private static void requireVector(String impl, String description) {
        ResultCheck.require(impl.equals(VECTOR), "impl must be " + VECTOR + " or " + SCALAR + ", not " + impl);
        ResultCheck.require(!description.startsWith(SCALAR),
                "vector kernels requested but the active ones are " + description);
    }
}
