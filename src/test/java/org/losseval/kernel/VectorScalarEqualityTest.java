package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector kernels give the scalar kernels' bits for every method, at sizes around the lane count
 * and the 2-lanes threshold, for 128-bit, 256-bit and the preferred shape, on random values mixed with
 * boundary values: exact ties at delta/beta, ±0, huge, tiny, subnormal, NaN and ±Inf.
 *
 * <p>Bits are compared with {@link Double#doubleToLongBits}, which folds all NaNs into one: Java does
 * not specify which NaN payload an operation returns, so only "is NaN" is a contract. Everything else,
 * including the sign of zero, must match exactly.
 */
class VectorScalarEqualityTest {

    private static final int[] SIZES = {0, 1, 7, 8, 9, 63, 65, 1023, 4099};
    private static final int HOT_REPETITIONS = 100;
    private static final int[] VECTOR_BITS = {128, 256};

    private static final double[] BOUNDARY = {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-16, -1e-16,
        1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, Double.MIN_NORMAL,
        Double.MIN_VALUE, -Double.MIN_VALUE, 4.9e-320, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    };

    private static final double[] DELTAS = {1.0, 0.5, 2.0, 1e-300, Double.MIN_VALUE, 1e300, Double.POSITIVE_INFINITY};
    private static final double[] BETAS = {0.0, -0.0, 1.0, 0.5, 1e-300, Double.MIN_VALUE, Double.POSITIVE_INFINITY};
    private static final double[] QUANTILES = {0.0, 1.0, 0.5, 0.1, 0.9};

    /** One kernel method with its parameter bound. */
    interface KernelCall {
        void run(RegressionKernels kernels, double[] pred, double[] target, double[] out, int n);
    }

    @BeforeAll
    static void loadVectorModule() {
        Optional<String> unavailable = VectorModule.load();
        assertTrue(unavailable.isEmpty(), () -> "the tests need the vector module: " + unavailable.get());
    }

    static Stream<Arguments> methods() {
        List<Arguments> calls = new ArrayList<>();
        calls.add(Arguments.of("residual", 1.0, (KernelCall) RegressionKernels::residual));
        calls.add(Arguments.of("squaredError", 1.0, (KernelCall) RegressionKernels::squaredError));
        calls.add(Arguments.of("absoluteError", 1.0, (KernelCall) RegressionKernels::absoluteError));
        calls.add(Arguments.of("logCosh", 1.0, (KernelCall) RegressionKernels::logCosh));
        calls.add(Arguments.of("absolutePercentageError", 1.0, (KernelCall) RegressionKernels::absolutePercentageError));
        calls.add(Arguments.of("squaredLogError", 1.0, (KernelCall) RegressionKernels::squaredLogError));
        calls.add(Arguments.of("multiply", 1.0, (KernelCall) RegressionKernels::multiply));
        for (double delta : DELTAS) {
            calls.add(Arguments.of("huber delta=" + delta, delta,
                    (KernelCall) (k, p, t, o, n) -> k.huber(p, t, delta, o, n)));
        }
        for (double beta : BETAS) {
            calls.add(Arguments.of("smoothL1 beta=" + beta, beta,
                    (KernelCall) (k, p, t, o, n) -> k.smoothL1(p, t, beta, o, n)));
        }
        for (double q : QUANTILES) {
            calls.add(Arguments.of("pinball q=" + q, q,
                    (KernelCall) (k, p, t, o, n) -> k.pinball(p, t, q, o, n)));
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void vectorGivesTheScalarBits(String name, double param, KernelCall call) {
        List<VectorRegressionKernels> vectors = new ArrayList<>();
        for (int bits : VECTOR_BITS) {
            vectors.add(VectorRegressionKernels.ofBitSize(bits));
        }
        vectors.add(new VectorRegressionKernels());
        RegressionKernels scalar = Kernels.scalar();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int n : SIZES) {
            double[] pred = new double[n + 3]; // longer than n: kernels must not touch [n, length)
            double[] target = new double[n + 3];
            fill(random, param, pred, target, n);
            double[] expected = new double[n + 3];
            call.run(scalar, pred, target, expected, n);
            for (VectorRegressionKernels vector : vectors) {
                double[] actual = new double[n + 3];
                call.run(vector, pred, target, actual, n);
                assertSameBits(name + ", n=" + n + ", " + vector.description(), pred, target, expected, actual);

                double[] aliased = pred.clone(); // out may be one of the inputs
                call.run(vector, aliased, target, aliased, n);
                double[] expectedAliased = pred.clone();
                System.arraycopy(expected, 0, expectedAliased, 0, n);
                assertSameBits(name + " in place, n=" + n + ", " + vector.description(),
                        pred, target, expectedAliased, aliased);
            }
        }
    }

    /**
     * The same after the JIT has compiled the vector loop (C2 intrinsics can differ from the
     * interpreter's Java fallbacks in NaN and -0.0 handling): {@value #HOT_REPETITIONS} calls make the
     * loop hot; the last result must still be the scalar one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void vectorGivesTheScalarBitsWhenCompiled(String name, double param, KernelCall call) {
        int n = 1023;
        double[] pred = new double[n];
        double[] target = new double[n];
        fill(new SplittableRandom(name.hashCode() + 1), param, pred, target, n);
        double[] expected = new double[n];
        call.run(Kernels.scalar(), pred, target, expected, n);
        RegressionKernels vector = new VectorRegressionKernels();
        double[] actual = new double[n];
        for (int repetition = 0; repetition < HOT_REPETITIONS; repetition++) {
            call.run(vector, pred, target, actual, n);
        }
        assertSameBits(name + ", compiled, " + vector.description(), pred, target, expected, actual);
    }

    /**
     * A third each: boundary values, random values of every magnitude, and exact ties
     * {@code pred - target = ±param} (small integer targets keep the difference exact).
     */
    private static void fill(SplittableRandom random, double param, double[] pred, double[] target, int n) {
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(3)) {
                case 0:
                    pred[i] = BOUNDARY[random.nextInt(BOUNDARY.length)];
                    target[i] = random.nextBoolean() ? BOUNDARY[random.nextInt(BOUNDARY.length)] : randomValue(random);
                    break;
                case 1:
                    pred[i] = randomValue(random);
                    target[i] = randomValue(random);
                    break;
                default:
                    target[i] = random.nextInt(-4, 5);
                    pred[i] = target[i] + (random.nextBoolean() ? param : -param);
                    break;
            }
        }
    }

    private static double randomValue(SplittableRandom random) {
        double magnitude = Math.pow(10.0, random.nextInt(-20, 21));
        return (random.nextDouble() * 2.0 - 1.0) * magnitude;
    }

    private static void assertSameBits(String what, double[] pred, double[] target, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail(what + ": row " + i + " pred=" + pred[i] + " target=" + target[i]
                        + " scalar=" + expected[i] + " vector=" + actual[i]);
            }
        }
    }
}
