package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte position and size a source gives the progress line: a CSV file's size and, once read, all its bytes
 * (for a .gz file its compressed ones); standard input's bytes without a size; nothing for Parquet.
 */
class SourcePositionTest {
    @TempDir
    Path dir;

    private static final SourceOptions OPTIONS = new SourceOptions(List.of("a"), null, 2, 1000);

    /** Reads {@code source} to its end and returns {bytes read, size}, closing it. */
    private static long[] readToEnd(Source source) throws Exception {
        try (source) {
            while (source.next() != null) {
                // only the position matters here
            }
            return new long[] {source.bytesRead(), source.bytesTotal()};
        }
    }

    @Test
    void aCsvFileIsReadToItsSize() throws Exception {
        // 2 + 5 × 2 = 12 bytes.
        Path csv = Files.writeString(dir.resolve("a.csv"), "a\n1\n2\n3\n4\n5\n");
        long[] position = readToEnd(Sources.open(csv.toString(), InputStream.nullInputStream(), OPTIONS));
        assertEquals(12, position[0]);
        assertEquals(12, position[1]);
    }

    @Test
    void aGzipFileCountsItsCompressedBytes() throws Exception {
        Path gz = dir.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a\n1\n2\n3\n4\n5\n".repeat(100).replace("\na\n", "\n").getBytes(StandardCharsets.UTF_8));
        }
        long[] position = readToEnd(Sources.open(gz.toString(), InputStream.nullInputStream(), OPTIONS));
        assertEquals(Files.size(gz), position[0]);
        assertEquals(Files.size(gz), position[1]);
    }

    @Test
    void standardInputHasBytesButNoSize() throws Exception {
        byte[] csv = "a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8);
        long[] position = readToEnd(Sources.open("-", new ByteArrayInputStream(csv), OPTIONS));
        assertEquals(8, position[0]);
        assertEquals(-1, position[1]);
    }

    @Test
    void parquetHasNeither() throws Exception {
        Path parquet = ParquetTestFiles.write(dir.resolve("a.parquet"), List.of("a"), List.of(new double[] {1, 2, 3}));
        long[] position = readToEnd(Sources.open(parquet.toString(), InputStream.nullInputStream(), OPTIONS));
        assertEquals(-1, position[0]);
        assertEquals(-1, position[1]);
    }
}
