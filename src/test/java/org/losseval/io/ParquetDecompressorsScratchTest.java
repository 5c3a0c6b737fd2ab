package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * A reader decompresses each page into the array of the page before (ParquetColumnCursor): the page is then the
 * first bytes of a longer array holding the earlier page's bytes after them. Pages are compressed by the codec
 * libraries themselves (snappy-java, zstd-jni, aircompressor's LZ4, the JDK's gzip), the expected bytes are
 * the input.
 */
class ParquetDecompressorsScratchTest {
    private static final byte[] PAGE = page(5_000, 1);

    @Test
    void aPageDecompressesIntoTheFirstBytesOfALongerScratchArray() throws IOException {
        for (CompressionCodec codec : new CompressionCodec[] {CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY,
            CompressionCodec.ZSTD, CompressionCodec.LZ4_RAW}) {
            byte[] compressed = compress(codec, PAGE);
            byte[] scratch = new byte[8_000];
            Arrays.fill(scratch, (byte) 0x5a);
            byte[] out = ParquetDecompressors.decompress(codec, compressed, 0, compressed.length, PAGE.length, scratch);
            assertSame(scratch, out, codec.name());
            assertArrayEquals(PAGE, Arrays.copyOf(out, PAGE.length), codec.name());
            // Past the page the array is as it was: decoders are given the page's size as their end.
            for (int i = PAGE.length; i < scratch.length; i++) assertEquals((byte) 0x5a, out[i], codec.name());
        }
    }

    @Test
    void aScratchArrayTooShortIsReplacedByOneOfExactlyThePageSize() throws IOException {
        for (CompressionCodec codec : new CompressionCodec[] {CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY,
            CompressionCodec.ZSTD, CompressionCodec.LZ4_RAW, CompressionCodec.GZIP}) {
            byte[] compressed = compress(codec, PAGE);
            byte[] scratch = new byte[PAGE.length - 1];
            byte[] out = ParquetDecompressors.decompress(codec, compressed, 0, compressed.length, PAGE.length, scratch);
            assertNotSame(scratch, out, codec.name());
            assertArrayEquals(PAGE, out, codec.name());
        }
    }

    @Test
    void gzipReturnsANewArrayWhateverTheScratch() throws IOException {
        byte[] compressed = compress(CompressionCodec.GZIP, PAGE);
        byte[] scratch = new byte[10_000];
        Arrays.fill(scratch, (byte) 0x5a);
        byte[] out = ParquetDecompressors.decompress(CompressionCodec.GZIP, compressed, 0, compressed.length,
                PAGE.length, scratch);
        assertNotSame(scratch, out);
        assertArrayEquals(PAGE, out); // the page's bytes, and its length exactly
        // The scratch array is not written either (a copy out of it would pass the two checks above).
        for (int i = 0; i < scratch.length; i++) assertEquals((byte) 0x5a, scratch[i], "scratch byte " + i);
    }

    @Test
    void aPageShorterThanDeclaredIsAnErrorEvenWithRoomInTheScratchArray() throws IOException {
        byte[] compressed = compress(CompressionCodec.LZ4_RAW, PAGE);
        IOException e = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(CompressionCodec.LZ4_RAW,
                compressed, 0, compressed.length, PAGE.length + 10, new byte[8_000]));
        assertEquals("LZ4_RAW page decompressed to 5000 bytes, expected 5010", e.getMessage());
        byte[] snappy = compress(CompressionCodec.SNAPPY, PAGE);
        IOException s = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(CompressionCodec.SNAPPY,
                snappy, 0, snappy.length, PAGE.length - 10, new byte[8_000]));
        assertEquals("corrupt page: its header declares 4990 bytes uncompressed, its snappy data 5000", s.getMessage());
    }

    /** Bytes that compress somewhat (runs of a few values), so the codecs emit copies as well as literals. */
    private static byte[] page(int n, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : i % 7);
        return bytes;
    }

    private static byte[] compress(CompressionCodec codec, byte[] raw) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> raw.clone();
            case SNAPPY -> Snappy.compress(raw);
            case ZSTD -> Zstd.compress(raw);
            case LZ4_RAW -> {
                io.airlift.compress.lz4.Lz4Compressor lz4 = new io.airlift.compress.lz4.Lz4Compressor();
                byte[] out = new byte[lz4.maxCompressedLength(raw.length)];
                yield Arrays.copyOf(out, lz4.compress(raw, 0, raw.length, out, 0, out.length));
            }
            case GZIP -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                    out.write(raw);
                }
                yield bytes.toByteArray();
            }
            default -> throw new IllegalArgumentException(codec.name());
        };
    }
}
