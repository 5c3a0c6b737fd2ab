package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 9: bytes after the last gzip member were ignored silently, and a stream missing its
 * trailer said "cannot read: null". Streams are written by the JDK's {@link GZIPOutputStream}; small
 * buffers make members, headers and trailers straddle reads.
 */
class GzipStreamTest {
    private static final byte[] DATA = data();

    @Test
    void readsOneMemberWhateverTheBufferSize() throws IOException {
        for (int buffer : new int[] {1, 2, 7, 64, 1 << 16}) assertArrayEquals(DATA, read(gzip(DATA), buffer), "buffer " + buffer);
    }

    @Test
    void readsConcatenatedMembersAsGzipDoes() throws IOException {
        byte[] first = Arrays.copyOf(DATA, 1000);
        byte[] second = Arrays.copyOfRange(DATA, 1000, DATA.length);
        for (int buffer : new int[] {1, 13, 1 << 16}) {
            assertArrayEquals(DATA, read(concat(gzip(first), gzip(second)), buffer), "buffer " + buffer);
        }
    }

    @Test
    void readsAMemberWithNameCommentExtraAndHeaderCrc() throws IOException {
        byte[] plain = gzip(DATA);
        // FLG = FHCRC | FEXTRA | FNAME | FCOMMENT, then XLEN=2 "ab", "name\0", "comment\0", a 2-byte header CRC.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 3);
        out.write(2 | 4 | 8 | 16);
        out.write(plain, 4, 6);
        out.writeBytes(new byte[] {2, 0, 'a', 'b', 'n', 'a', 'm', 'e', 0, 'c', 'o', 'm', 0, 0x12, 0x34});
        out.write(plain, 10, plain.length - 10);
        assertArrayEquals(DATA, read(out.toByteArray(), 5));
    }

    @Test
    void bytesAfterTheLastMemberAreAnError() {
        for (byte[] tail : new byte[][] {{'x'}, new byte[512], {0x1f}, "junk after".getBytes()}) {
            IOException e = assertThrows(IOException.class, () -> read(concat(gzip(DATA), tail), 64));
            String expected = tail.length == 1 && tail[0] == 0x1f ? "truncated gzip stream: it ends inside a member header"
                    : "data after the end of the gzip stream (bytes that are not another gzip member)";
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    void aMissingTrailerSaysSo() {
        byte[] gz = gzip(DATA);
        IOException e = assertThrows(IOException.class, () -> read(Arrays.copyOf(gz, gz.length - 8), 64));
        assertEquals("truncated gzip stream: the trailer (CRC-32 and length) is missing", e.getMessage());
        IOException half = assertThrows(IOException.class, () -> read(Arrays.copyOf(gz, gz.length - 3), 64));
        assertEquals("truncated gzip stream: the trailer (CRC-32 and length) is missing", half.getMessage());
    }

    @Test
    void aStreamCutInsideTheDataSaysSo() {
        byte[] gz = gzip(DATA);
        IOException e = assertThrows(IOException.class, () -> read(Arrays.copyOf(gz, gz.length / 2), 64));
        assertEquals("truncated gzip stream: it ends inside compressed data", e.getMessage());
    }

    @Test
    void aWrongCrcOrLengthIsCorrupt() {
        byte[] crc = gzip(DATA);
        crc[crc.length - 8] ^= 1;
        assertEquals("corrupt gzip stream: the CRC-32 of the data does not match",
                assertThrows(IOException.class, () -> read(crc, 64)).getMessage());
        byte[] length = gzip(DATA);
        length[length.length - 1] ^= 1;
        assertEquals("corrupt gzip stream: the data length does not match the trailer",
                assertThrows(IOException.class, () -> read(length, 64)).getMessage());
    }

    @Test
    void notGzipAndEmptyAreSaidSo() {
        assertEquals("not in gzip format (it does not start with the gzip magic bytes 1f 8b)",
                assertThrows(IOException.class, () -> read("a,b\n".getBytes(), 64)).getMessage());
        assertEquals("empty gzip stream: no data at all",
                assertThrows(IOException.class, () -> read(new byte[0], 64)).getMessage());
    }

    private static byte[] read(byte[] gz, int buffer) throws IOException {
        try (InputStream in = new GzipStream(new ByteArrayInputStream(gz), buffer)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[37];
            int n;
            while ((n = in.read(chunk, 0, chunk.length)) >= 0) out.write(chunk, 0, n);
            return out.toByteArray();
        }
    }

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] data() {
        StringBuilder text = new StringBuilder("pred,target\n");
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) text.append(random.nextGaussian()).append(',').append(random.nextInt(100)).append('\n');
        return text.toString().getBytes();
    }
}
