package org.losseval.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;
import org.losseval.batch.CellIssue;

/**
 * Reads one leaf column of one row group ({@link ParquetChunk}) page by page: its levels and its values, the
 * values decoded once a page into numbers ({@link ParquetNumberKind}), text codes ({@link ParquetTextColumn}),
 * or both, for a field read both ways.
 *
 * <p>A page holds {@code num_values} entries; each entry has a repetition level (lists only), a definition
 * level (optional or nested fields only) and, when its definition level is the column's maximum, a value.
 * Levels are the RLE / bit-packing hybrid ({@link ParquetRle}): in a v1 page each after a 4-byte length, in a
 * v2 page at the lengths its header gives. Values are PLAIN, dictionary indices (PLAIN_DICTIONARY or
 * RLE_DICTIONARY: one byte of bit width, then the hybrid) into the chunk's dictionary page, or one of the
 * encodings {@link ParquetValues} reads; anything else is an input error naming the encoding.
 *
 * <p>Two ways to read: {@link #readFlat} copies a run of rows of a top-level number or text field into batch
 * arrays (a page's values with no nulls in one copy); {@link #definition}, {@link #repetition},
 * {@link #number} and {@link #consume} walk entries one at a time for list columns. Not thread-safe.
 *
 * <p>{@link #load} moves a cursor on to the same column's chunk of the next row group, keeping its level and
 * value arrays (sized for the largest page so far), so a reader allocates them once per column, not once per
 * row group.
 */
final class ParquetColumnCursor {
    /** More entries in one page than any writer makes (they cut pages at ~1 MiB or 20,000 rows): a corrupt count. */
    static final int MAX_PAGE_ENTRIES = 1 << 27;

    private ParquetChunk chunk;
    private final Type type;
    private final int maxDefinition;
    private final int maxRepetition;
    private final ParquetNumberKind numbers;
    private final ParquetTextColumn text;
    private final TextDictionary dictionary;

    private int page = -1;
    private int entries;
    private int entry;
    private int value;
    /**
     * Whether every entry of the current page has a value (no null): then entry i's value is value i, and
     * {@link #readFlat} copies runs as for a required field. Writers mark a column optional whether or not it
     * holds nulls (DuckDB does), and checking each entry's level was 8% of a range thread's CPU on the
     * benchmark's regression file (JFR, src/bench/README.md).
     */
    private boolean allPresent;
    private int[] definitions = new int[0];
    private int[] repetitions = new int[0];
    private double[] nums = new double[0];
    private int[] codes = new int[0];
    private long[] raw = new long[0];
    private int[] indices = new int[0];
    /** Where data pages are decompressed: shared by the cursors of one reader, since a page is decoded at once. */
    private final ParquetPageBuffer pageBuffer;

    private boolean dictionaryRead;
    private int dictionarySize;
    private double[] dictionaryNums;
    private long[] dictionaryRaw;
    private byte[] dictionaryBytes;
    private int[] dictionaryFrom;
    private int[] dictionaryTo;
    /** Text codes of dictionary entries, made when an entry is first used (-1 before): a group must not list values no row has. */
    private int[] dictionaryCodes;

    /**
     * @param numbers    how to read the values as numbers, or null
     * @param text       how to read the values as text, or null
     * @param dictionary the text column's dictionary (with {@code text})
     */
    ParquetColumnCursor(ParquetChunk chunk, ParquetSchema.Field leaf, ParquetNumberKind numbers, ParquetTextColumn text,
                        TextDictionary dictionary) {
        this(chunk, leaf, numbers, text, dictionary, new ParquetPageBuffer());
    }

    /** As above, decompressing pages into {@code pageBuffer}, which the reader's other cursors (same thread) share. */
    ParquetColumnCursor(ParquetChunk chunk, ParquetSchema.Field leaf, ParquetNumberKind numbers, ParquetTextColumn text,
                        TextDictionary dictionary, ParquetPageBuffer pageBuffer) {
        this.pageBuffer = pageBuffer;
        this.chunk = chunk;
        this.type = leaf.type;
        this.maxDefinition = leaf.maxDefinition;
        this.maxRepetition = leaf.maxRepetition;
        this.numbers = numbers;
        this.text = text;
        this.dictionary = dictionary;
    }

    /** The chunk being read: a reader passes it to {@link ParquetFile#chunk(int, ParquetSchema.Field, ParquetChunk)} to reuse its array. */
    ParquetChunk chunk() {
        return chunk;
    }

    /**
     * Starts reading {@code next}, the same leaf's chunk of another row group, from its first page; the level
     * and value arrays are kept, the dictionary is the new chunk's (read when first used).
     */
    void load(ParquetChunk next) {
        chunk = next;
        page = -1;
        entries = 0;
        entry = 0;
        value = 0;
        dictionaryRead = false;
        dictionarySize = 0;
        dictionaryNums = null;
        dictionaryRaw = null;
        dictionaryBytes = null;
        dictionaryFrom = null;
        dictionaryTo = null;
        dictionaryCodes = null;
    }

