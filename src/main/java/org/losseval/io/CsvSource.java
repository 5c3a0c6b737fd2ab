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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads named columns of a delimited text file (CSV, TSV) with Apache Commons CSV.
 *
 * <p>The input is UTF-8; a byte-order mark at its start is dropped. The first record is the header; its
 * names are trimmed, and each requested column must appear in it exactly once ({@link CsvColumns}). Every
 * later record is a data row, numbered from 1 (blank lines are skipped, as pandas does, and are not rows).
 * Fields may be quoted with {@code "}, with {@code ""} for a quote inside. Each record must have as many
 * fields as the header; only the requested fields are parsed, by {@link NumberCell}.
 *
 * <p>Column groups ({@link SourceOptions#groups()}) are resolved against the header when the source opens
 * ({@link GroupSpec}); their columns are then read like any requested column, so groups cost nothing per row.
 *
 * <p>A record longer than {@link SourceOptions#maxRecordChars()} characters is an error: a parsed record
 * is measured exactly (its fields plus delimiters), and {@link RecordLengthGuard} stops the parser from
 * swallowing the rest of the file when a quote is never closed.
 *
 * <p>A malformed quoted field is reported with our row number and a message of our own: Commons CSV's
 * messages count physical lines and characters from where it started reading, which is neither a row
 * number nor stable when {@link FastCsvSource} hands the rest of an input over to this reader
 * ({@link #resume}).
 */
final class CsvSource implements Source {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Commons CSV 1.14 has no error kinds: its two format errors (with {@code "} quotes) are told by text. */
    private static final String COMMONS_UNCLOSED = "EOF reached before encapsulated token finished";
    private static final String COMMONS_TEXT_AFTER_QUOTE = "Invalid character between encapsulated token and delimiter";

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final RecordLengthGuard guard;
    private final int maxRecordChars;
    private final int batchSize;
    private final CsvColumns layout;
    private final double[][] values;
    private final long[] lines;
    /** Lines of the input before the parser's first character (those another reader already consumed). */
    private final long lineOffset;
    /** The last line of the last record read (the header's, at first). */
    private long lastLine;
    private long rowsRead;
    private boolean exhausted;

    private CsvSource(String name, CSVParser parser, Iterator<CSVRecord> records, RecordLengthGuard guard,
                      SourceOptions options, CsvColumns layout, double[][] values, long[] lines, long rowsRead,
                      long lineOffset) {
        this.name = name;
        this.parser = parser;
        this.records = records;
        this.guard = guard;
        this.maxRecordChars = options.maxRecordChars();
        this.batchSize = options.batchSize();
        this.layout = layout;
        this.values = values;
        this.lines = lines;
        this.rowsRead = rowsRead;
        this.lineOffset = lineOffset;
        this.lastLine = lineOffset + parser.getCurrentLineNumber();
    }

    /**
     * Opens an input from its first byte: reads the header and locates the requested columns.
     *
     * @param name      the input name for messages
     * @param in        the (already decompressed) bytes; closed by {@link #close()}
     * @param delimiter the field delimiter
     */
    static CsvSource open(String name, InputStream in, char delimiter, SourceOptions options) throws InputException {
        return open(name, in, delimiter, options, true);
    }

    /**
     * @param atFileStart whether {@code in} starts at the first byte of the file, where a byte-order mark is
     *                    dropped; false for a header the fast path hands over after it dropped blank lines
     *                    before it, where U+FEFF is a character of the header (as it is here after them)
     */
    static CsvSource open(String name, InputStream in, char delimiter, SourceOptions options, boolean atFileStart)
            throws InputException {
        CSVParser parser = null;
        try {
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_8);
            RecordLengthGuard guard = guarded(atFileStart ? withoutByteOrderMark(text) : text, options);
            parser = parser(guard, delimiter);
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = nextRecord(name, records, guard, 0, 0, options.maxRecordChars());
            if (header == null) throw new InputException(name, 0, null, "empty input: no header row");
            CsvColumns layout = CsvColumns.locate(name, header.toList(), options);
            double[][] values = new double[layout.names.length][options.batchSize()];
            return new CsvSource(name, parser, records, guard, options, layout, values, new long[options.batchSize()], 0, 0);
        } catch (IOException e) {
            closeQuietly(parser, in);
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        } catch (InputException e) {
            closeQuietly(parser, in);
            throw e;
        }
    }

    /**
     * Continues reading an input whose header and first {@code rowsRead} rows another reader already
     * delivered: {@code rest} starts at the first byte of the next record (so no byte-order mark is looked
     * for), and batches are filled into {@code values} and {@code lines}, which that reader may have partly
     * filled ({@link #fill}); {@code linesRead} lines precede {@code rest}.
     */
    static CsvSource resume(String name, InputStream rest, char delimiter, SourceOptions options, CsvColumns layout,
                            double[][] values, long[] lines, long rowsRead, long linesRead) throws InputException {
        try {
            RecordLengthGuard guard = guarded(new InputStreamReader(rest, StandardCharsets.UTF_8), options);
            CSVParser parser = parser(guard, delimiter);
            return new CsvSource(name, parser, parser.iterator(), guard, options, layout, values, lines, rowsRead, linesRead);
        } catch (IOException e) {
            closeQuietly(null, rest);
            throw InputException.atLine(name, linesRead + 1, rowsRead + 1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static RecordLengthGuard guarded(Reader text, SourceOptions options) {
        return new RecordLengthGuard(text, (long) options.maxRecordChars() + RecordLengthGuard.READ_AHEAD);
    }

    private static CSVParser parser(Reader text, char delimiter) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(text);
    }

    @Override
    public String name() { return name; }

    @Override
    public String format() { return "csv"; }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public List<String> groupColumns(String groupSpec) { return layout.groups.of(groupSpec); }

    @Override
    public ColumnBatch next() throws InputException {
        if (exhausted) return null;
        long firstRow = rowsRead + 1;
        List<CellIssue> issues = new ArrayList<>();
        int size = fill(0, issues);
        if (size == 0) {
            exhausted = true;
            return null;
        }
        return batch(name, firstRow, size, layout, values, lines, issues);
    }

    /**
     * Reads rows into {@code values} from index {@code from} until the batch is full or the input ends.
     *
     * @param issues receives the cell issues of the rows read
     * @return the batch size now ({@code from} plus the rows read)
     */
    int fill(int from, List<CellIssue> issues) throws InputException {
        int size = from;
        CSVRecord record;
        while (size < batchSize
                && (record = nextRecord(name, records, guard, lastLine + 1, rowsRead + 1, maxRecordChars)) != null) {
            long row = rowsRead + 1;
            long line = startLine(record);
            if (record.size() != layout.headerSize) {
                throw InputException.atLine(name, line, row, null, "expected " + layout.headerSize + " fields, found "
                        + record.size());
            }
            checkLength(record, line, row);
            lines[size] = line;
            for (int c = 0; c < layout.names.length; c++) {
                String text = record.get(layout.fieldIndex[c]);
                CellIssue.Problem problem = NumberCell.parseInto(text, values[c], size);
                if (problem != null) issues.add(new CellIssue(size, layout.names[c], problem, text));
            }
            TextColumns texts = layout.texts;
            for (int t = 0; t < texts.names.length; t++) {
                if (layout.textFieldIndex[t] >= 0) {
                    texts.codes[t][size] = texts.dictionaries[t].code(record.get(layout.textFieldIndex[t]));
                }
            }
            rowsRead = row;
            size++;
        }
        return size;
    }

    /**
     * The line the record just parsed starts on. The parser counts line breaks ({@code \n}, {@code \r\n},
     * a lone {@code \r}) up to the end of the record, so that count, less the breaks inside its quoted fields,
     * is its first line; only a record that ended more than one line after the previous one (blank lines, or
     * breaks inside quotes) needs its fields scanned.
     */
    private long startLine(CSVRecord record) {
        long end = lineOffset + parser.getCurrentLineNumber();
        long start = end;
        if (end - lastLine > 1) {
            for (String field : record) {
                for (int i = 0; i < field.length(); i++) {
                    char c = field.charAt(i);
                    if (c == '\n' || (c == '\r' && (i + 1 == field.length() || field.charAt(i + 1) != '\n'))) start--;
                }
            }
        }
        lastLine = end;
        return start;
    }

    /**
     * The batch both CSV readers deliver: the requested columns in layout order, each row with its line, and
     * the text columns.
     */
    static ColumnBatch batch(String name, long firstRow, int size, CsvColumns layout, double[][] values, long[] lines,
                             List<CellIssue> issues) {
        Map<String, double[]> batchColumns = new LinkedHashMap<>();
        for (int c = 0; c < layout.names.length; c++) batchColumns.put(layout.names[c], values[c]);
        return layout.texts.addTo(new ColumnBatch(name, firstRow, size, batchColumns, issues).withLines(lines));
    }

    @Override
    public void close() throws InputException {
        try {
            parser.close();
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot close: " + e.getMessage(), e);
        }
    }

    /**
     * The next record, or null at the end; parse and I/O errors name {@code row}, the record being read
     * (0 for the header, which is not a data row), and {@code line}, the line after the previous record
     * (where the record starts unless blank lines precede it).
     */
    private static CSVRecord nextRecord(String name, Iterator<CSVRecord> records, RecordLengthGuard guard, long line,
                                        long row, int maxRecordChars) throws InputException {
        try {
            if (!records.hasNext()) return null;
            CSVRecord record = records.next();
            guard.recordDone();
            return record;
        } catch (UncheckedIOException e) {
            throw readError(name, row == 0 ? 0 : line, row, e.getCause(), maxRecordChars);
        }
    }

    private static InputException readError(String name, long line, long row, IOException cause, int maxRecordChars) {
        if (cause instanceof RecordLengthGuard.RecordTooLongException) return tooLong(name, line, row, maxRecordChars);
        return InputException.atLine(name, line, row, null, "cannot read: " + describe(cause), cause);
    }

    /** Our words for Commons CSV's format errors, without its line and character counts; else the cause's own. */
    private static String describe(IOException cause) {
        String message = String.valueOf(cause.getMessage());
        if (!(cause instanceof CSVException)) return message;
        if (message.contains(COMMONS_UNCLOSED)) return "a quoted field is not closed before the end of the input";
        if (message.contains(COMMONS_TEXT_AFTER_QUOTE)) {
            return "text after the closing quote of a field (a quote inside a quoted field is written \"\")";
        }
        return message;
    }

    private void checkLength(CSVRecord record, long line, long row) throws InputException {
        long chars = record.size() - 1L;
        for (String field : record) chars += field.length();
        if (chars > maxRecordChars) throw tooLong(name, line, row, maxRecordChars);
    }

    static InputException tooLong(String name, long line, long row, int maxRecordChars) {
        return InputException.atLine(name, line, row, null,
                "record longer than " + maxRecordChars + " characters (an unclosed quote?)");
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
