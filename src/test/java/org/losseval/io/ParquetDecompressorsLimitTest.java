package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.parquet.format.CompressionCodec;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * Issue 11, item 5: a page that declares a size larger than it can be is refused before anything is
 * allocated from that size (a flipped byte in a page header once meant an array of gigabytes).
 */
class ParquetDecompressorsLimitTest {
    @Test
    void aPageDeclaringMoreThanOneGibibyteIsRefused() throws IOException {
        byte[] compressed = Snappy.compress(new byte[100]);
        for (CompressionCodec codec : new CompressionCodec[] {CompressionCodec.SNAPPY, CompressionCodec.GZIP,
            CompressionCodec.ZSTD, CompressionCodec.LZ4_RAW, CompressionCodec.UNCOMPRESSED}) {
            IOException e = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(codec, compressed, 0,
                    compressed.length, ParquetDecompressors.MAX_PAGE_BYTES + 1));
            assertEquals("corrupt page: it declares 1073741825 bytes uncompressed (at most 1073741824 are read)",
                    e.getMessage(), codec.name());
            IOException negative = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(codec,
                    compressed, 0, compressed.length, -5));
            assertEquals("corrupt page: it declares -5 bytes uncompressed (at most 1073741824 are read)",
                    negative.getMessage(), codec.name());
        }
    }

    @Test
    void aSnappyPageWhoseHeaderDisagreesWithItsDataIsRefusedBeforeAllocating() throws IOException {
        byte[] compressed = Snappy.compress(new byte[100]);
        IOException e = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(CompressionCodec.SNAPPY,
                compressed, 0, compressed.length, 500_000_000));
        assertEquals("corrupt page: its header declares 500000000 bytes uncompressed, its snappy data 100", e.getMessage());
    }

    @Test
    void aPageOfTheDeclaredSizeDecompresses() throws IOException {
        byte[] data = new byte[100];
        data[7] = 3;
        byte[] compressed = Snappy.compress(data);
        byte[] out = ParquetDecompressors.decompress(CompressionCodec.SNAPPY, compressed, 0, compressed.length, 100);
        assertEquals(3, out[7]);
    }

    @Test
    void damagedCompressedDataIsAnInputErrorNotACrash() throws IOException {
        byte[] compressed = Snappy.compress(new byte[1000]);
        // Keep the length prefix, damage the rest: a copy reaching before the start of the output.
        for (int i = 2; i < compressed.length; i++) compressed[i] = (byte) 0xff;
        IOException e = assertThrows(IOException.class, () -> ParquetDecompressors.decompress(CompressionCodec.SNAPPY,
                compressed, 0, compressed.length, 1000));
        assertEquals("corrupt page: its SNAPPY data cannot be decompressed", e.getMessage());
    }
}
