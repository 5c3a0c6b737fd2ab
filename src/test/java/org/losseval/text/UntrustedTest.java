package org.losseval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 11, item 6: bytes from a file go into messages escaped and shortened, by one routine. */
class UntrustedTest {
    @Test
    void controlBytesAreEscaped() {
        assertEquals("a\\x00b\\x1b[31m\\t\\r\\n\\x7f\\\\", Untrusted.text("a\u0000b\u001b[31m\t\r\n\u007f\\"));
    }

    @Test
    void wellFormedNonAsciiTextIsKept() {
        assertEquals("préd μ 😀", Untrusted.text("préd μ 😀"));
    }

    @Test
    void replacementCharactersC1ControlsAndInvisibleMarksAreEscaped() {
        assertEquals("\\ufffd\\u0085\\ufeff\\u2028\\ud800", Untrusted.text("\uFFFD\u0085\uFEFF\u2028\uD800"));
    }

    @Test
    void invalidUtf8BytesAreEscapedByteByByte() {
        byte[] bytes = {'a', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, (byte) 0xc3, 'b', (byte) 0xe0, (byte) 0x80, (byte) 0x80,
            (byte) 0xed, (byte) 0xa0, (byte) 0x80, 0};
        // ff never starts a sequence; c3 a9 is é; a lone c3; e0 80 80 is an overlong; ed a0 80 a surrogate.
        assertEquals("a\\xffé\\xc3b\\xe0\\x80\\x80\\xed\\xa0\\x80\\x00", Untrusted.bytes(bytes, 0, bytes.length));
    }

    @Test
    void aSequenceCutAtTheEndIsEscaped() {
        byte[] bytes = "é".getBytes(StandardCharsets.UTF_8);
        assertEquals("\\xc3", Untrusted.bytes(bytes, 0, 1));
    }

    @Test
    void longTextIsCappedAtSixtyCharactersAndMarked() {
        assertEquals("x".repeat(60) + "…", Untrusted.text("x".repeat(1000)));
        assertEquals("x".repeat(60), Untrusted.text("x".repeat(60)));
        byte[] bytes = "y".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        assertEquals("y".repeat(60) + "…", Untrusted.bytes(bytes, 0, bytes.length));
    }

    @Test
    void theCapCountsEscapes() {
        assertEquals("\\x00".repeat(15) + "…", Untrusted.text("\u0000".repeat(100)));
    }
}
