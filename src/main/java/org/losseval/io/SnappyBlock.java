package org.losseval.io;

import java.io.IOException;

/**
 * Decompresses one raw snappy block (Google's {@code format_description.txt}), as Parquet stores a SNAPPY page:
 * a varint of the uncompressed length, then elements, each a tag byte whose low two bits say what follows: a
 * literal (its length in the tag, or in 1 to 4 bytes after it), or a copy of earlier output (length and offset
 * in the tag and 1, 2 or 4 bytes after it).
 *
 * <p>Why our own: the pure-Java alternative (aircompressor) uses {@code sun.misc.Unsafe}, which JDK 24 and later
 * warn about on stderr at every run, and the native one (snappy-java) costs 2.3 MB of jar; the format is this
 * small. Every length and offset is checked before use: damaged data is an IOException, never an index out of
 * bounds or a read of another page's bytes. Thread-safe: no state.
 */
final class SnappyBlock {
    private SnappyBlock() {}

    /** The uncompressed length the block at {@code in[from..]} declares, or -1 when its varint is malformed. */
    static long declaredLength(byte[] in, int from, int end) {
        long result = 0;
        for (int shift = 0, pos = from; shift <= 28 && pos < end; shift += 7, pos++) {
            int b = in[pos] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
        return -1;
    }

    /**
     * Decompresses {@code in[from, from + length)} into {@code out[0, outLength)}, which must be exactly the
     * declared length; {@code out} may be longer (a reader's page array reused from page to page).
     */
    static void decompress(byte[] in, int from, int length, byte[] out, int outLength) throws IOException {
        int end = from + length;
        int pos = from;
        while (pos < end && (in[pos] & 0x80) != 0) pos++;
        pos++;
        int op = 0;
        while (pos < end) {
            int tag = in[pos++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int n = tag >>> 2;
                if (n >= 60) {
                    int bytes = n - 59;
                    if (pos + bytes > end) throw corrupt();
                    n = 0;
                    for (int b = 0; b < bytes; b++) n |= (in[pos + b] & 0xff) << (8 * b);
                    pos += bytes;
                }
                long literal = (n & 0xffffffffL) + 1;
                if (literal > end - pos || literal > outLength - op) throw corrupt();
                System.arraycopy(in, pos, out, op, (int) literal);
                pos += (int) literal;
                op += (int) literal;
                continue;
            }
            int n;
            int offset;
            if (kind == 1) {
                if (pos + 1 > end) throw corrupt();
                n = 4 + ((tag >>> 2) & 7);
                offset = ((tag >>> 5) << 8) | (in[pos++] & 0xff);
            } else if (kind == 2) {
                if (pos + 2 > end) throw corrupt();
                n = (tag >>> 2) + 1;
                offset = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
                pos += 2;
            } else {
                if (pos + 4 > end) throw corrupt();
                n = (tag >>> 2) + 1;
                offset = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8 | (in[pos + 2] & 0xff) << 16 | (in[pos + 3] & 0xff) << 24;
                pos += 4;
            }
            if (offset <= 0 || offset > op || n > outLength - op) throw corrupt();
            copy(out, op - offset, op, n);
            op += n;
        }
        if (op != outLength) throw new IOException("SNAPPY page decompressed to " + op + " bytes, expected " + outLength);
    }

    /** Copies {@code n} bytes from {@code out[from..]} to {@code out[to..]}; they overlap when the offset is below n. */
    static void copy(byte[] out, int from, int to, int n) {
        if (to - from >= n) {
            System.arraycopy(out, from, out, to, n);
            return;
        }
        for (int i = 0; i < n; i++) out[to + i] = out[from + i];
    }

    private static IOException corrupt() {
        return new IOException("corrupt page: its SNAPPY data cannot be decompressed");
    }
}
