package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.text.Numbers;

/**
 * Issue 14, item 2: io's own Parquet decoder against parquet-java, the reference reader, on files parquet-java
 * writes with every physical type read here (DOUBLE, FLOAT, INT32, INT64, unsigned INT32/INT64, strings,
 * BOOLEAN), nulls, a list column with null lists, null elements and lists of the wrong length, data pages v1
 * and v2 (v2 also brings DELTA_BINARY_PACKED integers, DELTA_BYTE_ARRAY strings and RLE booleans), dictionary
 * pages with fallback to plain mid-chunk (a 256-byte dictionary limit), BYTE_STREAM_SPLIT, every codec read,
 * many small pages and row groups, and empty row groups spliced into the footer.
 *
 * <p>For each file, every row's numbers (bit for bit, NaN for a null), null and wrong-length issues (row,
 * column, problem), texts and row numbers must be what parquet-java's record reader gives, through
 * {@link Sources#open} as a run reads them, at batch sizes that cross page and row-group boundaries.
 */
class ParquetReferenceTest {
    private static final int ROWS = 2600;
    private static final int WIDTH = 3;
    private static final List<String> NUMBERS = List.of("d", "f", "i32", "i64", "u32", "u64", "rd", "ri");
    private static final List<String> TEXTS = List.of("s", "b", "i32", "u64", "f", "d");

    @TempDir
    Path dir;

