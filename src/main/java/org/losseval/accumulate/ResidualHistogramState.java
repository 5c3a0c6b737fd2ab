package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;
import org.losseval.report.HistogramBin;
import org.losseval.report.ResidualHistogram;

/**
 * Counts the residuals r = pred - target per octave of |r| on each side of zero: the mergeable state behind
 * {@link ResidualHistogram}, the histogram the HTML report draws beside the robust-outlier thresholds.
 *
 * <p>Why octaves (bins fixed by the binary exponent, {@link Math#getExponent}) rather than bins from the
 * data's range: a range is known only after the last row, so bins drawn from it would differ between the
 * chunks of a file and could not be merged by adding counts; and residuals of a loss that is being looked
 * at for outliers span decades, which equal-width bins would crush into one bar. An octave's edges depend
 * on nothing but r, so two states combine by adding integer counts, exactly, in any order.
 *
 * <p>Kept: one count per (sign, exponent) for every exponent a double can have (subnormals share the
 * lowest octave, an infinite residual the highest) and a count of zeros: 2 &times; 2047 + 2 longs, 32 KiB,
 * whatever the row count. {@link #result} turns them into at most 2 &times; {@link #OCTAVES} + 1 bins: the
 * octaves within {@link #OCTAVES} of the largest |r| on each side, and one central bin for everything
 * smaller (zeros included), listed contiguously from the lowest occupied bin to the highest. Cost per row:
 * one exponent and one increment.
 *
 * <p>Edge cases: -0.0 counts as zero; NaN residuals do not reach a state (rows with them are invalid and
 * never used) and are refused; no rows give no bins. Not thread-safe; combine per-thread states.
 */
public final class ResidualHistogramState implements MergeableState<ResidualHistogramState, ResidualHistogram> {
    /**
     * Octaves below the largest |r| with bins of their own: 12, a factor of 4096, so the bulk of the
     * residuals still has bars of its own beside outliers three decades larger, in at most 25 bins.
     */
    public static final int OCTAVES = 12;
    private static final int LOWEST = Double.MIN_EXPONENT - 1; // the exponent getExponent gives subnormals
    private static final int SIZE = Double.MAX_EXPONENT - LOWEST + 1;

    private final long[] positive = new long[SIZE];
    private final long[] negative = new long[SIZE];
    private long zeros;
    private long rows;

    /** Counts {@code residuals[0, n)}. */
    public void accept(double[] residuals, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(residuals[i])) throw new IllegalArgumentException("a NaN residual at index " + i);
        }
        for (int i = 0; i < n; i++) {
            double r = residuals[i];
            if (r == 0) zeros++;
            // An infinite residual (an overflowed difference) joins the top octave, [2^1023, inf).
            else (r > 0 ? positive : negative)[Math.min(Math.getExponent(r), Double.MAX_EXPONENT) - LOWEST]++;
        }
        rows += n;
    }

    @Override
    public void combine(ResidualHistogramState other) {
        for (int i = 0; i < SIZE; i++) {
            positive[i] += other.positive[i];
            negative[i] += other.negative[i];
        }
        zeros += other.zeros;
        rows += other.rows;
    }

    @Override
    public ResidualHistogram result() {
        int top = Math.max(highestOccupied(positive), highestOccupied(negative));
        if (rows == 0) return new ResidualHistogram(0, OCTAVES, List.of());
        if (top < 0) return new ResidualHistogram(rows, OCTAVES, List.of(new HistogramBin(0.0, 0.0, zeros)));
        int floor = Math.max(0, top - OCTAVES + 1); // the lowest exponent index with a bin of its own
        long central = zeros;
        for (int i = 0; i < floor; i++) central += positive[i] + negative[i];
        double edge = floor == 0 ? 0.0 : edge(floor);
        List<HistogramBin> bins = new ArrayList<>();
        for (int i = top; i >= floor; i--) bins.add(new HistogramBin(-edge(i + 1), -edge(i), negative[i]));
        // Zero alone when no octave is lumped in; else the open band (-edge, edge) around it.
        bins.add(floor == 0 ? new HistogramBin(0.0, 0.0, central) : new HistogramBin(-edge, edge, central));
        for (int i = floor; i <= top; i++) bins.add(new HistogramBin(edge(i), edge(i + 1), positive[i]));
        int first = 0;
        while (bins.get(first).count() == 0) first++;
        int last = bins.size() - 1;
        while (bins.get(last).count() == 0) last--;
        return new ResidualHistogram(rows, OCTAVES, bins.subList(first, last + 1));
    }

    /** 2 to the exponent of index i: the lower edge of its octave (0 for subnormals, inf above the largest). */
    private static double edge(int i) {
        int exponent = i + LOWEST;
        if (exponent <= LOWEST) return 0.0;
        if (exponent > Double.MAX_EXPONENT) return Double.POSITIVE_INFINITY;
        return Math.scalb(1.0, exponent);
    }

    private static int highestOccupied(long[] counts) {
        for (int i = SIZE - 1; i >= 0; i--) if (counts[i] > 0) return i;
        return -1;
    }
}
