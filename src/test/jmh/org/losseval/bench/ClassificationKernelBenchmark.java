package org.losseval.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.losseval.kernel.ClassificationKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classification kernels, vector ({@code Kernels.classification()}) against scalar
 * ({@code Kernels.scalarClassification()}): binary cross-entropy from logits, and log-sum-exp and
 * log-softmax at the label over {@value #CLASSES} classes, on a batch (8192 rows) and on 10^6 rows
 * (the class columns alone are 80 MB there). Scores are microseconds per call over {@code size} rows.
 *
 * <p>Warm-up is 10 s because the vector kernels are very slow until C2 has compiled them (boxed vectors:
 * the first 8192-row call of logSumExp took 64 ms, against under 1 ms later) and a 10^6-row call takes
 * 0.1–1 s, so a short warm-up measures the interpreter.
 *
 * <p>Inputs: logits ~ 4·N(0, 1) (rows range from one dominant class to nearly uniform), binary targets
 * 0/1 at random, labels uniform over the classes, pos_weight 1.
 *
 * <p>Self-check: before measuring, each is compared with the textbook formula computed here with
 * {@link Math#exp}/{@link Math#log}/{@link Math#log1p} — {@code max(z,0) − z·y + log1p(e^−|z|)},
 * {@code m + log Σ e^(x−m)} and {@code (x_l − m) − log Σ e^(x−m)} — to {@value #REFERENCE_TOLERANCE},
 * relative above 1 and absolute below (the kernels use their own exp/log, within an ulp or two).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class ClassificationKernelBenchmark {
    static final double REFERENCE_TOLERANCE = 1e-12;
    static final int CLASSES = 10;
    private static final double POS_WEIGHT = 1.0;
    private static final long SEED = 20240612L;

    @Param({"8192", "1000000"})
    int size;

    @Param({KernelChoice.VECTOR, KernelChoice.SCALAR})
    String impl;

    private ClassificationKernels kernels;
    private double[] logit;
    private double[] binaryTarget;
    private double[][] classLogits;
    private double[] labels;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("ClassificationKernelBenchmark" + " size=" + size + " impl=" + impl);
        kernels = KernelChoice.classification(impl);
        SplittableRandom random = new SplittableRandom(SEED);
        logit = new double[size];
        binaryTarget = new double[size];
        labels = new double[size];
        out = new double[size];
        classLogits = new double[CLASSES][size];
        for (int i = 0; i < size; i++) {
            logit[i] = 4.0 * RegressionKernelBenchmark.gaussian(random);
            binaryTarget[i] = random.nextBoolean() ? 1.0 : 0.0;
            labels[i] = random.nextInt(CLASSES);
            for (int c = 0; c < CLASSES; c++) classLogits[c][i] = 4.0 * RegressionKernelBenchmark.gaussian(random);
        }
        checkAll();
    }

    @Benchmark
    public double[] bceWithLogits() {
        kernels.bceWithLogits(logit, binaryTarget, POS_WEIGHT, out, size);
        return out;
    }

    @Benchmark
    public double[] logSumExp() {
        kernels.logSumExp(classLogits, CLASSES, out, size);
        return out;
    }

    @Benchmark
    public double[] logSoftmaxAt() {
        kernels.logSoftmaxAt(classLogits, CLASSES, labels, out, size);
        return out;
    }

    private void checkAll() {
        double[] expected = new double[size];
        for (int i = 0; i < size; i++) {
            double z = logit[i];
            expected[i] = Math.max(z, 0.0) - z * binaryTarget[i] + Math.log1p(Math.exp(-Math.abs(z)));
        }
        check("bceWithLogits", bceWithLogits(), expected);
        for (int i = 0; i < size; i++) expected[i] = rowMax(i) + logSumShifted(i);
        check("logSumExp", logSumExp(), expected);
        for (int i = 0; i < size; i++) {
            expected[i] = (classLogits[(int) labels[i]][i] - rowMax(i)) - logSumShifted(i);
        }
        check("logSoftmaxAt", logSoftmaxAt(), expected);
    }

    private double rowMax(int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) max = Math.max(max, classLogits[c][row]);
        return max;
    }

    private double logSumShifted(int row) {
        double max = rowMax(row);
        double sum = 0.0;
        for (int c = 0; c < CLASSES; c++) sum += Math.exp(classLogits[c][row] - max);
        return Math.log(sum);
    }

    private void check(String what, double[] actual, double[] expected) {
        ResultCheck.close(kernels.description() + " " + what, actual, expected, size, REFERENCE_TOLERANCE);
    }
}
