package org.losseval.accumulate;

import java.math.BigInteger;

/**
 * B exact sums at once, Σ<sub>i</sub> k<sub>ib</sub> v<sub>i</sub> for b = 0..B-1: the sums of a bootstrap's
 * replicates, where every row adds the same value v<sub>i</sub> to each replicate a small integer number of
 * times k<sub>ib</sub> (its count, 0 to {@value #MAX_COUNT}: {@link PoissonBootstrap}).
 *
 * <p>Each sum is a small superaccumulator (R. M. Neal, "Fast exact summation using small and large
 * superaccumulators", 2015, §3): every finite double is m &times; 2<sup>p - 1074</sup> with a signed 53-bit
 * integer m and 0 &le; p &le; 2045, and the 2,144 bits from 2<sup>-1074</sup> up are cut into 67 chunks of
 * 32 bits. A value is split into its two or three chunks once per row (c<sub>0</sub>, c<sub>1</sub> in
 * [0, 2<sup>32</sup>), c<sub>2</sub> signed, |c<sub>2</sub>| &lt; 2<sup>21</sup>), and each replicate then adds
 * k times each chunk to that chunk's slot.
 *
 * <p><b>Exact fixed point in doubles.</b> The per-row additions go to slots held as doubles, because a loop
 * of {@code slot[b] += k[b] * c} over the replicates is one the JIT vectorizes on every x86 and ARM (a 64-bit
 * integer multiply has no vector form before AVX-512). It is exact integer arithmetic: k &le; 7 and
 * |c| &lt; 2<sup>32</sup>, so each product is an integer below 2<sup>35</sup> (exact in a double), and every
 * partial sum of at most {@value #ROWS_BEFORE_FLUSH} = 2<sup>17</sup> of them is an integer of magnitude below
 * 2<sup>52</sup>, every one of which a double holds exactly: no addition rounds, so the order of the rows does
 * not matter. Every 2<sup>17</sup> rows (and before this state takes in another's) the double slots are moved into
 * 64-bit integer slots ({@code (long)} of an integral double is exact) and zeroed, and the integer slots'
 * bits above 32 carried to the next slot; each then holds below 2<sup>32</sup> + 2<sup>52</sup>, far inside
 * 63 bits. The slots are stored slot-major (one array of B per slot, allocated when a value first reaches it),
 * so a row touches two or three contiguous arrays, and the memory is 16·B bytes per slot in use: row values of
 * similar magnitudes use a handful of slots. Reading a sum, or combining this state into another, reads the
 * pending slots beside the integer ones and changes neither, so a state that is only read encodes
 * ({@link StateCodec}) to the same bytes as before.
 *
 * <p>{@link #value} rounds a replicate's exact sum to a double once ({@link Dyadic#doubleValue}). Non-finite values
 * are counted apart per replicate, as in {@link ExactSum}. The sums do not depend on the order of the rows
 * or on how sums were combined. Not thread-safe.
 */
final class ReplicateSums {
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;
    /** (2045 &gt;&gt; 5) + 3: the highest double's three chunks, and room for the carry above them. */
    private static final int SLOTS = 67;
    /** Rows added to the double slots between flushes: 2^17 · 7 · 2^32 &lt; 2^52. */
    static final int ROWS_BEFORE_FLUSH = 1 << 17;
    /** The largest count a row may add, {@link PoissonBootstrap}'s. */
    static final int MAX_COUNT = PoissonBootstrap.MAX_COUNT;

    private final int replicates;
    /** The exact integer slots, normalized at each flush. */
    private final long[][] slots = new long[SLOTS][];
    /** The additions since the last flush, integers held exactly in doubles; null where none was made. */
    private final double[][] pending = new double[SLOTS][];
    /** Per replicate, how often NaN, +inf and -inf were added; null until one is. */
    private long[][] nonFinite;
    private int rowsUntilFlush = ROWS_BEFORE_FLUSH;

    ReplicateSums(int replicates) {
        this.replicates = replicates;
    }

