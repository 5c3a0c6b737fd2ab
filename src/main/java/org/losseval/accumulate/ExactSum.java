package org.losseval.accumulate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact sum of doubles: a small superaccumulator (R. M. Neal, "Fast exact summation using small and
 * large superaccumulators", 2015).
 *
 * <p>Every finite double is m &times; 2<sup>e</sup> with a 53-bit integer m. Each value's signed
 * significand is added to a 64-bit bin chosen by its exponent, so no bit is ever rounded away. Every
 * {@value #ADDS_BEFORE_CARRY} additions the bins are normalized (carries moved to higher bins) so they
 * cannot overflow. {@link #value()} converts the exact total to the nearest double once ({@link BinTotal}).
 *
 * <p>Why exact rather than compensated: the result does not depend on the order of the additions, so it is
 * the same bits whatever the batch sizes, chunk boundaries, thread count or vector width, and merging two
 * states ({@link #combine}) is exact. A CI gate therefore never flips between runs, and a mean over 10^7
 * rows is correctly rounded (well inside the required 1e-12 relative error). The cost is a few
 * nanoseconds per value, far below parsing.
 *
 * <p>{@link #addAll} spreads consecutive values over {@value #LANES} bin arrays: values of similar size hit
 * the same bin, and one array would make every addition wait for the previous store to that bin. The lanes
 * are normalized every {@value #ADDS_BEFORE_CARRY} additions to each, counted across calls, so many short
 * {@code addAll} calls (a group's few rows of a batch) cost no more per value than one long one.
 *
 * <p><b>Storage grows with the exponents used.</b> The bins cover only a window of exponents, from the
 * smallest to the largest exponent added so far (plus slack, and the carry bins above), and the window
 * widens when a value falls outside it (zeros are skipped: they add nothing and have no exponent). Each bin
 * keeps its absolute position in the value, so the bits are those of a full-width accumulator. Losses
 * spanning 2<sup>-30</sup> to 2<sup>30</sup> need about 150 bins: an empty sum is about 100 bytes, a typical
 * one about 1.3 KiB, plus 4 lanes of the same size after an {@code addAll} of 16 values or more (about
 * 6.5 KiB in all); the worst case (every exponent from subnormals to 2<sup>1023</sup>) is the old fixed size,
 * 2,111 bins, 17 KiB plus 68 KiB of lanes. This is what makes per-group states affordable.
 *
 * <p>Non-finite values are counted apart: the value is NaN if any NaN, or both infinities, were added,
 * else the infinity added. Not thread-safe; combine per-thread states instead.
 */
public final class ExactSum {
    /** Biased exponents 0..2046 of finite doubles (subnormals share bin 1 with the smallest normals). */
    private static final int EXPONENT_BINS = 2047;
    /** Room above the top bin for carries. */
    private static final int CARRY_BITS = 32;
    /** Bins above the highest exponent bin: carries go 32 bins up, and those bins carry 32 further. */
    private static final int CARRY_ROOM = 2 * CARRY_BITS;
    /** 53-bit significands: 2^9 of them, plus a normalized bin of about 2^32, stay well inside 63 bits. */
    static final int ADDS_BEFORE_CARRY = 1 << 9;
    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    /** A double m * 2^(bin - BIAS_SHIFT) for significand m in the bin of that biased exponent. */
    private static final int BIAS_SHIFT = 1075;
    /** Exponent bins added on each side when the window first opens or widens (fewer reallocations). */
    private static final int SLACK = 16;

    /** Independent bin arrays used round-robin by {@link #addAll}; their sum is the total. */
    private static final int LANES = 4;
    private static final long[] NO_BINS = new long[0];

    /** {@code bins[i]} is the bin of absolute index {@code low + i}; exponents in [low, high) may be added. */
    private long[] bins = NO_BINS;
    private int low;
    private int high;
    /** Lanes, of the same window as {@link #bins}; null until an {@code addAll} long enough to use them. */
    private long[][] lanes;
    private int addsUntilCarry = ADDS_BEFORE_CARRY;
    /** Rounds of {@link #LANES} additions to the lanes until they are normalized; counted across calls. */
    private int laneRoundsUntilCarry = ADDS_BEFORE_CARRY;
    private long nanCount;
    private long positiveInfinities;
    private long negativeInfinities;

    /** Adds one value. */
    public void add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        // The common case first: a normal number inside the window (0x7FF, NaN and ±Inf, is never below
        // high, and exponent 0, zeros and subnormals, takes the slow path).
        if (exponent >= low && exponent < high && exponent != 0) {
            long significand = (bits & SIGNIFICAND_MASK) | IMPLICIT_BIT;
            bins[exponent - low] += bits < 0 ? -significand : significand;
        } else if (!addOutsideWindow(x, bits, exponent)) {
            return;
        }
        if (--addsUntilCarry == 0) carry();
    }

    /** {@link #add} of a value that is not a normal number inside the window; false when nothing was added. */
    private boolean addOutsideWindow(double x, long bits, int exponent) {
        if (exponent == 0x7FF) {
            addNonFinite(x);
            return false;
        }
        if ((bits & ~Long.MIN_VALUE) == 0) return false; // ±0 adds nothing
        int bin = Math.max(1, exponent); // a subnormal's bin is the smallest normal's
        if (bin < low || bin >= high) widen(bin, bin);
        addTo(bins, low, bits);
        return true;
    }

    /** Adds {@code values[0, n)}. */
    public void addAll(double[] values, int n) {
        addAll(values, 0, n);
    }

    /** Adds {@code values[from, to)}. */
    public void addAll(double[] values, int from, int to) {
        int i = from;
        int n = to;
        if (n - from >= 4 * LANES) {
            if (lanes == null) {
                if (bins.length == 0) ensureRange(values, from, n); // the first window from these values
                lanes = new long[LANES][];
                for (int l = 0; l < LANES; l++) lanes[l] = new long[bins.length];
            }
            long[] lane0 = lanes[0];
            long[] lane1 = lanes[1];
            long[] lane2 = lanes[2];
            long[] lane3 = lanes[3];
            int offset = low;
            int width = high - low;
            int rounds = laneRoundsUntilCarry;
            for (; i + LANES <= n; i += LANES) {
                // A normal number inside the window goes to its lane; anything else (a zero, a subnormal, NaN,
                // an infinity, an exponent outside the window) to add(), which may widen the window, after which
                // the lanes are read again. One comparison a value rather than a pass over the values first:
                // that pass (the window's range) took more time than the additions themselves.
                boolean outside = false;
                outside |= !addInside(lane0, offset, width, values[i]);
                outside |= !addInside(lane1, offset, width, values[i + 1]);
                outside |= !addInside(lane2, offset, width, values[i + 2]);
                outside |= !addInside(lane3, offset, width, values[i + 3]);
                if (outside) {
                    for (int j = i; j < i + LANES; j++) {
                        if (!inside(offset, width, values[j])) add(values[j]);
                    }
                    lane0 = lanes[0];
                    lane1 = lanes[1];
                    lane2 = lanes[2];
                    lane3 = lanes[3];
                    offset = low;
                    width = high - low;
                }
                if (--rounds == 0) {
                    for (long[] lane : lanes) normalize(lane);
                    rounds = ADDS_BEFORE_CARRY;
                }
            }
            laneRoundsUntilCarry = rounds;
        }
        for (; i < n; i++) add(values[i]);
    }

    /** Whether x is a normal number whose exponent is inside the window [offset, offset + width). */
    private static boolean inside(int offset, int width, double x) {
        int exponent = (int) (Double.doubleToRawLongBits(x) >>> 52) & 0x7FF;
        // exponent 0 (zeros, subnormals) is below any window (low >= 1); 0x7FF (NaN, ±Inf) above it
        return Integer.compareUnsigned(exponent - offset, width) < 0;
    }

    /**
     * Adds x to its bin of {@code lane} when {@link #inside}; else adds nothing and returns false. (A branch-free
     * form, the window test as a mask over the index and the significand and the sign as {@code (m ^ s) - s}, was
     * slower: 2.2 against 1.85 ns a value, {@code ExactSumTiming}; the branch is predicted.)
     */
    private static boolean addInside(long[] lane, int offset, int width, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int index = ((int) (bits >>> 52) & 0x7FF) - offset;
        if (Integer.compareUnsigned(index, width) >= 0) return false;
        long significand = (bits & SIGNIFICAND_MASK) | IMPLICIT_BIT;
        lane[index] += bits < 0 ? -significand : significand;
        return true;
    }

    /** Widens the window to the exponents of the finite non-zero values of {@code values[from, n)}. */
    private void ensureRange(double[] values, int from, int n) {
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int i = from; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            int exponent = (int) (bits >>> 52) & 0x7FF;
            // Zeros (exponent 0, no significand) and non-finite values (0x7FF) take no bin.
            if (exponent == 0x7FF || (bits & ~Long.MIN_VALUE) == 0) continue;
            min = Math.min(min, Math.max(1, exponent)); // a subnormal's bin is the smallest normal's
            max = Math.max(max, exponent);
        }
        if (max >= 0 && (min < low || max >= high)) widen(min, max);
    }

    /** Adds the finite non-zero double of {@code bits}, whose exponent is inside the window, to its bin. */
    private static void addTo(long[] b, int offset, long bits) {
        int exponent = (int) (bits >>> 52) & 0x7FF;
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent == 0) {
            exponent = 1; // subnormal: same scale as the smallest normal, without the implicit bit
        } else {
            significand |= IMPLICIT_BIT;
        }
        b[exponent - offset] += bits < 0 ? -significand : significand;
    }

    /**
     * Widens the window to hold exponents {@code min..max} (a subnormal's exponent 0 means bin 1), with slack
     * (at first {@value #SLACK} bins each side, then the window's width), moving every bin and lane to its
     * same absolute position.
     */
    private void widen(int min, int max) {
        int from = Math.max(1, min);
        int to = Math.max(from, max) + 1;
        int newLow;
        int newHigh;
        if (bins.length == 0) {
            newLow = Math.max(1, from - SLACK);
            newHigh = Math.min(EXPONENT_BINS, to + SLACK);
        } else {
            // A side that must move moves by at least the window's width: the window doubles, so a sum whose
            // extremes creep outwards (the smallest of more and more squared errors) is moved O(log) times.
            int step = Math.max(SLACK, high - low);
            newLow = from < low ? Math.max(1, Math.min(from - SLACK, low - step)) : low;
            newHigh = to > high ? Math.min(EXPONENT_BINS, Math.max(to + SLACK, high + step)) : high;
        }
        bins = moved(bins, newLow, newHigh);
        if (lanes != null) {
            for (int l = 0; l < LANES; l++) lanes[l] = moved(lanes[l], newLow, newHigh);
        }
        low = newLow;
        high = newHigh;
    }

    /** {@code old} (of the current window) copied into an array of window [newLow, newHigh) plus carry room. */
    private long[] moved(long[] old, int newLow, int newHigh) {
        long[] moved = new long[newHigh - newLow + CARRY_ROOM];
        if (old.length > 0) System.arraycopy(old, 0, moved, low - newLow, old.length);
        return moved;
    }

    /**
     * Adds another sum to this one, exactly. The other state is not changed.
     */
    public void combine(ExactSum other) {
        nanCount += other.nanCount;
        positiveInfinities += other.positiveInfinities;
        negativeInfinities += other.negativeInfinities;
        if (other.bins.length == 0) return;
        carry();
        long[] theirs = other.totalBins();
        widen(other.low, other.high - 1);
        int shift = other.low - low;
        for (int i = 0; i < theirs.length; i++) bins[shift + i] += theirs[i];
        carry();
    }

    /** The sum rounded to the nearest double (ties to even); NaN or an infinity as described above. */
    public double value() {
        if (nanCount > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) return Double.NaN;
        if (positiveInfinities > 0) return Double.POSITIVE_INFINITY;
        if (negativeInfinities > 0) return Double.NEGATIVE_INFINITY;
        // An exact zero is +0.0.
        return BinTotal.of(totalBins()).nearest(low - BIAS_SHIFT);
    }

    /**
     * The sum exactly as a decimal, or null when a NaN or an infinity was added (then {@link #value()} says which).
     * The figures compute with {@link #dyadic()}, which needs no {@code BigDecimal} (see {@link Dyadic}).
     */
    public BigDecimal exact() {
        if (nanCount > 0 || positiveInfinities > 0 || negativeInfinities > 0) return null;
        // total * 2^(low - BIAS_SHIFT), exactly.
        return exactly(BinTotal.of(totalBins()).toBigInteger(), low - BIAS_SHIFT);
    }

    /**
     * The sum exactly, or null when a NaN or an infinity was added (then {@link #value()} says which). For
     * figures that combine several exact sums before rounding once ({@link MeanSums}, {@link MomentSums}).
     */
    Dyadic dyadic() {
        if (nanCount > 0 || positiveInfinities > 0 || negativeInfinities > 0) return null;
        return Dyadic.of(BinTotal.of(totalBins()).toBigInteger(), low - BIAS_SHIFT);
    }

    /**
     * m · 2<sup>e</sup> as a {@link BigDecimal}, exactly, with the smallest scale that holds it: the trailing zero
     * bits of m are moved into e first, and 2<sup>-k</sup> is 5<sup>k</sup> / 10<sup>k</sup>. Why the smallest
     * scale: the figures multiply and divide these values ({@link MeanSums}, {@link MomentSums}), and a fixed
     * scale of 1075 made every one a number of some 800 digits; a sum of losses around 1 needs a few dozen.
     * (Measured: the per-group results of 100 groups took 0.3 s, most of a --group-by run's fixed cost.) The value
     * is the same number either way, so every figure rounded from it is the same bits.
     */
    static BigDecimal exactly(BigInteger m, int e) {
        if (m.signum() == 0) return BigDecimal.ZERO;
        int zeros = m.getLowestSetBit();
        BigInteger odd = m.shiftRight(zeros);
        int exponent = e + zeros;
        if (exponent >= 0) return new BigDecimal(odd.shiftLeft(exponent));
        return new BigDecimal(odd.multiply(BigInteger.valueOf(5).pow(-exponent)), -exponent);
    }

    /** The bytes this sum holds in its arrays (bins and lanes), for the memory figures in the docs and tests. */
    long arrayBytes() {
        long arrays = bins.length;
        if (lanes != null) arrays += (long) LANES * bins.length;
        return 8 * arrays;
    }

    /** A normalized copy of the bins with every lane added in. */
    private long[] totalBins() {
        long[] total = bins.clone();
        normalize(total);
        if (lanes == null) return total;
        for (long[] lane : lanes) {
            // A lane holds fewer than 2^9 significands per bin since its last normalization: no overflow.
            for (int i = 0; i < total.length; i++) total[i] += lane[i];
            normalize(total);
        }
        return total;
    }

    private void addNonFinite(double x) {
        if (Double.isNaN(x)) nanCount++;
        else if (x > 0) positiveInfinities++;
        else negativeInfinities++;
    }

    private void carry() {
        normalize(bins);
        addsUntilCarry = ADDS_BEFORE_CARRY;
    }

    /**
     * Moves all but the low 32 bits of each bin (with sign) 32 bins up, lowest bin first. Without a branch on
     * whether a bin has anything to move (moving 0 changes nothing): after 2^9 rounds some bins of a window have
     * and their neighbours have not, so that branch was mispredicted about once a bin, and the four lanes are
     * normalized every 2,048 values: {@link #addAll} went from 1.99 to 1.86 ns a value ({@code ExactSumTiming},
     * squared errors of N(0, 1) residuals).
     */
    private static void normalize(long[] b) {
        for (int i = 0; i < b.length - CARRY_BITS; i++) {
            long high = b[i] >> CARRY_BITS;
            b[i] -= high << CARRY_BITS;
            b[i + CARRY_BITS] += high;
        }
    }
}