    static Stream<Arguments> files() {
        List<Arguments> cases = new ArrayList<>();
        for (ParquetProperties.WriterVersion version : ParquetProperties.WriterVersion.values()) {
            for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                    CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW)) {
                for (boolean dictionary : new boolean[] {true, false}) {
                    cases.add(Arguments.of(version, codec, dictionary, false, false));
                }
            }
            cases.add(Arguments.of(version, CompressionCodecName.SNAPPY, false, true, false));
            cases.add(Arguments.of(version, CompressionCodecName.ZSTD, true, false, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} dictionary={2} byteStreamSplit={3} emptyRowGroups={4}")
    @MethodSource("files")
    void readsWhatParquetJavaReads(ParquetProperties.WriterVersion version, CompressionCodecName codec,
                                   boolean dictionary, boolean byteStreamSplit, boolean emptyRowGroups)
            throws Exception {
        Path file = dir.resolve("ref.parquet");
        write(file, version, codec, dictionary, byteStreamSplit, 11L * version.ordinal() + codec.ordinal());
        if (emptyRowGroups) spliceEmptyRowGroups(file);
        assertEncodings(file, version, dictionary, byteStreamSplit);
        List<Row> expected = reference(file);
        assertEquals(ROWS, expected.size());
        for (int batchSize : new int[] {7, 1000, 8192}) {
            assertEquals(expected, ours(file, batchSize), "batch size " + batchSize);
        }
    }

    /** One row as both readers must see it. */
    private record Row(long number, List<Long> bits, List<String> issues, List<String> texts) {}

    private static MessageType schema() {
        return Types.buildMessage()
                .optional(PrimitiveTypeName.DOUBLE).named("d")
                .optional(PrimitiveTypeName.FLOAT).named("f")
                .optional(PrimitiveTypeName.INT32).named("i32")
                .optional(PrimitiveTypeName.INT64).named("i64")
                .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("u32")
                .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("u64")
                .required(PrimitiveTypeName.DOUBLE).named("rd")
                .required(PrimitiveTypeName.INT64).named("ri")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s")
                .optional(PrimitiveTypeName.BOOLEAN).named("b")
                .optionalList().optionalElement(PrimitiveTypeName.DOUBLE).named("emb")
                .named("ref");
    }

    private static void write(Path file, ParquetProperties.WriterVersion version, CompressionCodecName codec,
                              boolean dictionary, boolean byteStreamSplit, long seed) throws IOException {
        MessageType schema = schema();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Random random = new Random(seed);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new ParquetTestFiles.Compressors())
                .withCompressionCodec(codec)
                .withWriterVersion(version)
                .withDictionaryEncoding(dictionary)
                .withDictionaryPageSize(256)
                .withByteStreamSplitEncoding(byteStreamSplit)
                .withPageRowCountLimit(300)
                .withPageSize(2048)
                .withRowGroupRowCountLimit(1100)
                .withPageWriteChecksumEnabled(seed % 2 == 0)
                .build()) {
            for (int row = 0; row < ROWS; row++) {
                // The first rows repeat a few values (dictionary pages), later ones rarely (the fallback to plain).
                boolean few = row < 600;
                Group group = groups.newGroup();
                if (random.nextInt(10) != 0) group.add("d", few ? random.nextInt(5) * 0.25 - 0.5 : random.nextGaussian() * 1e3);
                if (random.nextInt(10) != 0) group.add("f", few ? random.nextInt(4) * 0.1f : (float) random.nextGaussian());
                if (random.nextInt(10) != 0) group.add("i32", few ? random.nextInt(7) - 3 : random.nextInt());
                if (random.nextInt(10) != 0) group.add("i64", few ? random.nextInt(7) - 3L : random.nextLong());
                if (random.nextInt(10) != 0) group.add("u32", few ? -random.nextInt(3) : random.nextInt());
                if (random.nextInt(10) != 0) group.add("u64", few ? -random.nextInt(3) : random.nextLong());
                group.add("rd", few ? random.nextInt(3) : random.nextDouble());
                group.add("ri", few ? random.nextInt(3) : random.nextLong() >> random.nextInt(64));
                if (random.nextInt(10) != 0) {
                    group.add("s", few ? new String[] {"eu", "us", "été", ""}[random.nextInt(4)] : "k" + random.nextInt(100000));
                }
                if (random.nextInt(10) != 0) group.add("b", random.nextBoolean());
                if (row % 17 != 5) {
                    Group list = group.addGroup("emb");
                    int length = row % 29 == 3 ? WIDTH - 1 : WIDTH;
                    for (int j = 0; j < length; j++) {
                        Group element = list.addGroup("list");
                        if ((row + j) % 13 != 0) element.add("element", few ? (double) j : random.nextGaussian());
                    }
                }
                writer.write(group);
            }
        }
    }

    /** The file holds what the case is about: its encodings, as the footer lists them, and several row groups. */
    private static void assertEncodings(Path file, ParquetProperties.WriterVersion version, boolean dictionary,
                                        boolean byteStreamSplit) throws IOException {
        FileMetaData footer = ParquetTestFiles.footer(file);
        java.util.Set<Encoding> seen = java.util.EnumSet.noneOf(Encoding.class);
        for (RowGroup group : footer.getRow_groups()) {
            for (org.apache.parquet.format.ColumnChunk chunk : group.getColumns()) seen.addAll(chunk.getMeta_data().getEncodings());
        }
        boolean v2 = version == ParquetProperties.WriterVersion.PARQUET_2_0;
        java.util.Set<Encoding> wanted = java.util.EnumSet.noneOf(Encoding.class);
        // In v2 every type read here has a non-PLAIN fallback once BYTE_STREAM_SPLIT covers the floating point.
        if (!(v2 && byteStreamSplit)) wanted.add(Encoding.PLAIN);
        if (dictionary) wanted.add(v2 ? Encoding.RLE_DICTIONARY : Encoding.PLAIN_DICTIONARY);
        if (v2) wanted.addAll(List.of(Encoding.DELTA_BINARY_PACKED, Encoding.DELTA_BYTE_ARRAY, Encoding.RLE));
        if (byteStreamSplit) wanted.add(Encoding.BYTE_STREAM_SPLIT);
        assertTrue(seen.containsAll(wanted), "encodings " + seen + " should include " + wanted);
        assertTrue(footer.getRow_groups().size() >= 3, "several row groups");
    }

    /** Inserts a row group of no rows before the first and after the second (both readers skip them). */
    private static void spliceEmptyRowGroups(Path file) throws IOException {
        assertTrue(ParquetTestFiles.footer(file).getRow_groups().size() >= 3, "the file should have several row groups");
        ParquetTestFiles.insertEmptyRowGroups(file, 0, 3);
    }

    /** The rows as parquet-java's record reader assembles them, in the terms of losseval's batches. */
    private static List<Row> reference(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetJavaCodecs()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            long number = 0;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) rows.add(row(++number, records.read()));
            }
        }
        return rows;
    }

    private static Row row(long number, Group group) {
        List<Long> bits = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (String column : NUMBERS) {
            double value = Double.NaN;
            if (group.getFieldRepetitionCount(column) == 0) {
                issues.add(column + " NULL");
            } else {
                value = switch (column) {
                    case "d", "rd" -> group.getDouble(column, 0);
                    case "f" -> group.getFloat(column, 0);
                    case "i32" -> group.getInteger(column, 0);
                    case "u32" -> Integer.toUnsignedLong(group.getInteger(column, 0));
                    case "i64", "ri" -> group.getLong(column, 0);
                    case "u64" -> new java.math.BigDecimal(Long.toUnsignedString(group.getLong(column, 0))).doubleValue();
                    default -> throw new IllegalStateException(column);
                };
            }
            bits.add(Double.doubleToLongBits(value));
        }
        double[] list = new double[WIDTH];
        if (group.getFieldRepetitionCount("emb") == 0) {
            java.util.Arrays.fill(list, Double.NaN);
            issues.add("emb[0] NULL");
        } else {
            Group emb = group.getGroup("emb", 0);
            int length = emb.getFieldRepetitionCount("list");
            if (length != WIDTH) {
                java.util.Arrays.fill(list, Double.NaN);
                issues.add("emb[0] WRONG_LENGTH " + length + " values, expected " + WIDTH);
            } else {
                for (int j = 0; j < WIDTH; j++) {
                    Group element = emb.getGroup("list", j);
                    if (element.getFieldRepetitionCount("element") == 0) {
                        list[j] = Double.NaN;
                        issues.add("emb[" + j + "] NULL");
                    } else {
                        list[j] = element.getDouble("element", 0);
                    }
                }
            }
        }
        for (double v : list) bits.add(Double.doubleToLongBits(v));
        List<String> texts = new ArrayList<>();
        for (String column : TEXTS) {
            if (group.getFieldRepetitionCount(column) == 0) {
                texts.add("");
                continue;
            }
            texts.add(switch (column) {
                case "s" -> group.getBinary(column, 0).toStringUsingUTF8();
                case "b" -> Boolean.toString(group.getBoolean(column, 0));
                case "i32" -> Integer.toString(group.getInteger(column, 0));
                case "u64" -> Long.toUnsignedString(group.getLong(column, 0));
                case "f" -> Numbers.exact(group.getFloat(column, 0));
                case "d" -> Numbers.exact(group.getDouble(column, 0));
                default -> throw new IllegalStateException(column);
            });
        }
        return new Row(number, bits, issues, texts);
    }

    /** The rows as io's decoder delivers them through {@link Sources#open}. */
    private static List<Row> ours(Path file, int batchSize) throws IOException, InputException {
        List<Row> rows = new ArrayList<>();
        SourceOptions options = new SourceOptions(NUMBERS, null, batchSize, SourceOptions.DEFAULT_MAX_RECORD_CHARS)
                .withGroups(List.of("emb")).withTexts(TEXTS);
        try (InputStream none = InputStream.nullInputStream();
             Source source = Sources.open(file.toString(), none, options)) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                for (int i = 0; i < batch.size(); i++) {
                    List<Long> bits = new ArrayList<>();
                    for (String column : NUMBERS) bits.add(Double.doubleToLongBits(batch.column(column)[i]));
                    for (int j = 0; j < WIDTH; j++) bits.add(Double.doubleToLongBits(batch.column("emb[" + j + "]")[i]));
                    List<String> issues = new ArrayList<>();
                    for (CellIssue issue : batch.issues()) {
                        if (issue.index() == i) {
                            issues.add(issue.column() + " " + issue.problem() + (issue.text() == null ? "" : " " + issue.text()));
                        }
                    }
                    List<String> texts = new ArrayList<>();
                    for (String column : TEXTS) texts.add(batch.textColumn(column).text(i));
                    rows.add(new Row(batch.rowNumber(i), bits, issues, texts));
                }
            }
        }
        return rows;
    }
}
