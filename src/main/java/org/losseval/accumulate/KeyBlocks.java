package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The bootstrap keys ({@link PoissonBootstrap#key}) of the rows a bootstrap keeps, in row order, in blocks of
 * {@link DoubleBlocks#BLOCK} so that a block of keys lines up with a block of each kept column: the one row-key
 * store of the bootstraps that keep their rows within a budget ({@link ShareBootstrap}, {@link BootstrapMedae}).
 * 8 bytes a row. Not thread-safe.
 */
final class KeyBlocks {
    static final int BLOCK = DoubleBlocks.BLOCK;

    private final List<long[]> blocks = new ArrayList<>();
    private long size;

    void add(long key) {
        if (size % BLOCK == 0) blocks.add(new long[BLOCK]);
        blocks.get(blocks.size() - 1)[(int) (size % BLOCK)] = key;
        size++;
    }

    /** Appends every key of {@code other}, in its order. */
    void addAll(KeyBlocks other) {
        for (long key : other.toArray()) add(key);
    }

    long size() { return size; }

    int blockCount() { return blocks.size(); }

    /** Block {@code b}: its first {@code min(BLOCK, size - b·BLOCK)} entries are keys. */
    long[] block(int b) { return blocks.get(b); }

    /** Every key, in row order, in a new array. */
    long[] toArray() {
        long[] all = new long[Math.toIntExact(size)];
        for (int b = 0; b < blocks.size(); b++) {
            int from = b * BLOCK;
            System.arraycopy(blocks.get(b), 0, all, from, (int) Math.min(BLOCK, size - from));
        }
        return all;
    }
}
