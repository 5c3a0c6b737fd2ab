package org.losseval.io;

import java.io.IOException;

/**
 * The RLE / bit-packing hybrid encoding of Parquet (format's {@code Encodings.md}, "Run Length Encoding /
 * Bit-Packing Hybrid"), used for definition and repetition levels, dictionary indices and (in data pages v2)
 * booleans: a sequence of runs, each headed by an unsigned LEB128 varint h. When h is even, h/2 copies of one
 * value follow, stored in ceil(width/8) little-endian bytes; when h is odd, h/2 groups of 8 values follow,
 * bit-packed least significant bit first in {@code width} bytes a group.
 *
 * <p>The counts in a run header are untrusted: nothing is allocated from them, a run is cut at the number of
 * values wanted, and data that ends before that many values is an IOException ("corrupt data: ...").
 * Thread-safe: no state.
 */
final class ParquetRle {
    private ParquetRle() {}

    /** The bit width of levels up to {@code max}: 0 for 0, 1 for 1, 2 for 2 and 3, … */
    static int widthOf(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /**
     * Decodes {@code count} values of {@code width} bits (0 to 32) from {@code in[from, end)} into
     * {@code out[0, count)}.
     *
     * @return the position after the last run read
     */
    static int decode(byte[] in, int from, int end, int width, int[] out, int count) throws IOException {
        if (width < 0 || width > 32) throw new IOException("corrupt data: a bit width of " + width);
        int pos = from;
        int done = 0;
        int valueBytes = (width + 7) >>> 3;
        while (done < count) {
            // The run header: an unsigned LEB128 varint of at most 5 bytes.
            long header = 0;
            int shift = 0;
            while (true) {
                if (pos >= end) throw ended();
                int b = in[pos++];
                header |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
                if (shift > 35) throw new IOException("corrupt data: a run header longer than 5 bytes");
            }
            if ((header & 1) == 0) {
                long run = header >>> 1;
                if (run == 0) throw new IOException("corrupt data: an empty run");
                if (pos + valueBytes > end) throw ended();
                int value = 0;
                for (int b = 0; b < valueBytes; b++) value |= (in[pos + b] & 0xff) << (8 * b);
                pos += valueBytes;
                int n = (int) Math.min(run, count - done);
                java.util.Arrays.fill(out, done, done + n, value);
                done += n;
            } else {
                long groups = header >>> 1;
                long bytes = groups * width;
                // Writers may end a page's last group early; only what the page holds must be present.
                long values = groups * 8;
                int n = (int) Math.min(values, count - done);
                int needed = (int) (((long) n * width + 7) >>> 3);
                if (pos + needed > end) throw ended();
                unpack(in, pos, width, out, done, n);
                done += n;
                pos += (int) Math.min(bytes, end - pos);
            }
        }
        return pos;
    }

    /** Unpacks {@code n} values of {@code width} bits, least significant bit first, from {@code in[pos..]}. */
    static void unpack(byte[] in, int pos, int width, int[] out, int at, int n) {
        if (width == 0) {
            java.util.Arrays.fill(out, at, at + n, 0);
            return;
        }
        if (width == 1) {
            for (int i = 0; i < n; i++) out[at + i] = (in[pos + (i >>> 3)] >>> (i & 7)) & 1;
            return;
        }
        long mask = (1L << width) - 1;
        long buffer = 0;
        int bits = 0;
        int p = pos;
        for (int i = 0; i < n; i++) {
            while (bits < width) {
                buffer |= (long) (in[p++] & 0xff) << bits;
                bits += 8;
            }
            out[at + i] = (int) (buffer & mask);
            buffer >>>= width;
            bits -= width;
        }
    }

    private static IOException ended() {
        return new IOException("corrupt data: the file ends inside a column chunk or page (truncated or damaged)");
    }
}