    /** Adds {@code counts[b]} (an integer from 0 to {@link #MAX_COUNT}) times v to replicate b's sum, for every b. */
    void add(double v, double[] counts) {
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
        double low = (m << shift) & CHUNK_MASK;
        long rest = m >> (CHUNK_BITS - shift);
        double mid = rest & CHUNK_MASK;
        long high = rest >> CHUNK_BITS;
        double[] a = pending(slot);
        double[] b = pending(slot + 1);
        for (int r = 0; r < replicates; r++) {
            double k = counts[r];
            a[r] += k * low;
            b[r] += k * mid;
        }
        if (high != 0) {
            double[] c = pending(slot + 2);
            double h = high;
            for (int r = 0; r < replicates; r++) c[r] += counts[r] * h;
        }
        if (--rowsUntilFlush == 0) flush();
    }

    private double[] pending(int slot) {
        double[] s = pending[slot];
        if (s == null) pending[slot] = s = new double[replicates];
        return s;
    }

    private long[] slots(int slot) {
        long[] s = slots[slot];
        if (s == null) slots[slot] = s = new long[replicates];
        return s;
    }

    private void addNonFinite(double v, double[] counts) {
        if (nonFinite == null) nonFinite = new long[3][replicates];
        int kind = v != v ? 0 : v > 0 ? 1 : 2;
        for (int r = 0; r < replicates; r++) nonFinite[kind][r] += (long) counts[r];
    }

    /** Adds another set of sums of the same replicates; {@code other}'s sums are not changed. */
    void combine(ReplicateSums other) {
        if (other.replicates != replicates) throw new IllegalArgumentException("other replicate count");
        flush();
        // The other's pending additions are read, not flushed: a state that is only read keeps its fields (its
        // encoding, StateCodec's, is then the same before and after). Its integer slots are normalized (each below
        // 2^32 but for the top one, which holds the carries of a sum below 2^1024 · 2^63) and its pending ones are
        // integers below 2^52, so mine (normalized by the flush) plus both stays inside 63 bits.
        for (int s = 0; s < SLOTS; s++) {
            long[] theirs = other.slots[s];
            double[] theirPending = other.pending[s];
            if (theirs == null && theirPending == null) continue;
            long[] mine = slots(s);
            if (theirs != null) for (int r = 0; r < replicates; r++) mine[r] += theirs[r];
            if (theirPending != null) for (int r = 0; r < replicates; r++) mine[r] += (long) theirPending[r];
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
        return exact(b).doubleValue(); // rounds correctly, as BigDecimal.doubleValue did
    }

    /** Replicate b's sum exactly, or null when a non-finite value was added to it. */
    Dyadic exact(int b) {
        if (nonFinite != null && (nonFinite[0][b] > 0 || nonFinite[1][b] > 0 || nonFinite[2][b] > 0)) return null;
        // Σ_s (slot + pending) · 2^(32 s), in BigInteger: a slot need not be normalized for that, so the read leaves
        // the pending additions where they are (a read changes no field, and the encoding stays the same).
        BigInteger total = BigInteger.ZERO;
        for (int s = SLOTS - 1; s >= 0; s--) {
            total = total.shiftLeft(CHUNK_BITS);
            long chunk = slots[s] == null ? 0 : slots[s][b];
            if (pending[s] != null) total = total.add(BigInteger.valueOf((long) pending[s][b]));
            if (chunk != 0) total = total.add(BigInteger.valueOf(chunk));
        }
        // total · 2^-1074 exactly
        return Dyadic.of(total, -1074);
    }

    /** Moves the pending additions into the integer slots (exactly: they are integers below 2^52) and normalizes. */
    private void flush() {
        boolean any = false;
        for (int s = 0; s < SLOTS; s++) {
            double[] from = pending[s];
            if (from == null) continue;
            long[] to = slots(s);
            for (int r = 0; r < replicates; r++) {
                to[r] += (long) from[r];
                from[r] = 0;
            }
            any = true;
        }
        if (any) carry();
        rowsUntilFlush = ROWS_BEFORE_FLUSH;
    }

    /** Moves each integer slot's bits above 32 to the next slot, for every replicate; the sums are unchanged. */
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
    }
}
