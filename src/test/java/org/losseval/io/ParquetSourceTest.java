package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.losseval.batch.CellIssue;
import org.losseval.batch.CellIssue.Problem;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.ParquetTestFiles.Codec;
import org.losseval.io.ParquetTestFiles.NumberType;
import org.losseval.io.ParquetTestFiles.Options;

/**
 * Parquet reading through {@link Sources#open}, on files written in the test by parquet-java itself
 * ({@link ParquetTestFiles}). The expected values are the ones written; every number used is exact in
 * every physical type tested (small integers and halves), so values compare exactly.
 */
class ParquetSourceTest {
    private static final double EXACT = 0.0;
    private static final InputStream NO_STDIN = InputStream.nullInputStream();
    private static final double[] PRED = {1.5, -2, 0, 3.25, 1e6, -0.5, 7};
    private static final double[] TARGET = {1, 2, 3, 4, 5, 6, 7};

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(NumberType.class)
    void readsEveryNumberType(NumberType type) throws Exception {
        double[] values = type == NumberType.INT32 || type == NumberType.INT64 ? TARGET : PRED;
        Path file = ParquetTestFiles.write(dir.resolve("t.parquet"), List.of("v"), List.of(values),
                Options.defaults().type(type));

        List<ColumnBatch> batches = CsvSourceTest.readAll(file.toString(), options(List.of("v"), 100));

        assertEquals(1, batches.size());
        assertArrayEquals(values, CsvSourceTest.head(batches.get(0), "v"), EXACT);
        assertEquals(1, batches.get(0).firstRow());
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void readsEveryCodec(Codec codec) throws Exception {
        Path file = ParquetTestFiles.write(dir.resolve("c.parquet"), List.of("pred", "target"),
                List.of(PRED, TARGET), Options.defaults().codec(codec));
        // The file must really use the codec, or this test would read snappy four times.
        assertEquals(codec.name(), codecOf(file));

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(), options(List.of("target", "pred"), 100)).get(0);

        assertEquals(List.of("target", "pred"), batch.columnNames());
        assertArrayEquals(PRED, CsvSourceTest.head(batch, "pred"), EXACT);
        assertArrayEquals(TARGET, CsvSourceTest.head(batch, "target"), EXACT);
    }

    @Test
    void nullsAreNaNWithIssuesInRowOrder() throws Exception {
        double nan = Double.NaN;
        Path file = ParquetTestFiles.write(dir.resolve("n.parquet"), List.of("a", "b"),
                List.of(new double[] {1, nan, 3, nan}, new double[] {nan, 2, 3, nan}), Options.defaults().nullable(true));

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(), options(List.of("a", "b"), 100)).get(0);

