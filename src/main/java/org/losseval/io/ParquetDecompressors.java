package org.losseval.io;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.format.CompressionCodec;

/**
 * Decompresses Parquet pages: our own {@link SnappyBlock} and {@link Lz4Block} for SNAPPY and LZ4_RAW, the JDK
 * for GZIP, zstd-jni (native) for ZSTD; UNCOMPRESSED passes through.
 *
 * <p>Why these: snappy and LZ4 blocks are small formats, decoded here in pure Java without
 * {@code sun.misc.Unsafe} (aircompressor's pure-Java decoders use it, and JDK 24 and later print a warning on
 * stderr for that at every run) and without snappy-java's 2.3 MB of natives. Zstd is not small: zstd-jni's
 * native decoder, its natives cut to the common platforms in the jar (see the pom). Each page carries its
 * uncompressed size, so every decoder writes into an exactly sized array. LZO, BROTLI and the deprecated
 * Hadoop-framed LZ4 are reported as unsupported, naming the codec.
 *
 * <p>A page declaring more than {@link #MAX_PAGE_BYTES} uncompressed bytes, or (snappy, zstd) a size its data
 * contradicts, is refused before anything is allocated for it. Thread-safe: the decoders keep no state.
 */
final class ParquetDecompressors {
    /**
     * The largest uncompressed page read (1 GiB): writers cut pages at about 1 MiB, so a page header claiming
     * more is corrupt, and refusing it keeps a flipped size byte from allocating gigabytes.
     */
    static final int MAX_PAGE_BYTES = 1 << 30;

    private ParquetDecompressors() {}

    /** Checks {@code uncompressedSize} against {@link #MAX_PAGE_BYTES} (also for uncompressed pages). */
    static void checkDeclaredSize(int uncompressedSize) throws IOException {
        if (uncompressedSize < 0 || uncompressedSize > MAX_PAGE_BYTES) {
            throw new IOException("corrupt page: it declares " + uncompressedSize + " bytes uncompressed (at most "
                    + MAX_PAGE_BYTES + " are read)");
        }
    }

    /** The {@code uncompressedSize} bytes that {@code in[from, from + length)} decompress to with {@code codec}. */
    static byte[] decompress(CompressionCodec codec, byte[] in, int from, int length, int uncompressedSize)
            throws IOException {
        checkDeclaredSize(uncompressedSize);
        byte[] out;
        switch (codec) {
            case UNCOMPRESSED -> {
                checkSize(codec, length, uncompressedSize);
                out = new byte[length];
                System.arraycopy(in, from, out, 0, length);
            }
            case SNAPPY -> {
                // Snappy data starts with its own length: a page header that disagrees is corrupt.
                long actual = SnappyBlock.declaredLength(in, from, from + length);
                if (actual != uncompressedSize) {
                    throw new IOException("corrupt page: its header declares " + uncompressedSize
                            + " bytes uncompressed, its snappy data " + actual);
                }
                out = new byte[uncompressedSize];
                SnappyBlock.decompress(in, from, length, out);
            }
            case GZIP -> {
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in, from, length))) {
                    out = gzip.readNBytes(uncompressedSize);
                }
                checkSize(codec, out.length, uncompressedSize);
            }
            case ZSTD -> {
                out = new byte[uncompressedSize];
                long n;
                try {
                    n = Zstd.decompressByteArray(out, 0, out.length, in, from, length);
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    // The jar carries zstd's native library for the common platforms only (see the pom).
                    throw new IOException("compression codec ZSTD needs a native library that losseval does not carry for "
                            + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                            + "; convert the file to snappy or gzip first", e);
                }
                if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
                checkSize(codec, n, uncompressedSize);
            }
            case LZ4_RAW -> {
                out = new byte[uncompressedSize];
                Lz4Block.decompress(in, from, length, out);
            }
            default -> throw new IOException("compression codec " + codec
                    + " is not supported; supported are UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
        }
        return out;
    }

    private static void checkSize(CompressionCodec codec, long actual, int expected) throws IOException {
        if (actual != expected) {
            throw new IOException(codec + " page decompressed to " + actual + " bytes, expected " + expected);
        }
    }
}
