package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.ParquetTestFiles;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;

/**
 * The pairing layer on its own: the paired batches' values, row numbers and issues, the counts of rows that
 * cannot be paired, and every message, on real CSV and Parquet files with batches that do not line up.
 * Expected values are written out by hand from the fixtures beside each test.
 */
class PairingTest {
    @TempDir
    Path dir;

    /** The candidate of most tests: ids 1..5, targets 10..50, predictions beside them. */
    private static final String CANDIDATE = "id,y,pred\n1,10,11\n2,20,19\n3,30,33\n4,40,38\n5,50,55\n";

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static SourceOptions options(List<String> columns, int batchSize, List<String> groups, List<String> texts) {
        return new SourceOptions(columns, null, batchSize, SourceOptions.DEFAULT_MAX_RECORD_CHARS, groups, texts);
    }

    private static BaselineFiles baseline(List<Path> files, List<String> columns, int batchSize) throws InputException {
        return baseline(files, columns, batchSize, List.of());
    }

    private static BaselineFiles baseline(List<Path> files, List<String> columns, int batchSize, List<String> groups)
            throws InputException {
        return baseline(files, columns, batchSize, groups, List.of());
    }

    /** The baseline's files as the run opens them: numbers, groups, and the keys as text. */
    private static BaselineFiles baseline(List<Path> files, List<String> columns, int batchSize, List<String> groups,
                                          List<String> keys) throws InputException {
        return new BaselineFiles(files.stream().map(Path::toString).toList(),
                (name, options) -> Sources.open(name, InputStream.nullInputStream(), options),
                options(columns, batchSize, groups, keys));
    }

    private static Source candidate(Path file, List<String> columns, int batchSize) throws InputException {
        return candidate(file, columns, batchSize, List.of());
    }

    private static Source candidate(Path file, List<String> columns, int batchSize, List<String> keys)
            throws InputException {
        return Sources.open(file.toString(), InputStream.nullInputStream(), options(columns, batchSize, List.of(), keys));
    }

    /** Every row of the paired batches of one candidate input: its row, line and the values of {@code columns}. */
    private record Rows(List<Long> rows, List<Long> lines, List<double[]> values, List<CellIssue> issues) {}

    private static Rows drain(Source candidate, Pairing pairing, RowTally tally, List<String> columns)
            throws InputException {
        Rows out = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (PairedSource paired = new PairedSource(candidate, pairing, tally)) {
            ColumnBatch batch;
            int seen = 0;
            while ((batch = paired.next()) != null) {
                tally.read(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    out.rows.add(batch.rowNumber(i));
                    out.lines.add(batch.lineNumber(i));
                    double[] row = new double[columns.size()];
                    for (int c = 0; c < row.length; c++) row[c] = batch.column(columns.get(c))[i];
                    out.values.add(row);
                }
                for (CellIssue issue : batch.issues()) {
                    out.issues.add(new CellIssue(seen + issue.index(), issue.column(), issue.problem(), issue.text()));
                }
                seen += batch.size();
            }
        }
        return out;
    }

    private static double[][] values(Rows rows) {
        return rows.values.toArray(new double[0][]);
    }

    // ---- by position ----

