package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.losseval.cli.SplitThreadsTest.assertSameFailure;
import static org.losseval.cli.SplitThreadsTest.assertSameReports;
import static org.losseval.cli.SplitThreadsTest.assertSameRowsOut;
import static org.losseval.cli.SplitThreadsTest.withKnobs;
import static org.losseval.cli.SplitThreadsTest.withThreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.io.CsvRanges;
import org.losseval.io.ParquetRanges;
import org.losseval.io.ParquetTestFiles;
import org.losseval.io.SourceOptions;

/**
 * Issue 14 item 2: a Parquet file read in ranges of row groups on 2 or 3 threads gives the same report, byte
 * for byte, as one thread, through the real entry point, on files written by DuckDB and by parquet-java with
 * many row groups (each check first asserts that {@link ParquetRanges} cuts the file into as many ranges as
 * threads): losses, weights, quantiles and intervals, contribution figures (worst rows with ties), medae, a
 * baseline column (bootstrap weights from the row), --group-by, a list column of logits (cross-entropy),
 * --skip-invalid counts with invalid rows in later row groups, empty row groups between and around the others,
 * --rows-out; and the same error message and exit code when a later row group holds the first bad value or a
 * page whose checksum fails, when the groups pass the cap there, or when a column is missing. A baseline in other files and standard input are not split: same reports.
 *
 * <p>Small files are cut with {@value CsvRanges#MIN_RANGE_PROPERTY} at 1 byte; {@code losseval.batchSize} at 500 makes
 * several batches per row group (batches never span row groups, on any thread count).
 */
class SplitThreadsParquetTest {
    @TempDir
    Path dir;

