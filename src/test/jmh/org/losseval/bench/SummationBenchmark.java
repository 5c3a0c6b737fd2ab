package org.losseval.bench;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.losseval.accumulate.ExactSum;
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
 * The summation strategy behind every mean: {@link ExactSum#addAll} against a naive loop, Kahan's
 * compensated sum and Neumaier's variant, over 10^6 and 10^7 doubles. Scores are milliseconds per sum.
 *
 * <p>The trade-off being priced (u = 2^−53, the unit roundoff; S = Σ x_i):
 * <ul>
 *   <li><b>naive</b> {@code s += x}: error up to (n − 1)·u·Σ|x_i|, which for signed data that cancels is
 *       a large relative error in S; and the bits depend on the order, so chunking, batch size, thread
 *       count or vector width change the result. One dependent add per value (latency bound, no SIMD:
 *       the JIT must keep the order).
 *   <li><b>Kahan</b>: error about 2u·Σ|x_i|, independent of n to first order; still order-dependent bits,
 *       and two Kahan states cannot be merged exactly. Four flops per value on one dependency chain.
 *   <li><b>Neumaier</b>: like Kahan but also right when a value is larger than the running sum; error about
 *       u·|S| + n·u²·Σ|x_i|. Order-dependent, not exactly mergeable.
 *   <li><b>ExactSum</b> (what losseval uses): the correctly rounded S, the same bits in any order, with any
 *       split, merged exactly. A few integer operations per value into exponent-indexed bins.
 * </ul>
 * So the exact sum is what makes a CI gate deterministic; this benchmark says what that costs.
 *
 * <p>Data: N(0, 1)·2^k with k uniform in [−{@value #EXPONENT_SPREAD}, {@value #EXPONENT_SPREAD}]: signed,
 * with magnitudes spread over twelve decades and a sum that cancels, like residuals. Self-check before
 * measuring: the exact reference is a {@link BigDecimal} sum (exact for doubles), rounded once;
 * ExactSum must give its bits, and each other method must stay within its error bound above. The
 * relative errors seen are printed to stderr with the environment line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class SummationBenchmark {
    static final int EXPONENT_SPREAD = 20;
    private static final double UNIT_ROUNDOFF = 0x1p-53;
    private static final long SEED = 20240613L;

    @Param({"1000000", "10000000"})
    int size;

    private double[] values;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("SummationBenchmark" + " size=" + size);
        SplittableRandom random = new SplittableRandom(SEED);
        values = new double[size];
        for (int i = 0; i < size; i++) {
            int exponent = random.nextInt(-EXPONENT_SPREAD, EXPONENT_SPREAD + 1);
            values[i] = Math.scalb(RegressionKernelBenchmark.gaussian(random), exponent);
        }
        check();
    }

    @Benchmark
    public double exactSum() {
        ExactSum sum = new ExactSum();
        sum.addAll(values, size);
        return sum.value();
    }

    @Benchmark
    public double naive() {
        double sum = 0.0;
        for (int i = 0; i < size; i++) sum += values[i];
        return sum;
    }

    @Benchmark
    public double kahan() {
        double sum = 0.0;
        double compensation = 0.0;
        for (int i = 0; i < size; i++) {
            double y = values[i] - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    @Benchmark
    public double neumaier() {
        double sum = 0.0;
        double compensation = 0.0;
        for (int i = 0; i < size; i++) {
            double x = values[i];
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    private void check() {
        BigDecimal exact = BigDecimal.ZERO;
        double absoluteSum = 0.0;
        for (int i = 0; i < size; i++) {
            exact = exact.add(new BigDecimal(values[i]));
            absoluteSum += Math.abs(values[i]);
        }
        double reference = exact.doubleValue();
        ResultCheck.same("ExactSum of " + size + " values", exactSum(), reference);
        double n = size;
        // Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., (4.4) and section 4.3; 1.01 and the
        // second-order term absorb the rounding of the bounds themselves.
        double naiveBound = 1.01 * (n - 1) * UNIT_ROUNDOFF * absoluteSum;
        double compensatedBound = UNIT_ROUNDOFF * Math.abs(reference)
                + 1.01 * (2 * UNIT_ROUNDOFF + n * UNIT_ROUNDOFF * UNIT_ROUNDOFF) * absoluteSum;
        double naive = naive();
        double kahan = kahan();
        double neumaier = neumaier();
        within("naive", naive, reference, naiveBound);
        within("Kahan", kahan, reference, compensatedBound);
        within("Neumaier", neumaier, reference, compensatedBound);
        System.err.printf(Locale.ROOT,
                "[losseval-bench] %s size=%d: exact sum %s (sum of |x| %.3e); relative error naive %.2e, Kahan %.2e,"
                        + " Neumaier %.2e, ExactSum 0%n",
                "SummationBenchmark", size, reference, absoluteSum, relativeError(naive, reference),
                relativeError(kahan, reference), relativeError(neumaier, reference));
    }

    private static void within(String method, double actual, double reference, double bound) {
        ResultCheck.require(Math.abs(actual - reference) <= bound,
                method + " sum " + actual + " is further than " + bound + " from the exact " + reference);
    }

    private static double relativeError(double actual, double reference) {
        return Math.abs(actual - reference) / Math.abs(reference);
    }
}
