package org.losseval.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Decompresses Parquet pages with the codec libraries directly: snappy-java for SNAPPY, the JDK for GZIP,
 * zstd-jni for ZSTD; UNCOMPRESSED passes through.
 *
 * <p>Why not parquet-hadoop's own {@code CodecFactory}: it builds Hadoop codecs through a Hadoop
 * {@code Configuration}, whose class initialisation needs woodstox, commons-collections4, Hadoop's shaded
 * Guava and more. Going direct keeps Hadoop's transitive dependencies out of the jar and out of the
 * start-up time. Each page carries its uncompressed size, so every decoder writes into an exactly sized
 * array. Other codecs (LZO, BROTLI, LZ4, LZ4_RAW) are reported as unsupported, naming the codec.
 *
 * <p>A page declaring more than {@link #MAX_PAGE_BYTES} uncompressed bytes, or (snappy) a size its data
 * contradicts, is refused before anything is allocated for it.
 *
 * <p>This factory only reads: asking it for a compressor is a programming error.
 */
final class ParquetDecompressors implements CompressionCodecFactory {
    /**
     * The largest uncompressed page read (1 GiB): writers cut pages at about 1 MiB, so a page header claiming
     * more is corrupt, and refusing it keeps a flipped size byte from allocating gigabytes.
     */
    static final int MAX_PAGE_BYTES = 1 << 30;

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("losseval only reads Parquet");
    }

    @Override
    public void release() {
        // Nothing pooled: every page is decoded into a fresh array.
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput compressed, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) return compressed;
            return BytesInput.from(decode(compressed.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(codec == CompressionCodecName.UNCOMPRESSED ? compressed : decode(compressed, uncompressedSize));
        }

        private byte[] decode(byte[] compressed, int uncompressedSize) throws IOException {
            // A corrupt page header must not make us allocate what it claims: refuse absurd sizes first.
            if (uncompressedSize < 0 || uncompressedSize > MAX_PAGE_BYTES) {
                throw new IOException("corrupt page: it declares " + uncompressedSize + " bytes uncompressed (at most "
                        + MAX_PAGE_BYTES + " are read)");
            }
            byte[] out;
            switch (codec) {
                case SNAPPY -> {
                    // Snappy data starts with its own length: a page header that disagrees is corrupt.
                    int actual = Snappy.uncompressedLength(compressed);
                    if (actual != uncompressedSize) {
                        throw new IOException("corrupt page: its header declares " + uncompressedSize
                                + " bytes uncompressed, its snappy data " + actual);
                    }
                    out = new byte[uncompressedSize];
                    int n = Snappy.uncompress(compressed, 0, compressed.length, out, 0);
                    checkSize(n, uncompressedSize);
                }
                case GZIP -> {
                    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                        out = in.readNBytes(uncompressedSize);
                    }
                    checkSize(out.length, uncompressedSize);
                }
                case ZSTD -> {
                    out = new byte[uncompressedSize];
                    long n = Zstd.decompress(out, compressed);
                    if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
                    checkSize(n, uncompressedSize);
                }
                default -> throw new IOException("compression codec " + codec
                        + " is not supported; supported are UNCOMPRESSED, SNAPPY, GZIP and ZSTD");
            }
            return out;
        }

        private void checkSize(long actual, int expected) throws IOException {
            if (actual != expected) {
                throw new IOException(codec + " page decompressed to " + actual + " bytes, expected " + expected);
            }
        }

        @Override
        public void release() {
            // Nothing pooled.
        }
    }
}
