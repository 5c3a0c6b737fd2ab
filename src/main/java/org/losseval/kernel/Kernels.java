package org.losseval.kernel;

/**
 * Chooses the kernel implementation once: the Vector API one when the {@code jdk.incubator.vector}
 * module can be loaded and {@code -Dlosseval.kernel=scalar} (or {@code LOSSEVAL_KERNEL=scalar}) was not
 * given, otherwise the scalar reference. See {@link KernelSelection} for the rules and
 * {@link VectorModule} for how the module is loaded without the JVM's incubator warning.
 *
 * <p>The choice is made on the first call of {@link #regression()} (lazy holder), so merely loading this
 * class costs nothing at start-up. Thread-safe.
 */
public final class Kernels {

    private static final RegressionKernels SCALAR = new ScalarRegressionKernels();

    private Kernels() {}

    /** The active implementation; its {@link RegressionKernels#description()} says which one and why. */
    public static RegressionKernels regression() {
        return Active.KERNELS;
    }

    /** The scalar reference, whatever is active. */
    public static RegressionKernels scalar() {
        return SCALAR;
    }

    /** Initialised on first use only: the JVM runs this class's initialiser once, thread-safely. */
    private static final class Active {
        static final RegressionKernels KERNELS = KernelSelection.select();
    }
}