    @Test
    void positionalPairsAcrossBaselineFilesAndBatchBoundaries() throws Exception {
        // Baseline: rows 1-2 in a Parquet file, 3-5 in a CSV; batches of 2 against the candidate's 3.
        Path old1 = ParquetTestFiles.write(dir.resolve("old1.parquet"), List.of("y", "pred"),
                List.of(new double[] {10, 20}, new double[] {12, 18}));
        Path old2 = csv("old2.csv", "pred,y\n29,30\n41,40\n52,50\n");
        Path now = csv("new.csv", CANDIDATE);
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old1, old2), List.of("y", "pred"), 2),
                List.of("pred"), "y")) {
            RowTally tally = new RowTally();
            Rows rows = drain(candidate(now, List.of("id", "y", "pred"), 3), pairing, tally,
                    List.of("id", "pred", "baseline:pred"));
            assertArrayEquals(new double[][] {{1, 11, 12}, {2, 19, 18}, {3, 33, 29}, {4, 38, 41}, {5, 55, 52}}, values(rows));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows.rows);
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rows.lines);
            pairing.finish();
            assertEquals(5, pairing.counts().baselineRows());
            assertEquals(5, pairing.counts().baselinePaired());
            assertEquals(Map.of(), pairing.counts().candidateSkipped());
            assertEquals(5, tally.read());
        }
    }

    @Test
    void positionalConcatenatesCandidateFilesToo() throws Exception {
        Path old = csv("old.csv", "y,pred\n10,12\n20,18\n30,29\n");
        Path a = csv("a.csv", "y,pred\n10,11\n20,19\n");
        Path b = ParquetTestFiles.write(dir.resolve("b.parquet"), List.of("y", "pred"),
                List.of(new double[] {30}, new double[] {33}));
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old), List.of("y", "pred"), 8), List.of("pred"), "y")) {
            Rows first = drain(candidate(a, List.of("y", "pred"), 8), pairing, new RowTally(), List.of("baseline:pred"));
            Rows second = drain(candidate(b, List.of("y", "pred"), 8), pairing, new RowTally(), List.of("baseline:pred"));
            assertArrayEquals(new double[][] {{12}, {18}}, values(first));
            assertArrayEquals(new double[][] {{29}}, values(second));
            assertEquals(List.of(1L), second.rows);
            assertEquals(List.of(0L), second.lines, "a Parquet candidate has no lines");
            pairing.finish();
        }
    }

    @Test
    void aBaselineCellThatCannotBeReadKeepsItsIssueUnderTheReservedName() throws Exception {
        Path old = csv("old.csv", "y,pred\n10,12\n20,x\n30,\n40,41\n50,52\n");
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old), List.of("y", "pred"), 2), List.of("pred"), "y")) {
            Rows rows = drain(candidate(csv("new.csv", CANDIDATE), List.of("y", "pred"), 3), pairing, new RowTally(),
                    List.of("baseline:pred"));
            assertEquals(12, rows.values.get(0)[0]);
            assertEquals(Double.NaN, rows.values.get(1)[0]);
            assertEquals(List.of(new CellIssue(1, "baseline:pred", CellIssue.Problem.UNPARSABLE, "x"),
                    new CellIssue(2, "baseline:pred", CellIssue.Problem.EMPTY, "")), rows.issues);
        }
    }

    @Test
    void theFirstDisagreeingTargetNamesBothFilesAndRows() throws Exception {
        Path old1 = csv("old1.csv", "y,pred\n10,12\n20,18\n");
        Path old2 = csv("old2.csv", "y,pred\n30,29\n41,41\n50,52\n");
        Path now = csv("new.csv", CANDIDATE);
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old1, old2), List.of("y", "pred"), 2),
                List.of("pred"), "y")) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y", "pred"), 3), pairing, new RowTally(), List.of()));
            assertEquals(now + ":5: column 'y': target 40 differs from the baseline's 41 at " + old2 + ":3; pairing by"
                    + " position needs the same rows in the same order (--key COL pairs by key)", e.getMessage());
        }
    }

    @Test
    void aShorterBaselineIsAnErrorAtTheFirstUnpairedCandidateRow() throws Exception {
        Path old = ParquetTestFiles.write(dir.resolve("old.parquet"), List.of("y", "pred"),
                List.of(new double[] {10, 20, 30, 40}, new double[] {12, 18, 29, 41}));
        Path now = csv("new.csv", CANDIDATE);
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old), List.of("y", "pred"), 3), List.of("pred"), "y")) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y", "pred"), 2), pairing, new RowTally(), List.of()));
            assertEquals(now + ":6: the candidate has more rows than the baseline: the baseline's 4 rows (" + old
                    + ") end before this row, the candidate's 4 rows before it (" + now + ") are paired; pairing by"
                    + " position needs the same rows in the same order (--key COL pairs by key)", e.getMessage());
        }
    }

    @Test
    void aLongerBaselineIsAnErrorNamingBothCounts() throws Exception {
        Path old1 = csv("old1.csv", "y,pred\n10,12\n20,18\n30,29\n");
        Path old2 = csv("old2.csv", "y,pred\n40,41\n50,52\n60,61\n70,71\n");
        Path now = csv("new.csv", CANDIDATE);
        try (Pairing pairing = new PositionalPairing(baseline(List.of(old1, old2), List.of("y", "pred"), 2),
                List.of("pred"), "y")) {
            drain(candidate(now, List.of("y", "pred"), 4), pairing, new RowTally(), List.of());
            InputException e = assertThrows(InputException.class, pairing::finish);
            assertEquals("the baseline has more rows than the candidate: 7 rows (" + old1 + ", " + old2 + ") against 5 ("
                    + now + "); pairing by position needs the same rows in the same order (--key COL pairs by key)",
                    e.getMessage());
            assertEquals(7, pairing.counts().baselineRows());
        }
    }

    @Test
    void baselineGroupsResolveInTheBaselineAndAreReserved() throws Exception {
        Path old = csv("old.csv", "y,l0,l1,l2\n1,0.1,0.2,0.3\n0,0.4,0.5,0.6\n");
        Path now = csv("new.csv", "y,l0,l1,l2\n1,9,9,9\n0,9,9,9\n");
        BaselineFiles files = baseline(List.of(old), List.of("y"), 8, List.of("l0..l2"));
        try (Pairing pairing = new PositionalPairing(files, files.groupColumns("l0..l2"), "y")) {
            assertEquals(List.of("baseline:l0", "baseline:l1", "baseline:l2"), pairing.groupColumns("baseline:l0..l2"));
            Rows rows = drain(candidate(now, List.of("y", "l0"), 8), pairing, new RowTally(),
                    List.of("l0", "baseline:l0", "baseline:l1", "baseline:l2"));
            assertArrayEquals(new double[][] {{9, 0.1, 0.2, 0.3}, {9, 0.4, 0.5, 0.6}}, values(rows));
        }
    }

    @Test
    void baselineFilesWhoseGroupsDifferAreRefused() throws Exception {
        Path old1 = csv("old1.csv", "y,l0,l1\n1,0.1,0.2\n");
        Path old2 = csv("old2.csv", "y,l0,l1,l2\n1,0.1,0.2,0.3\n");
        try (BaselineFiles files = baseline(List.of(old1, old2), List.of("y"), 8, List.of("l*"))) {
            assertEquals(1, files.next().size());
            InputException e = assertThrows(InputException.class, files::next);
            assertEquals(old2 + ": 'l*' gives 3 columns (l0, l1, l2) but 2 in " + old1 + " (l0, l1): the baseline's files"
                    + " must have the same columns", e.getMessage());
        }
    }

    // ---- by key ----

    private KeyedPairing keyed(List<Path> files, List<String> keys, InvalidPolicy policy) throws InputException {
        return new KeyedPairing(baseline(files, List.of("y", "pred"), 2, List.of(), keys), List.of("pred"), "y", keys,
                policy, 1L << 30, "raise it");
    }

    @Test
    void aKeyJoinKeepsTheCandidatesOrderWhateverTheBaselines() throws Exception {
        Path old1 = csv("old1.csv", "id,y,pred\n3,30,29\n1,10,12\n");
        Path old2 = ParquetTestFiles.write(dir.resolve("old2.parquet"), List.of("pred", "id", "y"),
                List.of(new double[] {52, 18, 41}, new double[] {5, 2, 4}, new double[] {50, 20, 40}),
                ParquetTestFiles.Options.defaults().type(ParquetTestFiles.NumberType.INT64));
        Path now = csv("new.csv", CANDIDATE);
        try (KeyedPairing pairing = keyed(List.of(old1, old2), List.of("id"), InvalidPolicy.FAIL)) {
            RowTally tally = new RowTally();
            Rows rows = drain(candidate(now, List.of("y", "pred"), 2, List.of("id")), pairing, tally,
                    List.of("pred", "baseline:pred"));
            assertArrayEquals(new double[][] {{11, 12}, {19, 18}, {33, 29}, {38, 41}, {55, 52}}, values(rows));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rows.rows);
            pairing.finish();
            assertEquals(5, pairing.counts().baselineRows());
            assertEquals(5, pairing.counts().baselinePaired());
            assertEquals(5, pairing.table().size());
        }
    }

    @Test
    void compositeKeysPairOnEveryColumn() throws Exception {
        Path old = csv("old.csv", "id,part,y,pred\n1,2,12,120\n2,1,21,210\n1,1,11,110\n2,2,22,220\n");
        Path now = ParquetTestFiles.write(dir.resolve("new.parquet"), List.of("part", "id", "y"),
                List.of(new double[] {1, 2, 1, 2}, new double[] {1, 1, 2, 2}, new double[] {11, 12, 21, 22}));
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id", "part"), InvalidPolicy.FAIL)) {
            Rows rows = drain(candidate(now, List.of("y"), 3, List.of("id", "part")), pairing, new RowTally(),
                    List.of("y", "baseline:pred"));
            assertArrayEquals(new double[][] {{11, 110}, {12, 120}, {21, 210}, {22, 220}}, values(rows));
            pairing.finish();
        }
    }

    @Test
    void aCandidateKeyNotInTheBaselineIsAnErrorNamingRowAndKey() throws Exception {
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n2,20,18\n");
        Path now = csv("new.csv", "id,y,pred\n2,20,19\n7,70,71\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y"), 8, List.of("id")), pairing, new RowTally(), List.of()));
            assertEquals(now + ":3: column 'id': key id='7' is not in the baseline (" + old + ")", e.getMessage());
        }
    }

    @Test
    void aCompositeKeyProblemNamesEveryKeyColumn() throws Exception {
        Path old = csv("old.csv", "id,part,y,pred\n1,1,10,12\n");
        Path now = csv("new.csv", "id,part,y\n1,2,10\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id", "part"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y"), 8, List.of("id", "part")), pairing, new RowTally(), List.of()));
            assertEquals(now + ":2: key id='1', part='2' is not in the baseline (" + old + ")", e.getMessage());
        }
    }

    @Test
    void aDuplicateBaselineKeyIsAnErrorNamingBothRows() throws Exception {
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n2,20,18\n3,30,29\n2,20,17\n");
        InputException e = assertThrows(InputException.class, () -> keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL));
        assertEquals(old + ":5: column 'id': duplicate key id='2': the baseline has it at " + old + " row 2 too",
                e.getMessage());
    }

    @Test
    void aDuplicateCandidateKeyIsAnError() throws Exception {
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n2,20,18\n");
        Path now = csv("new.csv", "id,y\n2,20\n1,10\n2,20\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y"), 2, List.of("id")), pairing, new RowTally(), List.of()));
            assertEquals(now + ":4: column 'id': duplicate key id='2': an earlier candidate row has it (paired with " + old
                    + " row 2)", e.getMessage());
        }
    }

    @Test
    void aBaselineKeyWithoutCandidateRowIsAnErrorAtTheEnd() throws Exception {
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n2,20,18\n3,30,29\n4,40,41\n");
        Path now = csv("new.csv", "id,y\n1,10\n3,30\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            drain(candidate(now, List.of("y"), 8, List.of("id")), pairing, new RowTally(), List.of());
            InputException e = assertThrows(InputException.class, pairing::finish);
            assertEquals(old + ": row 2: column 'id': key id='2' is not in the candidate (nor are 1 more of the baseline's"
                    + " keys)", e.getMessage());
        }
    }

    @Test
    void aKeyedTargetThatDiffersIsAnErrorNamingBothRows() throws Exception {
        Path old = ParquetTestFiles.write(dir.resolve("old.parquet"), List.of("id", "y", "pred"),
                List.of(new double[] {2, 1}, new double[] {20, 10.5}, new double[] {18, 12}));
        Path now = csv("new.csv", "id,y\n2,20\n1,10\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y"), 8, List.of("id")), pairing, new RowTally(), List.of()));
            assertEquals(now + ":3: column 'y': target 10 differs from the baseline's 10.5 at " + old
                    + " row 2 (key id='1')", e.getMessage());
        }
    }

    @Test
    void anEmptyKeyIsAnError() throws Exception {
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n");
        Path now = csv("new.csv", "id,y\n1,10\n,20\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class,
                    () -> drain(candidate(now, List.of("y"), 8, List.of("id")), pairing, new RowTally(), List.of()));
            assertEquals(now + ":3: column 'id': no key: empty value", e.getMessage());
        }
        Path badBaseline = csv("bad.csv", "id,y,pred\n1,10,12\n,20,18\n");
        InputException e = assertThrows(InputException.class, () -> keyed(List.of(badBaseline), List.of("id"), InvalidPolicy.FAIL));
        assertEquals(badBaseline + ":3: column 'id': no key: empty value", e.getMessage());
    }

    @Test
    void skipInvalidCountsEveryReasonOnBothSides() throws Exception {
        // Baseline: id 2 twice (ambiguous), id 9 never in the candidate, one row without a key.
        Path old = csv("old.csv", "id,y,pred\n1,10,12\n2,20,18\n3,30,29\n2,20,17\n9,90,91\n,0,0\n4,40,41\n");
        // Candidate: 1 ok, 2 ambiguous, 3 ok, 3 again, 7 not in baseline, empty key, 4 with another target.
        Path now = csv("new.csv", "id,y,pred\n1,10,11\n2,20,19\n3,30,33\n3,30,31\n7,70,71\n,0,1\n4,41,38\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.SKIP)) {
            RowTally tally = new RowTally();
            Rows rows = drain(candidate(now, List.of("y", "pred"), 3, List.of("id")), pairing, tally,
                    List.of("pred", "baseline:pred"));
            pairing.finish();
            assertArrayEquals(new double[][] {{11, 12}, {33, 29}}, values(rows));
            assertEquals(List.of(1L, 3L), rows.rows);
            assertEquals(List.of(2L, 4L), rows.lines);
            Map<String, Long> candidateSkips = Map.of(PairingCounts.KEY_DUPLICATED_IN_BASELINE, 1L,
                    PairingCounts.DUPLICATE_KEY, 1L, PairingCounts.KEY_NOT_IN_BASELINE, 1L, PairingCounts.MISSING_KEY, 1L,
                    PairingCounts.TARGET_DIFFERS, 1L);
            assertEquals(candidateSkips, tally.skippedByReason());
            assertEquals(candidateSkips, pairing.counts().candidateSkipped());
            assertEquals(7, tally.read());
            assertEquals(Map.of(PairingCounts.DUPLICATE_KEY, 1L, PairingCounts.MISSING_KEY, 1L,
                    PairingCounts.KEY_NOT_IN_CANDIDATE, 2L), pairing.counts().baselineUnpaired());
            assertEquals(7, pairing.counts().baselineRows());
            assertEquals(2, pairing.counts().baselinePaired());
        }
    }

    @Test
    void theKeyTableRefusesBeyondItsBudgetNamingItAndHowToRaiseIt() throws Exception {
        StringBuilder text = new StringBuilder("id,y,pred\n");
        for (int i = 0; i < 2000; i++) text.append(i).append(",1,2\n");
        Path old = csv("old.csv", text.toString());
        // The key read as numbers (a producer without text columns): 9 bytes a key, no dictionary.
        InputException e = assertThrows(InputException.class, () -> new KeyedPairing(
                baseline(List.of(old), List.of("id", "y", "pred"), 256), List.of("pred"), "y", List.of("id"),
                InvalidPolicy.FAIL, 70_000, "raise --join-budget"));
        // 1,024 rows fit: 1,024 x 33 bytes of rows (start 4, row 8, file 4, flag 1, two values 16), 11,664 of keys
        // (9 a row, grown by half from 1,024) and 2,048 slots of 8 bytes = 61,840 bytes. The 1,025th row needs
        // 1,536 rows and 4,096 slots: 50,688 + 11,664 + 32,768 = 95,120 bytes (0.0907 MiB) > 70,000 (0.0668 MiB).
        assertEquals("the baseline's key table would need 0.0907 MiB after 1024 rows (58 bytes a row, and room to"
                + " grow), beyond its budget of 0.0668 MiB: raise --join-budget", e.getMessage());
    }

    @Test
    void textKeysAreExactStringsAndIntegersBeyondTwoToThe53() throws Exception {
        // 2^53 + 1 rounds to 2^53 as a double: as text the two ids stay apart.
        java.util.LinkedHashMap<String, Object> columns = new java.util.LinkedHashMap<>();
        columns.put("id", new long[] {9007199254740993L, 9007199254740992L, 7});
        columns.put("name", new String[] {"b\u00e9ta", "alpha", "gamma"});
        columns.put("y", new double[] {1, 2, 3});
        columns.put("pred", new double[] {10, 20, 30});
        Path old = ParquetTestFiles.writeMixed(dir.resolve("old.parquet"), columns);
        Path now = csv("new.csv", "name,id,y\nalpha,9007199254740992,2\ngamma,7,3\nb\u00e9ta,9007199254740993,1\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("id"), InvalidPolicy.FAIL)) {
            Rows rows = drain(candidate(now, List.of("y"), 2, List.of("id")), pairing, new RowTally(),
                    List.of("y", "baseline:pred"));
            assertArrayEquals(new double[][] {{2, 20}, {3, 30}, {1, 10}}, values(rows));
            pairing.finish();
        }
        try (KeyedPairing pairing = keyed(List.of(old), List.of("name", "id"), InvalidPolicy.FAIL)) {
            Rows rows = drain(candidate(now, List.of("y"), 8, List.of("name", "id")), pairing, new RowTally(),
                    List.of("baseline:pred"));
            assertArrayEquals(new double[][] {{20}, {30}, {10}}, values(rows));
        }
        Path other = csv("other.csv", "name,id,y\nb\u00e9ta,9007199254740994,1\n");
        try (KeyedPairing pairing = keyed(List.of(old), List.of("name", "id"), InvalidPolicy.FAIL)) {
            InputException e = assertThrows(InputException.class, () -> drain(candidate(other, List.of("y"), 8,
                    List.of("name", "id")), pairing, new RowTally(), List.of()));
            assertEquals(other + ":2: key name='b\u00e9ta', id='9007199254740994' is not in the baseline (" + old + ")",
                    e.getMessage());
        }
    }

    @Test
    void aHeldKeyIsDescribedFromItsBytes() {
        RowKeys.KeyBytes key = new RowKeys.KeyBytes();
        key.put(RowKeys.TEXT);
        byte[] text = "a\nb".getBytes(StandardCharsets.UTF_8);
        key.putInt(text.length);
        key.put(text);
        key.put(RowKeys.NUMBER);
        key.putLong(Double.doubleToLongBits(-2.5));
        assertEquals("id='a\\nb', t=-2.5", RowKeys.describe(List.of("id", "t"), key.bytes, 0, key.length));
    }

    @Test
    void theKeyTextsTheReadersHoldAreChargedToTheBudget() throws Exception {
        // 100 distinct keys "0".."99": the table's first arrays (1,024 rows x 25 bytes, 1,024 key bytes, 2,048
        // slots x 8 = 43,008) plus the dictionary: 10 x (128 + 2) + 90 x (128 + 4) = 13,180.
        StringBuilder text = new StringBuilder("id,y\n");
        for (int i = 0; i < 100; i++) text.append(i).append(",1\n");
        Path old = csv("old.csv", text.toString());
        long table = 1024L * 25 + 1024 + 2048 * 8;
        long texts = 10L * (KeyTexts.BYTES_PER_TEXT + 2) + 90L * (KeyTexts.BYTES_PER_TEXT + 4);
        assertEquals(56_188, table + texts);
        try (KeyedPairing fits = new KeyedPairing(baseline(List.of(old), List.of("y"), 4096, List.of(), List.of("id")),
                List.of(), "y", List.of("id"), InvalidPolicy.FAIL, table + texts, "raise it")) {
            assertEquals(100, fits.table().size());
        }
        // 40,000 bytes hold the table's arrays alone, not with the texts: refused at the first row.
        InputException e = assertThrows(InputException.class, () -> new KeyedPairing(
                baseline(List.of(old), List.of("y"), 4096, List.of(), List.of("id")), List.of(), "y", List.of("id"),
                InvalidPolicy.FAIL, 40_000, "raise it"));
        // 56,188 bytes = 0.0536 MiB, 13,180 of them texts; a row: the key "0" (5 + 1), 33 fixed, the target 8.
        assertEquals("the baseline's key table would need 0.0536 MiB after 0 rows (47 bytes a row, and room to grow,"
                + " 0.0126 MiB of it for the key texts the readers hold), beyond its budget of 0.0381 MiB: raise it",
                e.getMessage());
    }

    @Test
    void theDocumentedCostPerRow() {
        // One numeric key (9 bytes), a target and a prediction: 9 + 33 + 16.
        assertEquals(58, BaselineTable.bytesPerRow(RowKeys.NUMBER_BYTES, 2));
        // A 6-character text key: 5 + 6 + 33 + 16.
        assertEquals(60, BaselineTable.bytesPerRow(RowKeys.TEXT_OVERHEAD_BYTES + 6, 2));
        BaselineTable table = new BaselineTable(2, 1L << 30, "");
        assertEquals(0, table.allocatedBytes());
        assertNull(table.issue(0, 0));
    }
}
