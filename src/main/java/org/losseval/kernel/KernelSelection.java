package org.losseval.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides which kernels run, for each {@link Family} (regression, classification): the vector ones
 * unless switched off ({@code -Dlosseval.kernel=scalar} or {@code LOSSEVAL_KERNEL=scalar},
 * case-insensitive; any other value means "vector if possible"), the module cannot be loaded, or the
 * platform's vectors hold fewer than two doubles. The scalar kernels' description then says why.
 *
 * <p>The vector classes are created reflectively, after the module is loaded, so this class links on a
 * JVM without {@code jdk.incubator.vector}. Nothing is printed: a fallback is reported only through the
 * kernels' {@code description()}.
 */
final class KernelSelection {

    static final String PROPERTY = "losseval.kernel";
    static final String ENVIRONMENT = "LOSSEVAL_KERNEL";
    static final String SCALAR = "scalar";

    /**
     * One kind of kernels.
     *
     * @param type        the interface
     * @param scalar      makes the scalar implementation with a given description
     * @param vectorClass the vector implementation, which has a static {@code createPreferred()}
     */
    record Family<K>(Class<K> type, Function<String, K> scalar, String vectorClass) {}

    static final Family<RegressionKernels> REGRESSION = new Family<>(RegressionKernels.class,
            ScalarRegressionKernels::new, "org.losseval.kernel.VectorRegressionKernels");
    static final Family<ClassificationKernels> CLASSIFICATION = new Family<>(ClassificationKernels.class,
            ScalarClassificationKernels::new, "org.losseval.kernel.VectorClassificationKernels");

    private KernelSelection() {}

    /** The choice for this JVM's system property, environment and runtime. */
    static <K> K select(Family<K> family) {
        return select(family, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), VectorModule::load);
    }

    /**
     * @param property     value of the system property, or null
     * @param environment  value of the environment variable, or null
     * @param vectorModule loads the module; returns why it is unavailable, or empty
     */
    static <K> K select(Family<K> family, String property, String environment,
                        Supplier<Optional<String>> vectorModule) {
        if (isScalar(property)) {
            return family.scalar().apply("scalar (disabled by -D" + PROPERTY + "=" + property + ")");
        }
        if (isScalar(environment)) {
            return family.scalar().apply("scalar (disabled by " + ENVIRONMENT + "=" + environment + ")");
        }
        Optional<String> unavailable = vectorModule.get();
        if (unavailable.isPresent()) {
            return family.scalar().apply("scalar (" + unavailable.get() + ")");
        }
        try {
            return family.type().cast(Class.forName(family.vectorClass()).getDeclaredMethod("createPreferred").invoke(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return family.scalar().apply("scalar (vector kernels unavailable: " + cause.getMessage() + ")");
        }
    }

    private static boolean isScalar(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals(SCALAR);
    }
}
