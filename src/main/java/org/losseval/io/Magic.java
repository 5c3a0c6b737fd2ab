package org.losseval.io;

import java.io.IOException;
import java.io.InputStream;

/** Recognises inputs by their first bytes, without consuming them. */
final class Magic {
    /** How many bytes {@link #peek} must return for every test here. */
    static final int LENGTH = 4;

    private Magic() {}

    /** The first up to {@link #LENGTH} bytes of a stream that supports mark/reset, left unread. */
    static byte[] peek(InputStream in) throws IOException {
        in.mark(LENGTH);
        byte[] head = in.readNBytes(LENGTH);
        in.reset();
        return head;
    }

    /** gzip (RFC 1952): 0x1f 0x8b. */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** Parquet: the ASCII bytes "PAR1" start (and end) every file. */
    static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }
}
