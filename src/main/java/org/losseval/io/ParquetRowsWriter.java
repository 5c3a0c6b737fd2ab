package org.losseval.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet form of a {@code --rows-out} file, written by parquet-java's own writer through its Hadoop-free
 * interfaces ({@link PlainParquetConfiguration}, an {@link OutputFile} over the caller's stream), so the
 * packaged jar needs no Hadoop class beyond those it already carries for reading.
 *
 * <p>Schema (column names as {@link RowsLayout}): {@code input} required BINARY (UTF8 string), {@code row}
 * required INT64, {@code residual} and every loss optional DOUBLE, {@code outlier} optional BOOLEAN,
 * {@code skipped} optional BINARY (UTF8); an empty cell is a null.
 *
 * <p>Pages are UNCOMPRESSED, numbers PLAIN, {@code input} and {@code skipped} dictionary-encoded. Any other
 * codec makes parquet-java's writer build a Hadoop {@code Configuration}, which needs Hadoop's own
 * dependencies (Woodstox first: {@code NoClassDefFoundError: com/ctc/wstx/io/InputBootstrapper} from the
 * packaged jar), excluded from the jar; a codec factory of our own, as the reader has
 * ({@link ParquetDecompressors}), would lift this. Memory: parquet-java
 * buffers one row group of encoded values before writing it, so a row group is capped at
 * {@link #ROW_GROUP_BYTES}; nothing grows with the number of rows but the footer's list of row groups
 * (a few hundred bytes per {@value #ROW_GROUP_BYTES}-byte group).
 */
final class ParquetRowsWriter implements RowsWriter {
    /** The row group size: bounds what parquet-java buffers. */
    static final int ROW_GROUP_BYTES = 16 << 20;

    private final ParquetWriter<RowRecord> writer;

    ParquetRowsWriter(RowsLayout layout, OutputStream out) throws IOException {
        MessageType schema = schema(layout);
        writer = new Builder(new StreamOutputFile(out), new RecordWriteSupport(schema, layout))
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                // Numbers rarely repeat: a dictionary would be built for each row group and thrown away. The
                // input's name repeats on every row and the skip reasons are few: those get one.
                .withDictionaryEncoding(false)
                .withDictionaryEncoding(RowsLayout.INPUT, true)
                .withDictionaryEncoding(RowsLayout.SKIPPED, true)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    static MessageType schema(RowsLayout layout) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RowsLayout.INPUT);
        builder.required(PrimitiveTypeName.INT64).named(RowsLayout.ROW);
        for (String text : layout.textColumns()) {
            builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(text);
        }
        builder.optional(PrimitiveTypeName.DOUBLE).named(RowsLayout.RESIDUAL);
        List<String> header = layout.header();
        int from = header.indexOf(RowsLayout.RESIDUAL) + 1;
        for (String column : header.subList(from, header.indexOf(RowsLayout.OUTLIER))) {
            builder.optional(PrimitiveTypeName.DOUBLE).named(column);
        }
        builder.optional(PrimitiveTypeName.BOOLEAN).named(RowsLayout.OUTLIER);
        builder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RowsLayout.SKIPPED);
        return builder.named("rows");
    }

    @Override
    public void write(RowRecord row) throws IOException {
        writer.write(row);
    }

    @Override
    public void finish() throws IOException {
        writer.close();
    }

    /** Turns a {@link RowRecord} into Parquet's record events, leaving out the empty cells (nulls). */
    private static final class RecordWriteSupport extends WriteSupport<RowRecord> {
        private final MessageType schema;
        private final int texts;
        /** Per text column, the last value and its bytes: a text column's rows share a few String instances. */
        private final String[] lastTexts;
        private final Binary[] lastTextBytes;
        private final int losses;
        private RecordConsumer consumer;
        /** The input's name as Parquet bytes, made again only when the input changes. */
        private String lastInput;
        private Binary lastInputBytes;

        RecordWriteSupport(MessageType schema, RowsLayout layout) {
            this.schema = schema;
            this.texts = layout.textColumns().size();
            this.lastTexts = new String[texts];
            this.lastTextBytes = new Binary[texts];
            this.losses = layout.lossColumns().size();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) { return new WriteContext(schema, Map.of()); }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) { consumer = recordConsumer; }

        @Override
        public void write(RowRecord row) {
            if (!row.input.equals(lastInput)) {
                lastInput = row.input;
                lastInputBytes = Binary.fromString(row.input);
            }
            consumer.startMessage();
            int field = 0;
            consumer.startField(RowsLayout.INPUT, field);
            consumer.addBinary(lastInputBytes);
            consumer.endField(RowsLayout.INPUT, field++);
            consumer.startField(RowsLayout.ROW, field);
            consumer.addLong(row.row);
            consumer.endField(RowsLayout.ROW, field++);
            for (int t = 0; t < texts; t++) {
                String name = schema.getFieldName(field);
                consumer.startField(name, field);
                if (row.texts[t] != lastTexts[t]) {
                    lastTexts[t] = row.texts[t];
                    lastTextBytes[t] = Binary.fromString(row.texts[t]);
                }
                consumer.addBinary(lastTextBytes[t]);
                consumer.endField(name, field++);
            }
            optionalDouble(RowsLayout.RESIDUAL, field++, row.residual);
            for (int l = 0; l < losses; l++) optionalDouble(schema.getFieldName(field), field++, row.losses[l]);
            for (int l = 0; l < row.baselineLosses.length; l++) {
                optionalDouble(schema.getFieldName(field), field++, row.baselineLosses[l]);
            }
            for (int l = 0; l < row.deltas.length; l++) optionalDouble(schema.getFieldName(field), field++, row.deltas[l]);
            if (row.outlier != RowRecord.UNKNOWN) {
                consumer.startField(RowsLayout.OUTLIER, field);
                consumer.addBoolean(row.outlier == 1);
                consumer.endField(RowsLayout.OUTLIER, field);
            }
            field++;
            if (row.skipped != null) {
                consumer.startField(RowsLayout.SKIPPED, field);
                consumer.addBinary(Binary.fromString(row.skipped));
                consumer.endField(RowsLayout.SKIPPED, field);
            }
            consumer.endMessage();
        }

        private void optionalDouble(String name, int field, double value) {
            if (Double.isNaN(value)) return;
            consumer.startField(name, field);
            consumer.addDouble(value);
            consumer.endField(name, field);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<RowRecord, Builder> {
        private final WriteSupport<RowRecord> support;

        Builder(OutputFile file, WriteSupport<RowRecord> support) {
            super(file);
            this.support = support;
        }

        @Override protected Builder self() { return this; }

        @Override protected WriteSupport<RowRecord> getWriteSupport(ParquetConfiguration configuration) { return support; }

        @Override
        protected WriteSupport<RowRecord> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            return support;
        }
    }

    /** Parquet's view of the caller's stream: it only needs the position, which it counts. */
    private record StreamOutputFile(OutputStream out) implements OutputFile {
        @Override public PositionOutputStream create(long blockSizeHint) { return new CountingStream(out); }

        @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) { return create(blockSizeHint); }

        @Override public boolean supportsBlockSize() { return false; }

        @Override public long defaultBlockSize() { return 0; }

        @Override public String getPath() { return "rows-out"; }
    }

    private static final class CountingStream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingStream(OutputStream out) { this.out = out; }

        @Override public long getPos() { return position; }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override public void flush() throws IOException { out.flush(); }

        @Override public void close() throws IOException { out.close(); }
    }

}
