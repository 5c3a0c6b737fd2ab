package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.ParquetTestFiles.Codec;
import org.losseval.io.ParquetTestFiles.Options;

/**
 * Issue 11, defect 2: one stored double changed in a page that carries a CRC gave a wrong MSE with exit 0,
 * because page checksums were not verified. Files are written by parquet-java with page CRCs, uncompressed
 * and in two row groups, so the stored doubles are found by their bytes and one of them is changed.
 */
class ParquetChecksumTest {
    private static final InputStream NO_STDIN = InputStream.nullInputStream();
    /** A value whose 8 little-endian bytes occur once in the file (neither a minimum nor a maximum, which statistics repeat). */
    private static final double MARKED = 5.4321;

    @TempDir
    Path dir;

    @Test
    void aChangedDoubleInAPageWithACrcIsACorruptPageNamingRowGroupAndColumn() throws Exception {
        Path file = write("crc.parquet", Options.defaults().codec(Codec.UNCOMPRESSED).rowGroupRows(3));
        flipLowByteOf(file, MARKED);

        InputException e = assertThrows(InputException.class, () -> readAll(file, List.of("pred", "target")));

        // MARKED is target's 5th value: the second row group (rows 4 to 6).
        assertEquals(file + ": row 4: column 'target': corrupt page in row group 2: its checksum (CRC) does not"
                + " match its bytes", e.getMessage());
    }

    @Test
    void anUntouchedFileWithCrcsReadsAsWritten() throws Exception {
        Path file = write("intact.parquet", Options.defaults().codec(Codec.UNCOMPRESSED).rowGroupRows(3));

        assertArrayEquals(target(), readAll(file, List.of("target")));
    }

    /** What the README says: without CRCs a changed value cannot be detected and is read as changed. */
    @Test
    void withoutCrcsAChangedDoubleCannotBeDetected() throws Exception {
        Path file = write("nocrc.parquet", Options.defaults().codec(Codec.UNCOMPRESSED).rowGroupRows(3)
                .pageChecksums(false));
        flipLowByteOf(file, MARKED);

        double[] read = readAll(file, List.of("target"));

        // The lowest mantissa bit flipped: one ulp away, read without complaint.
        assertEquals(Double.longBitsToDouble(Double.doubleToLongBits(MARKED) ^ 1), read[4]);
        assertNotEquals(MARKED, read[4]);
    }

    private Path write(String name, Options options) {
        double[] pred = {1, 2, 3, 4, 5, 6};
        return ParquetTestFiles.write(dir.resolve(name), List.of("pred", "target"), List.of(pred, target()), options);
    }

    private static double[] target() {
        return new double[] {1.5, 2.5, 3.5, 4.5, MARKED, 6.5};
    }

    /** Flips the lowest bit of the least significant byte of the one stored copy of {@code value}. */
    static void flipLowByteOf(Path file, double value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + 8 <= bytes.length; i++) {
            boolean match = true;
            for (int k = 0; k < 8 && match; k++) match = bytes[i + k] == pattern[k];
            if (match) found.add(i);
        }
        // Page and chunk statistics repeat minima and maxima; the marked value is neither, so it is stored once.
        assertEquals(1, found.size(), "copies of the marked value in the file");
        bytes[found.get(0)] ^= 1;
        Files.write(file, bytes);
    }

    /** Every value of the first column asked for, through the real source. */
    private static double[] readAll(Path file, List<String> columns) throws InputException {
        List<Double> values = new ArrayList<>();
        try (Source source = Sources.open(file.toString(), NO_STDIN,
                new SourceOptions(columns, null, 2, SourceOptions.DEFAULT_MAX_RECORD_CHARS))) {
            ColumnBatch batch;
            while ((batch = source.next()) != null) {
                double[] column = batch.column(columns.get(columns.size() - 1));
                for (int i = 0; i < batch.size(); i++) values.add(column[i]);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
