package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;

/**
 * Reads one input with both CSV readers (Commons CSV, and the byte-level fast path) and asserts that they
 * deliver the same thing: every batch (source, first row, size, column names, every value bit for bit,
 * every cell issue, every text column's texts and codes), the rows read after each batch, the resolved groups, and the same error (message,
 * row, column) at the same point.
 */
final class CsvReaderAgreement {
    /** Opens a source; each call reads the input afresh. */
    @FunctionalInterface
    interface Opener {
        Source open() throws InputException;
    }

    /** One batch as delivered, copied (readers reuse their arrays), values as raw bits. */
    record BatchCopy(String source, long firstRow, int size, List<String> columns, List<long[]> bits,
                     List<CellIssue> issues, long rowsReadAfter, long[] lines, List<String> textColumns,
                     List<List<String>> texts, List<List<Integer>> codes) {
        static BatchCopy of(ColumnBatch batch, long rowsReadAfter) {
            List<long[]> bits = new ArrayList<>();
            for (String column : batch.columnNames()) {
                double[] values = batch.column(column);
                long[] raw = new long[batch.size()];
                for (int i = 0; i < raw.length; i++) raw[i] = Double.doubleToRawLongBits(values[i]);
                bits.add(raw);
            }
            long[] lines = new long[batch.size()];
            for (int i = 0; i < lines.length; i++) lines[i] = batch.lineNumber(i);
            List<List<String>> texts = new ArrayList<>();
            List<List<Integer>> codes = new ArrayList<>();
            for (String column : batch.textColumnNames()) {
                TextColumn text = batch.textColumn(column);
                List<String> values = new ArrayList<>();
                List<Integer> rowCodes = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    values.add(text.text(i));
                    rowCodes.add(text.code(i));
                }
                texts.add(values);
                codes.add(rowCodes);
            }
            return new BatchCopy(batch.source(), batch.firstRow(), batch.size(), batch.columnNames(), bits,
                    List.copyOf(batch.issues()), rowsReadAfter, lines, batch.textColumnNames(), texts, codes);
        }
    }

    /** Everything one reader delivered: its batches, its groups' columns, and the error that ended it, if any. */
    record Outcome(String reader, List<BatchCopy> batches, List<List<String>> groupColumns, String error,
                   long errorRow, String errorColumn) {}

    private CsvReaderAgreement() {}

    /** Reads all of a source (as a caller would, batch by batch) and records what it delivered. */
    static Outcome read(String reader, Opener opener, List<String> groups) {
        List<BatchCopy> batches = new ArrayList<>();
        List<List<String>> groupColumns = new ArrayList<>();
        try (Source source = opener.open()) {
            for (String group : groups) groupColumns.add(source.groupColumns(group));
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                batches.add(BatchCopy.of(batch, source.rowsRead()));
            }
            return new Outcome(reader, batches, groupColumns, null, -1, null);
        } catch (InputException e) {
            return new Outcome(reader, batches, groupColumns, e.getMessage(), e.row(), e.column());
        }
    }

    /** Reads a named input through {@link Sources#open} with each reader chosen by the system property. */
    static Outcome viaSources(String reader, String name, InputStream stdin, SourceOptions options) {
        String before = System.getProperty(Sources.CSV_READER_PROPERTY);
        System.setProperty(Sources.CSV_READER_PROPERTY, reader);
        try {
            return read(reader, () -> Sources.open(name, stdin, options), options.groups());
        } finally {
            if (before == null) System.clearProperty(Sources.CSV_READER_PROPERTY);
            else System.setProperty(Sources.CSV_READER_PROPERTY, before);
        }
    }

    /** Reads a file through {@link Sources#open} with both readers, asserts they agree, and returns the outcome. */
    static Outcome assertAgreeOnFile(String name, SourceOptions options) {
        Outcome commons = viaSources("commons", name, InputStream.nullInputStream(), options);
        Outcome fast = viaSources("fast", name, InputStream.nullInputStream(), options);
        assertSame(commons, fast, name);
        return fast;
    }

    /** Asserts that two outcomes are the same in every delivered value, issue, row and error. */
    static void assertSame(Outcome expected, Outcome actual, String what) {
        String context = what + " (" + expected.reader() + " vs " + actual.reader() + ")";
        assertEquals(expected.error(), actual.error(), context + ": error");
        assertEquals(expected.errorRow(), actual.errorRow(), context + ": error row");
        assertEquals(expected.errorColumn(), actual.errorColumn(), context + ": error column");
        assertEquals(expected.groupColumns(), actual.groupColumns(), context + ": group columns");
        assertEquals(expected.batches().size(), actual.batches().size(), context + ": batch count");
        for (int b = 0; b < expected.batches().size(); b++) {
            BatchCopy e = expected.batches().get(b);
            BatchCopy a = actual.batches().get(b);
            String at = context + ": batch " + b;
            assertEquals(e.source(), a.source(), at + " source");
            assertEquals(e.firstRow(), a.firstRow(), at + " first row");
            assertEquals(e.size(), a.size(), at + " size");
            assertEquals(e.columns(), a.columns(), at + " columns");
            assertEquals(e.rowsReadAfter(), a.rowsReadAfter(), at + " rows read");
            for (int c = 0; c < e.bits().size(); c++) {
                long[] eb = e.bits().get(c);
                long[] ab = a.bits().get(c);
                for (int i = 0; i < eb.length; i++) {
                    if (eb[i] != ab[i]) {
                        throw new AssertionError(at + " column " + e.columns().get(c) + " index " + i + ": "
                                + Double.longBitsToDouble(eb[i]) + " vs " + Double.longBitsToDouble(ab[i]));
                    }
                }
            }
            assertEquals(e.issues(), a.issues(), at + " issues");
            // Issue 11, item 11: both readers give each row the line an editor shows.
            org.junit.jupiter.api.Assertions.assertArrayEquals(e.lines(), a.lines(), at + " lines");
            // Text columns: the same texts and the same dictionary codes (first appearance, across hand-overs).
            assertEquals(e.textColumns(), a.textColumns(), at + " text columns");
            assertEquals(e.texts(), a.texts(), at + " texts");
            assertEquals(e.codes(), a.codes(), at + " text codes");
        }
    }
}
