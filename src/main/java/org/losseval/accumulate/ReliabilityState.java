package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;

/**
 * The mergeable state behind a {@link ReliabilityDiagram}: per bin of predicted probability, the rows, the
 * exact sum of their probabilities ({@link ExactSum}) and how many of them had the event.
 *
 * <p>Bins follow scikit-learn's {@code calibration_curve(y, p, n_bins=10, strategy="uniform")}: ten equal
 * bins of [0, 1] with the inner edges i &times; 0.1 as numpy's {@code linspace} computes them (so 0.3 is
 * 0.30000000000000004), a probability on an edge going to the bin below it (numpy {@code searchsorted},
 * side left: bin 0 is [0, 0.1], then (0.1, 0.2] ...). Fixed bins make states combine by adding counts and
 * exact sums, so any split of the rows gives the same bits. Unweighted, as scikit-learn's curve is: the
 * diagram describes the model's probabilities, not the weighted loss. Mean predicted probability = sum / count,
 * observed frequency = events / count; both NaN for an empty bin.
 *
 * <p>Memory: 10 counts, 10 event counts and 10 exact sums, whatever the row count; per row one comparison
 * walk over 9 edges. A probability outside [0, 1] or NaN is refused before anything is counted. Not
 * thread-safe; combine per-thread states.
 */
public final class ReliabilityState implements MergeableState<ReliabilityState, ReliabilityDiagram> {
    public static final int BINS = 10;
    private static final double STEP = 1.0 / BINS; // numpy linspace(0, 1, 11): edge i is i * step
    private final String kind;
    private final long[] counts = new long[BINS];
    private final long[] events = new long[BINS];
    private final ExactSum[] sums = new ExactSum[BINS];

    /** @param kind {@link ReliabilityDiagram#BINARY} or {@link ReliabilityDiagram#TOP_LABEL} */
    public ReliabilityState(String kind) {
        if (!kind.equals(ReliabilityDiagram.BINARY) && !kind.equals(ReliabilityDiagram.TOP_LABEL)) {
            throw new IllegalArgumentException("unknown kind " + kind);
        }
        this.kind = kind;
        for (int b = 0; b < BINS; b++) sums[b] = new ExactSum();
    }

    /** Counts rows {@code [0, n)}: each row's predicted probability and whether the event happened. */
    public void accept(double[] probability, boolean[] event, int n) {
        for (int i = 0; i < n; i++) {
            if (!(probability[i] >= 0 && probability[i] <= 1)) {
                throw new IllegalArgumentException("a probability outside [0, 1] at index " + i + ": " + probability[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            int b = bin(probability[i]);
            counts[b]++;
            events[b] += event[i] ? 1 : 0; // an addition, not a branch: events are a coin toss to the predictor
            sums[b].add(probability[i]);
        }
    }

    /**
     * The number of inner edges strictly below p: numpy searchsorted(edges[1:-1], p, side="left"), for p in
     * [0, 1]. {@code (int) (p * BINS)} is the answer or next to it (p · 10 rounds, and the edges are i × 0.1
     * rounded), so it is moved down while its own lower edge is not below p and up while the next edge is:
     * the same comparisons with the same edges as a walk from bin 0 would make, at most one step in practice
     * instead of up to nine. The walk's exit depended on p and was mispredicted on most rows (15.7 ns a row
     * against 4.4 ns in RelBench, see src/bench/README.md); this is one well-predicted branch.
     */
    static int bin(double p) {
        int b = Math.min(BINS - 1, (int) (p * BINS));
        while (b > 0 && !(b * STEP < p)) b--;
        while (b < BINS - 1 && (b + 1) * STEP < p) b++;
        return b;
    }

    @Override
    public void combine(ReliabilityState other) {
        if (!other.kind.equals(kind)) throw new IllegalArgumentException("cannot combine " + other.kind + " with " + kind);
        for (int b = 0; b < BINS; b++) {
            counts[b] += other.counts[b];
            events[b] += other.events[b];
            sums[b].combine(other.sums[b]);
        }
    }

    @Override
    public ReliabilityDiagram result() {
        List<ReliabilityBin> bins = new ArrayList<>();
        long rows = 0;
        for (int b = 0; b < BINS; b++) {
            long c = counts[b];
            rows += c;
            bins.add(new ReliabilityBin(b * STEP, b == BINS - 1 ? 1.0 : (b + 1) * STEP, c,
                    c == 0 ? Double.NaN : sums[b].value() / c, c == 0 ? Double.NaN : (double) events[b] / c));
        }
        return new ReliabilityDiagram(kind, rows, bins);
    }
}
