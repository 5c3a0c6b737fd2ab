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
 * uncompressed size, so every decoder writes into an exactly sized array, or the first bytes of a reader's
 * reused page array. LZO, BROTLI and the deprecated
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
        return decompress(codec, in, from, length, uncompressedSize, null);
    }

    /**
     * Decompresses {@code in[from, from + length)} with {@code codec} into {@code scratch[0, uncompressedSize)}
     * when {@code scratch} is that long, else into a new array of exactly that size, and returns the array
     * written (a caller keeps it as its next scratch: one page array per column reader instead of one per page).
     * Sizes are checked as by the exact-size form before anything is allocated. GZIP always returns a new
     * array, grown as its stream is read (so a corrupt size declaring much is never allocated at once).
     */
    static byte[] decompress(CompressionCodec codec, byte[] in, int from, int length, int uncompressedSize,
                             byte[] scratch) throws IOException {
        checkDeclaredSize(uncompressedSize);
        byte[] out;
        switch (codec) {
            case UNCOMPRESSED -> {
                checkSize(codec, length, uncompressedSize);
                out = array(scratch, length);
                System.arraycopy(in, from, out, 0, length);
            }
            case SNAPPY -> {
                // Snappy data starts with its own length: a page header that disagrees is corrupt.
                long actual = SnappyBlock.declaredLength(in, from, from + length);
                if (actual != uncompressedSize) {
                    throw new IOException("corrupt page: its header declares " + uncompressedSize
                            + " bytes uncompressed, its snappy data " + actual);
                }
                out = array(scratch, uncompressedSize);
                SnappyBlock.decompress(in, from, length, out, uncompressedSize);
            }
            case GZIP -> {
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in, from, length))) {
                    out = gzip.readNBytes(uncompressedSize);
                }
                checkSize(codec, out.length, uncompressedSize);
            }
            case ZSTD -> {
                out = array(scratch, uncompressedSize);
                long n;
                try {
                    n = Zstd.decompressByteArray(out, 0, uncompressedSize, in, from, length);
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
                out = array(scratch, uncompressedSize);
                Lz4Block.decompress(in, from, length, out, uncompressedSize);
            }
            default -> throw new IOException("compression codec " + codec
                    + " is not supported; supported are UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW");
        }
        return out;
    }

    /** {@code scratch} when it holds {@code size} bytes, else a new array of exactly {@code size}. */
    static byte[] array(byte[] scratch, int size) {
        return scratch != null && scratch.length >= size ? scratch : new byte[size];
    }

    private static void checkSize(CompressionCodec codec, long actual, int expected) throws IOException {
        if (actual != expected) {
            throw new IOException(codec + " page decompressed to " + actual + " bytes, expected " + expected);
        }
    }
}
