package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable column of doubles stored in fixed blocks, so growth never copies: exactly 8 bytes per value
 * (plus one partly filled block of {@value #BLOCK} values).
 */
final class DoubleBlocks {
    /**
     * 256 KiB blocks: G1's smallest region is 1 MiB and an array over half a region is "humongous", taking a
     * whole region; 2^16 doubles (512 KiB plus a header) measured 16 bytes per value under -Xmx1g.
     */
    static final int BLOCK = 1 << 15;
    private final List<double[]> blocks = new ArrayList<>();
    private long size;

    /** Appends {@code values[from, from + n)}. */
    void append(double[] values, int from, int n) {
        int done = 0;
        while (done < n) {
            int fill = (int) (size % BLOCK);
            if (fill == 0 && size / BLOCK == blocks.size()) blocks.add(new double[BLOCK]);
            int take = Math.min(n - done, BLOCK - fill);
            System.arraycopy(values, from + done, blocks.get((int) (size / BLOCK)), fill, take);
            done += take;
            size += take;
        }
    }

    void append(DoubleBlocks other) {
        for (int b = 0; b < other.blocks.size(); b++) {
            append(other.blocks.get(b), 0, other.fillOf(b));
        }
    }

    long size() { return size; }

    double get(long index) { return blocks.get((int) (index / BLOCK))[(int) (index % BLOCK)]; }

    /** A copy of every value in one array (callers keep the row count within an int). */
    double[] toArray() {
        double[] all = new double[Math.toIntExact(size)];
        for (int b = 0; b < blocks.size(); b++) System.arraycopy(blocks.get(b), 0, all, b * BLOCK, fillOf(b));
        return all;
    }

    /** The number of blocks; all but the last are full. */
    int blocks() { return blocks.size(); }

    /** A block itself (not a copy), whose first {@link #fillOf} values are set. */
    double[] block(int block) { return blocks.get(block); }

    /** The values set in a block. */
    int fillOf(int block) {
        return block < blocks.size() - 1 ? BLOCK : (int) (size - (long) block * BLOCK);
    }
}
