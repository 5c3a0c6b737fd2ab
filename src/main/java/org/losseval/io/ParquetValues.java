package org.losseval.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.format.Type;

/**
 * Decodes the values of a Parquet page (Parquet format's {@code Encodings.md}) into raw 64-bit form, the
 * one form every reader here converts from: INT32 sign-extended, INT64 as is, FLOAT as its 32 bits, DOUBLE as
 * its 64 bits, BOOLEAN as 0 or 1. Byte arrays go to a {@link Bytes} callback instead.
 *
 * <p>Encodings: PLAIN (every type), RLE (BOOLEAN: a 4-byte length, then the hybrid of {@link ParquetRle} at
 * width 1), DELTA_BINARY_PACKED (INT32, INT64), BYTE_STREAM_SPLIT (FLOAT, DOUBLE, INT32, INT64),
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (BINARY). Data ending before {@code count} values is an
 * IOException ("corrupt data: ..."), never an index out of bounds. Thread-safe: no state.
 */
final class ParquetValues {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Receives a byte array value: {@code in[from, to)}. */
    interface Bytes {
        void accept(int index, byte[] in, int from, int to) throws IOException;
    }

    private ParquetValues() {}

    /**
     * PLAIN DOUBLE values straight into doubles, the common case's fast path: one bulk copy of the bits (a
     * little-endian view's bulk get is a plain memory copy on a little-endian machine, a byte-swapping one
     * otherwise), where a loop of {@code byteArrayViewVarHandle} reads took 2-3 times its CPU, 1.0-1.6 against
     * 0.4-0.6 ns a value over 10^7 values in a fresh JVM, warm-up included, on JDK 17 and 25
     * (src/bench/README.md, "The Parquet run's critical path"). The bits are the same either way.
     */
    static void plainDoubles(byte[] in, int pos, int end, double[] out, int count) throws IOException {
        need(pos, (long) count * 8, end);
        ByteBuffer.wrap(in, pos, count * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out, 0, count);
    }

    /** PLAIN values of a fixed-width type into {@code raw}. */
    static void plain(Type type, byte[] in, int pos, int end, long[] raw, int count) throws IOException {
        switch (type) {
            case DOUBLE, INT64 -> {
                need(pos, (long) count * 8, end);
                for (int i = 0; i < count; i++) raw[i] = (long) LONG.get(in, pos + 8 * i);
            }
            case INT32 -> {
                need(pos, (long) count * 4, end);
                for (int i = 0; i < count; i++) raw[i] = (int) INT.get(in, pos + 4 * i);
            }
            case FLOAT -> {
                need(pos, (long) count * 4, end);
                for (int i = 0; i < count; i++) raw[i] = (int) INT.get(in, pos + 4 * i) & 0xffffffffL;
            }
            case BOOLEAN -> {
                need(pos, ((long) count + 7) / 8, end);
                for (int i = 0; i < count; i++) raw[i] = (in[pos + (i >>> 3)] >>> (i & 7)) & 1;
            }
            default -> throw new IOException("corrupt data: PLAIN values of type " + type + " cannot be read here");
        }
    }

    /** PLAIN byte arrays: each a 4-byte little-endian length and that many bytes. */
    static void plainBytes(byte[] in, int pos, int end, int count, Bytes out) throws IOException {
        for (int i = 0; i < count; i++) {
            need(pos, 4, end);
            int length = (int) INT.get(in, pos);
            pos += 4;
            if (length < 0) throw new IOException("corrupt data: a value of " + length + " bytes");
            need(pos, length, end);
            out.accept(i, in, pos, pos + length);
            pos += length;
        }
    }

    /** RLE booleans of a v2 page: a 4-byte length, then the hybrid encoding at width 1. */
    static void rleBooleans(byte[] in, int pos, int end, long[] raw, int count) throws IOException {
        need(pos, 4, end);
        int length = (int) INT.get(in, pos);
        if (length < 0 || length > end - pos - 4) throw new IOException("corrupt data: RLE data of " + length + " bytes");
        int[] bits = new int[count];
        ParquetRle.decode(in, pos + 4, pos + 4 + length, 1, bits, count);
        for (int i = 0; i < count; i++) raw[i] = bits[i];
    }

