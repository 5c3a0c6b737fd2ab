package org.losseval.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.Type;

/**
 * The Parquet form of a {@code --rows-out} file, written with Apache Parquet's Thrift model (page headers and
 * footer, {@link ParquetThrift}) and {@link ParquetColumnWriter}'s pages: no parquet-java writer, no Hadoop.
 *
 * <p>Schema (column names and order as {@link RowsLayout}): {@code input} required BINARY (UTF8 string), {@code row}
 * required INT64, the key and group columns required BINARY (UTF8), {@code residual}, every loss (and with a
 * comparison every baseline loss and difference) optional DOUBLE, {@code outlier} optional BOOLEAN,
 * {@code skipped} optional BINARY (UTF8); an empty cell is a null.
 *
 * <p>Layout: {@code PAR1}, row groups of at most about {@link #ROW_GROUP_BYTES} (each column's chunk written
 * whole, its pages cut every {@link #PAGE_ROWS} rows), the footer, its length, {@code PAR1}. Pages are
 * UNCOMPRESSED data pages v1 with CRCs, numbers PLAIN, strings dictionary-encoded
 * ({@link ParquetColumnWriter}): every Parquet reader reads them, and the file is written at the speed of the
 * disk. Memory: one row group's encoded values; nothing grows with the number of rows but the
 * footer's list of row groups (a few hundred bytes per group).
 */
final class ParquetRowsWriter implements RowsWriter {
    /** The row group size: bounds what is buffered. */
    static final int ROW_GROUP_BYTES = 16 << 20;
    /** Rows per page: parquet-java's default page row limit, so readers' page buffers stay small. */
    static final int PAGE_ROWS = 20_000;
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final OutputStream out;
    private final int rowGroupBytes;
    private final int texts;
    /** Per text column, the last value and its UTF-8 bytes. */
    private final String[] lastTexts;
    private final byte[][] lastTextBytes;
    private final ParquetColumnWriter[] columns;
    private final int losses;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private long position;
    private long rowsInGroup;
    private long rows;
    /** The input's name as UTF-8, made again only when the input changes. */
    private String lastInput;
    private byte[] lastInputBytes;

    ParquetRowsWriter(RowsLayout layout, OutputStream out) throws IOException {
        this(layout, out, ROW_GROUP_BYTES);
    }

    /** As the public constructor, with row groups cut at about {@code rowGroupBytes} (tests: several groups). */
    ParquetRowsWriter(RowsLayout layout, OutputStream out, int rowGroupBytes) throws IOException {
        this.out = out;
        this.rowGroupBytes = rowGroupBytes;
        this.losses = layout.lossColumns().size();
        this.texts = layout.textColumns().size();
        this.lastTexts = new String[texts];
        this.lastTextBytes = new byte[texts][];
        List<ParquetColumnWriter> list = new ArrayList<>();
        list.add(new ParquetColumnWriter(RowsLayout.INPUT, Type.BYTE_ARRAY, false));
        list.add(new ParquetColumnWriter(RowsLayout.ROW, Type.INT64, false));
        for (String text : layout.textColumns()) list.add(new ParquetColumnWriter(text, Type.BYTE_ARRAY, false));
        // The numbers between the residual and the outlier flag, in the layout's order (the one home of the
        // columns): each loss, then with a comparison each baseline loss and each difference.
        List<String> header = layout.header();
        for (String column : header.subList(header.indexOf(RowsLayout.RESIDUAL), header.indexOf(RowsLayout.OUTLIER))) {
            list.add(new ParquetColumnWriter(column, Type.DOUBLE, true));
        }
        list.add(new ParquetColumnWriter(RowsLayout.OUTLIER, Type.BOOLEAN, true));
        list.add(new ParquetColumnWriter(RowsLayout.SKIPPED, Type.BYTE_ARRAY, true));
        this.columns = list.toArray(new ParquetColumnWriter[0]);
        out.write(MAGIC);
        position = MAGIC.length;
    }

