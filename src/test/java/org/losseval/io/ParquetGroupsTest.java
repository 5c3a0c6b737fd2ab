package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
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
import org.losseval.io.ParquetTestFiles.ListLayout;
import org.losseval.io.ParquetTestFiles.NumberType;
import org.losseval.io.ParquetTestFiles.Options;

/**
 * Column groups over Parquet files written in the test by parquet-java ({@link ParquetTestFiles}): list
 * columns spread over {@code emb[0]}, …, and globs over scalar fields. Expected values are the ones
 * written (small integers, exact in every type), so they compare exactly.
 */
class ParquetGroupsTest {
    private static final double EXACT = 0.0;
    private static final double NAN = Double.NaN;
    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir Path dir;

    @Test
    void listSpreadsOverColumnsAcrossRowGroupsAndBatches() throws Exception {
        int rows = 10;
        int width = 4;
        double[][] lists = new double[rows][width];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = r + 1;
            for (int j = 0; j < width; j++) lists[r][j] = 10 * (r + 1) + j;   // row number, then element index
        }
        Path file = ParquetTestFiles.writeWithList(dir.resolve("l.parquet"), List.of("y"), List.of(y), "emb", lists,
                ListLayout.STANDARD, Options.defaults().rowGroupRows(3));

        List<ColumnBatch> batches = new ArrayList<>();
        try (Source source = open(file, List.of("y"), List.of("emb"), 2)) {
            assertEquals(List.of("emb[0]", "emb[1]", "emb[2]", "emb[3]"), source.groupColumns("emb"));
            for (ColumnBatch b = source.next(); b != null; b = source.next()) batches.add(CsvSourceTest.copy(b));
            assertEquals(rows, source.rowsRead());
        }

