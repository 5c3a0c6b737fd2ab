package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParquetThrift} against Apache Parquet's own {@link Util}, the reference it replaces: on footers and page
 * headers of files written by parquet-java, whole, cut short at every length and with random bytes changed,
 * both decode the same structure (the same fields, as their {@code toString} prints them) to the same end, or
 * both fail and {@link ParquetErrors#describe} says the same words; and what it writes is Util's bytes.
 */
class ParquetThriftTest {
    @TempDir
    Path dir;

    @Test
    void readsFootersAsUtilDoes() throws IOException {
        byte[] footer = ParquetTestFiles.footerBytes(file());
        assertEquals(Util.readFileMetaData(new ByteArrayInputStream(footer)), ParquetThrift.readFooter(footer, 0, footer.length));
        int failures = 0;
        for (int cut = 0; cut < footer.length; cut++) {
            failures += sameOutcome(Arrays.copyOf(footer, cut), true) ? 1 : 0;
        }
        assertTrue(failures > footer.length / 2, "most cuts fail: " + failures + " of " + footer.length);
        Random random = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = footer.clone();
            for (int k = 0; k <= trial % 3; k++) damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            sameOutcome(damaged, true);
        }
    }

    @Test
    void readsPageHeadersAsUtilDoes() throws IOException {
        Path file = file();
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(ParquetTestFiles.footerBytes(file)));
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> headers = new ArrayList<>();
        for (var group : meta.getRow_groups()) {
            for (var chunk : group.getColumns()) {
                int at = (int) ParquetChunk.start(chunk.getMeta_data());
                ByteArrayInputStream in = new ByteArrayInputStream(bytes, at, bytes.length - at);
                Util.readPageHeader(in);
                int end = bytes.length - in.available();
                headers.add(Arrays.copyOfRange(bytes, at, end));
                // The header read in place, with the page's bytes after it: the same header, the same end.
                ParquetThrift.Read<PageHeader> read = ParquetThrift.readPageHeader(bytes, at, bytes.length);
                assertEquals(Util.readPageHeader(new ByteArrayInputStream(bytes, at, bytes.length - at)), read.value());
                assertEquals(end, read.end());
            }
        }
        Random random = new Random(7);
        for (byte[] header : headers) {
            for (int cut = 0; cut < header.length; cut++) sameOutcome(Arrays.copyOf(header, cut), false);
            for (int trial = 0; trial < 200; trial++) {
                byte[] damaged = header.clone();
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                sameOutcome(damaged, false);
            }
        }
    }

    @Test
    void refusesANegativePageSizeInUtilsWords() throws IOException {
        PageHeader header = new PageHeader(org.apache.parquet.format.PageType.DATA_PAGE, 10, -5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writePageHeader(header, out);
        byte[] bytes = out.toByteArray();
        IOException ours = assertThrows(IOException.class, () -> ParquetThrift.readPageHeader(bytes, 0, bytes.length));
        RuntimeException utils = assertThrows(RuntimeException.class, () -> Util.readPageHeader(new ByteArrayInputStream(bytes)));
        assertEquals("Compressed page size must not be negative but was: -5", ours.getMessage());
        assertEquals(utils.getMessage(), ours.getMessage());
    }

    @Test
    void writesUtilsBytes() throws IOException {
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(ParquetTestFiles.footerBytes(file())));
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream utils = new ByteArrayOutputStream();
        ParquetThrift.write(footer, ours);
        Util.writeFileMetaData(footer, utils);
        assertArrayEquals(utils.toByteArray(), ours.toByteArray());
    }

    /**
     * Decodes {@code bytes} both ways: equal structures and ends, or the same described error (and both fail).
     *
     * @return whether it failed
     */
    private static boolean sameOutcome(byte[] bytes, boolean footer) {
        Object reference;
        int referenceEnd = -1;
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            reference = footer ? Util.readFileMetaData(in) : Util.readPageHeader(in);
            referenceEnd = bytes.length - in.available();
        } catch (IOException | RuntimeException e) {
            reference = ParquetErrors.describe(e);
        }
        Object ours;
        int oursEnd = -1;
        try {
            if (footer) {
                ours = ParquetThrift.readFooter(bytes, 0, bytes.length);
                oursEnd = referenceEnd; // a footer's end is not asked for
            } else {
                ParquetThrift.Read<PageHeader> read = ParquetThrift.readPageHeader(bytes, 0, bytes.length);
                ours = read.value();
                oursEnd = read.end();
            }
        } catch (IOException | RuntimeException e) {
            ours = ParquetErrors.describe(e);
        }
        // Thrift's generated equals fails on some damaged structures (a union with no member), its toString does
        // not, and it prints every field set.
        assertEquals(String.valueOf(reference), String.valueOf(ours), () -> "bytes " + Arrays.toString(bytes));
        assertEquals(referenceEnd, oursEnd);
        return reference instanceof String;
    }

    private Path file() {
        double[] a = new double[3000];
        double[] b = new double[3000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.25;
            b[i] = i % 7;
        }
        return ParquetTestFiles.write(dir.resolve("t.parquet"), List.of("pred", "target"), List.of(a, b),
                ParquetTestFiles.Options.defaults().rowGroupRows(1000).nullable(true));
    }
}
