package org.losseval.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which {@link RegressionKernels} run: the vector ones unless switched off
 * ({@code -Dlosseval.kernel=scalar} or {@code LOSSEVAL_KERNEL=scalar}, case-insensitive; any other
 * value means "vector if possible"), the module cannot be loaded, or the platform's vectors hold fewer
 * than two doubles. The scalar kernels' description then says why.
 *
 * <p>{@link VectorRegressionKernels} is created reflectively, after the module is loaded, so this class
 * links on a JVM without {@code jdk.incubator.vector}. Nothing is printed: a fallback is reported only
 * through {@link RegressionKernels#description()}.
 */
final class KernelSelection {

    static final String PROPERTY = "losseval.kernel";
    static final String ENVIRONMENT = "LOSSEVAL_KERNEL";
    static final String SCALAR = "scalar";

    private static final String VECTOR_CLASS = "org.losseval.kernel.VectorRegressionKernels";

    private KernelSelection() {}

    /** The choice for this JVM's system property, environment and runtime. */
    static RegressionKernels select() {
        return select(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), VectorModule::load);
    }

    /**
     * @param property     value of the system property, or null
     * @param environment  value of the environment variable, or null
     * @param vectorModule loads the module; returns why it is unavailable, or empty
     */
    static RegressionKernels select(String property, String environment,
                                    Supplier<Optional<String>> vectorModule) {
        if (isScalar(property)) {
            return new ScalarRegressionKernels("scalar (disabled by -D" + PROPERTY + "=" + property + ")");
        }
        if (isScalar(environment)) {
            return new ScalarRegressionKernels("scalar (disabled by " + ENVIRONMENT + "=" + environment + ")");
        }
        Optional<String> unavailable = vectorModule.get();
        if (unavailable.isPresent()) {
            return new ScalarRegressionKernels("scalar (" + unavailable.get() + ")");
        }
        try {
            return (RegressionKernels) Class.forName(VECTOR_CLASS).getDeclaredMethod("createPreferred").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new ScalarRegressionKernels("scalar (vector kernels unavailable: " + cause.getMessage() + ")");
        }
    }

    private static boolean isScalar(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals(SCALAR);
    }
}
