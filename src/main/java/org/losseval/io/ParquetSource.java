package org.losseval.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads named number columns and column groups of a Parquet file with parquet-java's column API.
 *
 * <p>The file is opened through {@link LocalInputFile} (no Hadoop file system), and only the requested
 * columns are fetched. Row groups are read one at a time: memory holds one row group's requested
 * column chunks plus one batch, whatever the file size. Values are decoded straight from each
 * {@link ColumnReader} into the batch arrays, with no record assembly. Rows are numbered from 1 across
 * row groups. A null is NaN plus a {@link CellIssue.Problem#NULL} issue. Pages may be uncompressed or
 * compressed with snappy, gzip or zstd ({@link ParquetDecompressors}); other codecs are an input error.
 *
 * <p>Column groups ({@link SourceOptions#groups()}) are resolved against the top-level field names when
 * the source opens ({@link GroupSpec}). A number field in a group is read like a requested column; a list
 * field ({@link ParquetListColumn}) becomes the batch columns {@code emb[0]}, …, {@code emb[k-1]}, its width
 * k measured at open by {@link ParquetListWidths}.
 *
 * <p>Text columns ({@link SourceOptions#texts()}, {@link TextColumns}) are read by {@link ParquetTextColumn}
 * into dictionary codes; a field also read as numbers is decoded once, from one reader, for both.
 *
 * <p>Before parquet-java reads anything, {@link ParquetLayout} checks the file's frame and the footer's chunk
 * offsets, so a truncated, empty or non-Parquet file is described in the user's words. Page checksums are
 * verified whenever the writer stored them; a mismatch names the row group, its first row and the column.
 * Files written without checksums cannot be checked: a changed value there reads as that value.
 *
 * <p>Only {@link Sources} names this class, in the branch that opens Parquet, so CSV runs never load
 * Parquet or Hadoop classes.
 */
final class ParquetSource implements Source {
    private final String name;
    private final Path file;
    private final boolean deleteOnClose;
    private final ParquetFileReader reader;
    private final MessageType projection;
    private final GroupConverter converter;
    private final String createdBy;
    private final ParquetNumberColumn[] columns;
    private final ColumnReader[] columnReaders;
    private final double[][] values;
    private final ParquetListColumn[] lists;
    private final ColumnReader[] listReaders;
    private final double[][][] listValues;
    private final GroupColumns groups;
    private final TextColumns texts;
    /** {@code textColumns[t]}: how to read text column t, null for a virtual one. */
    private final ParquetTextColumn[] textColumns;
    /** {@code textOfColumn[c]}: the text column read from number column c's reader (the same field), or -1. */
    private final int[] textOfColumn;
    /** {@code textReaders[t]}: the reader of text column t when no number column reads its field, else null. */
    private final ColumnReader[] textReaders;
    private final int batchSize;
    private long leftInRowGroup;
    private long rowsRead;
    /** The 0-based index of the row group being read, -1 before the first. */
    private int rowGroup = -1;

    private ParquetSource(String name, Path file, boolean deleteOnClose, ParquetFileReader reader,
                          List<ParquetNumberColumn> columns, List<ParquetListColumn> lists, GroupColumns groups,
                          TextColumns texts, ParquetTextColumn[] textColumns, int batchSize) {
        this.name = name;
        this.file = file;
        this.deleteOnClose = deleteOnClose;
        this.reader = reader;
        this.columns = columns.toArray(new ParquetNumberColumn[0]);
        this.lists = lists.toArray(new ParquetListColumn[0]);
        this.groups = groups;
        this.texts = texts;
        this.textColumns = textColumns;
        this.textOfColumn = new int[this.columns.length];
        this.textReaders = new ColumnReader[textColumns.length];
        this.batchSize = batchSize;
        List<Type> fields = new ArrayList<>();
        for (ParquetNumberColumn column : columns) fields.add(column.field());
        for (ParquetListColumn list : lists) fields.add(list.field());
        for (int c = 0; c < this.columns.length; c++) {
            textOfColumn[c] = -1;
            for (int t = 0; t < textColumns.length; t++) {
                if (textColumns[t] != null && textColumns[t].name().equals(this.columns[c].name())) textOfColumn[c] = t;
            }
        }
        for (int t = 0; t < textColumns.length; t++) {
            if (textColumns[t] != null && !readsAsNumber(textColumns[t].name())) fields.add(textColumns[t].field());
        }
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        this.projection = new MessageType(schema.getName(), fields);
        this.converter = IgnoringConverter.forSchema(projection);
        this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        this.columnReaders = new ColumnReader[this.columns.length];
        this.values = new double[this.columns.length][batchSize];
        this.listReaders = new ColumnReader[this.lists.length];
        this.listValues = new double[this.lists.length][][];
        for (int l = 0; l < this.lists.length; l++) {
            listValues[l] = new double[this.lists[l].batchColumns().size()][batchSize];
        }
        reader.setRequestedSchema(projection);
    }

    /**
     * @param name          the input name for messages
     * @param file          the file to read
     * @param deleteOnClose whether {@link #close()} deletes the file (a spooled copy of stdin)
     */
    static Source open(String name, Path file, boolean deleteOnClose, SourceOptions options) throws InputException {
        ParquetFileReader reader = null;
        try {
            ParquetLayout.checkFrame(name, file);
            reader = ParquetFileReader.open(new LocalInputFile(file), readOptions());
            ParquetLayout.checkChunks(name, file, reader.getRowGroups(), Files.size(file));
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Map<String, ParquetNumberColumn> columns = new LinkedHashMap<>();
            for (String column : options.columns()) {
                if (!columns.containsKey(column)) columns.put(column, ParquetNumberColumn.resolve(name, schema, column));
            }
            Map<String, List<String>> groupFields = new LinkedHashMap<>();
            Map<String, ParquetListColumn> lists = new LinkedHashMap<>();
            Map<String, String> groupOfList = new LinkedHashMap<>();
            List<String> fieldNames = ParquetNumberColumn.fieldNames(schema);
            for (String spec : options.groups()) {
                List<String> fields = GroupSpec.resolve(name, spec, fieldNames);
                groupFields.put(spec, fields);
                for (String field : fields) {
                    if (columns.containsKey(field) || lists.containsKey(field)) continue;
                    if (ParquetListColumn.isList(schema.getType(field))) {
                        lists.put(field, inGroup(spec, () -> ParquetListColumn.resolve(name, schema, field)));
                        groupOfList.put(field, spec);
                    } else {
                        columns.put(field, inGroup(spec, () -> ParquetNumberColumn.resolve(name, schema, field)));
                    }
                }
            }
            List<ParquetListColumn> sized = ParquetListWidths.measure(name, file, List.copyOf(lists.values()), groupOfList);
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
            return new ParquetSource(name, file, deleteOnClose, reader, List.copyOf(columns.values()), sized, groups,
                    texts, textColumns, options.batchSize());
        } catch (InputException e) {
            abandon(reader, file, deleteOnClose);
            throw e;
        } catch (IOException | RuntimeException e) {
            // parquet-java reports a file that is not Parquet, or is corrupt, with plain RuntimeExceptions.
            abandon(reader, file, deleteOnClose);
            throw new InputException(name, 0, null, ParquetErrors.describe(e), e);
        }
    }

    /**
     * The options every Parquet reader here opens files with: no Hadoop configuration, our decompressors, and
     * page checksums verified wherever the writer stored them (a page without one cannot be checked).
     */
    static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetDecompressors())
                .usePageChecksumVerification(true)
                .build();
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
                for (int i = 0; i < size; i++) {
                    // A field read both ways: its text first, since reading the number moves the reader on.
                    if (t >= 0) texts.codes[t][i] = textColumns[t].codeOfCurrent(columnReaders[c], texts.dictionaries[t]);
                    if (!columns[c].readInto(columnReaders[c], values[c], i)) {
                        issues.add(new CellIssue(i, columns[c].name(), CellIssue.Problem.NULL, null));
                    }
                }
            }
            for (int t = 0; t < textColumns.length; t++) {
                ColumnReader textReader = textReaders[t];
                if (textReader == null) continue;
                int[] codes = texts.codes[t];
                for (int i = 0; i < size; i++) {
                    codes[i] = textColumns[t].codeOfCurrent(textReader, texts.dictionaries[t]);
                    textReader.consume();
                }
            }
            for (int l = 0; l < lists.length; l++) {
                for (int i = 0; i < size; i++) lists[l].readRow(listReaders[l], listValues[l], i, issues);
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
        } catch (IOException | RuntimeException e) {
            if (ParquetErrors.isChecksumFailure(e)) throw checksumFailure(e);
            throw new InputException(name, rowsRead + 1, null, ParquetErrors.describe(e), e);
        } catch (OutOfMemoryError e) {
            // parquet-java sizes its decoding buffers from counts stored in the page (an RLE run header of a
            // corrupt page can ask for 2^31 values: found by ParquetReaderFuzzTest). One such request fails
            // without filling the heap, so this message can still be made; a real shortage says so too.
            throw new InputException(name, rowsRead + 1, null, OUT_OF_MEMORY, e);
        }
    }

    /** Decoding a page needed more memory than the heap has: a corrupt page, or a heap too small for the file. */
    static final String OUT_OF_MEMORY = "cannot read Parquet: decoding a page needs more memory than Java has "
            + "(a corrupt page, or give Java more memory, e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g)";

    /** Loads the next non-empty row group's requested columns; false at the end of the file. */
    private boolean nextRowGroup() throws IOException {
        PageReadStore pages;
        do {
            rowGroup++;
            pages = reader.readNextRowGroup();
            if (pages == null) return false;
        } while (pages.getRowCount() == 0);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, converter, projection, createdBy);
        for (int c = 0; c < columns.length; c++) columnReaders[c] = store.getColumnReader(columns[c].descriptor());
        for (int l = 0; l < lists.length; l++) listReaders[l] = store.getColumnReader(lists[l].descriptor());
        for (int t = 0; t < textColumns.length; t++) {
            if (textColumns[t] != null && !readsAsNumber(textColumns[t].name())) {
                textReaders[t] = store.getColumnReader(textColumns[t].descriptor());
            }
        }
        leftInRowGroup = pages.getRowCount();
        return true;
    }

    /** Whether a number column reads field {@code name} (a text column of that field then shares its reader). */
    private boolean readsAsNumber(String name) {
        for (ParquetNumberColumn column : columns) if (column.name().equals(name)) return true;
        return false;
    }

    /**
     * A page whose checksum does not match: parquet-java reads a row group's chunks together and does not say
     * which failed, so each requested column of that row group is read again alone to name it (a cold path).
     */
    private InputException checksumFailure(Exception e) {
        long firstRow = rowsRead + 1;
        // The row is the row group's first: the page's own rows are not known without decoding it.
        String detail = "corrupt page in row group " + (rowGroup + 1) + ": its checksum (CRC) does not match its bytes";
        for (Type field : projection.getFields()) {
            try (ParquetFileReader alone = ParquetFileReader.open(new LocalInputFile(file), readOptions())) {
                alone.setRequestedSchema(new MessageType(projection.getName(), field));
                alone.readRowGroup(rowGroup);
            } catch (IOException | RuntimeException again) {
                if (ParquetErrors.isChecksumFailure(again)) {
                    return new InputException(name, firstRow, field.getName(), detail, e);
                }
            }
        }
        return new InputException(name, firstRow, null, detail, e);
    }

    @Override
    public void close() throws InputException {
        try {
            reader.close();
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot close: " + e.getMessage(), e);
        } finally {
            if (deleteOnClose) StdinSpool.delete(file);
        }
    }

    /** A field pulled in by a group (a glob, say) that cannot be read: the message also names the group. */
    private static <T> T inGroup(String spec, Resolution<T> resolution) throws InputException {
        try {
            return resolution.get();
        } catch (InputException e) {
            throw e.withDetail(e.detail() + " (in group '" + spec + "')");
        }
    }

    /** A list's batch columns ({@code emb[0]}) must not clash with a field of that very name also read. */
    private static void checkDistinct(String name, Set<String> columns, List<ParquetListColumn> lists)
            throws InputException {
        for (ParquetListColumn list : lists) {
            for (String column : list.batchColumns()) {
                if (columns.contains(column)) {
                    throw new InputException(name, 0, column, "both a field of the file and an element of list column '"
                            + list.name() + "'; read one of them only");
                }
            }
        }
    }

    private static void abandon(ParquetFileReader reader, Path file, boolean deleteOnClose) {
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
