package org.losseval.text;

import java.nio.charset.StandardCharsets;

/**
 * The one routine that puts text or bytes read from a file into a message: every character a terminal
 * would act on or cannot show is escaped, and the result is capped in length, so a binary file, a NUL byte
 * or invalid UTF-8 can neither garble the terminal nor flood it.
 *
 * <p>Escapes: {@code \t}, {@code \r}, {@code \n}, {@code \\}, other C0 controls and DEL as {@code \xNN}; for
 * bytes, each byte that is not part of a well-formed UTF-8 sequence as {@code \xNN}; for text, the
 * replacement character U+FFFD (what a decoder made of invalid bytes), C1 controls, unpaired surrogates,
 * the byte-order mark and the line and paragraph separators as {@code \}{@code uNNNN}. Everything else
 * (printable ASCII and well-formed non-ASCII text) is kept. At most {@link #MAX_CHARS} characters of the
 * result are shown, then "…".
 *
 * <p>Cost: linear in the shown part only (the scan stops at the cap). Thread-safe: no state.
 */
public final class Untrusted {
    /** The longest escaped text a message shows: enough to recognise a value, short enough for one line. */
    public static final int MAX_CHARS = 60;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Untrusted() {}

    /** {@code text} escaped and capped. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8);
        for (int i = 0; i < text.length(); ) {
            if (out.length() >= MAX_CHARS) return out.append('…').toString();
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                ascii(cp, out);
            } else if (shownAsIs(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) out.append(HEX[(cp >> shift) & 0xf]);
            }
        }
        return out.toString();
    }

    /** The bytes {@code from} to {@code to} of {@code bytes}, decoded where they are well-formed UTF-8, escaped and capped. */
    public static String bytes(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder(Math.min(to - from, MAX_CHARS) + 8);
        int i = from;
        while (i < to) {
            if (out.length() >= MAX_CHARS) return out.append('…').toString();
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                ascii(b, out);
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                byteEscape(b, out);
                i++;
            } else {
                out.append(text(new String(bytes, i, length, StandardCharsets.UTF_8)));
                i += length;
            }
        }
        return out.toString();
    }

    /** The length of the well-formed UTF-8 sequence starting at {@code i} (RFC 3629: no overlongs, no surrogates), or 0. */
    private static int sequenceLength(byte[] b, int i, int to) {
        int lead = b[i] & 0xff;
        int length;
        int min;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
            min = 0x80;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            min = 0x800;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > to) return 0;
        int cp = lead & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            int next = b[i + k] & 0xff;
            if ((next & 0xc0) != 0x80) return 0;
            cp = (cp << 6) | (next & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
        return length;
    }

    private static boolean shownAsIs(int cp) {
        if (cp >= 0x80 && cp <= 0x9f) return false;                 // C1 controls
        if (cp >= 0xd800 && cp <= 0xdfff) return false;             // unpaired surrogates
        return cp != 0xfffd && cp != 0xfeff && cp != 0x2028 && cp != 0x2029;
    }

    private static void ascii(int c, StringBuilder out) {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7f) byteEscape(c, out);
                else out.append((char) c);
            }
        }
    }

    private static void byteEscape(int b, StringBuilder out) {
        out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }
}
