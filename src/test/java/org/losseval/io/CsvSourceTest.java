package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.batch.CellIssue;
import org.losseval.batch.CellIssue.Problem;
import org.losseval.batch.ColumnBatch;

/**
 * CSV/TSV reading through {@link Sources#open}, on real files in a temporary directory. Expected values
 * are the numbers written into each file by hand.
 */
class CsvSourceTest {
    /** Decimal text parses to the nearest double, and that is what the file says: compare exactly. */
    private static final double EXACT = 0.0;
    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir Path dir;

    @Test
    void readsRequestedColumnsInOrderWithRowNumbers() throws Exception {
        Path file = write("p.csv", "id,pred,target\nx,1.5,2\ny,-3e2,0.25\n");

        List<ColumnBatch> batches = readAll(file.toString(), options(List.of("target", "pred")));

        assertEquals(1, batches.size());
        ColumnBatch batch = batches.get(0);
        assertEquals(List.of("target", "pred"), batch.columnNames());
        assertEquals(2, batch.size());
        assertEquals(1, batch.firstRow());
        assertArrayEquals(new double[] {1.5, -300}, head(batch, "pred"), EXACT);
        assertArrayEquals(new double[] {2, 0.25}, head(batch, "target"), EXACT);
        // "x" and "y" sit in a column nobody asked for: not parsed, so no issue.
        assertTrue(batch.issues().isEmpty());
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlines() throws Exception {
        Path file = write("q.csv", "note,a\n\"has, comma\",\"1\"\n\"two\nlines \"\"quoted\"\"\",2\n\"3,5\",\" 4 \"\n");
        CsvReaderAgreement.assertAgreeOnFile(file.toString(), options(List.of("a", "note")));

        try (Source source = Sources.open(file.toString(), NO_STDIN, options(List.of("a", "note")))) {
            ColumnBatch batch = source.next();
            assertArrayEquals(new double[] {1, 2, 4}, head(batch, "a"), EXACT);
            // The quoted newline did not start a new row: three rows, the third numbered 3.
            assertEquals(3, source.rowsRead());
            CellIssue third = batch.issueAt(2, "note");
            assertEquals(Problem.UNPARSABLE, third.problem());
            assertEquals("3,5", third.text());
        }
    }

    @Test
    void dropsByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFpred,target\n1,2\n").getBytes(StandardCharsets.UTF_8));

        ColumnBatch batch = readAll(file.toString(), options(List.of("pred"))).get(0);

        assertArrayEquals(new double[] {1}, head(batch, "pred"), EXACT);
    }

    @Test
    void tsvNamesChooseTabAndExplicitDelimiterWins() throws Exception {
        Path tsv = write("p.tsv", "a\tb\n1,5\t2\n");
        Path semicolon = write("p.txt", "a;b\n1;2\n");

        ColumnBatch fromTsv = readAll(tsv.toString(), options(List.of("b"))).get(0);
        ColumnBatch fromSemicolon = readAll(semicolon.toString(),
                new SourceOptions(List.of("a", "b"), ';', 10, 1000)).get(0);

        assertArrayEquals(new double[] {2}, head(fromTsv, "b"), EXACT);
        assertArrayEquals(new double[] {1}, head(fromSemicolon, "a"), EXACT);
        assertArrayEquals(new double[] {2}, head(fromSemicolon, "b"), EXACT);
    }

    @Test
    void gunzipsByNameAndTsvGzUsesTab() throws Exception {
        Path csvGz = dir.resolve("p.csv.gz");
        Files.write(csvGz, gzip("a,b\n1,2\n3,4\n"));
        Path tsvGz = dir.resolve("p.tsv.gz");
        Files.write(tsvGz, gzip("a\tb\n5\t6\n"));

        assertArrayEquals(new double[] {2, 4}, head(readAll(csvGz.toString(), options(List.of("b"))).get(0), "b"), EXACT);
        assertArrayEquals(new double[] {6}, head(readAll(tsvGz.toString(), options(List.of("b"))).get(0), "b"), EXACT);
    }

    @Test
    void readsStdinPlainAndGzipped() throws Exception {
        byte[] plain = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] zipped = gzip("a,b\n7,8\n");

