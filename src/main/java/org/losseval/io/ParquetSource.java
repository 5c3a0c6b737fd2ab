package org.losseval.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;

/**
 * Reads named number columns of a Parquet file with parquet-java's column API.
 *
 * <p>The file is opened through {@link LocalInputFile} (no Hadoop file system), and only the requested
 * columns are fetched. Row groups are read one at a time: memory holds one row group's requested
 * column chunks plus one batch, whatever the file size. Values are decoded straight from each
 * {@link ColumnReader} into the batch arrays, with no record assembly. Rows are numbered from 1 across
 * row groups. A null is NaN plus a {@link CellIssue.Problem#NULL} issue. Pages may be uncompressed or
 * compressed with snappy, gzip or zstd ({@link ParquetDecompressors}); other codecs are an input error.
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
    private final String createdBy;
    private final ParquetNumberColumn[] columns;
    private final ColumnReader[] columnReaders;
    private final double[][] values;
    private final int batchSize;
    private long leftInRowGroup;
    private long rowsRead;

    private ParquetSource(String name, Path file, boolean deleteOnClose, ParquetFileReader reader,
                          ParquetNumberColumn[] columns, int batchSize) {
        this.name = name;
        this.file = file;
        this.deleteOnClose = deleteOnClose;
        this.reader = reader;
        this.columns = columns;
        this.batchSize = batchSize;
        List<Type> fields = new ArrayList<>();
        for (ParquetNumberColumn column : columns) fields.add(column.field());
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        this.projection = new MessageType(schema.getName(), fields);
        this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        this.columnReaders = new ColumnReader[columns.length];
        this.values = new double[columns.length][batchSize];
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
            reader = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetDecompressors()).build());
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<ParquetNumberColumn> columns = new ArrayList<>();
            for (String column : new LinkedHashSet<>(options.columns())) {
                columns.add(ParquetNumberColumn.resolve(name, schema, column));
            }
            return new ParquetSource(name, file, deleteOnClose, reader,
                    columns.toArray(new ParquetNumberColumn[0]), options.batchSize());
        } catch (InputException e) {
            abandon(reader, file, deleteOnClose);
            throw e;
        } catch (IOException | RuntimeException e) {
            // parquet-java reports a file that is not Parquet, or is corrupt, with plain RuntimeExceptions.
            abandon(reader, file, deleteOnClose);
            throw new InputException(name, 0, null, describe(e), e);
        }
    }

    @Override
    public String name() { return name; }

    @Override
    public String format() { return "parquet"; }

    @Override
    public long rowsRead() { return rowsRead; }

    @Override
    public ColumnBatch next() throws InputException {
        try {
            if (leftInRowGroup == 0 && !nextRowGroup()) return null;
            int size = (int) Math.min(batchSize, leftInRowGroup);
            List<CellIssue> issues = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                for (int i = 0; i < size; i++) {
                    if (!columns[c].readInto(columnReaders[c], values[c], i)) {
                        issues.add(new CellIssue(i, columns[c].name(), CellIssue.Problem.NULL, null));
                    }
                }
            }
            // Columns are decoded one after the other; the batch lists issues in row order.
            if (columns.length > 1) issues.sort(Comparator.comparingInt(CellIssue::index));
            Map<String, double[]> batchColumns = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) batchColumns.put(columns[c].name(), values[c]);
            ColumnBatch batch = new ColumnBatch(name, rowsRead + 1, size, batchColumns, issues);
            leftInRowGroup -= size;
            rowsRead += size;
            return batch;
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, rowsRead + 1, null, describe(e), e);
        }
    }

    /** Loads the next non-empty row group's requested columns; false at the end of the file. */
    private boolean nextRowGroup() throws IOException {
        PageReadStore pages;
        do {
            pages = reader.readNextRowGroup();
            if (pages == null) return false;
        } while (pages.getRowCount() == 0);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IgnoringConverter.GROUP, projection, createdBy);
        for (int c = 0; c < columns.length; c++) columnReaders[c] = store.getColumnReader(columns[c].descriptor());
        leftInRowGroup = pages.getRowCount();
        return true;
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

    private static void abandon(ParquetFileReader reader, Path file, boolean deleteOnClose) {
        try {
            if (reader != null) reader.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
        if (deleteOnClose) StdinSpool.delete(file);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot read Parquet: " + message;
    }

    /**
     * The column readers want a converter tree, but values are pulled with {@code getDouble()} and friends
     * instead, so every converter here ignores what it is given.
     */
    private static final class IgnoringConverter {
        static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};
        static final GroupConverter GROUP = new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) { return PRIMITIVE; }

            @Override
            public void start() {}

            @Override
            public void end() {}
        };
    }
}
