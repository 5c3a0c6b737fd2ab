package org.losseval.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads named columns of a delimited text file (CSV, TSV) with Apache Commons CSV.
 *
 * <p>The input is UTF-8; a byte-order mark at its start is dropped. The first record is the header; its
 * names are trimmed, and each requested column must appear in it exactly once. Every later record is a
 * data row, numbered from 1 (blank lines are skipped, as pandas does, and are not rows). Fields may be
 * quoted with {@code "}, with {@code ""} for a quote inside. Each record must have as many fields as the
 * header; only the requested fields are parsed, by {@link NumberCell}.
 *
 * <p>Column groups ({@link SourceOptions#groups()}) are resolved against the header when the source opens
 * ({@link GroupSpec}); their columns are then read like any requested column, so groups cost nothing per row.
 *
 * <p>A record longer than {@link SourceOptions#maxRecordChars()} characters is an error: a parsed record
 * is measured exactly (its fields plus delimiters), and {@link RecordLengthGuard} stops the parser from
 * swallowing the rest of the file when a quote is never closed.
 */
final class CsvSource implements Source {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final RecordLengthGuard guard;
    private final int maxRecordChars;
    private final int batchSize;
    private final int headerSize;
    private final String[] columns;
    private final int[] fieldIndex;
    private final GroupColumns groups;
    private final double[][] values;
    private boolean headerRead;
    private long rowsRead;
    private boolean exhausted;

    private CsvSource(String name, CSVParser parser, RecordLengthGuard guard, SourceOptions options) throws InputException {
        this.name = name;
        this.parser = parser;
        this.records = parser.iterator();
        this.guard = guard;
        this.maxRecordChars = options.maxRecordChars();
        this.batchSize = options.batchSize();
        CSVRecord header = nextRecord();
        if (header == null) throw new InputException(name, 0, null, "empty input: no header row");
        headerRead = true;
        List<String> headerNames = new ArrayList<>(header.size());
        for (String field : header) headerNames.add(field.strip());
        this.headerSize = headerNames.size();
        LinkedHashSet<String> wanted = new LinkedHashSet<>(options.columns());
        this.groups = new GroupColumns(name);
        for (String spec : options.groups()) {
            List<String> members = GroupSpec.resolve(name, spec, headerNames);
            groups.put(spec, members);
            wanted.addAll(members);
        }
        this.columns = wanted.toArray(new String[0]);
        this.fieldIndex = new int[columns.length];
        for (int c = 0; c < columns.length; c++) fieldIndex[c] = indexOf(columns[c], headerNames);
        this.values = new double[columns.length][batchSize];
    }

    /**
     * @param name      the input name for messages
     * @param in        the (already decompressed) bytes; closed by {@link #close()}
     * @param delimiter the field delimiter
     */
    static CsvSource open(String name, InputStream in, char delimiter, SourceOptions options) throws InputException {
        CSVParser parser = null;
        try {
            Reader text = withoutByteOrderMark(new InputStreamReader(in, StandardCharsets.UTF_8));
            RecordLengthGuard guard = new RecordLengthGuard(text,
                    (long) options.maxRecordChars() + RecordLengthGuard.READ_AHEAD);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
            parser = format.parse(guard);
            return new CsvSource(name, parser, guard, options);
        } catch (IOException e) {
            closeQuietly(parser, in);
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        } catch (InputException e) {
            closeQuietly(parser, in);
            throw e;
        }
    }

    @Override
    public String name() { return name; }

    @Override
    public String format() { return "csv"; }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public List<String> groupColumns(String groupSpec) { return groups.of(groupSpec); }

    @Override
    public ColumnBatch next() throws InputException {
        if (exhausted) return null;
        long firstRow = rowsRead + 1;
        List<CellIssue> issues = new ArrayList<>();
        int size = 0;
        CSVRecord record;
        while (size < batchSize && (record = nextRecord()) != null) {
            long row = rowsRead + 1;
            if (record.size() != headerSize) {
                throw new InputException(name, row, null, "expected " + headerSize + " fields, found " + record.size());
            }
            checkLength(record, row);
            for (int c = 0; c < columns.length; c++) {
                String text = record.get(fieldIndex[c]);
                CellIssue.Problem problem = NumberCell.parseInto(text, values[c], size);
                if (problem != null) issues.add(new CellIssue(size, columns[c], problem, text));
            }
            rowsRead = row;
            size++;
        }
        if (size == 0) {
            exhausted = true;
            return null;
        }
        Map<String, double[]> batchColumns = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) batchColumns.put(columns[c], values[c]);
        return new ColumnBatch(name, firstRow, size, batchColumns, issues);
    }

    @Override
    public void close() throws InputException {
        try {
            parser.close();
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot close: " + e.getMessage(), e);
        }
    }

    /** The next record, or null at the end; parse and I/O errors name the record being read. */
    private CSVRecord nextRecord() throws InputException {
        try {
            if (!records.hasNext()) return null;
            CSVRecord record = records.next();
            guard.recordDone();
            return record;
        } catch (UncheckedIOException e) {
            throw readError(e.getCause());
        }
    }

    private InputException readError(IOException cause) {
        // The header is not a data row: errors in it carry row 0.
        long row = headerRead ? rowsRead + 1 : 0;
        if (cause instanceof RecordLengthGuard.RecordTooLongException) return tooLong(row);
        return new InputException(name, row, null, "cannot read: " + cause.getMessage(), cause);
    }

    private void checkLength(CSVRecord record, long row) throws InputException {
        long chars = record.size() - 1L;
        for (String field : record) chars += field.length();
        if (chars > maxRecordChars) throw tooLong(row);
    }

    private InputException tooLong(long row) {
        return new InputException(name, row, null,
                "record longer than " + maxRecordChars + " characters (an unclosed quote?)");
    }

    private int indexOf(String column, List<String> headerNames) throws InputException {
        int found = -1;
        for (int i = 0; i < headerNames.size(); i++) {
            if (!headerNames.get(i).equals(column)) continue;
            if (found >= 0) {
                throw new InputException(name, 0, column, "ambiguous: the header names fields " + (found + 1)
                        + " and " + (i + 1) + " alike");
            }
            found = i;
        }
        if (found < 0) throw ColumnErrors.noSuchColumn(name, column, headerNames);
        return found;
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) pushback.unread(first);
        return pushback;
    }

    private static void closeQuietly(CSVParser parser, InputStream in) {
        try {
            if (parser != null) parser.close();
            else in.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }
}
