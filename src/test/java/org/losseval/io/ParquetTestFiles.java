package org.losseval.io;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.xerial.snappy.Snappy;

/**
 * Writes Parquet test files with parquet-java itself (its example {@link Group} writer), so readers are
 * tested against files laid out by the reference implementation. Pages are compressed by the codec
 * libraries directly (see {@code Compressors} below); files compressed by parquet-java's own Hadoop
 * codecs are checked separately by {@code ParquetCodecFixturesTest}.
 *
 * <p>Callers use only JDK types and the enums here, never Parquet classes:
 * <pre>{@code
 * Path file = ParquetTestFiles.write(dir.resolve("p.parquet"), List.of("pred", "target"),
 *         List.of(new double[] {1, 2}, new double[] {1.5, 2}));
 * ParquetTestFiles.write(file, names, columns,
 *         ParquetTestFiles.Options.defaults().codec(Codec.ZSTD).rowGroupRows(100).nullable(true));
 * // A list column "emb" beside a scalar "y": a null row is a null list, a NaN element a null element.
 * ParquetTestFiles.writeWithList(file, List.of("y"), List.of(new double[] {1, 0}), "emb",
 *         new double[][] {{0.5, 2}, null}, ListLayout.STANDARD, Options.defaults());
 * }</pre>
 */
public final class ParquetTestFiles {
    private ParquetTestFiles() {}

    /** The compression of every column chunk. */
    public enum Codec { UNCOMPRESSED, SNAPPY, GZIP, ZSTD }

    /** The physical type of every column; values are cast from the given doubles (ints truncate). */
    public enum NumberType { DOUBLE, FLOAT, INT32, INT64 }

    /** How a list column is laid out in the schema (see the "Lists" section of Parquet's LogicalTypes.md). */
    public enum ListLayout {
        /** {@code optional group emb (LIST) { repeated group list { optional <type> element; } }}. */
        STANDARD,
        /** The legacy two-level form {@code optional group emb (LIST) { repeated <type> array; }}: no null elements. */
        TWO_LEVEL,
        /** A bare {@code repeated <type> emb}: neither null lists nor null elements. */
        REPEATED_FIELD
    }

    /**
     * @param codec        the compression codec
     * @param rowGroupRows the most rows in one row group (so small files can have many row groups)
     * @param nullable     whether columns are optional; then a NaN in the input is written as a null
     * @param type         the physical type of the columns
     * @param pageChecksums whether pages carry a CRC-32
     */
    public record Options(Codec codec, int rowGroupRows, boolean nullable, NumberType type, boolean pageChecksums) {
        /** Snappy, one row group, required DOUBLE columns, page CRCs (parquet-java's default since 1.12). */
        public static Options defaults() {
            return new Options(Codec.SNAPPY, 1 << 20, false, NumberType.DOUBLE, true);
        }

        public Options codec(Codec value) { return new Options(value, rowGroupRows, nullable, type, pageChecksums); }

        public Options rowGroupRows(int value) { return new Options(codec, value, nullable, type, pageChecksums); }

        public Options nullable(boolean value) { return new Options(codec, rowGroupRows, value, type, pageChecksums); }

        public Options type(NumberType value) { return new Options(codec, rowGroupRows, nullable, value, pageChecksums); }

        /** Whether each page stores its CRC-32 ({@code withPageWriteChecksumEnabled}). */
        public Options pageChecksums(boolean value) { return new Options(codec, rowGroupRows, nullable, type, value); }
    }

    /** Writes required DOUBLE columns, snappy-compressed, in one row group. */
    public static Path write(Path file, List<String> names, List<double[]> columns) {
        return write(file, names, columns, Options.defaults());
    }

