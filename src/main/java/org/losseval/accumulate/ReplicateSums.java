package org.losseval.accumulate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * B exact sums at once, Σ<sub>i</sub> k<sub>ib</sub> v<sub>i</sub> for b = 0..B-1: the sums of a bootstrap's
 * replicates, where every row adds the same value v<sub>i</sub> to each replicate a small integer number of
 * times k<sub>ib</sub> (its Poisson count).
 *
 * <p>Each sum is a small superaccumulator (R. M. Neal, "Fast exact summation using small and large
 * superaccumulators", 2015, §3): every finite double is m &times; 2<sup>p - 1074</sup> with a signed 53-bit
 * integer m and 0 &le; p &le; 2045, and the 2,144 bits from 2<sup>-1074</sup> up are cut into 67 chunks of
 * 32 bits, each summed in a signed 64-bit slot. A value is split into its three chunks once per row, and each
 * replicate then adds k times each chunk, so the per-replicate cost is three multiply-adds with no rounding.
 * The slots are stored slot-major (one array of B longs per slot, allocated when a value first reaches it), so
 * a row touches three contiguous arrays and the memory is 8·B bytes per slot in use: row values of similar
 * magnitudes use a handful of slots.
 *
 * <p>No slot can overflow: a row adds less than 2<sup>32</sup> &times; 19 &lt; 2<sup>37</sup> in magnitude to
 * a slot (k &le; 18, {@link PoissonBootstrap}), and every 2<sup>25</sup> rows the carries are moved up.
 * {@link #value} rounds a replicate's exact sum to a double once (in {@link BigDecimal}). Non-finite values
 * are counted apart per replicate, as in {@link ExactSum}. The sums do not depend on the order of the rows
 * or on how sums were combined. Not thread-safe.
 */
final class ReplicateSums {
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;
    /** (2045 &gt;&gt; 5) + 3: the highest double's three chunks, and room for the carry above them. */
    private static final int SLOTS = 67;
    private static final int ROWS_BEFORE_CARRY = 1 << 25;
    /** The largest count {@link PoissonBootstrap#count} gives. */
    static final int MAX_COUNT = PoissonBootstrap.CDF.length;

    private final int replicates;
    private final long[][] slots = new long[SLOTS][];
    /** Per replicate, how often NaN, +inf and -inf were added; null until one is. */
    private long[][] nonFinite;
    private int rowsUntilCarry = ROWS_BEFORE_CARRY;

    ReplicateSums(int replicates) {
        this.replicates = replicates;
    }

    /** Adds {@code counts[b]} times v to replicate b's sum, for every b. */
    void add(double v, int[] counts) {
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent == 0x7FF) {
            addNonFinite(v, counts);
            return;
        }
        long m = bits & ((1L << 52) - 1);
        int p;
        if (exponent == 0) {
            if (m == 0) return; // ±0
            p = 0;
        } else {
            m |= 1L << 52;
            p = exponent - 1;
        }
        if (bits < 0) m = -m;
        int slot = p >>> 5;
        int shift = p & 31;
        // m · 2^shift = low + (mid + high · 2^32) · 2^32 exactly: rest = floor(m · 2^shift / 2^32)
        long low = (m << shift) & CHUNK_MASK;
        long rest = m >> (CHUNK_BITS - shift);
        long mid = rest & CHUNK_MASK;
        long high = rest >> CHUNK_BITS;
        long[] a = slots(slot);
        long[] b = slots(slot + 1);
        long[] c = high == 0 ? null : slots(slot + 2);
        for (int r = 0; r < replicates; r++) {
            long k = counts[r];
            a[r] += k * low;
            b[r] += k * mid;
        }
        if (c != null) {
            for (int r = 0; r < replicates; r++) c[r] += counts[r] * high;
        }
        if (--rowsUntilCarry == 0) carry();
    }

    private long[] slots(int slot) {
        long[] s = slots[slot];
        if (s == null) slots[slot] = s = new long[replicates];
        return s;
    }

    private void addNonFinite(double v, int[] counts) {
        if (nonFinite == null) nonFinite = new long[3][replicates];
        int kind = v != v ? 0 : v > 0 ? 1 : 2;
        for (int r = 0; r < replicates; r++) nonFinite[kind][r] += counts[r];
    }

    /** Adds another set of sums of the same replicates; {@code other} is not changed. */
    void combine(ReplicateSums other) {
        if (other.replicates != replicates) throw new IllegalArgumentException("other replicate count");
        carry();
        for (int s = 0; s < SLOTS; s++) {
            long[] theirs = other.slots[s];
            if (theirs == null) continue;
            long[] mine = slots(s);
            // Both sides' slots hold less than 2^63 - 2^62 in magnitude between carries; their sum cannot overflow
            // once this side is normalized (below 2^32 but for the top slot).
            for (int r = 0; r < replicates; r++) mine[r] += theirs[r];
        }
        carry();
        if (other.nonFinite != null) {
            if (nonFinite == null) nonFinite = new long[3][replicates];
            for (int kind = 0; kind < 3; kind++) {
                for (int r = 0; r < replicates; r++) nonFinite[kind][r] += other.nonFinite[kind][r];
            }
        }
    }

    /** Replicate b's sum rounded to the nearest double; NaN or an infinity as {@link ExactSum#value()}. */
    double value(int b) {
        if (nonFinite != null) {
            long nan = nonFinite[0][b];
            long positive = nonFinite[1][b];
            long negative = nonFinite[2][b];
            if (nan > 0 || (positive > 0 && negative > 0)) return Double.NaN;
            if (positive > 0) return Double.POSITIVE_INFINITY;
            if (negative > 0) return Double.NEGATIVE_INFINITY;
        }
        BigDecimal exact = exact(b);
        return exact.signum() == 0 ? 0.0 : exact.doubleValue(); // BigDecimal.doubleValue rounds correctly
    }

    /** Replicate b's sum exactly, or null when a non-finite value was added to it. */
    BigDecimal exact(int b) {
        if (nonFinite != null && (nonFinite[0][b] > 0 || nonFinite[1][b] > 0 || nonFinite[2][b] > 0)) return null;
        BigInteger total = BigInteger.ZERO;
        for (int s = SLOTS - 1; s >= 0; s--) {
            total = total.shiftLeft(CHUNK_BITS);
            if (slots[s] != null) total = total.add(BigInteger.valueOf(slots[s][b]));
        }
        if (total.signum() == 0) return BigDecimal.ZERO;
        // total · 2^-1074 exactly (2^-k = 5^k / 10^k)
        return new BigDecimal(total.multiply(FivePower.VALUE), 1074);
    }

    /** Moves each slot's bits above 32 to the next slot, for every replicate; the sums are unchanged. */
    private void carry() {
        for (int s = 0; s < SLOTS - 1; s++) {
            long[] from = slots[s];
            if (from == null) continue;
            long[] to = null;
            for (int r = 0; r < replicates; r++) {
                long c = from[r] >> CHUNK_BITS;
                if (c == 0) continue;
                if (to == null) to = slots(s + 1);
                from[r] -= c << CHUNK_BITS;
                to[r] += c;
            }
        }
        rowsUntilCarry = ROWS_BEFORE_CARRY;
    }

    private static final class FivePower {
        static final BigInteger VALUE = BigInteger.valueOf(5).pow(1074);
    }
}
