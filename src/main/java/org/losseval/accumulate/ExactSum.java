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
 * cannot overflow. {@link #value()} converts the exact total to the nearest double once.
 *
 * <p>Why exact rather than compensated: the result does not depend on the order of the additions, so it is
 * the same bits whatever the batch sizes, chunk boundaries, thread count or vector width, and merging two
 * states ({@link #combine}) is exact. A CI gate therefore never flips between runs, and a mean over 10^7
 * rows is correctly rounded (well inside the required 1e-12 relative error). The cost is a few
 * nanoseconds per value, far below parsing.
 *
 * <p>{@link #addAll} spreads consecutive values over {@value #LANES} bin arrays: values of similar size hit
 * the same bin, and one array would make every addition wait for the previous store to that bin.
 *
 * <p>Non-finite values are counted apart: the value is NaN if any NaN, or both infinities, were added,
 * else the infinity added. Not thread-safe; combine per-thread states instead.
 */
public final class ExactSum {
    /** Biased exponents 0..2046 of finite doubles (subnormals share bin 1 with the smallest normals). */
    private static final int EXPONENT_BINS = 2047;
    /** Room above the top bin for carries. */
    private static final int CARRY_BITS = 32;
    /** 53-bit significands: 2^9 of them, plus a normalized bin of about 2^32, stay well inside 63 bits. */
    static final int ADDS_BEFORE_CARRY = 1 << 9;
    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    /** A double m * 2^(bin - BIAS_SHIFT) for significand m in the bin of that biased exponent. */
    private static final int BIAS_SHIFT = 1075;

    /** Independent bin arrays used round-robin by {@link #addAll}; their sum is the total. */
    private static final int LANES = 4;
    private static final int BIN_COUNT = EXPONENT_BINS + 2 * CARRY_BITS;
    /** Bins per group of {@link #normalizeLanes}: one carry distance, so a group's carries land in the next. */
    private static final int GROUP_BINS = CARRY_BITS;
    private static final int GROUP_SHIFT = 5;

    private final long[] bins = new long[BIN_COUNT];
    private final long[][] lanes = new long[LANES][];
    /** The lanes' groups of bins that hold a carry not yet normalized ({@link #normalizeLanes}). */
    private long pendingGroups;
    private int addsUntilCarry = ADDS_BEFORE_CARRY;
    private long nanCount;
    private long positiveInfinities;
    private long negativeInfinities;

    /** Adds one value. */
    public void add(double x) {
        if (!addTo(bins, x)) addNonFinite(x);
        if (--addsUntilCarry == 0) carry();
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
            if (lanes[0] == null) {
                for (int l = 0; l < LANES; l++) lanes[l] = new long[BIN_COUNT];
            }
            long[] lane0 = lanes[0];
            long[] lane1 = lanes[1];
            long[] lane2 = lanes[2];
            long[] lane3 = lanes[3];
            long groups = pendingGroups;
            int sinceCarry = 0;
            for (; i + LANES <= n; i += LANES) {
                long g0 = addToGroup(lane0, values[i]);
                long g1 = addToGroup(lane1, values[i + 1]);
                long g2 = addToGroup(lane2, values[i + 2]);
                long g3 = addToGroup(lane3, values[i + 3]);
                if (g0 == 0 || g1 == 0 || g2 == 0 || g3 == 0) { // a NaN or an infinity
                    for (int k = 0; k < LANES; k++) {
                        if (!Double.isFinite(values[i + k])) addNonFinite(values[i + k]);
                    }
                }
                groups |= g0 | g1 | g2 | g3;
                if (++sinceCarry == ADDS_BEFORE_CARRY) {
                    groups = normalizeLanes(groups);
                    sinceCarry = 0;
                }
            }
            pendingGroups = normalizeLanes(groups);
        }
        for (; i < n; i++) add(values[i]);
    }

    /**
     * Adds a finite value's significand to its exponent's bin and returns the bit of the bin's group of
     * {@value #GROUP_BINS} bins ({@link #normalizeLanes}); adds nothing and returns 0 for NaN or ±Inf.
     */
    private static long addToGroup(long[] b, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent == 0x7FF) return 0;
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent == 0) {
            exponent = 1; // subnormal: same scale as the smallest normal, without the implicit bit
        } else {
            significand |= IMPLICIT_BIT;
        }
        b[exponent] += bits < 0 ? -significand : significand;
        return 1L << (exponent >>> GROUP_SHIFT);
    }

    /**
     * Normalizes the lanes' bins in the given groups (bit g: bins [32g, 32g + 32)) and returns the groups
     * that received a carry without being normalized after it, which the next normalization must include.
     * Why groups: a full pass is 2,111 bins per lane, about five operations per value added when done every
     * {@value #ADDS_BEFORE_CARRY} additions per lane, while the values of one column rarely span more than a
     * few groups. Bounds as in a full pass: between two normalizations of a bin it takes at most
     * {@value #ADDS_BEFORE_CARRY} significands (&lt; 2<sup>53</sup>) and one carry (&lt; 2<sup>31</sup>) on
     * top of its normalized value (&lt; 2<sup>32</sup>), far inside 63 bits. The top group, whose carries
     * go beyond the groups, takes a full pass.
     */
    private long normalizeLanes(long groups) {
        if (groups < 0) { // bit 63: the top group
            for (long[] lane : lanes) normalize(lane);
            return 0;
        }
        long carried = 0;
        for (long[] lane : lanes) {
            for (long todo = groups; todo != 0; todo &= todo - 1) {
                int g = Long.numberOfTrailingZeros(todo);
                for (int i = g << GROUP_SHIFT, end = i + GROUP_BINS; i < end; i++) {
                    long high = lane[i] >> CARRY_BITS;
                    if (high != 0) {
                        lane[i] -= high << CARRY_BITS;
                        lane[i + CARRY_BITS] += high;
                        carried |= 2L << g;
                    }
                }
            }
        }
        return carried & ~groups;
    }

    /** Adds a finite value's significand to its exponent's bin; returns false, adding nothing, for NaN or ±Inf. */
    private static boolean addTo(long[] b, double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent == 0x7FF) return false;
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent == 0) {
            exponent = 1; // subnormal: same scale as the smallest normal, without the implicit bit
        } else {
            significand |= IMPLICIT_BIT;
        }
        b[exponent] += bits < 0 ? -significand : significand;
        return true;
    }

    /**
     * Adds another sum to this one, exactly. The other state is not changed.
     */
    public void combine(ExactSum other) {
        carry();
        long[] theirs = other.totalBins();
        for (int i = 0; i < bins.length; i++) bins[i] += theirs[i];
        carry();
        nanCount += other.nanCount;
        positiveInfinities += other.positiveInfinities;
        negativeInfinities += other.negativeInfinities;
    }

    /** The sum rounded to the nearest double (ties to even); NaN or an infinity as described above. */
    public double value() {
        if (nanCount > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) return Double.NaN;
        if (positiveInfinities > 0) return Double.POSITIVE_INFINITY;
        if (negativeInfinities > 0) return Double.NEGATIVE_INFINITY;
        BigDecimal exact = exact();
        // BigDecimal.doubleValue rounds correctly; an exact zero is +0.0.
        return exact.signum() == 0 ? 0.0 : exact.doubleValue();
    }

    /**
     * The sum exactly, or null when a NaN or an infinity was added (then {@link #value()} says which). For
     * figures that combine several exact sums before rounding once ({@code MomentSums}).
     */
    public BigDecimal exact() {
        if (nanCount > 0 || positiveInfinities > 0 || negativeInfinities > 0) return null;
        long[] all = totalBins();
        BigInteger total = BigInteger.ZERO;
        for (int i = all.length - 1; i >= 0; i--) {
            total = total.shiftLeft(1).add(BigInteger.valueOf(all[i]));
        }
        if (total.signum() == 0) return BigDecimal.ZERO;
        // total * 2^-BIAS_SHIFT, exactly: 2^-k = 5^k / 10^k.
        return new BigDecimal(total.multiply(FivePower.VALUE), BIAS_SHIFT);
    }

    /** A normalized copy of the bins with every lane added in. */
    private long[] totalBins() {
        long[] total = bins.clone();
        normalize(total);
        for (long[] lane : lanes) {
            if (lane == null) continue;
            for (int i = 0; i < total.length; i++) total[i] += lane[i]; // lanes are normalized after each addAll
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

    /** Moves all but the low 32 bits of each bin (with sign) 32 bins up, lowest bin first. */
    private static void normalize(long[] b) {
        for (int i = 0; i < b.length - CARRY_BITS; i++) {
            long high = b[i] >> CARRY_BITS;
            if (high != 0) {
                b[i] -= high << CARRY_BITS;
                b[i + CARRY_BITS] += high;
            }
        }
    }

    /** 5^1075, computed on first use only (it is needed once per figure, at the end). */
    private static final class FivePower {
        static final BigInteger VALUE = BigInteger.valueOf(5).pow(BIAS_SHIFT);
    }
}
