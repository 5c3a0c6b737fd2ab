package org.losseval.kernel;

/**
 * Chooses the kernel implementations once: the Vector API ones when the {@code jdk.incubator.vector}
 * module can be loaded and {@code -Dlosseval.kernel=scalar} (or {@code LOSSEVAL_KERNEL=scalar}) was not
 * given, otherwise the scalar references. See {@link KernelSelection} for the rules and
 * {@link VectorModule} for how the module is loaded without the JVM's incubator warning.
 *
 * <p>Each family is chosen on the first call of its accessor (lazy holders), so merely loading this
 * class costs nothing at start-up. Vector and scalar give the same bits, so the choice only changes
 * speed. Thread-safe.
 */
public final class Kernels {

    private static final RegressionKernels SCALAR = new ScalarRegressionKernels();
    private static final ClassificationKernels SCALAR_CLASSIFICATION = new ScalarClassificationKernels();

    private Kernels() {}

    /** The active regression kernels; {@link RegressionKernels#description()} says which and why. */
    public static RegressionKernels regression() {
        return ActiveRegression.KERNELS;
    }

    /** Whether the active regression kernels are the vector ones (else the scalar ones, and their description says why). */
    public static boolean vectorActive() {
        return !(regression() instanceof ScalarRegressionKernels);
    }

    /** The scalar regression reference, whatever is active. */
    public static RegressionKernels scalar() {
        return SCALAR;
    }

    /** The active classification kernels; {@link ClassificationKernels#description()} says which and why. */
    public static ClassificationKernels classification() {
        return ActiveClassification.KERNELS;
    }

    /** The scalar classification reference, whatever is active. */
    public static ClassificationKernels scalarClassification() {
        return SCALAR_CLASSIFICATION;
    }

    /** Initialised on first use only: the JVM runs this class's initialiser once, thread-safely. */
    private static final class ActiveRegression {
        static final RegressionKernels KERNELS = KernelSelection.select(KernelSelection.REGRESSION);
    }

    private static final class ActiveClassification {
        static final ClassificationKernels KERNELS = KernelSelection.select(KernelSelection.CLASSIFICATION);
    }
}
