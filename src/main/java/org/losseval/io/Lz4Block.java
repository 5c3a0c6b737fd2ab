package org.losseval.io;

import java.io.IOException;

/**
 * Decompresses one raw LZ4 block (LZ4's {@code lz4_Block_format.md}), as Parquet stores an LZ4_RAW page: a
 * sequence of a token (high 4 bits a literal length, low 4 bits a match length less 4, each extended by bytes
 * of 255 and a final byte when 15), the literals, and a 2-byte little-endian offset of the match in earlier
 * output; the last sequence has literals only.
 *
 * <p>Our own for the reasons {@link SnappyBlock} gives. Every length and offset is checked: damaged data is an
 * IOException. Thread-safe: no state.
 */
final class Lz4Block {
    private Lz4Block() {}

    /**
     * Decompresses {@code in[from, from + length)} into {@code out[0, outLength)}, which must be exactly the
     * declared length; {@code out} may be longer (a reader's page array reused from page to page).
     */
    static void decompress(byte[] in, int from, int length, byte[] out, int outLength) throws IOException {
        int end = from + length;
        int pos = from;
        int op = 0;
        while (true) {
            if (pos >= end) throw corrupt();
            int token = in[pos++] & 0xff;
            long literal = token >>> 4;
            if (literal == 15) {
                int b;
                do {
                    if (pos >= end) throw corrupt();
                    b = in[pos++] & 0xff;
                    literal += b;
                } while (b == 255);
            }
            if (literal > end - pos || literal > outLength - op) throw corrupt();
            System.arraycopy(in, pos, out, op, (int) literal);
            pos += (int) literal;
            op += (int) literal;
            if (pos == end) break;
            if (pos + 2 > end) throw corrupt();
            int offset = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
            pos += 2;
            long match = (token & 15);
            if (match == 15) {
                int b;
                do {
                    if (pos >= end) throw corrupt();
                    b = in[pos++] & 0xff;
                    match += b;
                } while (b == 255);
            }
            match += 4;
            if (offset == 0 || offset > op || match > outLength - op) throw corrupt();
            SnappyBlock.copy(out, op - offset, op, (int) match);
            op += (int) match;
        }
        if (op != outLength) throw new IOException("LZ4_RAW page decompressed to " + op + " bytes, expected " + outLength);
    }

    private static IOException corrupt() {
        return new IOException("corrupt page: its LZ4_RAW data cannot be decompressed");
    }
}