        assertEquals(7, batches.size(), "row groups of 3, 3, 3 and 1 rows, each in batches of at most 2");
        for (ColumnBatch batch : batches) {
            assertEquals(List.of("y", "emb[0]", "emb[1]", "emb[2]", "emb[3]"), batch.columnNames());
            assertTrue(batch.issues().isEmpty());
            for (int i = 0; i < batch.size(); i++) {
                long row = batch.rowNumber(i);
                assertEquals(row, batch.column("y")[i], EXACT);
                for (int j = 0; j < width; j++) assertEquals(10 * row + j, batch.column("emb[" + j + "]")[i], EXACT);
            }
        }
    }

    @Test
    void wrongLengthAndNullListsGiveOneIssueOnTheFirstColumn() throws Exception {
        double[][] lists = {
                {1, 2, 3},
                {4, 5},          // short
                null,            // null list
                {6, 7, 8, 9},    // long: the extra value must be stepped over, not read into the next row
                {10, NAN, 12},   // null element
                {},              // empty
                {13},            // one value
                {14, 15, 16},
        };
        Path file = ParquetTestFiles.writeWithList(dir.resolve("w.parquet"), List.of(), List.of(), "emb", lists,
                ListLayout.STANDARD, Options.defaults());

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(), options(List.of(), List.of("emb"), 100)).get(0);

        assertEquals(List.of(
                new CellIssue(1, "emb[0]", Problem.WRONG_LENGTH, "2 values, expected 3"),
                new CellIssue(2, "emb[0]", Problem.NULL, null),
                new CellIssue(3, "emb[0]", Problem.WRONG_LENGTH, "4 values, expected 3"),
                new CellIssue(4, "emb[1]", Problem.NULL, null),
                new CellIssue(5, "emb[0]", Problem.WRONG_LENGTH, "0 values, expected 3"),
                new CellIssue(6, "emb[0]", Problem.WRONG_LENGTH, "1 value, expected 3")), batch.issues());
        assertRow(batch, 0, 1, 2, 3);
        for (int i : new int[] {1, 2, 3, 5, 6}) assertRow(batch, i, NAN, NAN, NAN);
        assertRow(batch, 4, 10, NAN, 12);
        assertRow(batch, 7, 14, 15, 16);
    }

    @Test
    void widthComesFromTheFirstNonNullListEvenInALaterRowGroup() throws Exception {
        double[][] lists = {null, null, {1, 2}, {3, 4}};
        Path file = ParquetTestFiles.writeWithList(dir.resolve("n.parquet"), List.of(), List.of(), "emb", lists,
                ListLayout.STANDARD, Options.defaults().rowGroupRows(1));

        try (Source source = open(file, List.of(), List.of("emb"), 100)) {
            assertEquals(List.of("emb[0]", "emb[1]"), source.groupColumns("emb"));
            ColumnBatch first = source.next();
            assertEquals(List.of(new CellIssue(0, "emb[0]", Problem.NULL, null)), first.issues());
            assertTrue(Double.isNaN(first.column("emb[1]")[0]));
            source.next();
            ColumnBatch third = source.next();
            assertEquals(3, third.firstRow());
            assertRow(third, 0, 1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(ListLayout.class)
    void everyLayoutReadsTheSame(ListLayout layout) throws Exception {
        double[][] lists = {{1, 2}, {3, 4}, {5}};
        Path file = ParquetTestFiles.writeWithList(dir.resolve("t.parquet"), List.of(), List.of(), "emb", lists,
                layout, Options.defaults());

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(), options(List.of(), List.of("emb"), 100)).get(0);

        assertRow(batch, 0, 1, 2);
        assertRow(batch, 1, 3, 4);
        assertEquals(List.of(new CellIssue(2, "emb[0]", Problem.WRONG_LENGTH, "1 value, expected 2")), batch.issues());
    }

    @ParameterizedTest
    @EnumSource(NumberType.class)
    void everyElementTypeReads(NumberType type) throws Exception {
        double[][] lists = {{1, -2, 3}, {4, 5, -6}};
        Path file = ParquetTestFiles.writeWithList(dir.resolve("e.parquet"), List.of(), List.of(), "emb", lists,
                ListLayout.STANDARD, Options.defaults().type(type));

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(), options(List.of(), List.of("emb"), 100)).get(0);

        assertRow(batch, 0, 1, -2, 3);
        assertRow(batch, 1, 4, 5, -6);
    }

    @Test
    void mixedGroupPutsListElementsInPlace() throws Exception {
        Path file = ParquetTestFiles.writeWithList(dir.resolve("m.parquet"), List.of("a", "b"),
                List.of(new double[] {1, 2}, new double[] {3, 4}), "emb", new double[][] {{5, 6}, {7, 8}},
                ListLayout.STANDARD, Options.defaults());

        try (Source source = open(file, List.of("a"), List.of("a,emb,b", "emb"), 100)) {
            assertEquals(List.of("a", "emb[0]", "emb[1]", "b"), source.groupColumns("a,emb,b"));
            assertEquals(List.of("emb[0]", "emb[1]"), source.groupColumns("emb"));
            ColumnBatch batch = source.next();
            assertEquals(List.of("a", "b", "emb[0]", "emb[1]"), batch.columnNames());
            assertArrayEquals(new double[] {3, 4}, CsvSourceTest.head(batch, "b"), EXACT);
            assertArrayEquals(new double[] {6, 8}, CsvSourceTest.head(batch, "emb[1]"), EXACT);
        }
    }

    @Test
    void globOverScalarFieldsInSchemaOrder() throws Exception {
        double nan = Double.NaN;
        Path file = ParquetTestFiles.write(dir.resolve("g.parquet"),
                List.of("logit_2", "target", "logit_0", "logit_1", "logit_10"),
                List.of(new double[] {2, 12}, new double[] {0, 1}, new double[] {0, nan}, new double[] {1, 11},
                        new double[] {10, 20}),
                Options.defaults().nullable(true).rowGroupRows(1));

        try (Source source = open(file, List.of("target"), List.of("logit_?"), 100)) {
            assertEquals(List.of("logit_2", "logit_0", "logit_1"), source.groupColumns("logit_?"));
            // Copied: the source reuses its arrays for the next batch.
            ColumnBatch first = CsvSourceTest.copy(source.next());
            ColumnBatch second = source.next();
            assertEquals(List.of("target", "logit_2", "logit_0", "logit_1"), first.columnNames());
            assertEquals(2, first.column("logit_2")[0], EXACT);
            assertEquals(11, second.column("logit_1")[0], EXACT);
            assertEquals(List.of(new CellIssue(0, "logit_0", Problem.NULL, null)), second.issues());
        }
    }

    @Test
    void globWithoutMatchListsFieldsAndSuggests() throws Exception {
        Path file = ParquetTestFiles.write(dir.resolve("s.parquet"), List.of("logits_0", "target"),
                List.of(new double[] {1}, new double[] {0}));

        InputException e = assertThrows(InputException.class, () -> open(file, List.of(), List.of("logit_*"), 100));

        assertEquals(file + ": group 'logit_*': no column matches 'logit_*'; columns are: logits_0, target"
                + " (did you mean 'logits_0'?)", e.getMessage());
    }

    @Test
    void emptyFileHasNoWidth() throws Exception {
        Path file = ParquetTestFiles.writeWithList(dir.resolve("0.parquet"), List.of(), List.of(), "emb",
                new double[0][], ListLayout.STANDARD, Options.defaults());

        InputException e = assertThrows(InputException.class, () -> open(file, List.of(), List.of("emb"), 100));

        assertEquals(file + ": group 'emb': list column 'emb' has no rows", e.getMessage());
    }

    @Test
    void onlyNullListsOrAnEmptyFirstListAreErrors() throws Exception {
        Path nulls = ParquetTestFiles.writeWithList(dir.resolve("n.parquet"), List.of(), List.of(), "emb",
                new double[][] {null, null}, ListLayout.STANDARD, Options.defaults());
        Path empty = ParquetTestFiles.writeWithList(dir.resolve("e.parquet"), List.of(), List.of(), "emb",
                new double[][] {{}, {1}}, ListLayout.STANDARD, Options.defaults());

        InputException allNull = assertThrows(InputException.class, () -> open(nulls, List.of(), List.of("e*"), 100));
        InputException emptyFirst = assertThrows(InputException.class, () -> open(empty, List.of(), List.of("emb"), 100));

        assertEquals(nulls + ": group 'e*': list column 'emb' holds only null lists, so its length is unknown",
                allNull.getMessage());
        assertEquals(empty + ": group 'emb': list column 'emb' starts with an empty list, so the group would have"
                + " no columns", emptyFirst.getMessage());
    }

    @Test
    void listAsAPlainColumnAndFieldsOfOtherTypesAreRefused() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
                .optionalList().optionalGroupElement()
                        .required(PrimitiveTypeName.DOUBLE).named("x")
                        .named("points")
                .optionalList().optionalElement(PrimitiveTypeName.DOUBLE).named("emb")
                .named("test");
        Path file = dir.resolve("t.parquet");
        try (ParquetWriter<Group> writer = ParquetTestFiles.writer(file, schema, Options.defaults())) {
            // No rows: every error here comes from the schema alone.
        }

        InputException plain = assertThrows(InputException.class, () -> open(file, List.of("emb"), List.of(), 100));
        InputException structs = assertThrows(InputException.class, () -> open(file, List.of(), List.of("points"), 100));
        InputException text = assertThrows(InputException.class, () -> open(file, List.of(), List.of("*"), 100));

        assertEquals(file + ": column 'emb': a list column, not one number per row; it can only be read as a column"
                + " group", plain.getMessage());
        assertEquals(file + ": column 'points': a list of groups or lists, not of numbers (in group 'points')",
                structs.getMessage());
        assertEquals(file + ": column 'id': unsupported type BINARY (STRING); readable types are DOUBLE, FLOAT,"
                + " INT32 and INT64 (in group '*')", text.getMessage());
    }

    @Test
    void listElementNamesMustNotClashWithAFieldRead() throws Exception {
        Path file = ParquetTestFiles.writeWithList(dir.resolve("c.parquet"), List.of("emb[0]"),
                List.of(new double[] {1}), "emb", new double[][] {{2}}, ListLayout.STANDARD, Options.defaults());

        InputException e = assertThrows(InputException.class, () -> open(file, List.of("emb[0]"), List.of("emb"), 100));

        assertEquals("emb[0]", e.column());
        assertEquals(file + ": column 'emb[0]': both a field of the file and an element of list column 'emb'; read one"
                + " of them only", e.getMessage());
    }

    private static void assertRow(ColumnBatch batch, int index, double... expected) {
        double[] actual = new double[expected.length];
        for (int j = 0; j < expected.length; j++) actual[j] = batch.column("emb[" + j + "]")[index];
        assertArrayEquals(expected, actual, EXACT, "row index " + index);
    }

    private static Source open(Path file, List<String> columns, List<String> groups, int batchSize)
            throws InputException {
        return Sources.open(file.toString(), NO_STDIN, options(columns, groups, batchSize));
    }

    private static SourceOptions options(List<String> columns, List<String> groups, int batchSize) {
        return new SourceOptions(columns, null, batchSize, SourceOptions.DEFAULT_MAX_RECORD_CHARS, groups);
    }
}