    /**
     * Reads the next {@code rows} rows of a top-level field into {@code outNums[at..]} (NaN for a null, plus a
     * {@link CellIssue.Problem#NULL} issue on {@code column}) and/or {@code outCodes[at..]} (the empty string's
     * code for a null).
     */
    void readFlat(int rows, double[] outNums, int[] outCodes, int at, List<CellIssue> issues, String column)
            throws IOException {
        // The empty string's code is asked for at the first null only: codes number texts in order of appearance.
        int nullCode = -1;
        while (rows > 0) {
            if (entry == entries) nextPage();
            int k = Math.min(rows, entries - entry);
            if (allPresent) {
                if (outNums != null) System.arraycopy(nums, value, outNums, at, k);
                if (outCodes != null) System.arraycopy(codes, value, outCodes, at, k);
                value += k;
            } else {
                for (int j = 0; j < k; j++) {
                    if (definitions[entry + j] == maxDefinition) {
                        if (outNums != null) outNums[at + j] = nums[value];
                        if (outCodes != null) outCodes[at + j] = codes[value];
                        value++;
                    } else {
                        if (outNums != null) {
                            outNums[at + j] = Double.NaN;
                            issues.add(new CellIssue(at + j, column, CellIssue.Problem.NULL, null));
                        }
                        if (outCodes != null) {
                            if (nullCode < 0) nullCode = dictionary.code("");
                            outCodes[at + j] = nullCode;
                        }
                    }
                }
            }
            entry += k;
            at += k;
            rows -= k;
        }
    }

    /** The current entry's definition level. */
    int definition() throws IOException {
        while (entry == entries) nextPage();
        return maxDefinition == 0 ? 0 : definitions[entry];
    }

    /** The current entry's repetition level; 0 after the chunk's last entry (a row ends there too). */
    int repetition() throws IOException {
        while (entry == entries) {
            if (page + 1 >= chunk.pages.size()) return 0;
            nextPage();
        }
        return maxRepetition == 0 ? 0 : repetitions[entry];
    }

    /** The current entry's value as a number: only when {@link #definition} is the maximum. */
    double number() {
        return nums[value];
    }

    /** Moves past the current entry (and its value, if it has one). */
    void consume() throws IOException {
        if (definition() == maxDefinition) value++;
        entry++;
    }

    private void nextPage() throws IOException {
        if (page + 1 >= chunk.pages.size()) {
            throw new IOException("corrupt data: the column chunk holds fewer values than its row group has rows");
        }
        page++;
        PageHeader header = chunk.pages.get(page);
        // The page's bytes are read only in this call (decoded into the arrays above), so the buffer is free after.
        byte[] data = chunk.pageBytes(page, pageBuffer.get());
        pageBuffer.keep(data);
        int end = chunk.pageSize(page);
        int pos;
        Encoding encoding;
        int n;
        if (header.getType() == PageType.DATA_PAGE) {
            DataPageHeader v1 = header.getData_page_header();
            n = checkedEntries(v1.getNum_values());
            encoding = v1.getEncoding();
            pos = 0;
            if (maxRepetition > 0) pos = levelsV1(data, pos, end, v1.getRepetition_level_encoding(), maxRepetition, repetitions = grow(repetitions, n), n);
            if (maxDefinition > 0) pos = levelsV1(data, pos, end, v1.getDefinition_level_encoding(), maxDefinition, definitions = grow(definitions, n), n);
        } else {
            DataPageHeaderV2 v2 = header.getData_page_header_v2();
            n = checkedEntries(v2.getNum_values());
            encoding = v2.getEncoding();
            int rep = v2.getRepetition_levels_byte_length();
            int def = v2.getDefinition_levels_byte_length();
            if (maxRepetition > 0) ParquetRle.decode(data, 0, rep, ParquetRle.widthOf(maxRepetition), repetitions = grow(repetitions, n), n);
            if (maxDefinition > 0) ParquetRle.decode(data, rep, rep + def, ParquetRle.widthOf(maxDefinition), definitions = grow(definitions, n), n);
            pos = rep + def;
        }
        int present = n;
        if (maxDefinition > 0) {
            present = 0;
            for (int i = 0; i < n; i++) if (definitions[i] == maxDefinition) present++;
        }
        if (numbers != null) nums = grow(nums, present);
        if (text != null) codes = grow(codes, present);
        values(encoding, data, pos, end, present);
        entries = n;
        entry = 0;
        value = 0;
        allPresent = present == n;
    }

    private static int checkedEntries(int n) throws IOException {
        if (n < 0 || n > MAX_PAGE_ENTRIES) throw new IOException("corrupt data: a page of " + n + " values");
        return n;
    }

    private static int levelsV1(byte[] data, int pos, int end, Encoding encoding, int max, int[] out, int n)
            throws IOException {
        if (encoding != Encoding.RLE) {
            throw new IOException("levels encoded as " + encoding + " are not supported (only RLE)");
        }
        if (pos + 4 > end) throw new IOException("corrupt data: the file ends inside a column chunk or page (truncated or damaged)");
        int length = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
        if (length < 0 || length > end - pos - 4) throw new IOException("corrupt data: levels of " + length + " bytes");
        ParquetRle.decode(data, pos + 4, pos + 4 + length, ParquetRle.widthOf(max), out, n);
        return pos + 4 + length;
    }

