package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;

/**
 * Text columns from Parquet files written by parquet-java (dictionary-encoded and plain pages, several row
 * groups): strings, signed and unsigned integers, booleans, doubles and nulls; expected texts by hand.
 */
class TextColumnsParquetTest {
    private static final MessageType SCHEMA = Types.buildMessage()
            .addField(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("region"))
            .addField(Types.required(PrimitiveTypeName.BINARY).named("raw"))
            .addField(Types.optional(PrimitiveTypeName.INT32).named("k32"))
            .addField(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false)).named("u32"))
            .addField(Types.required(PrimitiveTypeName.INT64).named("k64"))
            .addField(Types.required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false)).named("u64"))
            .addField(Types.optional(PrimitiveTypeName.BOOLEAN).named("flag"))
            .addField(Types.required(PrimitiveTypeName.DOUBLE).named("x"))
            .addField(Types.required(PrimitiveTypeName.FLOAT).named("f"))
            .addField(Types.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day"))
            .addField(Types.required(PrimitiveTypeName.DOUBLE).named("pred"))
            .named("test");
    private static final String[] REGIONS = {"eu", "us", null, "eu", "été", "", "us"};

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyReadableTypeAsText(boolean dictionary) throws Exception {
        Path file = write(dir.resolve("t.parquet"), dictionary, 3);
        List<String> columns = List.of("region", "raw", "k32", "u32", "k64", "u64", "flag", "x", "f");

        Map<String, List<String>> texts = readTexts(file, List.of("pred"), columns, 2);

        assertEquals(List.of("eu", "us", "", "eu", "été", "", "us"), texts.get("region"));
        assertEquals(List.of("r0", "r1", "r2", "r0", "r1", "r2", "r0"), texts.get("raw"));
        assertEquals(List.of("-3", "", "-1", "0", "", "1", "2"), texts.get("k32"));
        assertEquals(List.of("4294967295", "1", "2", "4294967295", "1", "2", "4294967295"), texts.get("u32"));
        assertEquals(List.of("-9223372036854775808", "9007199254740993", "7", "-9223372036854775808",
                "9007199254740993", "7", "-9223372036854775808"), texts.get("k64"));
        assertEquals(List.of("18446744073709551615", "0", "18446744073709551615", "0", "18446744073709551615", "0",
                "18446744073709551615"), texts.get("u64"));
        assertEquals(List.of("true", "false", "", "true", "false", "", "true"), texts.get("flag"));
        assertEquals(List.of("0.5", "1e+20", "-0.0", "0.5", "1e+20", "-0.0", "0.5"), texts.get("x"));
        assertEquals(List.of("0.10000000149011612", "2", "0.10000000149011612", "2", "0.10000000149011612", "2",
                "0.10000000149011612"), texts.get("f"));
    }

    @Test
    void codesAreStableAcrossBatchesAndRowGroups() throws Exception {
        Path file = write(dir.resolve("c.parquet"), true, 3);
        List<Integer> codes = new ArrayList<>();
        try (Source source = open(file, List.of("pred"), List.of("region"), 2)) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                TextColumn region = batch.textColumn("region");
                for (int i = 0; i < batch.size(); i++) codes.add(region.code(i));
            }
        }
        // eu, us, (null), eu, été, "" (the same missing value as the null), us.
        assertEquals(List.of(0, 1, 2, 0, 3, 2, 1), codes);
    }

    @Test
    void aFieldReadAsNumbersAndAsTextGivesBoth() throws Exception {
        Path file = write(dir.resolve("b.parquet"), true, 100);
        try (Source source = open(file, List.of("k32", "pred"), List.of("k32", "region"), 100)) {
            ColumnBatch batch = source.next();
            assertArrayEquals(new double[] {-3, Double.NaN, -1, 0, Double.NaN, 1, 2},
                    java.util.Arrays.copyOf(batch.column("k32"), 7), 0.0);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) texts.add(batch.textColumn("k32").text(i));
            assertEquals(List.of("-3", "", "-1", "0", "", "1", "2"), texts);
            // The nulls are still issues of the number column.
            assertEquals(2, batch.issues().size());
        }
    }

    @Test
    void hivePartitionsAndFileAreVirtual() throws Exception {
        Path partition = Files.createDirectories(dir.resolve("dumps/date=2026-11-01"));
        Path file = write(partition.resolve("part-0.parquet"), true, 100);

        Map<String, List<String>> texts = readTexts(file, List.of("pred"), List.of("date", "file"), 4);

        assertEquals(List.of("2026-11-01"), texts.get("date").stream().distinct().toList());
        assertEquals(7, texts.get("date").size());
        assertEquals(List.of(file.toString()), texts.get("file").stream().distinct().toList());
    }

    @Test
    void unsupportedAndMissingColumnsAreInputErrors() throws Exception {
        Path file = write(dir.resolve("e.parquet"), true, 100);

        InputException date = assertThrows(InputException.class, () -> open(file, List.of("pred"), List.of("day"), 10));
        assertEquals(file + ": column 'day': unsupported type INT32 (DATE) for a text column; text columns may be"
                + " strings (BINARY, STRING, ENUM, JSON), integers (INT32, INT64), BOOLEAN, DOUBLE or FLOAT",
                date.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> open(file, List.of("pred"), List.of("regio"), 10));
        assertEquals(file + ": column 'regio': no such column; columns are: region, raw, k32, u32, k64, u64, flag, x,"
                + " f, day, pred (did you mean 'region'?)", missing.getMessage());
    }

    private static Map<String, List<String>> readTexts(Path file, List<String> numbers, List<String> texts, int batch)
            throws InputException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String t : texts) all.put(t, new ArrayList<>());
        try (Source source = open(file, numbers, texts, batch)) {
            for (ColumnBatch b = source.next(); b != null; b = source.next()) {
                for (String t : texts) {
                    for (int i = 0; i < b.size(); i++) all.get(t).add(b.textColumn(t).text(i));
                }
            }
        }
        return all;
    }

    private static Source open(Path file, List<String> numbers, List<String> texts, int batch) throws InputException {
        return Sources.open(file.toString(), InputStream.nullInputStream(),
                new SourceOptions(numbers, null, batch, 1000, List.of(), texts));
    }

    /** Seven rows; row groups of {@code rowGroupRows} rows. */
    private static Path write(Path file, boolean dictionary, int rowGroupRows) throws Exception {
        SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
        Integer[] k32 = {-3, null, -1, 0, null, 1, 2};
        long[] k64 = {Long.MIN_VALUE, (1L << 53) + 1, 7};
        Boolean[] flags = {true, false, null};
        double[] xs = {0.5, 1e20, -0.0};
        try (ParquetWriter<Group> writer = ParquetTestFiles.writer(file, SCHEMA,
                ParquetTestFiles.Options.defaults().rowGroupRows(rowGroupRows), dictionary)) {
            for (int row = 0; row < REGIONS.length; row++) {
                Group g = factory.newGroup();
                if (REGIONS[row] != null) g.add("region", REGIONS[row]);
                g.add("raw", "r" + row % 3);
                if (k32[row] != null) g.add("k32", k32[row]);
                g.add("u32", new int[] {-1, 1, 2}[row % 3]);
                g.add("k64", k64[row % 3]);
                g.add("u64", row % 2 == 0 ? -1L : 0L);
                if (flags[row % 3] != null) g.add("flag", flags[row % 3]);
                g.add("x", xs[row % 3]);
                g.add("f", row % 2 == 0 ? 0.1f : 2f);
                g.add("day", row);
                g.add("pred", (double) row);
                writer.write(g);
            }
        }
        return file;
    }
}
