package org.losseval.accumulate;

import java.util.Arrays;

/**
 * A sparse map from a bucket key to the count of its values and their exact sum: the building block of the
 * bounded summaries. Open addressing with linear probing over primitive arrays (no boxing, no entries).
 *
 * <p>Every value added under one key must have the same binary exponent (the callers' keys contain it).
 * Then the sum is the sum of 53-bit integer significands times one power of two, kept in a 128-bit
 * integer: exact, order-independent and mergeable by integer addition, so a summary is the same bits
 * whatever the chunking or merge order. Memory: 35 bytes per slot, at most two slots per key
 * (the table doubles at half full).
 */
final class BucketSums {
    private static final int INITIAL_CAPACITY = 64;
    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    private static final int BIAS_SHIFT = 1075;

    private long[] keys = new long[INITIAL_CAPACITY];
    private boolean[] used = new boolean[INITIAL_CAPACITY];
    private long[] counts = new long[INITIAL_CAPACITY];
    private long[] sumHigh = new long[INITIAL_CAPACITY];
    private long[] sumLow = new long[INITIAL_CAPACITY];
    private short[] exponents = new short[INITIAL_CAPACITY];
    private int size;

    /** Counts one value under the key without summing it (for histograms that only count). */
    void count(long key) {
        int s = slot(key, (short) 0); // before indexing: slot() may replace the arrays
        counts[s]++;
    }

    /** Counts and sums a finite value; every value under one key must share its binary exponent. */
    void add(long key, double value) {
        long bits = Double.doubleToRawLongBits(value);
        short exponent = (short) ((bits >>> 52) & 0x7FF);
        int s = slot(key, exponent);
        if (exponents[s] != exponent) throw new IllegalStateException("mixed exponents under bucket " + key);
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent != 0) significand |= IMPLICIT_BIT;
        counts[s]++;
        addSigned(s, bits < 0 ? -significand : significand, significand == 0 ? 0 : (bits < 0 ? -1 : 0));
    }

    /**
     * Adds a bucket given as its count and the 128-bit integer sum (high, low) of its significands, whose
     * values have the given exponent (0 for a bucket that only counts): how {@link BucketPages} hands over
     * its buckets.
     */
    void addRaw(long key, short exponent, long count, long low, long high) {
        int s = slot(key, exponent);
        if (exponents[s] != exponent) throw new IllegalStateException("mixed exponents under bucket " + key);
        counts[s] += count;
        addSigned(s, low, high);
    }

    /** Adds every bucket of the other map. */
    void combine(BucketSums other) {
        for (int o = 0; o < other.keys.length; o++) {
            if (!other.used[o]) continue;
            int s = slot(other.keys[o], other.exponents[o]);
            if (exponents[s] != other.exponents[o]) throw new IllegalStateException("mixed exponents under bucket " + other.keys[o]);
            counts[s] += other.counts[o];
            addSigned(s, other.sumLow[o], other.sumHigh[o]);
        }
    }

    /** Adds the 128-bit integer (high, low) to a slot's sum. */
    private void addSigned(int s, long low, long high) {
        long before = sumLow[s];
        sumLow[s] = before + low;
        sumHigh[s] += high + (Long.compareUnsigned(sumLow[s], before) < 0 ? 1 : 0);
    }

    int size() { return size; }

    /**
     * The occupied slots, ordered by key. The summaries' keys fit in an int, so each (key, slot) pair is one long
     * and the sort a primitive one: the figures of a summary sort tens of thousands of buckets, which as boxed
     * slots with a comparator took most of the time of reading the figures, and the compiler's time for TimSort
     * besides; other keys take the boxed way.
     */
    int[] slotsByKey() {
        long[] packed = new long[size];
        int filled = 0;
        for (int s = 0; s < keys.length && filled >= 0; s++) {
            if (!used[s]) continue;
            if (keys[s] != (int) keys[s]) {
                filled = -1;
            } else {
                packed[filled++] = (keys[s] << 32) | s;
            }
        }
        if (filled >= 0) {
            Arrays.sort(packed);
            int[] slots = new int[size];
            for (int i = 0; i < size; i++) slots[i] = (int) packed[i];
            return slots;
        }
        Integer[] order = new Integer[size];
        int n = 0;
        for (int s = 0; s < keys.length; s++) if (used[s]) order[n++] = s;
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) slots[i] = order[i];
        return slots;
    }

    long key(int slot) { return keys[slot]; }

    long count(int slot) { return counts[slot]; }

    /** The slot's sum rounded to a double (computed from the exact integer, so deterministic). */
    double sum(int slot) {
        long high = sumHigh[slot];
        long low = sumLow[slot];
        double integer = high * 0x1p64 + (low >>> 1) * 2.0 + (low & 1);
        int exponent = Math.max(exponents[slot], 1);
        return Math.scalb(integer, exponent - BIAS_SHIFT);
    }

    /**
     * Adds the slot's sum exactly to {@code total}, as three doubles: the 128-bit integer cut into its low 52
     * bits, the next 52 and the top 24 (signed), each times the power of two of its place, so each is an integer
     * of at most 52 bits times a power of two, which a double holds exactly from 2<sup>-1074</sup> up, as long as
     * the sum's magnitude is below 2<sup>1024</sup> (each part is at most the whole).
     */
    void addExactTo(int slot, ExactSum total) {
        long high = sumHigh[slot];
        long low = sumLow[slot];
        int shift = Math.max(exponents[slot], 1) - BIAS_SHIFT;
        total.add(Math.scalb((double) (low & SIGNIFICAND_MASK), shift));
        total.add(Math.scalb((double) (((low >>> 52) | (high << 12)) & SIGNIFICAND_MASK), shift + 52));
        total.add(Math.scalb((double) (high >> 40), shift + 104));
    }

    /** The slot's sum exactly: the 128-bit integer times the power of two of its exponent. */
    java.math.BigDecimal exactSum(int slot) {
        java.math.BigInteger integer = java.math.BigInteger.valueOf(sumHigh[slot]).shiftLeft(64)
                .add(new java.math.BigInteger(Long.toUnsignedString(sumLow[slot])));
        int exponent = Math.max(exponents[slot], 1);
        // 2^(exponent - 1075) lies in [2^-1074, 2^971]: a double, which BigDecimal takes exactly
        return new java.math.BigDecimal(integer).multiply(new java.math.BigDecimal(Math.scalb(1.0, exponent - BIAS_SHIFT)));
    }

    /** The slot of a key, created (with the given exponent) when absent. */
    private int slot(long key, short exponent) {
        int mask = keys.length - 1;
        int s = hash(key) & mask;
        while (used[s]) {
            if (keys[s] == key) return s;
            s = (s + 1) & mask;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return slot(key, exponent);
        }
        used[s] = true;
        keys[s] = key;
        exponents[s] = exponent;
        size++;
        return s;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        long[] oldCounts = counts;
        long[] oldHigh = sumHigh;
        long[] oldLow = sumLow;
        short[] oldExponents = exponents;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        used = new boolean[capacity];
        counts = new long[capacity];
        sumHigh = new long[capacity];
        sumLow = new long[capacity];
        exponents = new short[capacity];
        size = 0;
        for (int o = 0; o < oldKeys.length; o++) {
            if (!oldUsed[o]) continue;
            int s = slot(oldKeys[o], oldExponents[o]);
            counts[s] = oldCounts[o];
            sumHigh[s] = oldHigh[o];
            sumLow[s] = oldLow[o];
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
