package org.losseval.kernel;

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
 * The vector classification kernels give the scalar kernels' bits for every method, at sizes around the
 * lane count and the 2-lanes threshold, for 128-bit, 256-bit, 512-bit and the preferred shape, on
 * random logits of every magnitude mixed with extreme ones (±1e4, ±100, ±700, −800, 0, −0.0, tiny,
 * subnormal, NaN, ±Inf), random and boundary targets and random labels. Outputs are compared with
 * {@link Double#doubleToLongBits} (all NaNs alike, −0.0 ≠ 0.0), including the rows past n, which the
 * kernels must not touch.
 */
class ClassificationVectorScalarEqualityTest {

    private static final int[] SIZES = {0, 1, 7, 8, 9, 63, 65, 1023, 4099};
    private static final int[] VECTOR_BITS = {128, 256, 512};
    private static final int[] CLASS_COUNTS = {1, 2, 3, 10};
    private static final int HOT_REPETITIONS = 100;
    private static final int PADDING = 3;

    private static final double[] EXTREME = {
        1e4, -1e4, 100.0, -100.0, 700.0, -700.0, 709.9, -745.5, -800.0, 0.0, -0.0, 1.0, -1.0,
        1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    };
    private static final double[] BOUNDARY_TARGETS = {0.0, 1.0, 0.5, -0.0, 1e-300};
    private static final double[] POS_WEIGHTS = {1.0, 0.0, 0.25, 3.0};

    /** Inputs of one run: a unary input, binary targets, labels, and multi-class logits and targets. */
    record Inputs(double[] x, double[] y, double[] labels, double[][] logits, double[][] targets, int classes) {}

    /** One kernel method; writes rows [0, n) of its output, which has n + PADDING rows per column. */
    interface KernelCall {
        double[][] run(ClassificationKernels kernels, Inputs in, int n);
    }

    @BeforeAll
    static void loadVectorModule() {
        Optional<String> unavailable = VectorModule.load();
        assertTrue(unavailable.isEmpty(), () -> "the tests need the vector module: " + unavailable.orElse(""));
    }

    static Stream<Arguments> methods() {
        List<Arguments> calls = new ArrayList<>();
        calls.add(Arguments.of("exp", 1, unary(ClassificationKernels::exp)));
        calls.add(Arguments.of("log", 1, unary(ClassificationKernels::log)));
        calls.add(Arguments.of("log1p", 1, unary(ClassificationKernels::log1p)));
        calls.add(Arguments.of("softplus", 1, unary(ClassificationKernels::softplus)));
        calls.add(Arguments.of("sigmoid", 1, unary(ClassificationKernels::sigmoid)));
        calls.add(Arguments.of("exp in place", 1, inPlace(ClassificationKernels::exp)));
        calls.add(Arguments.of("softplus in place", 1, inPlace(ClassificationKernels::softplus)));
        for (double posWeight : POS_WEIGHTS) {
            calls.add(Arguments.of("bceWithLogits pw=" + posWeight, 1, (KernelCall) (k, in, n) -> {
                double[] out = output(n);
                k.bceWithLogits(in.x(), in.y(), posWeight, out, n);
                return new double[][] {out};
            }));
        }
        for (int classes : CLASS_COUNTS) {
            calls.add(Arguments.of("logSumExp C=" + classes, classes, (KernelCall) (k, in, n) -> {
                double[] out = output(n);
                k.logSumExp(in.logits(), in.classes(), out, n);
                return new double[][] {out};
            }));
            calls.add(Arguments.of("logSoftmaxAt C=" + classes, classes, (KernelCall) (k, in, n) -> {
                double[] out = output(n);
                k.logSoftmaxAt(in.logits(), in.classes(), in.labels(), out, n);
                return new double[][] {out};
            }));
            calls.add(Arguments.of("logSoftmax C=" + classes, classes, (KernelCall) (k, in, n) -> {
                double[][] out = new double[in.classes()][n + PADDING];
                k.logSoftmax(in.logits(), in.classes(), out, n);
                return out;
            }));
            calls.add(Arguments.of("logSoftmax in place C=" + classes, classes, (KernelCall) (k, in, n) -> {
                double[][] cols = copy(in.logits());
                k.logSoftmax(cols, in.classes(), cols, n);
                return cols;
            }));
            calls.add(Arguments.of("softmaxRows C=" + classes, classes, (KernelCall) (k, in, n) -> {
                SoftmaxRows rows = softmaxRows(n);
                k.softmaxRows(in.logits(), in.classes(), rows, n);
                return new double[][] {rows.shift(), rows.logSum(), rows.topProbability(), rows.classesAtShift()};
            }));
            calls.add(Arguments.of("logSoftmaxAt from softmaxRows C=" + classes, classes, (KernelCall) (k, in, n) -> {
                SoftmaxRows rows = softmaxRows(n);
                k.softmaxRows(in.logits(), in.classes(), rows, n);
                double[] out = output(n);
                k.logSoftmaxAt(rows, in.logits(), in.classes(), in.labels(), out, n);
                return new double[][] {out};
            }));
            calls.add(Arguments.of("crossEntropySoft C=" + classes, classes, (KernelCall) (k, in, n) -> {
                double[] out = output(n);
                k.crossEntropySoft(in.logits(), in.targets(), in.classes(), out, n);
                return new double[][] {out};
            }));
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void vectorGivesTheScalarBits(String name, int classes, KernelCall call) {
        List<ClassificationKernels> vectors = new ArrayList<>();
        for (int bits : VECTOR_BITS) {
            vectors.add(VectorClassificationKernels.ofBitSize(bits));
        }
        vectors.add(new VectorClassificationKernels());
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int n : SIZES) {
            Inputs inputs = inputs(random, classes, n);
            double[][] expected = call.run(Kernels.scalarClassification(), inputs, n);
            for (ClassificationKernels vector : vectors) {
                double[][] actual = call.run(vector, inputs, n);
                assertSameBits(name + ", n=" + n + ", " + vector.description(), inputs, expected, actual);
            }
        }
    }

    /**
     * The same after the JIT has compiled the vector loop (C2's intrinsics, not the interpreter's Java
     * fallbacks, then compute FMA, MIN/MAX, blends and the bit reinterpretations).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void vectorGivesTheScalarBitsWhenCompiled(String name, int classes, KernelCall call) {
        int n = 1023;
        Inputs inputs = inputs(new SplittableRandom(name.hashCode() + 1), classes, n);
        double[][] expected = call.run(Kernels.scalarClassification(), inputs, n);
        ClassificationKernels vector = new VectorClassificationKernels();
        double[][] actual = null;
        for (int repetition = 0; repetition < HOT_REPETITIONS; repetition++) {
            actual = call.run(vector, inputs, n);
        }
        assertSameBits(name + ", compiled, " + vector.description(), inputs, expected, actual);
    }

    interface Unary {
        void run(ClassificationKernels kernels, double[] x, double[] out, int n);
    }

    private static KernelCall unary(Unary method) {
        return (k, in, n) -> {
            double[] out = output(n);
            method.run(k, in.x(), out, n);
            return new double[][] {out};
        };
    }

    private static KernelCall inPlace(Unary method) {
        return (k, in, n) -> {
            double[] x = in.x().clone();
            method.run(k, x, x, n);
            return new double[][] {x};
        };
    }

    private static double[] output(int n) {
        double[] out = new double[n + PADDING];
        java.util.Arrays.fill(out, 42.0); // rows past n must keep this
        return out;
    }

    /** Room for the padding rows too, each part filled with 42 there: the kernels must not touch them. */
    private static SoftmaxRows softmaxRows(int n) {
        SoftmaxRows rows = new SoftmaxRows(n + PADDING);
        java.util.Arrays.fill(rows.shift(), 42.0);
        java.util.Arrays.fill(rows.logSum(), 42.0);
        java.util.Arrays.fill(rows.topProbability(), 42.0);
        java.util.Arrays.fill(rows.classesAtShift(), 42.0);
        return rows;
    }

    private static double[][] copy(double[][] cols) {
        double[][] copy = new double[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            copy[c] = cols[c].clone();
        }
        return copy;
    }

    /**
     * Each value: a third extreme, a third random of any magnitude (10^-20 to 10^20), a third random
     * in [−50, 50] where softmax is not dominated by one class. Targets: boundary values or uniform in
     * [0, 1]; labels uniform over the classes.
     */
    private static Inputs inputs(SplittableRandom random, int classes, int n) {
        int length = n + PADDING;
        double[] x = new double[length];
        double[] y = new double[length];
        double[] labels = new double[length];
        double[][] logits = new double[classes][length];
        double[][] targets = new double[classes][length];
        for (int i = 0; i < length; i++) {
            x[i] = value(random);
            y[i] = random.nextBoolean() ? BOUNDARY_TARGETS[random.nextInt(BOUNDARY_TARGETS.length)] : random.nextDouble();
            labels[i] = random.nextInt(classes);
            for (int c = 0; c < classes; c++) {
                logits[c][i] = value(random);
                targets[c][i] = random.nextInt(4) == 0 ? 0.0 : random.nextDouble();
            }
        }
        return new Inputs(x, y, labels, logits, targets, classes);
    }

    private static double value(SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0:
                return EXTREME[random.nextInt(EXTREME.length)];
            case 1:
                return (random.nextDouble() * 2.0 - 1.0) * Math.pow(10.0, random.nextInt(-20, 21));
            default:
                return random.nextDouble(-50.0, 50.0);
        }
    }

    private static void assertSameBits(String what, Inputs in, double[][] expected, double[][] actual) {
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                if (Double.doubleToLongBits(expected[c][i]) != Double.doubleToLongBits(actual[c][i])) {
                    fail(what + ": column " + c + " row " + i + " x=" + in.x()[i] + " y=" + in.y()[i]
                            + " scalar=" + expected[c][i] + " vector=" + actual[c][i]);
                }
            }
        }
    }
}