    /** DuckDB's copy of SplitThreadsTest's generated CSV, with a list column and a label, in row groups of about 2,048 rows. */
    private Path duckDb(String name, int rows, long seed, int[] bad) throws IOException, SQLException {
        String csv = SplitThreadsTest.generate(dir, name + ".csv", rows, seed, bad);
        Path parquet = dir.resolve(name + ".parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            // A bad row's target ("n/a") becomes a null, and its logits hold a null element.
            statement.execute("COPY (SELECT id::BIGINT AS id, region, id50, id500, pred::DOUBLE AS pred,"
                    + " base::DOUBLE AS base, TRY_CAST(target AS DOUBLE) AS target, w::DOUBLE AS w, p10::DOUBLE AS p10,"
                    + " p90::DOUBLE AS p90, (id::BIGINT % 3)::INTEGER AS label,"
                    + " CASE WHEN target = 'n/a' THEN [pred::DOUBLE, NULL, p10::DOUBLE]"
                    + " ELSE [pred::DOUBLE, base::DOUBLE, p10::DOUBLE] END AS logits"
                    + " FROM read_csv('" + csv + "', all_varchar = true) ORDER BY id::BIGINT)"
                    + " TO '" + parquet + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
        return parquet;
    }

    @Test
    void duckDbFileCutInThreeGivesTheSameReports() throws Exception {
        String file = duckDb("gen", 30_000, 7, null).toString();
        withKnobs("1", "500", () -> {
            assertCut(file, 2);
            assertCut(file, 3);
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-w", "w",
                    "-l", "mse,rmse,mae,medae,huber:delta=1,pinball:q=0.9,r2", "--quantile", "p10@0.1",
                    "--quantile", "p90@0.9", "--interval", "p10:p90", "--worst", "7", "--top", "9");
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-l", "mse,rmse,mae,r2,max_error,medae",
                    "--baseline-pred", "base", "--group-by", "region", "--seed", "3");
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-l", "mae,huber:delta=mad,medae",
                    "--group-by", "region", "--group-by", "id500", "--exact-budget", "1");
            assertSameReports("eval", file, "--logits", "logits", "-t", "label", "-w", "w", "-l", "ce,focal_multiclass,ece",
                    "--group-by", "region");
            return null;
        });
    }

    /** Invalid rows in several row groups, the first in the first range and the others in later ones. */
    @Test
    void skippedRowsInLaterRowGroupsAreCountedTheSame() throws Exception {
        String file = duckDb("skips", 30_000, 11, new int[] {3, 12_000, 17_001, 25_000, 29_999}).toString();
        withKnobs("1", "500", () -> {
            assertCut(file, 3);
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-w", "w", "-l", "mse,mae,medae",
                    "--skip-invalid", "--group-by", "region");
            assertSameReports("eval", file, "--logits", "logits", "-t", "label", "-l", "ce", "--skip-invalid");
            return null;
        });
    }

    /** The first error in file order, in a later row group and range, is the error one thread gives. */
    @Test
    void theFirstErrorInALaterRowGroupIsOneThreadsError() throws Exception {
        String file = duckDb("bad", 30_000, 13, new int[] {20_000, 26_000}).toString();
        withKnobs("1", "500", () -> {
            assertCut(file, 3);
            assertSameFailure("eval", file, "-p", "pred", "-t", "target", "-l", "mse");
            assertSameFailure("eval", file, "--logits", "logits", "-t", "label", "-l", "ce");
            // The groups of every range together pass the cap in a later range, where no range alone does.
            assertSameFailure("eval", file, "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid",
                    "--group-by", "id50", "--max-groups", "450");
            assertSameFailure("eval", file, "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid",
                    "--group-by", "id50", "--max-groups", "100");
            return null;
        });
        CliRun one = CliRun.of(withThreads("1", "eval", file, "-p", "pred", "-t", "target", "-l", "mse"));
        // Row 20,000 is in the second of three ranges (SplitThreadsTest.generate numbers rows by id, in order).
        assertEquals("losseval: " + file + ": row 20000: column 'target': null value\n", one.err());
    }

    /**
     * parquet-java's file: nullable columns (a NaN is written as a null) in row groups of 700 rows, with empty row
     * groups spliced in first, in the middle and last; nulls in the first and in later row groups.
     */
    @Test
    void parquetJavaFileWithEmptyRowGroupsGivesTheSameReportsAndErrors() throws Exception {
        int rows = 9_000;
        Random random = new Random(5);
        double[] pred = new double[rows];
        double[] target = new double[rows];
        double[] weight = new double[rows];
        for (int i = 0; i < rows; i++) {
            target[i] = Math.round(random.nextGaussian() * 8) / 4.0;
            pred[i] = target[i] + Math.round(random.nextGaussian() * 4) / 4.0;
            weight[i] = random.nextInt(4) * 0.5;
        }
        for (int i : new int[] {10, 5_000, 8_999}) target[i] = Double.NaN;
        Path file = ParquetTestFiles.write(dir.resolve("pj.parquet"), List.of("pred", "target", "w"),
                List.of(pred, target, weight), ParquetTestFiles.Options.defaults().rowGroupRows(700).nullable(true));
        int groups = ParquetTestFiles.rowGroups(file);
        assertTrue(groups >= 6, groups + " row groups");
        ParquetTestFiles.insertEmptyRowGroups(file, 0, groups / 2 + 1, groups + 2);
        String name = file.toString();
        withKnobs("1", "500", () -> {
            assertCut(name, 3);
            assertSameReports("eval", name, "-p", "pred", "-t", "target", "-w", "w", "-l", "mse,mae,medae,huber:delta=1",
                    "--skip-invalid");
            assertSameFailure("eval", name, "-p", "pred", "-t", "target", "-l", "mse");
            return null;
        });
    }

    /**
     * Errors of the whole file are the same from every range: a column the file does not have (each range's
     * source checks it as it opens); and a page whose checksum fails in a later row group (the range reading it
     * names the row group and its first row as one thread does).
     */
    @Test
    void aMissingColumnAndACorruptPageInALaterRowGroupAreOneThreadsErrors() throws Exception {
        int rows = 9_000;
        Random random = new Random(9);
        double[] pred = new double[rows];
        double[] target = new double[rows];
        for (int i = 0; i < rows; i++) {
            target[i] = Math.round(random.nextGaussian() * 8) / 4.0;
            pred[i] = target[i] + Math.round(random.nextGaussian() * 4) / 4.0;
        }
        target[7_999] = 1.2345678901; // the one value whose stored bytes are changed below, in row group 12 of 13
        // Uncompressed, so the value's bytes are in the file as they are (in its row group's dictionary page).
        Path file = ParquetTestFiles.write(dir.resolve("crc.parquet"), List.of("pred", "target"), List.of(pred, target),
                ParquetTestFiles.Options.defaults().rowGroupRows(700).codec(ParquetTestFiles.Codec.UNCOMPRESSED));
        String name = file.toString();
        withKnobs("1", "500", () -> {
            assertCut(name, 3);
            assertSameFailure("eval", name, "-p", "pred", "-t", "nope", "-l", "mse");
            return null;
        });
        org.losseval.io.ParquetChecksumTestAccess.flipLowByteOf(file, 1.2345678901);
        withKnobs("1", "500", () -> {
            assertCut(name, 3);
            assertSameFailure("eval", name, "-p", "pred", "-t", "target", "-l", "mse");
            return null;
        });
        assertEquals("losseval: " + name + ": row 7701: column 'target': corrupt page in row group 12: its checksum (CRC)"
                + " does not match its bytes\n", CliRun.of(withThreads("1", "eval", name, "-p", "pred", "-t", "target",
                "-l", "mse")).err());
    }

    /** --rows-out: the first pass is split, the second (writing rows in order) is not; the same report and file. */
    @Test
    void rowsOutIsTheSameFile() throws Exception {
        String file = duckDb("rows", 20_000, 5, new int[] {15_000}).toString();
        withKnobs("1", "500", () -> {
            assertCut(file, 2);
            assertSameRowsOut(dir, "eval", file, "-p", "pred", "-t", "target", "-l", "mse,mae", "--skip-invalid");
            return null;
        });
    }

    /** Not split (the pairing reads candidate and baseline in step; stdin is spooled): the same reports anyway. */
    @Test
    void baselineFilesAndStandardInputGiveTheSameReports() throws Exception {
        String file = duckDb("cand", 20_000, 23, null).toString();
        String baseline = dir.resolve("base.parquet").toString();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            // The candidate's rows in reverse order, its column base as the baseline's pred: pairs by key.
            statement.execute("COPY (SELECT * REPLACE (base AS pred) FROM '" + file + "' ORDER BY id DESC) TO '"
                    + baseline + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
        withKnobs("1", "500", () -> {
            assertSameReports("eval", file, "--baseline", baseline, "--key", "id", "-p", "pred", "-t", "target",
                    "-l", "mse,mae");
            return null;
        });
        byte[] bytes = Files.readAllBytes(Path.of(file));
        String[] args = {"eval", "-", "-p", "pred", "-t", "target", "-l", "mse,mae"};
        String one = CliRun.withStdin(new java.io.ByteArrayInputStream(bytes), withThreads("1", args)).assertSuccess().out();
        assertEquals(one, CliRun.withStdin(new java.io.ByteArrayInputStream(bytes), withThreads("2", args))
                .assertSuccess().out());
    }

    /** A file of a single row group is not split, however small the ranges may be. */
    @Test
    void aFileOfOneRowGroupIsNotSplit() {
        Path file = ParquetTestFiles.write(dir.resolve("one.parquet"), List.of("pred", "target"),
                List.of(new double[] {1, 2, 3}, new double[] {1, 2, 4}));
        withKnobs("1", null, () -> {
            assertEquals(null, ParquetRanges.plan(file.toString(), options(), 2));
            return null;
        });
    }

    private static SourceOptions options() {
        return new SourceOptions(List.of("pred"), null, SourceOptions.DEFAULT_BATCH_SIZE,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS);
    }

    /** Asserts that {@link ParquetRanges} cuts {@code file} into {@code threads} ranges. */
    private static void assertCut(String file, int threads) {
        try (ParquetRanges ranges = ParquetRanges.plan(file, options(), threads)) {
            assertNotNull(ranges, file + " is not split");
            assertEquals(threads, ranges.ranges(), ranges.toString());
        }
    }
}