    /** The footer's schema: the root, then one element per column. */
    static List<SchemaElement> schema(ParquetColumnWriter[] columns) {
        List<SchemaElement> schema = new ArrayList<>();
        SchemaElement root = new SchemaElement("rows");
        root.setNum_children(columns.length);
        schema.add(root);
        for (ParquetColumnWriter column : columns) {
            SchemaElement element = new SchemaElement(column.name());
            element.setType(column.type());
            element.setRepetition_type(column.optional() ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
            if (column.type() == Type.BYTE_ARRAY) {
                element.setConverted_type(ConvertedType.UTF8);
                element.setLogicalType(LogicalType.STRING(new StringType()));
            }
            schema.add(element);
        }
        return schema;
    }

    @Override
    public void write(RowRecord row) throws IOException {
        if (!row.input.equals(lastInput)) {
            lastInput = row.input;
            lastInputBytes = row.input.getBytes(StandardCharsets.UTF_8);
        }
        int c = 0;
        columns[c++].addString(lastInputBytes);
        columns[c++].addLong(row.row);
        for (int t = 0; t < texts; t++) {
            // A text column's rows share a few String instances: encode each once.
            if (row.texts[t] != lastTexts[t]) {
                lastTexts[t] = row.texts[t];
                lastTextBytes[t] = row.texts[t].getBytes(StandardCharsets.UTF_8);
            }
            columns[c++].addString(lastTextBytes[t]);
        }
        optionalDouble(columns[c++], row.residual);
        for (int l = 0; l < losses; l++) optionalDouble(columns[c++], row.losses[l]);
        for (int l = 0; l < row.baselineLosses.length; l++) optionalDouble(columns[c++], row.baselineLosses[l]);
        for (int l = 0; l < row.deltas.length; l++) optionalDouble(columns[c++], row.deltas[l]);
        ParquetColumnWriter outlier = columns[c++];
        if (row.outlier == RowRecord.UNKNOWN) outlier.addNull();
        else outlier.addBoolean(row.outlier == 1);
        ParquetColumnWriter skipped = columns[c];
        if (row.skipped == null) skipped.addNull();
        else skipped.addString(row.skipped);
        rows++;
        if (++rowsInGroup % PAGE_ROWS == 0) {
            long buffered = 0;
            for (ParquetColumnWriter column : columns) {
                column.endPage();
                buffered += column.bufferedBytes();
            }
            if (buffered >= rowGroupBytes) endRowGroup();
        }
    }

    private static void optionalDouble(ParquetColumnWriter column, double value) {
        if (Double.isNaN(value)) column.addNull();
        else column.addDouble(value);
    }

    private void endRowGroup() throws IOException {
        if (rowsInGroup == 0) return;
        List<ColumnChunk> chunks = new ArrayList<>();
        long start = position;
        for (ParquetColumnWriter column : columns) {
            long offset = position;
            ColumnMetaData meta = column.writeChunk(out, offset);
            position += meta.getTotal_compressed_size();
            ColumnChunk chunk = new ColumnChunk(offset);
            chunk.setMeta_data(meta);
            chunks.add(chunk);
        }
        RowGroup group = new RowGroup(chunks, position - start, rowsInGroup);
        group.setFile_offset(start);
        group.setTotal_compressed_size(position - start);
        rowGroups.add(group);
        rowsInGroup = 0;
    }

    @Override
    public void finish() throws IOException {
        endRowGroup();
        FileMetaData footer = new FileMetaData(1, schema(columns), rows, rowGroups);
        footer.setCreated_by("losseval");
        CountingStream counted = new CountingStream(out);
        ParquetThrift.write(footer, counted);
        long length = counted.count;
        out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        out.write(MAGIC);
        out.close();
    }

    /** Counts the footer's bytes on their way to the caller's stream. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) { this.out = out; }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