        try (Source source = Sources.open("-", new ByteArrayInputStream(plain), options(List.of("b")))) {
            assertEquals("-", source.name());
            assertEquals("csv", source.format());
            ColumnBatch batch = source.next();
            assertEquals("-", batch.source());
            assertArrayEquals(new double[] {2}, head(batch, "b"), EXACT);
        }
        try (Source source = Sources.open("-", new ByteArrayInputStream(zipped), options(List.of("a")))) {
            assertArrayEquals(new double[] {7}, head(source.next(), "a"), EXACT);
        }
    }

    @Test
    void emptyAndUnparsableCellsAreNaNWithIssues() throws Exception {
        Path file = write("bad.csv", "a,b\n1,\n  ,abc\n0x1p3,2\n");

        ColumnBatch batch = readAll(file.toString(), options(List.of("a", "b"))).get(0);

        double[] a = head(batch, "a");
        double[] b = head(batch, "b");
        assertEquals(1, a[0], EXACT);
        assertTrue(Double.isNaN(b[0]) && Double.isNaN(a[1]) && Double.isNaN(b[1]) && Double.isNaN(a[2]));
        assertEquals(List.of(
                new CellIssue(0, "b", Problem.EMPTY, ""),
                new CellIssue(1, "a", Problem.EMPTY, "  "),
                new CellIssue(1, "b", Problem.UNPARSABLE, "abc"),
                new CellIssue(2, "a", Problem.UNPARSABLE, "0x1p3")), batch.issues());
    }

    @Test
    void nonFiniteWordsAreReadWithoutIssues() throws Exception {
        Path file = write("nf.csv", "a\nNaN\ninf\n-Infinity\n+INF\nnan\n");

        ColumnBatch batch = readAll(file.toString(), options(List.of("a"))).get(0);

        double[] a = head(batch, "a");
        assertTrue(Double.isNaN(a[0]) && Double.isNaN(a[4]));
        assertEquals(Double.POSITIVE_INFINITY, a[1]);
        assertEquals(Double.NEGATIVE_INFINITY, a[2]);
        assertEquals(Double.POSITIVE_INFINITY, a[3]);
        assertTrue(batch.issues().isEmpty());
    }

    @Test
    void shortRecordNamesFileAndRow() throws Exception {
        Path file = write("short.csv", "a,b,c\n1,2,3\n4,5\n");

        InputException e = assertThrows(InputException.class, () -> readAll(file.toString(), options(List.of("a"))));

        assertEquals(2, e.row());
        assertEquals(file + ":3: expected 3 fields, found 2", e.getMessage());
    }

    @Test
    void missingColumnListsColumnsAndSuggests() throws Exception {
        Path file = write("m.csv", "preds,target\n1,2\n");
        CsvReaderAgreement.assertAgreeOnFile(file.toString(), options(List.of("pred")));

        InputException e = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("pred"))));

        assertEquals(file + ": column 'pred': no such column; columns are: preds, target (did you mean 'preds'?)",
                e.getMessage());
        assertEquals(0, e.row());
        assertEquals("pred", e.column());
    }

    @Test
    void duplicateHeaderIsAnErrorOnlyForRequestedColumns() throws Exception {
        Path file = write("dup.csv", "x,a,x\n1,2,3\n");

        InputException e = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("x"))));
        ColumnBatch batch = readAll(file.toString(), options(List.of("a"))).get(0);

        assertEquals("x", e.column());
        assertEquals(file + ": column 'x': ambiguous: the header names fields 1 and 3 alike", e.getMessage());
        assertArrayEquals(new double[] {2}, head(batch, "a"), EXACT);
    }

    @Test
    void unclosedQuoteStopsAtTheRecordBound() throws Exception {
        // Row 2 opens a quote that never closes; 400,000 characters follow it.
        StringBuilder text = new StringBuilder("a,b\n1,2\n\"3,4\n");
        for (int i = 0; i < 50_000; i++) text.append("5,6,7\n");
        Path file = write("unclosed.csv", text.toString());
        SourceOptions bounded = new SourceOptions(List.of("a"), null, 100, 1000);

        InputException e = assertThrows(InputException.class, () -> readAll(file.toString(), bounded));

        assertEquals(2, e.row());
        assertEquals(file + ":3: record longer than 1000 characters (an unclosed quote?)", e.getMessage());
    }

    @Test
    void recordBoundIsExactForParsedRecords() throws Exception {
        String forty = "1," + "9".repeat(38);   // 40 characters: two fields and one delimiter
        String fortyOne = "1," + "9".repeat(39);
        Path ok = write("ok.csv", "a,b\n" + forty + "\n");
        Path tooLong = write("long.csv", "a,b\n" + forty + "\n" + fortyOne + "\n");
        SourceOptions bound40 = new SourceOptions(List.of("a"), null, 100, 40);

        assertEquals(1, readAll(ok.toString(), bound40).get(0).size());
        InputException e = assertThrows(InputException.class, () -> readAll(tooLong.toString(), bound40));
        assertEquals(2, e.row());
    }

    @Test
    void batchesSplitAtBatchSizeAndKeepRowNumbers() throws Exception {
        StringBuilder text = new StringBuilder("v\n");
        for (int i = 1; i <= 25; i++) text.append(i).append('\n');
        Path file = write("many.csv", text.toString());
        CsvReaderAgreement.assertAgreeOnFile(file.toString(), new SourceOptions(List.of("v"), null, 10, 1000));

        try (Source source = Sources.open(file.toString(), NO_STDIN, new SourceOptions(List.of("v"), null, 10, 1000))) {
            List<Double> seen = new ArrayList<>();
            long[] firstRows = new long[3];
            int[] sizes = new int[3];
            for (int b = 0; b < 3; b++) {
                ColumnBatch batch = source.next();
                firstRows[b] = batch.firstRow();
                sizes[b] = batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    // Each row holds its own row number, so value and number must agree.
                    assertEquals(batch.rowNumber(i), batch.column("v")[i], EXACT);
                    seen.add(batch.column("v")[i]);
                }
            }
            assertArrayEquals(new long[] {1, 11, 21}, firstRows);
            assertArrayEquals(new int[] {10, 10, 5}, sizes);
            assertEquals(25, seen.size());
            assertEquals(25, source.rowsRead());
            assertNull(source.next());
            assertNull(source.next());
        }
    }

    @Test
    void headerOnlyHasNoRowsAndEmptyInputIsAnError() throws Exception {
        Path headerOnly = write("h.csv", "a,b\n");
        Path empty = write("e.csv", "");

        assertTrue(readAll(headerOnly.toString(), options(List.of("a"))).isEmpty());
        InputException e = assertThrows(InputException.class, () -> readAll(empty.toString(), options(List.of("a"))));
        assertEquals(empty + ": empty input: no header row", e.getMessage());
    }

    @Test
    void missingFileAndDirectoryAreInputErrors() {
        String missing = dir.resolve("nope.csv").toString();

        InputException noFile = assertThrows(InputException.class, () -> Sources.open(missing, NO_STDIN, options(List.of("a"))));
        InputException isDir = assertThrows(InputException.class, () -> Sources.open(dir.toString(), NO_STDIN, options(List.of("a"))));

        assertEquals(missing + ": no such file", noFile.getMessage());
        assertEquals(dir + ": is a directory, not a file", isDir.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static SourceOptions options(List<String> columns) {
        return new SourceOptions(columns, null, SourceOptions.DEFAULT_BATCH_SIZE, SourceOptions.DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * Reads every batch, copying each because a source may reuse its arrays. A CSV input is first read by
     * both CSV readers, which must agree ({@link CsvReaderAgreement}); the batches returned are the
     * default reader's.
     */
    static List<ColumnBatch> readAll(String name, SourceOptions options) throws InputException {
        if (!Sources.hasParquetName(name)) CsvReaderAgreement.assertAgreeOnFile(name, options);
        List<ColumnBatch> batches = new ArrayList<>();
        try (Source source = Sources.open(name, NO_STDIN, options)) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) batches.add(copy(batch));
        }
        return batches;
    }

    static ColumnBatch copy(ColumnBatch batch) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : batch.columnNames()) columns.put(name, head(batch, name));
        return new ColumnBatch(batch.source(), batch.firstRow(), batch.size(), columns, batch.issues());
    }

    static double[] head(ColumnBatch batch, String column) {
        return Arrays.copyOf(batch.column(column), batch.size());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
