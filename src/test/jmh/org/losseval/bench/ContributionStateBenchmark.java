package org.losseval.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.accumulate.ContributionState;
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
 * What the contribution figures cost per row (issue 14 item 3): {@link ContributionState#accept} over
 * 10^6 rows of four losses, in batches of 8192, then {@link ContributionState#result}. Scores are
 * milliseconds per 10^6 rows.
 *
 * <p>{@code store} = {@code exact}: the rows fit the budget and are kept ({@code DoubleBlocks}), the figures
 * select in them at the end; {@code summary}: a budget of 0, so every row goes to the bounded summary (eight
 * bucket additions a row, {@code BucketPages}), which is what a 10^7-row run does beyond its first 5.6·10^6
 * rows. Data as in the benchmark file: residuals N(0, 1) with 1% of rows at 25 times the spread, rounded to six
 * decimals; row losses squared error, absolute error, Huber (δ = 1) and pinball (q = 0.9), written here.
 *
 * <p>Self-check before measuring: each loss's total must be the correctly rounded sum of its row losses (a
 * {@link BigDecimal} sum, exact for doubles).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class ContributionStateBenchmark {
    private static final int ROWS = 1_000_000;
    private static final int BATCH = 8192;
    private static final long SEED = 20261205L;
    private static final List<String> LOSSES = List.of("mse", "mae", "huber", "pinball");

    @Param({"exact", "summary"})
    String store;

    private double[] pred;
    private double[] target;
    private double[][] rowLosses;
    private ContributionSettings settings;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("ContributionStateBenchmark store=" + store);
        ContributionSettings defaults = ContributionSettings.defaults();
        settings = new ContributionSettings(defaults.topK(), defaults.topFractions(), defaults.worstRows(),
                defaults.outlierFactor(), store.equals("exact") ? defaults.exactBudgetBytes() : 0);
        SplittableRandom random = new SplittableRandom(SEED);
        pred = new double[ROWS];
        target = new double[ROWS];
        rowLosses = new double[LOSSES.size()][ROWS];
        for (int i = 0; i < ROWS; i++) {
            target[i] = Math.rint((50 + 10 * random.nextGaussian()) * 1e6) / 1e6;
            double noise = random.nextGaussian() * (random.nextInt(100) == 0 ? 25 : 1);
            pred[i] = Math.rint((target[i] + noise) * 1e6) / 1e6;
            double r = pred[i] - target[i];
            double a = Math.abs(r);
            rowLosses[0][i] = r * r;
            rowLosses[1][i] = a;
            rowLosses[2][i] = a <= 1 ? 0.5 * a * a : a - 0.5;
            rowLosses[3][i] = target[i] >= pred[i] ? 0.9 * (target[i] - pred[i]) : 0.1 * (pred[i] - target[i]);
        }
        ContributionState state = run();
        ResultCheck.require(state.exact() == store.equals("exact"), "store " + store + " but exact() is " + state.exact());
        for (int l = 0; l < LOSSES.size(); l++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (double x : rowLosses[l]) sum = sum.add(new BigDecimal(x));
            ResultCheck.same(LOSSES.get(l) + " total", state.result().losses().get(l).total(), sum.doubleValue());
        }
    }

    @Benchmark
    public Object acceptAndResult() {
        return run().result();
    }

    private ContributionState run() {
        ContributionState state = ContributionState.withResiduals(LOSSES, false, settings);
        double[] p = new double[BATCH];
        double[] t = new double[BATCH];
        double[][] losses = new double[LOSSES.size()][BATCH];
        for (int from = 0; from < ROWS; from += BATCH) {
            int n = Math.min(BATCH, ROWS - from);
            System.arraycopy(pred, from, p, 0, n);
            System.arraycopy(target, from, t, 0, n);
            for (int l = 0; l < losses.length; l++) System.arraycopy(rowLosses[l], from, losses[l], 0, n);
            long first = from + 1L;
            state.accept(new ContributionState.Batch(0, i -> first + i, p, t, null, losses, n));
        }
        return state;
    }
}