        assertEquals(1, batch.column("a")[0], EXACT);
        assertEquals(3, batch.column("b")[2], EXACT);
        assertTrue(Double.isNaN(batch.column("a")[1]) && Double.isNaN(batch.column("b")[0]));
        assertEquals(List.of(
                new CellIssue(0, "b", Problem.NULL, null),
                new CellIssue(1, "a", Problem.NULL, null),
                new CellIssue(3, "a", Problem.NULL, null),
                new CellIssue(3, "b", Problem.NULL, null)), batch.issues());
    }

    @Test
    void streamsManyRowGroupsWithContinuousRowNumbers() throws Exception {
        int rows = 100;
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) values[i] = i + 1;   // each row holds its own row number
        Path file = ParquetTestFiles.write(dir.resolve("g.parquet"), List.of("v"), List.of(values),
                Options.defaults().rowGroupRows(30).nullable(true));
        assertEquals(4, rowGroups(file).size(), "row groups of 30, 30, 30 and 10 rows");

        try (Source source = Sources.open(file.toString(), NO_STDIN, options(List.of("v"), 8))) {
            int seen = 0;
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                assertTrue(batch.size() <= 8);
                assertEquals(seen + 1, batch.firstRow());
                for (int i = 0; i < batch.size(); i++) assertEquals(batch.rowNumber(i), batch.column("v")[i], EXACT);
                seen += batch.size();
            }
            assertEquals(rows, seen);
            assertEquals(rows, source.rowsRead());
            assertNull(source.next());
        }
    }

    /**
     * A source reads each row group's chunk into the previous row group's array when it is large enough
     * (ParquetChunk.read): row groups whose chunks shrink, grow past the array and shrink again (a constant
     * group compresses to a few bytes, a group of distinct values does not) must read exactly what was written,
     * nulls included.
     */
    @ParameterizedTest
    @EnumSource(Codec.class)
    void rowGroupsOfGrowingAndShrinkingChunksReadWhatWasWritten(Codec codec) throws Exception {
        int rows = 400;
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            boolean distinct = (i / 100) % 2 == 1;   // row groups 2 and 4 of 100 rows
            values[i] = i % 17 == 0 ? Double.NaN : distinct ? Math.sqrt(i) * 1e-3 + i : 7.25;
        }
        Path file = ParquetTestFiles.write(dir.resolve("grow.parquet"), List.of("v"), List.of(values),
                Options.defaults().codec(codec).rowGroupRows(100).nullable(true));
        List<BlockMetaData> groups = rowGroups(file);
        assertEquals(4, groups.size());
        long constant = groups.get(0).getColumns().get(0).getTotalSize();
        long distinct = groups.get(1).getColumns().get(0).getTotalSize();
        assertTrue(distinct > constant, "the second row group's chunk (" + distinct + " bytes) must outgrow the first's ("
                + constant + ")");

        try (Source source = Sources.open(file.toString(), NO_STDIN, options(List.of("v"), 64))) {
            int seen = 0;
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                for (int i = 0; i < batch.size(); i++) {
                    assertEquals(values[seen + i], batch.column("v")[i], EXACT, "row " + (seen + i + 1));
                }
                seen += batch.size();
            }
            assertEquals(rows, seen);
        }
    }

    @Test
    void detectsParquetByMagicWhateverTheName() throws Exception {
        Path file = ParquetTestFiles.write(dir.resolve("dump.bin"), List.of("v"), List.of(TARGET));

        try (Source source = Sources.open(file.toString(), NO_STDIN, options(List.of("v"), 100))) {
            assertEquals("parquet", source.format());
            assertArrayEquals(TARGET, CsvSourceTest.head(source.next(), "v"), EXACT);
        }
    }

    @Test
    void readsParquetFromStdinAndDeletesTheSpooledCopy() throws Exception {
        Path file = ParquetTestFiles.write(dir.resolve("s.parquet"), List.of("v"), List.of(TARGET));
        byte[] bytes = Files.readAllBytes(file);
        long spooledBefore = spooledFiles();

        try (Source source = Sources.open("-", new ByteArrayInputStream(bytes), options(List.of("v"), 100))) {
            assertEquals("parquet", source.format());
            assertEquals("-", source.name());
            assertArrayEquals(TARGET, CsvSourceTest.head(source.next(), "v"), EXACT);
            assertEquals(spooledBefore + 1, spooledFiles());
        }
        assertEquals(spooledBefore, spooledFiles());
    }

    @Test
    void missingColumnListsColumnsAndSuggests() throws Exception {
        Path file = ParquetTestFiles.write(dir.resolve("m.parquet"), List.of("preds", "target"), List.of(PRED, TARGET));

        InputException e = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("pred"), 100)));

        assertEquals(file + ": column 'pred': no such column; columns are: preds, target (did you mean 'preds'?)",
                e.getMessage());
    }

    @Test
    void refusesNonNumberTypesNamingColumnAndType() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
                .required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(2, 9)).named("price")
                .named("test");
        Path file = dir.resolve("u.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ParquetTestFiles.writer(file, schema, Options.defaults())) {
            writer.write(groups.newGroup().append("label", "cat").append("price", 1234));
        }

        InputException binary = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("label"), 100)));
        InputException decimal = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("price"), 100)));

        assertEquals(file + ": column 'label': unsupported type BINARY (STRING); readable types are DOUBLE, FLOAT,"
                + " INT32 and INT64", binary.getMessage());
        assertEquals("price", decimal.column());
        assertEquals(file + ": column 'price': unsupported type INT32 (DECIMAL(9,2)); readable types are DOUBLE, FLOAT,"
                + " INT32 and INT64", decimal.getMessage());
    }

    @Test
    void notParquetDespiteTheNameIsAnInputError() throws Exception {
        Path file = Files.writeString(dir.resolve("fake.parquet"), "a,b\n1,2\n");

        InputException e = assertThrows(InputException.class,
                () -> Sources.open(file.toString(), NO_STDIN, options(List.of("a"), 100)));

        assertEquals(file.toString(), e.file());
        // Issue 11 item 5: was "org.apache.parquet.io.LocalInputFile@2e6ba49a is not a Parquet file".
        assertEquals(file + ": not a Parquet file: no PAR1 magic at the start (it starts with 'a,b\\n1,2\\n': text, CSV"
                + " perhaps; a CSV file needs another name than .parquet)", e.getMessage());
    }

    @Test
    void unsignedInt64RoundsToNearestDouble() {
        // 2^64 - 1 is nearest to 2^64; 2^63 + 2^11 is exactly representable.
        assertEquals(0x1p64, ParquetNumberKind.unsignedToDouble(-1L), EXACT);
        assertEquals(0x1p63 + 0x1p11, ParquetNumberKind.unsignedToDouble(Long.MIN_VALUE + (1L << 11)), EXACT);
        assertEquals(42, ParquetNumberKind.unsignedToDouble(42), EXACT);
    }

    private static SourceOptions options(List<String> columns, int batchSize) {
        return new SourceOptions(columns, null, batchSize, SourceOptions.DEFAULT_MAX_RECORD_CHARS);
    }

    private static List<BlockMetaData> rowGroups(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new ParquetJavaCodecs()).build())) {
            return new ArrayList<>(reader.getRowGroups());
        }
    }

    private static String codecOf(Path file) throws IOException {
        return rowGroups(file).get(0).getColumns().get(0).getCodec().name();
    }

    private static long spooledFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("losseval-stdin-")).count();
        }
    }
}
