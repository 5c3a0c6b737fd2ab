package org.losseval.accumulate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A growable column of doubles stored in fixed blocks, so growth never copies: exactly 8 bytes per value
 * (plus one partly filled block of {@value #BLOCK} values).
 *
 * <p>Where the blocks live: outside the Java heap (direct buffers), because these columns are the largest
 * long-lived data of a run and every young collection copied them. Measured on the 10<sup>7</sup>-row CSV
 * with five losses and contribution figures (JDK 17, SerialGC, the row store of {@link RowStore} filling
 * its 256 MiB budget before it switches to its summary): three young collections with 240–540 ms of pauses
 * against 20 ms for the same run with {@code --no-contrib}, almost all of it copying these blocks from eden
 * to the old generation. Direct memory is capped by the heap's maximum unless {@code
 * -XX:MaxDirectMemorySize} says otherwise, so the budgets that the heap caps still bound it; should a block
 * not fit there, it is an ordinary heap array instead (same values, only the copying comes back). A
 * dropped column's direct memory is freed when the collector finds its buffers unreachable, as a heap
 * array's would be.
 *
 * <p>Encoded ({@link StateCodec}) as its values, one {@code double[]} per block (the last one as long as its
 * fill): the codec cannot read a buffer's contents through its fields, and a heap copy kept beside the buffers
 * would undo what they are for. The copy is made only when a state is encoded; decoding appends the values to
 * fresh blocks, direct ones where they fit, so a decoded column is laid out as any other.
 */
final class DoubleBlocks implements StateCodec.Packed {
    /**
     * 256 KiB blocks: G1's smallest region is 1 MiB and an array over half a region is "humongous", taking a
     * whole region; 2^16 doubles (512 KiB plus a header) measured 16 bytes per value under -Xmx1g. That
     * still matters for the heap blocks of the fallback.
     */
    static final int BLOCK = 1 << 15;
    private final List<DoubleBuffer> blocks = new ArrayList<>();
    /** Allocates a direct buffer of the given bytes, or throws OutOfMemoryError when direct memory is full. */
    private final IntFunction<ByteBuffer> direct;
    private long size;

    DoubleBlocks() {
        this(new DirectBuffers());
    }

    /** {@link ByteBuffer#allocateDirect}; a class, not a method reference, which is linked at every start. */
    private static final class DirectBuffers implements IntFunction<ByteBuffer> {
        @Override
        public ByteBuffer apply(int bytes) {
            return ByteBuffer.allocateDirect(bytes);
        }
    }

    /** @param direct allocates the direct buffers ({@link ByteBuffer#allocateDirect}; tests make it fail) */
    DoubleBlocks(IntFunction<ByteBuffer> direct) {
        this.direct = direct;
    }

    /** Appends {@code values[from, from + n)}. */
    void append(double[] values, int from, int n) {
        int done = 0;
        while (done < n) {
            int fill = (int) (size % BLOCK);
            if (fill == 0 && size / BLOCK == blocks.size()) blocks.add(newBlock());
            int take = Math.min(n - done, BLOCK - fill);
            blocks.get((int) (size / BLOCK)).put(fill, values, from + done, take);
            done += take;
            size += take;
        }
    }

    void append(DoubleBlocks other) {
        double[] scratch = new double[BLOCK];
        for (int b = 0; b < other.blocks.size(); b++) {
            int fill = other.copyBlock(b, scratch);
            append(scratch, 0, fill);
        }
    }

    long size() { return size; }

    double get(long index) { return blocks.get((int) (index / BLOCK)).get((int) (index % BLOCK)); }

    /** A copy of every value in one array (callers keep the row count within an int). */
    double[] toArray() {
        double[] all = new double[Math.toIntExact(size)];
        for (int b = 0; b < blocks.size(); b++) blocks.get(b).get(0, all, b * BLOCK, fillOf(b));
        return all;
    }

    /** The number of blocks; all but the last are full. */
    int blocks() { return blocks.size(); }

    /** Copies the values set in a block to the start of {@code into} (at least {@value #BLOCK} long); returns their count. */
    int copyBlock(int block, double[] into) {
        int fill = fillOf(block);
        blocks.get(block).get(0, into, 0, fill);
        return fill;
    }

    /** The values set in a block. */
    int fillOf(int block) {
        return block < blocks.size() - 1 ? BLOCK : (int) (size - (long) block * BLOCK);
    }

    /** The values, block by block: {@code double[blocks()][]}, each block's array as long as its fill. */
    @Override
    public Object packed() {
        double[][] packed = new double[blocks.size()][];
        for (int b = 0; b < packed.length; b++) {
            packed[b] = new double[fillOf(b)];
            blocks.get(b).get(0, packed[b], 0, packed[b].length);
        }
        return packed;
    }

    /** Replaces the values with those of {@link #packed()}'s form: every block full but the last, which is not empty. */
    @Override
    public void unpack(Object packed) throws StateFormatException {
        if (!(packed instanceof double[][] values)) {
            throw new StateFormatException("state layout differs: a column of doubles where "
                    + (packed == null ? "null" : packed.getClass().getSimpleName()) + " was found");
        }
        for (int b = 0; b < values.length; b++) {
            int n = values[b] == null ? -1 : values[b].length;
            boolean last = b == values.length - 1;
            if (last ? n < 1 || n > BLOCK : n != BLOCK) {
                throw new StateFormatException("state is corrupt: block " + b + " of " + values.length + " of a column holds "
                        + n + " values, expected " + (last ? "1 to " + BLOCK : String.valueOf(BLOCK)));
            }
        }
        blocks.clear();
        size = 0;
        for (double[] block : values) append(block, 0, block.length);
    }

    private DoubleBuffer newBlock() {
        try {
            // native order: values are copied in and out bit for bit, without swapping
            return direct.apply(BLOCK * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        } catch (OutOfMemoryError directMemoryFull) {
            return DoubleBuffer.wrap(new double[BLOCK]);
        }
    }
}