    /**
     * Writes one column per name; all arrays must have the same length. Overwrites {@code file}.
     *
     * @return {@code file}
     */
    public static Path write(Path file, List<String> names, List<double[]> columns, Options options) {
        if (names.size() != columns.size()) throw new IllegalArgumentException("one array per name");
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        for (double[] column : columns) {
            if (column.length != rows) throw new IllegalArgumentException("columns differ in length");
        }
        Types.MessageTypeBuilder schemaBuilder = Types.buildMessage();
        PrimitiveTypeName physical = PrimitiveTypeName.valueOf(options.type().name());
        Type.Repetition repetition = options.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        for (String name : names) schemaBuilder.addField(Types.primitive(physical, repetition).named(name));
        MessageType schema = schemaBuilder.named("test");

        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = writer(file, schema, options)) {
            for (int row = 0; row < rows; row++) {
                Group group = groups.newGroup();
                for (int c = 0; c < names.size(); c++) {
                    double value = columns.get(c)[row];
                    if (options.nullable() && Double.isNaN(value)) continue;
                    switch (options.type()) {
                        case DOUBLE -> group.add(c, value);
                        case FLOAT -> group.add(c, (float) value);
                        case INT32 -> group.add(c, (int) value);
                        case INT64 -> group.add(c, (long) value);
                    }
                }
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes the scalar columns {@code names} (as {@link #write} does) followed by one list column
     * {@code listName}, with one list per row of {@code lists}: a null row is a null list, an empty row an
     * empty list, a NaN element a null element. Rows may differ in length. {@code options.type()} is the
     * type of the scalars and of the list elements; {@code options.nullable()} concerns the scalars only.
     *
     * @throws IllegalArgumentException when the layout cannot hold a null the rows ask for
     */
    public static Path writeWithList(Path file, List<String> names, List<double[]> columns, String listName,
                                     double[][] lists, ListLayout layout, Options options) {
        if (names.size() != columns.size()) throw new IllegalArgumentException("one array per name");
        for (double[] column : columns) {
            if (column.length != lists.length) throw new IllegalArgumentException("columns differ in length");
        }
        PrimitiveTypeName physical = PrimitiveTypeName.valueOf(options.type().name());
        Type.Repetition repetition = options.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        Types.MessageTypeBuilder schemaBuilder = Types.buildMessage();
        for (String name : names) schemaBuilder.addField(Types.primitive(physical, repetition).named(name));
        schemaBuilder.addField(switch (layout) {
            case STANDARD -> Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(Types.optional(physical).named("element")).named("list"))
                    .named(listName);
            case TWO_LEVEL -> Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeated(physical).named("array"))
                    .named(listName);
            case REPEATED_FIELD -> Types.repeated(physical).named(listName);
        });
        MessageType schema = schemaBuilder.named("test");

        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = writer(file, schema, options)) {
            for (int row = 0; row < lists.length; row++) {
                Group group = groups.newGroup();
                for (int c = 0; c < names.size(); c++) {
                    double value = columns.get(c)[row];
                    if (!(options.nullable() && Double.isNaN(value))) addNumber(group, names.get(c), value, options.type());
                }
                addList(group, listName, lists[row], layout, options.type());
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void addList(Group row, String listName, double[] list, ListLayout layout, NumberType type) {
        if (list == null) {
            if (layout == ListLayout.REPEATED_FIELD) throw new IllegalArgumentException("a repeated field has no null list");
            return;
        }
        if (layout == ListLayout.REPEATED_FIELD) {
            for (double value : list) addNumber(row, listName, value, type);
            return;
        }
        Group listGroup = row.addGroup(listName);
        for (double value : list) {
            if (layout == ListLayout.TWO_LEVEL) {
                if (Double.isNaN(value)) throw new IllegalArgumentException("a two-level list has no null elements");
                addNumber(listGroup, "array", value, type);
            } else {
                Group entry = listGroup.addGroup("list");
                if (!Double.isNaN(value)) addNumber(entry, "element", value, type);
            }
        }
    }

    private static void addNumber(Group group, String field, double value, NumberType type) {
        switch (type) {
            case DOUBLE -> group.add(field, value);
            case FLOAT -> group.add(field, (float) value);
            case INT32 -> group.add(field, (int) value);
            case INT64 -> group.add(field, (long) value);
        }
    }

    /**
     * Writes required columns of mixed types, in the order given: a {@code String[]} as a UTF-8 string
     * (BINARY annotated STRING), a {@code long[]} as INT64, a {@code double[]} as DOUBLE. Snappy, one row group.
     *
     * @return {@code file}
     */
    public static Path writeMixed(Path file, java.util.LinkedHashMap<String, Object> columns) {
        Types.MessageTypeBuilder schemaBuilder = Types.buildMessage();
        int rows = -1;
        for (java.util.Map.Entry<String, Object> e : columns.entrySet()) {
            Object values = e.getValue();
            int n;
            if (values instanceof String[] texts) {
                schemaBuilder.addField(Types.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(e.getKey()));
                n = texts.length;
            } else if (values instanceof long[] longs) {
                schemaBuilder.addField(Types.required(PrimitiveTypeName.INT64).named(e.getKey()));
                n = longs.length;
            } else if (values instanceof double[] doubles) {
                schemaBuilder.addField(Types.required(PrimitiveTypeName.DOUBLE).named(e.getKey()));
                n = doubles.length;
            } else {
                throw new IllegalArgumentException("String[], long[] or double[], not " + values.getClass());
            }
            if (rows >= 0 && n != rows) throw new IllegalArgumentException("columns differ in length");
            rows = n;
        }
        MessageType schema = schemaBuilder.named("test");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = writer(file, schema, Options.defaults())) {
            for (int row = 0; row < rows; row++) {
                Group group = groups.newGroup();
                int c = 0;
                for (Object values : columns.values()) {
                    if (values instanceof String[] texts) group.add(c, texts[row]);
                    else if (values instanceof long[] longs) group.add(c, longs[row]);
                    else group.add(c, ((double[]) values)[row]);
                    c++;
                }
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The number of row groups in the footer of {@code file}, empty ones included. */
    public static int rowGroups(Path file) throws IOException {
        return footer(file).getRow_groups().size();
    }

    /** The footer of {@code file} as parquet-java's Thrift classes read it (the reference, not losseval's reader). */
    static FileMetaData footer(Path file) throws IOException {
        return footer(Files.readAllBytes(file));
    }

    /** The footer of a Parquet file's {@code bytes}. */
    private static FileMetaData footer(byte[] bytes) throws IOException {
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, footerAt(bytes), footerLength(bytes)));
    }

    /** The footer's length, from the 4 bytes before the closing magic number. */
    /** The footer's Thrift bytes of a Parquet file (between the data and the length and magic at its end). */
    static byte[] footerBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Arrays.copyOfRange(bytes, footerAt(bytes), bytes.length - 8);
    }

    private static int footerLength(byte[] bytes) {
        return ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** Where the footer starts: before its length and the magic number. */
    private static int footerAt(byte[] bytes) {
        return bytes.length - 8 - footerLength(bytes);
    }

    /**
     * Rewrites the footer of {@code file} with row groups of no rows inserted (copies of the first row group's
     * metadata with {@code num_rows} 0, which readers skip), at each index of {@code at} in turn, in the row group
     * list as it is after the insertions before it: {@code (0, 3)} puts one first and one after the second of
     * the original row groups.
     */
    public static void insertEmptyRowGroups(Path file, int... at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int footerAt = footerAt(bytes);
        FileMetaData footer = footer(bytes);
        for (int index : at) {
            RowGroup empty = footer.getRow_groups().get(0).deepCopy();
            empty.setNum_rows(0);
            footer.getRow_groups().add(index, empty);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, footerAt);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, meta);
        meta.writeTo(out);
        int n = meta.size();
        out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24), 'P', 'A', 'R', '1'});
        Files.write(file, out.toByteArray());
    }

