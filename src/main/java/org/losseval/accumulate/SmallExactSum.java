package org.losseval.accumulate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact sum of doubles in 67 longs (536 bytes): Neal's <i>small</i> superaccumulator (R. M. Neal, "Fast
 * exact summation using small and large superaccumulators", 2015, §3), for the many sums of a bootstrap,
 * where {@link ExactSum}'s 17 KiB a sum would cost megabytes per replicate set.
 *
 * <p>Every finite double is m &times; 2<sup>p - 1074</sup> with a 53-bit integer m and 0 &le; p &le; 2045.
 * The 2,144 bits from 2<sup>-1074</sup> up are cut into chunks of 32 bits; m shifted to its place spans at
 * most three chunks, each added to its own signed 64-bit slot. A slot gains less than 2<sup>32</sup> in
 * magnitude an addition, so carries are moved to the next slot every 2<sup>30</sup> additions and no slot
 * can overflow. {@link #value()} rounds the exact total to a double once (in {@link BigDecimal}).
 *
 * <p>Non-finite values are counted apart, as in {@link ExactSum}. The result does not depend on the order of
 * additions or on how sums were combined. Not thread-safe.
 */
final class SmallExactSum {
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;
    /** (2045 >> 5) + 3 slots: the highest double's three chunks, and room for the carry above them. */
    static final int SLOTS = 67;
    private static final int ADDS_BEFORE_CARRY = 1 << 30;

    private final long[] slots = new long[SLOTS];
    private int addsUntilCarry = ADDS_BEFORE_CARRY;
    private long nanCount;
    private long positiveInfinities;
    private long negativeInfinities;

    /** Adds one value. */
    void add(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) & 0x7FF;
        if (exponent == 0x7FF) {
            if (x != x) nanCount++;
            else if (x > 0) positiveInfinities++;
            else negativeInfinities++;
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
        // m · 2^shift over three chunks: the low 32 bits, then the rest in 32-bit pieces (signed, so the
        // pieces' sum is exact: an arithmetic shift keeps the sign in the top piece).
        long low = (m << shift) & CHUNK_MASK;
        // m · 2^shift = low + rest · 2^32 exactly: rest = floor(m · 2^shift / 2^32), low the remainder
        long rest = m >> (CHUNK_BITS - shift);
        slots[slot] += low;
        slots[slot + 1] += rest & CHUNK_MASK;
        slots[slot + 2] += rest >> CHUNK_BITS;
        if (--addsUntilCarry == 0) carry();
    }

    /** Adds another sum; {@code other} is not changed. */
    void combine(SmallExactSum other) {
        carry();
        // Both normalized (each slot below 2^32 in magnitude, the top one aside), so the sums cannot overflow.
        other.carryCopy(slots);
        carry();
        nanCount += other.nanCount;
        positiveInfinities += other.positiveInfinities;
        negativeInfinities += other.negativeInfinities;
    }

    /** The sum rounded to the nearest double; NaN or an infinity as {@link ExactSum#value()}. */
    double value() {
        if (nanCount > 0 || (positiveInfinities > 0 && negativeInfinities > 0)) return Double.NaN;
        if (positiveInfinities > 0) return Double.POSITIVE_INFINITY;
        if (negativeInfinities > 0) return Double.NEGATIVE_INFINITY;
        BigInteger total = BigInteger.ZERO;
        for (int i = SLOTS - 1; i >= 0; i--) total = total.shiftLeft(CHUNK_BITS).add(BigInteger.valueOf(slots[i]));
        if (total.signum() == 0) return 0.0;
        // total · 2^-1074 exactly (2^-k = 5^k / 10^k); BigDecimal.doubleValue rounds correctly.
        return new BigDecimal(total.multiply(FivePower.VALUE), 1074).doubleValue();
    }

    /** Adds this sum's slots, normalized, to {@code into} (this sum is not changed). */
    private void carryCopy(long[] into) {
        long c = 0;
        for (int i = 0; i < SLOTS; i++) {
            long v = slots[i] + c;
            c = i < SLOTS - 1 ? v >> CHUNK_BITS : 0;
            into[i] += v - (c << CHUNK_BITS);
        }
    }

    private static final class FivePower {
        static final BigInteger VALUE = BigInteger.valueOf(5).pow(1074);
    }

    /** Moves each slot's bits above 32 to the next slot; the total is unchanged. */
    private void carry() {
        for (int i = 0; i < SLOTS - 1; i++) {
            long c = slots[i] >> CHUNK_BITS;
            slots[i] -= c << CHUNK_BITS;
            slots[i + 1] += c;
        }
        addsUntilCarry = ADDS_BEFORE_CARRY;
    }
}