    /** BYTE_STREAM_SPLIT: byte k of value i at {@code k * count + i}. */
    static void byteStreamSplit(Type type, byte[] in, int pos, int end, long[] raw, int count) throws IOException {
        int width = switch (type) {
            case FLOAT, INT32 -> 4;
            case DOUBLE, INT64 -> 8;
            default -> throw new IOException("corrupt data: BYTE_STREAM_SPLIT values of type " + type);
        };
        need(pos, (long) count * width, end);
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int k = 0; k < width; k++) v |= (long) (in[pos + k * count + i] & 0xff) << (8 * k);
            raw[i] = type == Type.INT32 ? (int) v : v;
        }
    }

    /**
     * DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, first value), then blocks
     * of a zigzag minimum delta, one bit width per miniblock and the bit-packed deltas; values wrap as Java
     * longs (INT32 callers truncate). Reads {@code count} values at most.
     *
     * @return the position after the last miniblock read
     */
    static int deltaBinaryPacked(byte[] in, int pos, int end, long[] raw, int count) throws IOException {
        int[] at = {pos};
        long blockSize = varint(in, at, end);
        long miniblocks = varint(in, at, end);
        long total = varint(in, at, end);
        long first = zigzag(varint(in, at, end));
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || blockSize > (1 << 20)) {
            throw new IOException("corrupt data: a DELTA_BINARY_PACKED block of " + blockSize + " values in "
                    + miniblocks + " miniblocks");
        }
        if (total < count) throw new IOException("corrupt data: " + total + " delta-encoded values where " + count + " are needed");
        int perMiniblock = (int) (blockSize / miniblocks);
        long value = first;
        int done = 0;
        if (count > 0) raw[done++] = value;
        long left = total - 1;
        while (left > 0) {
            long minDelta = zigzag(varint(in, at, end));
            need(at[0], miniblocks, end);
            int widths = at[0];
            at[0] += (int) miniblocks;
            for (int m = 0; m < miniblocks && left > 0; m++) {
                int width = in[widths + m] & 0xff;
                if (width > 64) throw new IOException("corrupt data: a delta bit width of " + width);
                long bytes = (long) perMiniblock * width / 8;
                need(at[0], bytes, end);
                int n = (int) Math.min(perMiniblock, left);
                for (int i = 0; i < n; i++) {
                    value += minDelta + bits(in, at[0], (long) i * width, width);
                    if (done < count) raw[done++] = value;
                }
                left -= n;
                at[0] += (int) bytes;
            }
        }
        return at[0];
    }

    /** DELTA_LENGTH_BYTE_ARRAY: the lengths, DELTA_BINARY_PACKED, then the bytes one after the other. */
    static void deltaLengthBytes(byte[] in, int pos, int end, int count, Bytes out) throws IOException {
        long[] lengths = new long[count];
        int data = deltaBinaryPacked(in, pos, end, lengths, count);
        for (int i = 0; i < count; i++) {
            long length = lengths[i];
            if (length < 0) throw new IOException("corrupt data: a value of " + length + " bytes");
            need(data, length, end);
            out.accept(i, in, data, data + (int) length);
            data += (int) length;
        }
    }

    /** DELTA_BYTE_ARRAY: prefix lengths (DELTA_BINARY_PACKED), then suffixes (DELTA_LENGTH_BYTE_ARRAY). */
    static void deltaBytes(byte[] in, int pos, int end, int count, Bytes out) throws IOException {
        long[] prefixes = new long[count];
        int suffixes = deltaBinaryPacked(in, pos, end, prefixes, count);
        byte[][] previous = {new byte[64]};
        int[] previousLength = {0};
        deltaLengthBytes(in, suffixes, end, count, (i, bytes, from, to) -> {
            long prefix = prefixes[i];
            if (prefix < 0 || prefix > previousLength[0]) {
                throw new IOException("corrupt data: a prefix of " + prefix + " bytes of a " + previousLength[0] + "-byte value");
            }
            int length = (int) prefix + (to - from);
            byte[] value = previous[0].length >= length ? previous[0] : java.util.Arrays.copyOf(previous[0], 2 * length);
            System.arraycopy(bytes, from, value, (int) prefix, to - from);
            previous[0] = value;
            previousLength[0] = length;
            out.accept(i, value, 0, length);
        });
    }

    private static long bits(byte[] in, int base, long bitOffset, int width) {
        if (width == 0) return 0;
        long result = 0;
        int got = 0;
        long bit = bitOffset;
        while (got < width) {
            int b = in[base + (int) (bit >>> 3)] & 0xff;
            int shift = (int) (bit & 7);
            int take = Math.min(8 - shift, width - got);
            result |= (long) ((b >>> shift) & ((1 << take) - 1)) << got;
            got += take;
            bit += take;
        }
        return result;
    }

    private static long varint(byte[] in, int[] at, int end) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= end) throw ended();
            int b = in[at[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new IOException("corrupt data: a varint longer than 10 bytes");
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static void need(int pos, long bytes, int end) throws IOException {
        if (bytes < 0 || pos + bytes > end) throw ended();
    }

    private static IOException ended() {
        return new IOException("corrupt data: the file ends inside a column chunk or page (truncated or damaged)");
    }
}