    /** Decodes {@code count} values from {@code data[pos, end)} into {@link #nums} and/or {@link #codes}. */
    private void values(Encoding encoding, byte[] data, int pos, int end, int count) throws IOException {
        if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
            readDictionary();
            if (count == 0) return;
            if (pos >= end) throw new IOException("corrupt data: the file ends inside a column chunk or page (truncated or damaged)");
            indices = grow(indices, count);
            ParquetRle.decode(data, pos + 1, end, data[pos] & 0xff, indices, count);
            for (int i = 0; i < count; i++) {
                int index = indices[i];
                if (index < 0 || index >= dictionarySize) {
                    throw new IOException("corrupt data: dictionary index " + index + " of a " + dictionarySize + "-entry dictionary");
                }
                if (numbers != null) nums[i] = dictionaryNums[index];
                if (text != null) codes[i] = dictionaryCode(index);
            }
            return;
        }
        if (type == Type.BYTE_ARRAY) {
            ParquetValues.Bytes sink = (i, in, from, to) -> codes[i] = text.codeOfBytes(in, from, to, dictionary);
            switch (encoding) {
                case PLAIN -> ParquetValues.plainBytes(data, pos, end, count, sink);
                case DELTA_LENGTH_BYTE_ARRAY -> ParquetValues.deltaLengthBytes(data, pos, end, count, sink);
                case DELTA_BYTE_ARRAY -> ParquetValues.deltaBytes(data, pos, end, count, sink);
                default -> throw unsupported(encoding);
            }
            return;
        }
        if (encoding == Encoding.PLAIN && type == Type.DOUBLE && text == null) {
            ParquetValues.plainDoubles(data, pos, end, nums, count);
            return;
        }
        raw = grow(raw, count);
        switch (encoding) {
            case PLAIN -> ParquetValues.plain(type, data, pos, end, raw, count);
            case RLE -> {
                if (type != Type.BOOLEAN) throw unsupported(encoding);
                ParquetValues.rleBooleans(data, pos, end, raw, count);
            }
            case DELTA_BINARY_PACKED -> {
                if (type != Type.INT32 && type != Type.INT64) throw unsupported(encoding);
                ParquetValues.deltaBinaryPacked(data, pos, end, raw, count);
                if (type == Type.INT32) for (int i = 0; i < count; i++) raw[i] = (int) raw[i];
            }
            case BYTE_STREAM_SPLIT -> ParquetValues.byteStreamSplit(type, data, pos, end, raw, count);
            default -> throw unsupported(encoding);
        }
        for (int i = 0; i < count; i++) {
            if (numbers != null) nums[i] = numbers.fromRaw(raw[i]);
            if (text != null) codes[i] = text.codeOfRaw(raw[i], dictionary);
        }
    }

    private IOException unsupported(Encoding encoding) {
        return new IOException("values of type " + type + " encoded as " + encoding + " are not supported");
    }

    private void readDictionary() throws IOException {
        if (dictionaryRead) return;
        if (chunk.dictionary == null) throw new IOException("corrupt data: dictionary-encoded values without a dictionary page");
        byte[] data = chunk.dictionaryBytes();
        int n = chunk.dictionary.getDictionary_page_header().getNum_values();
        if (n < 0 || n > MAX_PAGE_ENTRIES) throw new IOException("corrupt data: a dictionary of " + n + " values");
        Encoding encoding = chunk.dictionary.getDictionary_page_header().getEncoding();
        if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
            throw new IOException("a dictionary encoded as " + encoding + " is not supported");
        }
        if (type == Type.BYTE_ARRAY) {
            int[] from = new int[n];
            int[] to = new int[n];
            ParquetValues.plainBytes(data, 0, data.length, n, (i, in, f, t) -> {
                from[i] = f;
                to[i] = t;
            });
            dictionaryBytes = data;
            dictionaryFrom = from;
            dictionaryTo = to;
        } else {
            dictionaryRaw = new long[n];
            ParquetValues.plain(type, data, 0, data.length, dictionaryRaw, n);
            if (numbers != null) {
                dictionaryNums = new double[n];
                for (int i = 0; i < n; i++) dictionaryNums[i] = numbers.fromRaw(dictionaryRaw[i]);
            }
        }
        dictionaryCodes = new int[n];
        Arrays.fill(dictionaryCodes, -1);
        dictionarySize = n;
        dictionaryRead = true;
    }

    private int dictionaryCode(int index) throws IOException {
        int code = dictionaryCodes[index];
        if (code < 0) {
            code = type == Type.BYTE_ARRAY
                    ? text.codeOfBytes(dictionaryBytes, dictionaryFrom[index], dictionaryTo[index], dictionary)
                    : text.codeOfRaw(dictionaryRaw[index], dictionary);
            dictionaryCodes[index] = code;
        }
        return code;
    }

    private static int[] grow(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, 2 * a.length)];
    }

    private static long[] grow(long[] a, int n) {
        return a.length >= n ? a : new long[Math.max(n, 2 * a.length)];
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, 2 * a.length)];
    }
}
