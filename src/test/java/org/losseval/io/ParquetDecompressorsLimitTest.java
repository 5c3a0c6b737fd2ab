package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * Issue 11, item 5: a page that declares a size larger than it can be is refused before anything is
 * allocated from that size (a flipped byte in a page header once meant an array of gigabytes).
 */
class ParquetDecompressorsLimitTest {
    private final ParquetDecompressors codecs = new ParquetDecompressors();

    @Test
    void aPageDeclaringMoreThanOneGibibyteIsRefused() throws IOException {
        byte[] compressed = Snappy.compress(new byte[100]);
        for (CompressionCodecName codec : new CompressionCodecName[] {CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP, CompressionCodecName.ZSTD}) {
            IOException e = assertThrows(IOException.class, () -> codecs.getDecompressor(codec)
                    .decompress(BytesInput.from(compressed), ParquetDecompressors.MAX_PAGE_BYTES + 1));
            assertEquals("corrupt page: it declares 1073741825 bytes uncompressed (at most 1073741824 are read)",
                    e.getMessage(), codec.name());
            IOException negative = assertThrows(IOException.class, () -> codecs.getDecompressor(codec)
                    .decompress(BytesInput.from(compressed), -5));
            assertEquals("corrupt page: it declares -5 bytes uncompressed (at most 1073741824 are read)",
                    negative.getMessage(), codec.name());
        }
    }

    @Test
    void aSnappyPageWhoseHeaderDisagreesWithItsDataIsRefusedBeforeAllocating() throws IOException {
        byte[] compressed = Snappy.compress(new byte[100]);
        IOException e = assertThrows(IOException.class, () -> codecs.getDecompressor(CompressionCodecName.SNAPPY)
                .decompress(BytesInput.from(compressed), 500_000_000));
        assertEquals("corrupt page: its header declares 500000000 bytes uncompressed, its snappy data 100", e.getMessage());
    }

    @Test
    void aPageOfTheDeclaredSizeDecompresses() throws IOException {
        byte[] data = new byte[100];
        data[7] = 3;
        BytesInput out = codecs.getDecompressor(CompressionCodecName.SNAPPY).decompress(BytesInput.from(Snappy.compress(data)), 100);
        assertEquals(3, out.toByteArray()[7]);
    }
}
