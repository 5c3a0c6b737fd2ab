package org.losseval.kernel;

/**
 * Chooses the kernel implementation once: the Vector API one when the {@code jdk.incubator.vector}
 * module can be loaded and {@code -Dlosseval.kernel=scalar} (or {@code LOSSEVAL_KERNEL=scalar}) was not
 * given, otherwise the scalar reference.
 */
public final class Kernels {
    private Kernels() {}

    /** The active implementation. */
    public static RegressionKernels regression() {
        throw new UnsupportedOperationException("implemented by the kernel work");
    }

    /** The scalar reference, whatever is active. */
    public static RegressionKernels scalar() {
        throw new UnsupportedOperationException("implemented by the kernel work");
    }
}
