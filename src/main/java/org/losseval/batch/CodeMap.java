package org.losseval.batch;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code int} codes handed out in order of first appearance (0, 1, 2, …),
 * without boxing: open addressing with linear probing over a power-of-two table kept at most half full.
 *
 * <p>Used where a per-row lookup must not allocate: a Parquet integer column read as text, and the
 * combination of several group columns' codes into one group. Cost: 12 bytes per slot, at most 24 bytes per
 * key plus the table's doubling slack. Not thread-safe.
 */
public final class CodeMap {
    private static final int EMPTY = -1;
    private long[] keys;
    private int[] codes;
    private int size;

    public CodeMap() {
        keys = new long[16];
        codes = new int[16];
        Arrays.fill(codes, EMPTY);
    }

    /** The code of {@code key}, or -1 when it has none. */
    public int get(long key) {
        int mask = codes.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (codes[slot] == EMPTY) return EMPTY;
            if (keys[slot] == key) return codes[slot];
        }
    }

    /** The code of {@code key}, giving it the next code ({@link #size()}) when it has none. */
    public int codeOf(long key) {
        int mask = codes.length - 1;
        int slot = slot(key, mask);
        while (codes[slot] != EMPTY) {
            if (keys[slot] == key) return codes[slot];
            slot = (slot + 1) & mask;
        }
        int code = size++;
        keys[slot] = key;
        codes[slot] = code;
        if (2 * size > codes.length) grow();
        return code;
    }

    /** The number of keys, which is also the next code. */
    public int size() { return size; }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new long[oldKeys.length * 2];
        codes = new int[oldCodes.length * 2];
        Arrays.fill(codes, EMPTY);
        int mask = codes.length - 1;
        for (int i = 0; i < oldCodes.length; i++) {
            if (oldCodes[i] == EMPTY) continue;
            int slot = slot(oldKeys[i], mask);
            while (codes[slot] != EMPTY) slot = (slot + 1) & mask;
            keys[slot] = oldKeys[i];
            codes[slot] = oldCodes[i];
        }
    }

    /** A mixing step (the finaliser of SplitMix64) so that consecutive keys spread over the table. */
    private static int slot(long key, int mask) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = z ^ (z >>> 31);
        return (int) z & mask;
    }
}
