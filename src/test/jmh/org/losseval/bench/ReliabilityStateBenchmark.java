package org.losseval.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.losseval.accumulate.ReliabilityState;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ReliabilityState#accept} on a batch (8192 rows): the reliability diagram that every run with
 * {@code --logits} and a target fills, row by row (a bin per row, its count, event count and exact sum).
 * Scores are microseconds per batch; divide by 8.192 for nanoseconds a row.
 *
 * <p>Inputs: top-class probabilities as a softmax over ten classes gives them, 0.1 + 0.9·√u (u uniform), so
 * most rows fall in the upper bins and the bin changes from row to row; events a coin toss (what a branch
 * predictor cannot learn).
 *
 * <p>Self-check: before measuring, one state fed the batch must count, per bin, the rows whose probability has
 * that many inner edges (i × 0.1, numpy's linspace) strictly below it, counted here from the definition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class ReliabilityStateBenchmark {
    private static final int ROWS = 8192;
    /**
     * Batches fed in turn: 512 Ki rows in all, so the branch predictor cannot learn the rows (with one batch fed
     * again and again it does, and a bin walk that mispredicts on real data looks twice as fast as it is).
     */
    private static final int BATCHES = 64;
    private static final long SEED = 20261205L;

    private double[][] probability;
    private boolean[][] event;
    private ReliabilityState state;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEnvironment.print("ReliabilityStateBenchmark rows=" + ROWS);
        SplittableRandom random = new SplittableRandom(SEED);
        probability = new double[BATCHES][ROWS];
        event = new boolean[BATCHES][ROWS];
        for (int k = 0; k < BATCHES; k++) {
            for (int i = 0; i < ROWS; i++) {
                probability[k][i] = 0.1 + 0.9 * Math.sqrt(random.nextDouble());
                event[k][i] = random.nextBoolean();
            }
        }
        ReliabilityState check = new ReliabilityState(ReliabilityDiagram.TOP_LABEL);
        check.accept(probability[0], event[0], ROWS);
        long[] expected = new long[ReliabilityState.BINS];
        for (double p : probability[0]) {
            int below = 0;
            for (int e = 1; e < ReliabilityState.BINS; e++) if (e * (1.0 / ReliabilityState.BINS) < p) below++;
            expected[below]++;
        }
        for (int b = 0; b < ReliabilityState.BINS; b++) {
            ReliabilityBin bin = check.result().bins().get(b);
            ResultCheck.require(bin.count() == expected[b], "bin " + b + " counts " + bin.count() + ", expected " + expected[b]);
        }
        state = new ReliabilityState(ReliabilityDiagram.TOP_LABEL);
    }

    @Benchmark
    public ReliabilityState accept() {
        int k = next;
        next = (k + 1) % BATCHES;
        state.accept(probability[k], event[k], ROWS);
        return state;
    }
}