    /** A writer for any schema, for tests that need types this helper does not offer. */
    static ParquetWriter<Group> writer(Path file, MessageType schema, Options options) throws IOException {
        return writer(file, schema, options, true);
    }

    /** As {@link #writer(Path, MessageType, Options)}; {@code dictionary} false writes every page plain-encoded. */
    static ParquetWriter<Group> writer(Path file, MessageType schema, Options options, boolean dictionary)
            throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withDictionaryEncoding(dictionary)
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new Compressors())
                .withCompressionCodec(CompressionCodecName.valueOf(options.codec().name()))
                .withRowGroupRowCountLimit(options.rowGroupRows())
                .withPageWriteChecksumEnabled(options.pageChecksums())
                .build();
    }

    /**
     * Compresses pages with the codec libraries directly, the mirror of {@link ParquetDecompressors}:
     * parquet-hadoop's own codecs need a Hadoop {@code Configuration} and its many dependencies, which
     * losseval leaves out. The formats are the standard ones (raw snappy block, gzip member, zstd frame);
     * {@code ParquetCodecFixturesTest} checks files whose pages parquet-hadoop's own codecs compressed.
     */
    static final class Compressors implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    byte[] raw = bytes.toByteArray();
                    return BytesInput.from(switch (codec) {
                        case UNCOMPRESSED -> raw;
                        case SNAPPY -> Snappy.compress(raw);
                        case GZIP -> gzip(raw);
                        case ZSTD -> Zstd.compress(raw, 3);
                        case LZ4_RAW -> lz4(raw);
                        default -> throw new IOException("no test compressor for " + codec);
                    });
                }

                @Override
                public CompressionCodecName getCodecName() { return codec; }

                @Override
                public void release() {}
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new ParquetJavaCodecs().getDecompressor(codec);
        }

        @Override
        public void release() {}

        private static byte[] lz4(byte[] raw) {
            io.airlift.compress.lz4.Lz4Compressor lz4 = new io.airlift.compress.lz4.Lz4Compressor();
            byte[] out = new byte[lz4.maxCompressedLength(raw.length)];
            int n = lz4.compress(raw, 0, raw.length, out, 0, out.length);
            return java.util.Arrays.copyOf(out, n);
        }

        private static byte[] gzip(byte[] raw) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(raw);
            }
            return bytes.toByteArray();
        }
    }
}
