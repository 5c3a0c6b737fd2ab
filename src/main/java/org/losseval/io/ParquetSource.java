package org.losseval.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads named number columns, column groups and text columns of a Parquet file, decoding the column chunks
 * itself ({@link ParquetFile}, {@link ParquetChunk}, {@link ParquetColumnCursor}) straight into the batch's
 * arrays: no record assembly, no per-value calls, no Hadoop.
 *
 * <p>Only the requested columns' chunks are read. Row groups are read one at a time: memory holds one row
 * group's requested column chunks, one decoded page of each, and one batch, whatever the file size; the chunks'
 * arrays and the pages' decoding arrays are reused from one row group to the next (grown when a larger one comes),
 * and all columns' pages are decompressed into one array ({@link ParquetPageBuffer}). Rows are
 * numbered from 1 across row groups. A null is NaN plus a {@link CellIssue.Problem#NULL} issue. Pages may be
 * uncompressed or compressed with snappy, gzip, zstd or LZ4 ({@link ParquetDecompressors}); other codecs are
 * an input error.
 *
 * <p>Column groups ({@link SourceOptions#groups()}) are resolved against the top-level field names when
 * the source opens ({@link GroupSpec}). A number field in a group is read like a requested column; a list
 * field ({@link ParquetListColumn}) becomes the batch columns {@code emb[0]}, …, {@code emb[k-1]}, its width
 * k measured at open by {@link ParquetListWidths}.
 *
 * <p>Text columns ({@link SourceOptions#texts()}, {@link TextColumns}) are read by {@link ParquetTextColumn}
 * into dictionary codes; a field also read as numbers is decoded once, by one cursor, for both.
 *
 * <p>Before anything is decoded, {@link ParquetLayout} checks the file's frame and the footer's chunk
 * offsets, so a truncated, empty or non-Parquet file is described in the user's words. Page checksums are
 * verified whenever the writer stored them, when a row group is loaded; a mismatch names the row group, its
 * first row and the column. Files written without checksums cannot be checked: a changed value there reads
 * as that value.
 *
 * <p>Only {@link Sources} names this class, in the branch that opens Parquet, so CSV runs never load
 * Parquet classes.
 */
final class ParquetSource implements Source {
    private final String name;
    private final Path file;
    private final boolean deleteOnClose;
    private final ParquetFile reader;
    private final ParquetNumberColumn[] columns;
    private final ParquetColumnCursor[] columnCursors;
    private final double[][] values;
    private final ParquetListColumn[] lists;
    private final ParquetColumnCursor[] listCursors;
    private final double[][][] listValues;
    private final GroupColumns groups;
    private final TextColumns texts;
    /** {@code textColumns[t]}: how to read text column t, null for a virtual one. */
    private final ParquetTextColumn[] textColumns;
    /** {@code textOfColumn[c]}: the text column read from number column c's cursor (the same field), or -1. */
    private final int[] textOfColumn;
    /** {@code textCursors[t]}: the cursor of text column t when no number column reads its field, else null. */
    private final ParquetColumnCursor[] textCursors;
    private final int batchSize;
    /** The array every cursor of this source decompresses its pages into (one source reads on one thread). */
    private final ParquetPageBuffer pageBuffer = new ParquetPageBuffer();
    /** Whether {@link #close} closes {@link #reader}: false for a range of a file that {@link ParquetRanges} shares. */
    private final boolean ownsReader;
    /** One past the last row group read (all of them, or a range's end). */
    private final int endGroup;
    private long leftInRowGroup;
    private long rowsRead;
    /** The 0-based index of the row group being read; one before the first to read until it is loaded. */
    private int rowGroup;

    private ParquetSource(String name, Path file, boolean deleteOnClose, ParquetFile reader, boolean ownsReader,
                          RowGroupRange range, List<ParquetNumberColumn> columns, List<ParquetListColumn> lists,
                          GroupColumns groups, TextColumns texts, ParquetTextColumn[] textColumns, int batchSize) {
        this.name = name;
        this.file = file;
        this.deleteOnClose = deleteOnClose;
        this.reader = reader;
        this.ownsReader = ownsReader;
        this.rowGroup = range.first() - 1;
        this.endGroup = range.end();
        this.rowsRead = range.rowsBefore();
        this.columns = columns.toArray(new ParquetNumberColumn[0]);
        this.lists = lists.toArray(new ParquetListColumn[0]);
        this.groups = groups;
        this.texts = texts;
        this.textColumns = textColumns;
        this.textOfColumn = new int[this.columns.length];
        this.textCursors = new ParquetColumnCursor[textColumns.length];
        this.batchSize = batchSize;
        for (int c = 0; c < this.columns.length; c++) {
            textOfColumn[c] = -1;
            for (int t = 0; t < textColumns.length; t++) {
                if (textColumns[t] != null && textColumns[t].name().equals(this.columns[c].name())) textOfColumn[c] = t;
            }
        }
        this.columnCursors = new ParquetColumnCursor[this.columns.length];
        this.values = new double[this.columns.length][batchSize];
        this.listCursors = new ParquetColumnCursor[this.lists.length];
        this.listValues = new double[this.lists.length][][];
        for (int l = 0; l < this.lists.length; l++) {
            listValues[l] = new double[this.lists[l].batchColumns().size()][batchSize];
        }
    }

    /**
     * @param name          the input name for messages
     * @param file          the file to read
     * @param deleteOnClose whether {@link #close()} deletes the file (a spooled copy of stdin)
     */
    static Source open(String name, Path file, boolean deleteOnClose, SourceOptions options) throws InputException {
        ParquetFile reader = null;
        try {
            reader = ParquetFile.open(name, file);
        } catch (InputException e) {
            abandon(null, file, deleteOnClose);
            throw e;
        } catch (IOException | RuntimeException e) {
            abandon(null, file, deleteOnClose);
            throw new InputException(name, 0, null, ParquetErrors.describe(e), e);
        } catch (OutOfMemoryError e) {
            abandon(null, file, deleteOnClose);
            throw new InputException(name, 0, null, OUT_OF_MEMORY, e);
        }
        return open(name, file, deleteOnClose, reader, true, RowGroupRange.all(reader), options);
    }

    /**
     * The rows of row groups {@code range} of an open file, numbered as in the whole file; with {@code ownsReader}
     * false the reader stays open when the source closes (the ranges of {@link ParquetRanges} share one). Every
     * check at open (columns, groups, list widths, text columns) is of the whole file, so every range of a file
     * opens, or fails to open, as the whole file does.
     */
    static Source open(String name, Path file, boolean deleteOnClose, ParquetFile reader, boolean ownsReader,
                       RowGroupRange range, SourceOptions options) throws InputException {
        try {
            ParquetSchema schema = reader.schema;
            Map<String, ParquetNumberColumn> columns = new LinkedHashMap<>();
            for (String column : options.columns()) {
                if (!columns.containsKey(column)) columns.put(column, ParquetNumberColumn.resolve(name, schema, column));
            }
            Map<String, List<String>> groupFields = new LinkedHashMap<>();
            Map<String, ParquetListColumn> lists = new LinkedHashMap<>();
            Map<String, String> groupOfList = new LinkedHashMap<>();
            List<String> fieldNames = schema.fieldNames();
            for (String spec : options.groups()) {
                List<String> fields = GroupSpec.resolve(name, spec, fieldNames);
                groupFields.put(spec, fields);
                for (String field : fields) {
                    if (columns.containsKey(field) || lists.containsKey(field)) continue;
                    if (ParquetListColumn.isList(schema.field(field))) {
                        lists.put(field, inGroup(spec, () -> ParquetListColumn.resolve(name, schema, field)));
                        groupOfList.put(field, spec);
                    } else {
                        columns.put(field, inGroup(spec, () -> ParquetNumberColumn.resolve(name, schema, field)));
                    }
                }
            }
            List<ParquetListColumn> sized = ParquetListWidths.measure(name, reader, List.copyOf(lists.values()), groupOfList);
            Map<String, List<String>> expansions = new LinkedHashMap<>();
            for (ParquetListColumn list : sized) expansions.put(list.name(), list.batchColumns());
            checkDistinct(name, columns.keySet(), sized);
            GroupColumns groups = new GroupColumns(name);
            for (Map.Entry<String, List<String>> group : groupFields.entrySet()) {
                List<String> batchColumns = new ArrayList<>();
                for (String field : group.getValue()) batchColumns.addAll(expansions.getOrDefault(field, List.of(field)));
                groups.put(group.getKey(), batchColumns);
            }
            TextColumns texts = TextColumns.resolve(name, options, fieldNames);
            ParquetTextColumn[] textColumns = new ParquetTextColumn[texts.names.length];
            for (int t = 0; t < textColumns.length; t++) {
                if (texts.isReal(t)) textColumns[t] = ParquetTextColumn.resolve(name, schema, texts.names[t]);
            }
            return new ParquetSource(name, file, deleteOnClose, reader, ownsReader, range, List.copyOf(columns.values()),
                    sized, groups, texts, textColumns, options.batchSize());
        } catch (InputException e) {
            abandon(ownsReader ? reader : null, file, deleteOnClose);
            throw e;
        } catch (IOException | RuntimeException e) {
            // A footer or page that cannot be decoded: the Thrift decoder and our own decoders say why.
            abandon(ownsReader ? reader : null, file, deleteOnClose);
            throw new InputException(name, 0, null, ParquetErrors.describe(e), e);
        } catch (OutOfMemoryError e) {
            abandon(ownsReader ? reader : null, file, deleteOnClose);
            throw new InputException(name, 0, null, OUT_OF_MEMORY, e);
        }
    }

    /**
     * Row groups {@code [first, end)} of a file and the rows before {@code first} (so rows keep their numbers in
     * the whole file). Batches never span row groups, so a range's batches are those of the whole file.
     */
    record RowGroupRange(int first, int end, long rowsBefore) {
        static RowGroupRange all(ParquetFile reader) {
            return new RowGroupRange(0, reader.rowGroups().size(), 0);
        }
    }

    @Override
    public String name() { return name; }

    @Override
    public String format() { return "parquet"; }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public List<String> groupColumns(String groupSpec) { return groups.of(groupSpec); }

    @Override
    public ColumnBatch next() throws InputException {
        try {
            if (leftInRowGroup == 0 && !nextRowGroup()) return null;
            int size = (int) Math.min(batchSize, leftInRowGroup);
            List<CellIssue> issues = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                int t = textOfColumn[c];
                columnCursors[c].readFlat(size, values[c], t >= 0 ? texts.codes[t] : null, 0, issues, columns[c].name());
            }
            for (int t = 0; t < textColumns.length; t++) {
                if (textCursors[t] != null) textCursors[t].readFlat(size, null, texts.codes[t], 0, issues, textColumns[t].name());
            }
            for (int l = 0; l < lists.length; l++) {
                for (int i = 0; i < size; i++) lists[l].readRow(listCursors[l], listValues[l], i, issues);
            }
            // Columns are decoded one after the other; the batch lists issues in row order (a stable sort
            // keeps the column order within a row).
            if (columns.length + lists.length > 1) issues.sort(Comparator.comparingInt(CellIssue::index));
            Map<String, double[]> batchColumns = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) batchColumns.put(columns[c].name(), values[c]);
            for (int l = 0; l < lists.length; l++) {
                List<String> names = lists[l].batchColumns();
                for (int j = 0; j < names.size(); j++) batchColumns.put(names.get(j), listValues[l][j]);
            }
            ColumnBatch batch = texts.addTo(new ColumnBatch(name, rowsRead + 1, size, batchColumns, issues));
            leftInRowGroup -= size;
            rowsRead += size;
            return batch;
        } catch (ColumnFailure e) {
            throw e.error;
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, rowsRead + 1, null, ParquetErrors.describe(e), e);
        } catch (OutOfMemoryError e) {
            // Decoding buffers are sized from counts stored in the page (capped, but a heap may be smaller than
            // a legitimate page needs). One such request fails without filling the heap, so this message can
            // still be made; a real shortage says so too.
            throw new InputException(name, rowsRead + 1, null, OUT_OF_MEMORY, e);
        }
    }

    /** Decoding a page needed more memory than the heap has: a corrupt page, or a heap too small for the file. */
    static final String OUT_OF_MEMORY = "cannot read Parquet: decoding a page needs more memory than Java has "
            + "(a corrupt page, or give Java more memory, e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g)";

    /**
     * Loads the next non-empty row group's requested column chunks, verifying their page checksums; false at
     * the end of the file. A checksum mismatch names the column and the row group's first row.
     */
    private boolean nextRowGroup() throws IOException, ColumnFailure {
        do {
            rowGroup++;
            if (rowGroup >= endGroup) return false;
        } while (reader.rowGroups().get(rowGroup).getNum_rows() == 0);
        // A cursor is made at the first row group and moved on after (its chunk's array and its page arrays
        // reused): see ParquetChunk and ParquetColumnCursor on why.
        for (int c = 0; c < columns.length; c++) {
            ParquetColumnCursor cursor = columnCursors[c];
            ParquetChunk chunk = chunk(columns[c].field(), columns[c].name(), cursor);
            int t = textOfColumn[c];
            if (cursor != null) cursor.load(chunk);
            else columnCursors[c] = new ParquetColumnCursor(chunk, columns[c].field(), columns[c].kind(),
                    t >= 0 ? textColumns[t] : null, t >= 0 ? texts.dictionaries[t] : null, pageBuffer);
        }
        for (int l = 0; l < lists.length; l++) {
            ParquetColumnCursor cursor = listCursors[l];
            ParquetChunk chunk = chunk(lists[l].element(), lists[l].name(), cursor);
            if (cursor != null) cursor.load(chunk);
            else listCursors[l] = new ParquetColumnCursor(chunk, lists[l].element(), lists[l].kind(), null, null,
                    pageBuffer);
        }
        for (int t = 0; t < textColumns.length; t++) {
            if (textColumns[t] != null && !readsAsNumber(textColumns[t].name())) {
                ParquetColumnCursor cursor = textCursors[t];
                ParquetChunk chunk = chunk(textColumns[t].field(), textColumns[t].name(), cursor);
                if (cursor != null) cursor.load(chunk);
                else textCursors[t] = new ParquetColumnCursor(chunk, textColumns[t].field(), null, textColumns[t],
                        texts.dictionaries[t], pageBuffer);
            }
        }
        leftInRowGroup = reader.rowGroups().get(rowGroup).getNum_rows();
        return true;
    }

    /**
     * The current row group's chunk of {@code leaf}, of the top-level field {@code column}, read into the array of
     * the chunk {@code previous} reads (null at the first row group), which is then moved on to it.
     */
    private ParquetChunk chunk(ParquetSchema.Field leaf, String column, ParquetColumnCursor previous)
            throws IOException, ColumnFailure {
        try {
            return reader.chunk(rowGroup, leaf, previous == null ? null : previous.chunk());
        } catch (IOException e) {
            if (!ParquetErrors.isChecksumFailure(e)) throw e;
            // The row is the row group's first: the page's own rows are not known without decoding it.
            throw new ColumnFailure(new InputException(name, rowsRead + 1, column, "corrupt page in row group "
                    + (rowGroup + 1) + ": its checksum (CRC) does not match its bytes", e));
        }
    }

    /** Whether a number column reads field {@code name} (a text column of that field then shares its cursor). */
    private boolean readsAsNumber(String name) {
        for (ParquetNumberColumn column : columns) if (column.name().equals(name)) return true;
        return false;
    }

    @Override
    public void close() throws InputException {
        try {
            if (ownsReader) reader.close();
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot close: " + e.getMessage(), e);
        } finally {
            if (deleteOnClose) StdinSpool.delete(file);
        }
    }

    /** An input error already in its final words, carried out of the decoding path. */
    private static final class ColumnFailure extends Exception {
        final InputException error;

        ColumnFailure(InputException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** A field pulled in by a group (a glob, say) that cannot be read: the message also names the group. */
    private static <T> T inGroup(String spec, Resolution<T> resolution) throws InputException {
        try {
            return resolution.get();
        } catch (InputException e) {
            throw inGroup(e, spec);
        }
    }

    /** A list's batch columns ({@code emb[0]}) must not clash with a field of that very name also read. */
    private static void checkDistinct(String name, Set<String> columns, List<ParquetListColumn> lists)
            throws InputException {
        for (ParquetListColumn list : lists) {
            for (String column : list.batchColumns()) {
                if (columns.contains(column)) throw elementClash(name, column, list.name());
            }
        }
    }

    /** A group member's resolution error, saying which group asked for it. */
    static InputException inGroup(InputException e, String spec) {
        return e.withDetail(e.detail() + " (in group '" + spec + "')");
    }

    /** The error for a field of the file named as an element of a list column also read ({@code emb[0]}). */
    static InputException elementClash(String name, String column, String list) {
        return new InputException(name, 0, column, "both a field of the file and an element of list column '"
                + list + "'; read one of them only");
    }

    private static void abandon(ParquetFile reader, Path file, boolean deleteOnClose) {
        try {
            if (reader != null) reader.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
        if (deleteOnClose) StdinSpool.delete(file);
    }

    /** A resolution step that may fail with an input error. */
    private interface Resolution<T> {
        T get() throws InputException;
    }
}
