package org.losseval.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads CSV/TSV straight from bytes, for the simple dialect that almost every prediction dump uses; hands
 * anything else to {@link CsvSource} (Apache Commons CSV). The results are the same as {@link CsvSource}'s,
 * bit for bit: the same batches, values, cell issues, rows and error messages.
 *
 * <h2>What it reads itself</h2>
 * UTF-8 (a byte-order mark at the start is skipped), a single-byte delimiter, records ending in LF or CRLF
 * (or at the end of the input), no quote character anywhere. Bytes are read in large blocks into one
 * reused array. An ordinary record is read by the <b>fused path</b> ({@link #fusedRow}): one walk over its
 * bytes that converts each requested number field while scanning it ({@link CanonicalDecimal}) and skips the
 * other fields to the next delimiter. Any record it does not take (see there) goes to the ordinary path: records
 * are split at {@code \n}, fields at the delimiter, and only the requested fields are parsed, by
 * {@link ByteNumberCell} (FastDoubleParser on the bytes, {@link NumberCell} for the rest). An ordinary row
 * allocates nothing. The header is decoded and resolved by {@link CsvColumns}, as {@link CsvSource} does; blank lines
 * are skipped and are not rows; a record with the wrong number of fields is the same error, with the same row.
 *
 * <h2>Hand-over</h2>
 * When a record is something it does not decide, this reader stops before that record and a
 * {@link CsvSource} made by {@link CsvSource#resume} reads the rest of the input, starting at that record's
 * first byte (the bytes still buffered, then the rest of the stream: nothing is read twice), numbering rows
 * on from where this reader stopped and filling the rest of the current batch into the same arrays. So
 * batch boundaries and row numbers do not depend on where the hand-over happened. It happens at:
 * <ul>
 *   <li>a {@code "} byte: quoting rules (delimiters and newlines inside quotes, {@code ""}) are Commons
 *       CSV's to apply;
 *   <li>a carriage return not followed by a line feed: Commons CSV ends a record there;
 *   <li>a record of more than {@link SourceOptions#maxRecordChars()} bytes: the limit counts characters,
 *       and only a decoder knows how many characters multi-byte text holds (a record of at most that many
 *       bytes has at most that many characters, so shorter records need no check).
 * </ul>
 * In the header, the hand-over replays the whole input to {@link CsvSource#open}.
 *
 * <h2>Speed</h2>
 * Before the fused path, each byte was touched three times: by the class-table scan of the record, by
 * {@link ByteNumberCell}'s check of the cell, and by FastDoubleParser. Reading 2·10<sup>6</sup> rows
 * {@code pred,target} of the benchmark's {@code reg_10m.csv} (16–17 significant digits, 74 MB) on one thread
 * of the shared 2-core machine (load 8–10), the minimum thread CPU time of 5 runs after warm-up
 * ({@code CsvReadTiming} in the tests, three interleaved pairs, 5 December 2026): 201–282 ms before, 130–135 ms
 * with the fused path, about 66 ns a row. Per number ({@code CsvNumberTiming}): {@link CanonicalDecimal} 23.7 ns
 * where a search for the field's end alone takes 18.3 ns and that search plus FastDoubleParser 37.0 ns (31.5
 * against 42.3 ns on the cross-entropy file's logits). What is left is mostly the walk over the digits, eight at a
 * time. This reader allocates nothing per row; FastDoubleParser, still behind the rare records the fused path
 * declines, falls back to {@code Double.parseDouble} on a String for the rare texts its fast algorithm cannot
 * round.
 *
 * <h2>Where the two readers may still differ</h2>
 * Only in how far they read before an error surfaces, because they buffer differently: an I/O error (a
 * truncated gzip stream) is reported with the same message but possibly another row (here: the row being
 * read when the block that failed was requested), and a record with the wrong number of fields that is
 * also a little longer than the record bound (within Commons CSV's read-ahead) may be reported as either
 * error; both name that record's row.
 */
final class FastCsvSource implements Source {
    /** Bytes read per block: large enough that read calls cost nothing per row. */
    static final int BLOCK_BYTES = 1 << 20;

    private static final byte OTHER = 0;
    private static final byte DELIMITER = 1;
    private static final byte LINE_FEED = 2;
    private static final byte CARRIAGE_RETURN = 3;
    private static final byte QUOTE = 4;

    /** What {@link #scan} found at {@link #pos}. */
    private enum Scan { ROW, BLANK, END, HAND_OVER, NEED_MORE }

    private final String name;
    private final InputStream in;
    private final char delimiter;
    private final SourceOptions options;
    private final byte[] classes;
    private byte[] buf;
    /** The first byte of the record being read. */
    private int pos;
    /** The end of the bytes read into {@link #buf}. */
    private int limit;
    private boolean eof;
    /**
     * True once bytes before the header were dropped from the buffer (blank lines, a byte-order mark): the
     * header handed to Commons CSV then no longer starts the file, so a U+FEFF there is not a byte-order mark.
     */
    private boolean fileStartDropped;
    /** Bytes of the input dropped from the front of {@link #buf} so far: {@code dropped + pos} is a file offset. */
    private long dropped;
    /** The header's fields as read (untrimmed), for the readers of a split file's ranges ({@link CsvRanges}). */
    private List<String> headerFields;

    // Set by scan() for a ROW: where the record's content ends, where the next record starts, its field count.
    private int contentEnd;
    private int nextRecord;
    private int fieldCount;

    private CsvColumns layout;
    /** {@code slotOfField[f]}: the slot of {@link #fieldStart} field f is scanned into, or -1; empty while reading the header. */
    private int[] slotOfField = new int[0];
    /** {@code numberSlot[c]}, {@code textSlot[t]}: the slot of number column c, text column t (-1: virtual). */
    private int[] numberSlot;
    private int[] textSlot;
    private int[] fieldStart;
    private int[] fieldEnd;
    /**
     * The fused path ({@link #fusedRow}): whether it is on (not for a delimiter that can be part of a number),
     * which slots are read as numbers, and the value read into each.
     */
    private boolean fused;
    private boolean[] numberSlotRead;
    private double[] slotValue;
    private double[][] values;
    /** {@code lines[i]}: the line batch row i is on, reused like {@link #values}. */
    private long[] lines;
    /** Lines before {@link #pos}: records and blank lines consumed (a record here is one line). */
    private long linesRead;
    private long rowsRead;
    private boolean exhausted;
    private CsvSource rest;

    private FastCsvSource(String name, InputStream in, char delimiter, SourceOptions options, int blockBytes) {
        this.name = name;
        this.in = in;
        this.delimiter = delimiter;
        this.options = options;
        this.buf = new byte[blockBytes];
        this.classes = new byte[256];
        classes[delimiter] = DELIMITER;
        classes['\n'] = LINE_FEED;
        classes['\r'] = CARRIAGE_RETURN;
        classes['"'] = QUOTE;
    }

    /** Whether this reader can split on {@code delimiter}: one ASCII byte that is not a quote or line break. */
    static boolean handles(char delimiter) {
        return delimiter < 0x80 && delimiter != '"' && delimiter != '\n' && delimiter != '\r';
    }

    /**
     * Opens {@code in} (already decompressed; closed by {@link #close()}): this reader when the header is in
     * its dialect, else a {@link CsvSource} over the whole input.
     */
    static Source open(String name, InputStream in, char delimiter, SourceOptions options) throws InputException {
        return open(name, in, delimiter, options, BLOCK_BYTES);
    }

    /** As {@link #open(String, InputStream, char, SourceOptions)}, starting with blocks of {@code blockBytes}. */
    static Source open(String name, InputStream in, char delimiter, SourceOptions options, int blockBytes)
            throws InputException {
        if (!handles(delimiter)) throw new IllegalArgumentException("not a single-byte delimiter: " + delimiter);
        FastCsvSource source = new FastCsvSource(name, in, delimiter, options, blockBytes);
        try {
            return source.readHeader() ? source
                    : CsvSource.open(name, source.remaining(0), delimiter, options, !source.fileStartDropped);
        } catch (InputException | RuntimeException e) {
            source.closeQuietly();
            throw e;
        }
    }

    /**
     * Reads the header of {@code in} (from the file's first byte) and stops: this reader positioned after it,
     * or null when the header is not in this reader's dialect. For {@link CsvRanges}, which reads the header
     * once for all ranges; the caller closes {@code in}.
     */
    static FastCsvSource header(String name, InputStream in, char delimiter, SourceOptions options)
            throws InputException {
        FastCsvSource source = new FastCsvSource(name, in, delimiter, options, BLOCK_BYTES);
        return source.readHeader() ? source : null;
    }

    /** Reads the header and locates the columns; false when the header must go to Commons CSV. */
    private boolean readHeader() throws InputException {
        do fill(); while (limit < 3 && !eof);
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) pos = 3;
        Scan scan = scanRecord();
        if (scan == Scan.END) throw new InputException(name, 0, null, "empty input: no header row");
        if (scan == Scan.HAND_OVER) return false;
        List<String> header = new ArrayList<>();
        int start = pos;
        for (int i = pos; i < contentEnd; i++) {
            if (buf[i] == delimiter) {
                header.add(ByteNumberCell.text(buf, start, i));
                start = i + 1;
            }
        }
        header.add(ByteNumberCell.text(buf, start, contentEnd));
        pos = nextRecord;
        linesRead++;
        headerFields = List.copyOf(header);
        use(CsvColumns.locate(name, header, options));
        return true;
    }

    /** Makes {@code layout} this reader's: which field goes to which slot, and the reused batch arrays. */
    private void use(CsvColumns layout) {
        this.layout = layout;
        // One slot per field read, whether as a number, as text or both.
        slotOfField = new int[layout.headerSize];
        Arrays.fill(slotOfField, -1);
        int slots = 0;
        numberSlot = new int[layout.names.length];
        for (int c = 0; c < layout.names.length; c++) numberSlot[c] = slotFor(layout.fieldIndex[c], slots++);
        slots = slotCount();
        textSlot = new int[layout.textFieldIndex.length];
        for (int t = 0; t < textSlot.length; t++) {
            textSlot[t] = layout.textFieldIndex[t] < 0 ? -1 : slotFor(layout.textFieldIndex[t], slots);
            slots = slotCount();
        }
        fieldStart = new int[slots];
        fieldEnd = new int[slots];
        numberSlotRead = new boolean[slots];
        for (int slot : numberSlot) numberSlotRead[slot] = true;
        slotValue = new double[slots];
        fused = !isNumberByte(delimiter);
        values = new double[layout.names.length][options.batchSize()];
        lines = new long[options.batchSize()];
    }

    /**
     * A reader of one range of a split file ({@link CsvRanges}): {@code in} starts at the first byte of a record
     * and ends after the last byte of the range's last record; {@code rowsBefore} rows and {@code linesBefore}
     * lines (the header's included) precede it, so rows, lines and messages are numbered as a reader of the
     * whole file numbers them. The header is not read again: {@code headerFields} are the whole file's.
     */
    static FastCsvSource range(String name, InputStream in, char delimiter, SourceOptions options,
                               List<String> headerFields, long rowsBefore, long linesBefore) throws InputException {
        FastCsvSource source = new FastCsvSource(name, in, delimiter, options, BLOCK_BYTES);
        source.use(CsvColumns.locate(name, headerFields, options));
        source.rowsRead = rowsBefore;
        source.linesRead = linesBefore;
        return source;
    }

    /** After the header was read: the file offset of the first byte after it (a data record or a blank line). */
    long afterHeader() { return dropped + pos; }

    /** After the header was read: the lines it ended, blank lines before it included. */
    long headerLines() { return linesRead; }

    /** After the header was read: its fields, untrimmed. */
    List<String> headerFields() { return headerFields; }

    /** The slot of field {@code field}: its existing one, else {@code next}. */
    private int slotFor(int field, int next) {
        if (slotOfField[field] < 0) slotOfField[field] = next;
        return slotOfField[field];
    }

    /** One more than the highest slot given so far. */
    private int slotCount() {
        int max = -1;
        for (int slot : slotOfField) max = Math.max(max, slot);
        return max + 1;
    }

    @Override
    public String name() { return name; }

    @Override
    public String format() { return "csv"; }

    @Override
    public long rowsRead() { return rest != null ? rest.rowsRead() : rowsRead; }

    @Override
    public List<String> groupColumns(String groupSpec) { return layout.groups.of(groupSpec); }

    @Override
    public ColumnBatch next() throws InputException {
        if (rest != null) return rest.next();
        if (exhausted) return null;
        long firstRow = rowsRead + 1;
        List<CellIssue> issues = new ArrayList<>();
        int size = 0;
        while (size < options.batchSize()) {
            if (fused && fusedRow(size)) {
                size++;
                continue;
            }
            Scan scan = scanRecord();
            if (scan == Scan.END) break;
            if (scan == Scan.HAND_OVER) {
                rest = CsvSource.resume(name, remaining(pos), delimiter, options, layout, values, lines, rowsRead, linesRead);
                size = rest.fill(size, issues);
                break;
            }
            readRow(size, issues);
            size++;
        }
        if (size == 0) {
            exhausted = true;
            return null;
        }
        return CsvSource.batch(name, firstRow, size, layout, values, lines, issues);
    }

    /** Checks the record just scanned and parses its requested fields into batch index {@code index}. */
    private void readRow(int index, List<CellIssue> issues) throws InputException {
        long row = rowsRead + 1;
        long line = linesRead + 1;
        if (fieldCount != layout.headerSize) {
            throw InputException.atLine(name, line, row, null, "expected " + layout.headerSize + " fields, found " + fieldCount);
        }
        for (int c = 0; c < numberSlot.length; c++) {
            int f = numberSlot[c];
            CellIssue.Problem problem = ByteNumberCell.parseInto(buf, fieldStart[f], fieldEnd[f], values[c], index);
            if (problem != null) {
                issues.add(new CellIssue(index, layout.names[c], problem, ByteNumberCell.text(buf, fieldStart[f], fieldEnd[f])));
            }
        }
        finishRow(index);
    }

    /** Reads the text fields of the record just scanned into batch index {@code index}, and moves past it. */
    private void finishRow(int index) {
        for (int t = 0; t < textSlot.length; t++) {
            int f = textSlot[t];
            if (f >= 0) layout.texts.codes[t][index] = layout.texts.dictionaries[t].code(buf, fieldStart[f], fieldEnd[f]);
        }
        pos = nextRecord;
        linesRead++;
        rowsRead++;
        lines[index] = linesRead;
    }

    /**
     * The fused path: reads the record at {@link #pos} into batch index {@code index} in one walk over its bytes,
     * converting each requested number field while scanning it ({@link CanonicalDecimal}) and skipping the other
     * fields with a search for the next delimiter. It only takes a record that the ordinary path would read
     * without a cell issue: whole in the buffer, ending in LF or CRLF, the header's number of fields, no quote or
     * lone CR, within the record bound, every number field canonical and finite. Anything else is declined
     * (false: the position, rows and lines unchanged; the field bounds it wrote are written again) and the
     * ordinary {@link #scanRecord} and {@link #readRow} read the record, so the two paths cannot differ on it.
     */
    private boolean fusedRow(int index) {
        final byte[] b = buf;
        final byte[] cls = classes;
        final int[] slots = slotOfField;
        final boolean[] asNumber = numberSlotRead;
        final byte delim = (byte) delimiter;
        final int end = limit;
        final int start = pos;
        final int last = slots.length - 1;
        int p = start;
        for (int f = 0; ; f++) {
            int slot = slots[f];
            int from = p;
            if (slot >= 0 && asNumber[slot]) {
                p = CanonicalDecimal.parse(b, p, end, slotValue, slot);
                if (p < 0) return false;
            } else {
                while (p < end && cls[b[p] & 0xff] == OTHER) p++;
            }
            if (p >= end) return false;
            if (slot >= 0) {
                fieldStart[slot] = from;
                fieldEnd[slot] = p;
            }
            byte c = b[p];
            if (f < last) {
                if (c != delim) return false;
                p++;
            } else if (c == '\n') {
                nextRecord = p + 1;
                break;
            } else if (c == '\r' && p + 1 < end && b[p + 1] == '\n') {
                nextRecord = p + 2;
                break;
            } else {
                return false;
            }
        }
        // A one-field record with an empty unread field is a blank line; a long record is the hand-over's.
        if (p == start || p - start > options.maxRecordChars()) return false;
        for (int c = 0; c < numberSlot.length; c++) values[c][index] = slotValue[numberSlot[c]];
        finishRow(index);
        return true;
    }

    /** Whether {@code c} can be part of a canonical decimal, so that a number could swallow the delimiter. */
    private static boolean isNumberByte(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    /**
     * Scans the next record from {@link #pos}, reading more input as needed and skipping blank lines (as
     * Commons CSV does, before the header too): ROW, END or HAND_OVER.
     */
    private Scan scanRecord() throws InputException {
        while (true) {
            Scan scan = scan();
            if (scan == Scan.NEED_MORE) {
                fill();
            } else if (scan == Scan.BLANK) {
                pos = nextRecord;
                linesRead++;
            } else {
                return scan;
            }
        }
    }

    /**
     * Finds the end of the record starting at {@link #pos} and the bounds of its requested fields, in one
     * pass over its bytes. Needs the whole record in the buffer: NEED_MORE asks for more input, after
     * which the record is scanned again from its start (once per block at most, so this costs nothing).
     */
    private Scan scan() {
        final byte[] b = buf;
        final byte[] cls = classes;
        final int[] slots = slotOfField;
        final int end = limit;
        final int start = pos;
        int p = start;
        int field = 0;
        int from = start;
        int content;
        while (true) {
            if (p == end) {
                // No line end yet: more than maxRecordChars bytes already means a long record (see class doc).
                if (!eof) return end - start > options.maxRecordChars() ? Scan.HAND_OVER : Scan.NEED_MORE;
                if (p == start) return Scan.END;
                content = p;
                nextRecord = p;
                break;
            }
            byte kind = cls[b[p] & 0xff];
            if (kind == OTHER) {
                p++;
            } else if (kind == DELIMITER) {
                if (field < slots.length && slots[field] >= 0) {
                    fieldStart[slots[field]] = from;
                    fieldEnd[slots[field]] = p;
                }
                field++;
                from = ++p;
            } else if (kind == LINE_FEED) {
                content = p;
                nextRecord = p + 1;
                break;
            } else if (kind == CARRIAGE_RETURN) {
                if (p + 1 == end && !eof) return Scan.NEED_MORE;
                if (p + 1 == end || b[p + 1] != '\n') return Scan.HAND_OVER;
                content = p;
                nextRecord = p + 2;
                break;
            } else {
                return Scan.HAND_OVER;
            }
        }
        if (content == start) return Scan.BLANK;
        if (content - start > options.maxRecordChars()) return Scan.HAND_OVER;
        if (field < slots.length && slots[field] >= 0) {
            fieldStart[slots[field]] = from;
            fieldEnd[slots[field]] = content;
        }
        contentEnd = content;
        fieldCount = field + 1;
        return Scan.ROW;
    }

    /**
     * Reads more input after {@link #limit}: first moves the current record to the front of the buffer, or
     * doubles the buffer when the record fills it; then reads until the buffer is full or the input ends.
     */
    private void fill() throws InputException {
        if (limit == buf.length) {
            if (pos > 0) {
                if (layout == null) fileStartDropped = true;
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                dropped += pos;
                limit -= pos;
                pos = 0;
            } else {
                buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length));
            }
        }
        try {
            while (limit < buf.length) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit += n;
            }
        } catch (IOException e) {
            if (layout == null) throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
            throw InputException.atLine(name, linesRead + 1, rowsRead + 1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The input from buffer offset {@code from} on: the bytes still buffered, then the rest of the stream. */
    private InputStream remaining(int from) {
        return new SequenceInputStream(new ByteArrayInputStream(buf, from, limit - from), in);
    }

    @Override
    public void close() throws InputException {
        try {
            if (rest != null) rest.close();
            else in.close();
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot close: " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }
}
