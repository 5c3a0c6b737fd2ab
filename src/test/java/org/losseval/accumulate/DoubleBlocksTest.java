package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The column store: values come back bit for bit (NaN payloads and -0.0 included) by index, as one array and
 * block by block, across block boundaries, after appending another column, and when direct memory runs out
 * part way and later blocks are heap arrays; and through the state encoding ({@link StateCodec}), which carries
 * the values of direct and heap blocks alike. The reference is the plain array the values were appended from.
 */
class DoubleBlocksTest {
    private static final int BLOCK = DoubleBlocks.BLOCK;

    /** Awkward values first, then random ones: 2.5 blocks in all. */
    private static double[] values() {
        double[] v = new double[2 * BLOCK + BLOCK / 2];
        v[0] = -0.0;
        v[1] = Double.longBitsToDouble(0x7ff8_0000_0000_0123L); // a NaN with a payload
        v[2] = Double.NEGATIVE_INFINITY;
        v[3] = Double.MIN_VALUE;
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 4; i < v.length; i++) v[i] = random.nextGaussian() * 1e3;
        return v;
    }

    /** Appends {@code v} in chunks of the given sizes, repeated, so appends straddle block boundaries. */
    private static DoubleBlocks appended(double[] v, IntFunction<ByteBuffer> direct, int... chunks) {
        DoubleBlocks blocks = new DoubleBlocks(direct);
        int done = 0;
        for (int c = 0; done < v.length; c++) {
            int n = Math.min(chunks[c % chunks.length], v.length - done);
            blocks.append(v, done, n);
            done += n;
        }
        return blocks;
    }

    private static void assertSameBits(double[] expected, DoubleBlocks actual) {
        assertEquals(expected.length, actual.size());
        long[] expectedBits = new long[expected.length];
        long[] byIndex = new long[expected.length];
        long[] asArray = new long[expected.length];
        long[] byBlock = new long[expected.length];
        double[] all = actual.toArray();
        double[] block = new double[BLOCK];
        for (int b = 0; b < actual.blocks(); b++) {
            int fill = actual.copyBlock(b, block);
            assertEquals(actual.fillOf(b), fill);
            for (int i = 0; i < fill; i++) byBlock[b * BLOCK + i] = Double.doubleToRawLongBits(block[i]);
        }
        for (int i = 0; i < expected.length; i++) {
            expectedBits[i] = Double.doubleToRawLongBits(expected[i]);
            byIndex[i] = Double.doubleToRawLongBits(actual.get(i));
            asArray[i] = Double.doubleToRawLongBits(all[i]);
        }
        assertArrayEquals(expectedBits, byIndex);
        assertArrayEquals(expectedBits, asArray);
        assertArrayEquals(expectedBits, byBlock);
    }

    @Test
    void valuesComeBackBitForBitAcrossBlockBoundaries() {
        double[] v = values();
        DoubleBlocks blocks = appended(v, ByteBuffer::allocateDirect, 8192, 1, BLOCK - 3, 12_345);
        assertEquals(3, blocks.blocks());
        assertEquals(BLOCK / 2, blocks.fillOf(2));
        assertSameBits(v, blocks);
    }

    @Test
    void appendingAnotherColumnKeepsBothInOrder() {
        double[] v = values();
        int split = BLOCK + 77; // the first column ends inside a block
        double[] first = java.util.Arrays.copyOfRange(v, 0, split);
        double[] second = java.util.Arrays.copyOfRange(v, split, v.length);
        DoubleBlocks whole = appended(first, ByteBuffer::allocateDirect, 1000);
        whole.append(appended(second, ByteBuffer::allocateDirect, 999));
        assertSameBits(v, whole);
    }

    @Test
    void whenDirectMemoryRunsOutLaterBlocksAreHeapArraysWithTheSameValues() {
        double[] v = values();
        int[] allocated = {0};
        IntFunction<ByteBuffer> oneBlockOnly = bytes -> {
            if (allocated[0]++ >= 1) throw new OutOfMemoryError("Cannot reserve " + bytes + " bytes of direct buffer memory");
            return ByteBuffer.allocateDirect(bytes);
        };
        DoubleBlocks blocks = appended(v, oneBlockOnly, 5000);
        assertEquals(3, allocated[0], "three blocks asked for: one direct, two refused");
        assertSameBits(v, blocks);
    }

    /** A state that holds a column, as RowStore and AbsoluteErrorMedian do: the codec encodes states, not bare columns. */
    static final class Holder {
        private final DoubleBlocks column;
        private long rows;

        Holder() { this(ByteBuffer::allocateDirect); }

        Holder(IntFunction<ByteBuffer> direct) { column = new DoubleBlocks(direct); }
    }

    /**
     * Through {@link StateCodec}: a column of 2.5 blocks, its first block direct and the others heap arrays (direct
     * memory ran out), decodes into an empty state's column bit for bit, encodes to the same bytes again, and takes
     * more values as the original would.
     */
    @Test
    void aColumnSurvivesItsEncodingAndTakesMoreValues() throws StateFormatException {
        double[] v = values();
        int[] allocated = {0};
        IntFunction<ByteBuffer> oneBlockOnly = bytes -> {
            if (allocated[0]++ >= 1) throw new OutOfMemoryError("Cannot reserve " + bytes + " bytes of direct buffer memory");
            return ByteBuffer.allocateDirect(bytes);
        };
        int cut = 2 * BLOCK + 1000;
        Holder original = new Holder(oneBlockOnly);
        original.column.append(v, 0, cut);
        original.rows = cut;
        StateCodec codec = new StateCodec(java.util.Set.of());
        byte[] fingerprint = new byte[StateCodec.FINGERPRINT_BYTES];
        byte[] bytes = codec.encode(original, fingerprint);

        Holder decoded = new Holder();
        codec.decodeInto(decoded, bytes, fingerprint);
        assertEquals(cut, decoded.rows);
        assertSameBits(java.util.Arrays.copyOf(v, cut), decoded.column);
        assertArrayEquals(bytes, codec.encode(decoded, fingerprint), "encoded again");
        decoded.column.append(v, cut, v.length - cut);
        assertSameBits(v, decoded.column);
    }

    @Test
    void anEmptyColumnSurvivesItsEncoding() throws StateFormatException {
        StateCodec codec = new StateCodec(java.util.Set.of());
        byte[] fingerprint = new byte[StateCodec.FINGERPRINT_BYTES];
        Holder decoded = new Holder();
        decoded.column.append(new double[] {1, 2}, 0, 2); // decoding replaces what the receiving column held
        codec.decodeInto(decoded, codec.encode(new Holder(), fingerprint), fingerprint);
        assertSameBits(new double[0], decoded.column);
    }

    /** Packed values of another form are refused, naming the block: never a column of other length than it says. */
    @Test
    void packedValuesOfAnotherFormAreRefused() {
        assertEquals("state is corrupt: block 0 of 2 of a column holds 5 values, expected " + BLOCK,
                org.junit.jupiter.api.Assertions.assertThrows(StateFormatException.class,
                        () -> new DoubleBlocks().unpack(new double[][] {new double[5], new double[BLOCK]})).getMessage());
        assertEquals("state is corrupt: block 1 of 2 of a column holds 0 values, expected 1 to " + BLOCK,
                org.junit.jupiter.api.Assertions.assertThrows(StateFormatException.class,
                        () -> new DoubleBlocks().unpack(new double[][] {new double[BLOCK], new double[0]})).getMessage());
        assertEquals("state layout differs: a column of doubles where long[] was found",
                org.junit.jupiter.api.Assertions.assertThrows(StateFormatException.class,
                        () -> new DoubleBlocks().unpack(new long[3])).getMessage());
    }

    @Test
    void anEmptyColumnHasNoBlocksAndAnEmptyArray() {
        DoubleBlocks blocks = new DoubleBlocks();
        blocks.append(new double[3], 0, 0);
        assertEquals(0, blocks.size());
        assertEquals(0, blocks.blocks());
        assertEquals(0, blocks.toArray().length);
    }
}
