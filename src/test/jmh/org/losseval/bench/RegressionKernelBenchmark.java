package org.losseval.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleBinaryOperator;
import org.losseval.kernel.RegressionKernels;
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
 * The per-row regression kernels, vector ({@code Kernels.regression()}) against scalar
 * ({@code Kernels.scalar()}), on a batch (8192 rows, the default batch size: fits in L2) and on 10^6 rows
 * (24 MB over three arrays: memory bound). Scores are microseconds per call over {@code size} rows.
 *
 * <p>Inputs: predictions and targets ~ 3·N(0, 1), so residuals reach about ±20: both branches of Huber
 * (δ = 1) and pinball (q = 0.9) and both formulas of log-cosh are taken, unpredictably.
 *
 * <p>Self-check: before measuring, every loss is computed once with the chosen kernels and compared with a
 * plain formula written here (log-cosh as {@code Math.log(Math.cosh(r))}, which is accurate for these
 * residuals) to {@value #REFERENCE_TOLERANCE}, relative above 1 and absolute below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class RegressionKernelBenchmark {
    /** The kernels rearrange the formulas (e.g. 0.5·a·a, log1p forms), so a few ulps differ from ours. */
    static final double REFERENCE_TOLERANCE = 1e-12;
    private static final double DELTA = 1.0;
    private static final double QUANTILE = 0.9;
    private static final long SEED = 20240611L;

    @Param({"8192", "1000000"})
    int size;

    @Param({KernelChoice.VECTOR, KernelChoice.SCALAR})
    String impl;

    private RegressionKernels kernels;
    private double[] pred;
    private double[] target;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("RegressionKernelBenchmark" + " size=" + size + " impl=" + impl);
        kernels = KernelChoice.regression(impl);
        SplittableRandom random = new SplittableRandom(SEED);
        pred = new double[size];
        target = new double[size];
        out = new double[size];
        for (int i = 0; i < size; i++) {
            pred[i] = 3.0 * gaussian(random);
            target[i] = 3.0 * gaussian(random);
        }
        check("squaredError", squaredError(), (p, t) -> (p - t) * (p - t));
        check("absoluteError", absoluteError(), (p, t) -> Math.abs(p - t));
        check("huber", huber(), (p, t) -> {
            double a = Math.abs(p - t);
            return a <= DELTA ? 0.5 * a * a : DELTA * (a - 0.5 * DELTA);
        });
        check("pinball", pinball(), (p, t) -> t >= p ? QUANTILE * (t - p) : (1 - QUANTILE) * (p - t));
        check("logCosh", logCosh(), (p, t) -> Math.log(Math.cosh(p - t)));
    }

    @Benchmark
    public double[] squaredError() {
        kernels.squaredError(pred, target, out, size);
        return out;
    }

    @Benchmark
    public double[] absoluteError() {
        kernels.absoluteError(pred, target, out, size);
        return out;
    }

    @Benchmark
    public double[] huber() {
        kernels.huber(pred, target, DELTA, out, size);
        return out;
    }

    @Benchmark
    public double[] pinball() {
        kernels.pinball(pred, target, QUANTILE, out, size);
        return out;
    }

    @Benchmark
    public double[] logCosh() {
        kernels.logCosh(pred, target, out, size);
        return out;
    }

    private void check(String loss, double[] actual, DoubleBinaryOperator reference) {
        double[] expected = new double[size];
        for (int i = 0; i < size; i++) expected[i] = reference.applyAsDouble(pred[i], target[i]);
        ResultCheck.close(kernels.description() + " " + loss, actual, expected, size, REFERENCE_TOLERANCE);
    }

    /** SplittableRandom has no nextGaussian on Java 17; Box–Muller, one value per call is plenty here. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1], so the log is finite
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
