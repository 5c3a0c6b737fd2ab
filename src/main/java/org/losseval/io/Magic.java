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

    /** How many leading bytes {@link #notText} looks at. */
    static final int TEXT_SNIFF = 512;

    /** The first up to {@code length} bytes of a stream that supports mark/reset, left unread. */
    static byte[] peek(InputStream in, int length) throws IOException {
        in.mark(length);
        byte[] head = in.readNBytes(length);
        in.reset();
        return head;
    }

    /**
     * Why the first bytes of a CSV input are not UTF-8 text, or null when they may be: a UTF-16 or UTF-32
     * byte-order mark (checked longest first: the UTF-32LE mark starts with UTF-16LE's), UTF-16 without one
     * (NUL bytes at every other position of ASCII text), a compressed archive other than gzip, or any NUL
     * byte. The message says what to do.
     */
    static String notText(byte[] head) {
        String encoding = null;
        if (startsWith(head, 0xff, 0xfe, 0x00, 0x00)) encoding = "UTF-32LE (byte-order mark ff fe 00 00)";
        else if (startsWith(head, 0x00, 0x00, 0xfe, 0xff)) encoding = "UTF-32BE (byte-order mark 00 00 fe ff)";
        else if (startsWith(head, 0xff, 0xfe)) encoding = "UTF-16LE (byte-order mark ff fe)";
        else if (startsWith(head, 0xfe, 0xff)) encoding = "UTF-16BE (byte-order mark fe ff)";
        else if (head.length >= 4 && head[1] == 0 && head[3] == 0 && head[0] != 0 && head[2] != 0) encoding = "UTF-16LE";
        else if (head.length >= 4 && head[0] == 0 && head[2] == 0 && head[1] != 0 && head[3] != 0) encoding = "UTF-16BE";
        if (encoding != null) {
            String from = encoding.startsWith("UTF-32") ? "UTF-32" : "UTF-16";
            return "text encoded as " + encoding + "; losseval reads UTF-8: convert it first, e.g. iconv -f " + from
                    + " -t UTF-8";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) return "a zip archive, not CSV text: unzip it first";
        if (startsWith(head, 'B', 'Z', 'h')) return "bzip2 data, not CSV text: decompress it first (bunzip2)";
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) return "xz data, not CSV text: decompress it first (unxz)";
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) return "zstd data, not CSV text: decompress it first (unzstd)";
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) return "binary data, not CSV text (a NUL byte at byte " + (i + 1) + ")";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) return false;
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) return false;
        }
        return true;
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
