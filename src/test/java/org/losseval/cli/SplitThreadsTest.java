package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.io.CsvRanges;
import org.losseval.io.InputException;
import org.losseval.io.SourceOptions;

/**
 * Issue 14 item 1: a plain CSV file read in ranges on 2 or 3 threads gives the same report, byte for byte, as
 * one thread, through the real entry point, on every example file and on generated files that are really cut
 * (each check first asserts that {@link CsvRanges} cuts the file for those settings): losses, weights,
 * quantiles and intervals, contribution figures (worst rows with ties), medae, a baseline column (bootstrap
 * weights from the row), --group-by, --skip-invalid counts, --rows-out; and the same error message and exit
 * code when a later range holds the first bad cell, bad record or group beyond the cap.
 *
 * <p>Small files are cut by two knobs: {@value CsvRanges#MIN_RANGE_PROPERTY} (the smallest range) and
 * {@code losseval.batchSize} (ranges start at batch boundaries; app.Evaluator's knob). One file is above the
 * default smallest range on both sides of the cut, read with the default knobs.
 */
class SplitThreadsTest {
    private static final String BATCH_SIZE = "losseval.batchSize";

    @TempDir
    Path dir;

    @Test
    void everyExampleGivesTheSameReportOnOneTwoAndThreeThreads() {
        withKnobs("1", "64", () -> {
            assertCut("examples/sensors.csv", 64, 2);
            assertCut("examples/leaves.csv", 64, 3);
            assertSameReports("eval", "examples/sensors.csv", "-p", "pred", "-t", "target", "-w", "w",
                    "-l", "mse,mae,medae,huber:delta=mad,pinball:q=0.9,log_cosh", "--quantile", "p10@0.1",
                    "--quantile", "p50@0.5", "--quantile", "p90@0.9", "--interval", "p10:p90", "--skip-invalid");
            assertSameReports("eval", "examples/sensors.csv", "-p", "pred", "-t", "target", "-l", "mse,rmse,mae,r2",
                    "--baseline-pred", "baseline", "--group-by", "sensor", "--min-group-rows", "5", "--skip-invalid");
            assertSameReports("eval", "examples/sensors.csv", "examples/houses.csv", "-p", "pred", "-t", "target",
                    "-l", "mse,max_error,explained_variance", "--group-by", "file", "--skip-invalid");
            assertSameReports("eval", "examples/leaves.csv", "--logits", "l0..l4", "-t", "label", "-w", "w",
                    "--target-probs", "t0..t4", "-l", "ce,focal_multiclass,kl,ece", "--group-by", "label");
            assertSameReports("eval", "examples/emails.csv", "--logits", "logit", "-t", "spam", "-l", "bce,focal");
            assertSameReports("eval", "examples/emails.csv", "-p", "p", "-t", "spam", "-l", "bce,brier");
            assertSameReports("eval", "examples/houses.csv", "-p", "pred", "-t", "target", "-l", "mse,mape,medae");
            return null;
        });
    }

    @Test
    void generatedFilesCutInThreeGiveTheSameReports() throws IOException {
        String file = generate("gen.csv", 30_000, 7, null);
        withKnobs("1", null, () -> {
            assertCut(file, SourceOptions.DEFAULT_BATCH_SIZE, 3);
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-w", "w",
                    "-l", "mse,rmse,mae,medae,huber:delta=1,pinball:q=0.9,r2", "--quantile", "p10@0.1",
                    "--quantile", "p90@0.9", "--interval", "p10:p90", "--worst", "7", "--top", "9");
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-l", "mse,rmse,mae,r2,max_error",
                    "--baseline-pred", "base", "--group-by", "region", "--seed", "3");
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-l", "mae,huber:delta=mad",
                    "--group-by", "region", "--group-by", "id500", "--exact-budget", "1");
            // Beyond the budget together (30,000 rows of 48 bytes against 1 MiB), within it in each range: the
            // ranges fold into their summaries while they read and before the combine (RunStates.expectRows);
            // with weights, contributions of one residual bucket have many exponents.
            for (String weight : new String[] {null, "w"}) {
                List<String> args = new java.util.ArrayList<>(List.of("eval", file, "-p", "pred", "-t", "target", "-l",
                        "mse,rmse,mae,huber:delta=1,pinball:q=0.9", "--exact-budget", "1"));
                if (weight != null) args.addAll(List.of("-w", weight));
                String[] argv = args.toArray(String[]::new);
                assertSameReports(argv);
                assertTrue(run("1", argv).contains("\"exact\": false"), "beyond the budget: " + args);
            }
            return null;
        });
    }

    @Test
    void skippedRowsInLaterRangesAreCountedTheSame() throws IOException {
        String file = generate("skips.csv", 30_000, 11, new int[] {3, 12_000, 17_001, 25_000, 29_999});
        withKnobs("1", null, () -> {
            assertCut(file, SourceOptions.DEFAULT_BATCH_SIZE, 3);
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-w", "w", "-l", "mse,mae,medae",
                    "--skip-invalid");
            return null;
        });
    }

    @Test
    void rowsOutIsTheSameFile() throws IOException {
        String file = generate("rows.csv", 20_000, 5, null);
        withKnobs("1", null, () -> {
            assertCut(file, SourceOptions.DEFAULT_BATCH_SIZE, 2);
            assertSameRowsOut(dir, "eval", file, "-p", "pred", "-t", "target", "-l", "mse,mae");
            return null;
        });
    }

    /** The first error in file order, in a later range, is the error one thread gives: message and exit code. */
    @Test
    void theFirstErrorInALaterRangeIsOneThreadsError() throws IOException {
        String badCell = generate("badcell.csv", 30_000, 13, new int[] {20_000, 26_000});
        String lines = Files.readString(Path.of(badCell));
        String badRecord = write("badrecord.csv", lines.replace("\n18000,", "\n18000,1,"));
        String both = write("both.csv", lines.replace("\n25000,", "\n25000,1,"));
        withKnobs("1", null, () -> {
            for (String file : List.of(badCell, badRecord, both)) {
                assertCut(file, SourceOptions.DEFAULT_BATCH_SIZE, 3);
                assertSameFailure("eval", file, "-p", "pred", "-t", "target", "-l", "mse");
            }
            // The groups of every range together pass the cap in a later range, where no range alone does.
            assertSameFailure("eval", badCell, "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid",
                    "--group-by", "id50", "--max-groups", "450");
            assertSameFailure("eval", badCell, "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid",
                    "--group-by", "id50", "--max-groups", "100");
            return null;
        });
    }

    /**
     * Gzip input is not split: it is decompressed on a second thread (app.ReadAheadStream) and parsed on the
     * first. Same reports, and the same error for a bad cell and for a gzip stream cut short in its data.
     */
    @Test
    void gzipAndStandardInputGiveTheSameReportsAndErrors() throws IOException {
        String file = generate("gz.csv", 30_000, 19, new int[] {21_000});
        byte[] gzipped = gzip(Files.readAllBytes(Path.of(file)));
        String gz = dir.resolve("gz.csv.gz").toString();
        Files.write(Path.of(gz), gzipped);
        String cut = dir.resolve("cut.csv.gz").toString();
        Files.write(Path.of(cut), Arrays.copyOf(gzipped, gzipped.length * 2 / 3));
        assertSameReports("eval", gz, "-p", "pred", "-t", "target", "-w", "w", "-l", "mse,mae,medae", "--skip-invalid",
                "--group-by", "region");
        assertSameFailure("eval", gz, "-p", "pred", "-t", "target", "-l", "mse");
        assertSameFailure("eval", cut, "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid");
        String stdin = Files.readString(Path.of(file));
        String[] args = {"eval", "-", "-p", "pred", "-t", "target", "-l", "mse,mae", "--skip-invalid"};
        String one = CliRun.withStdin(stdin, withThreads("1", args)).assertSuccess().out();
        assertEquals(one, CliRun.withStdin(stdin, withThreads("2", args)).assertSuccess().out());
        assertEquals(one, CliRun.withStdin(new java.io.ByteArrayInputStream(gzipped), withThreads("2", args))
                .assertSuccess().out());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** A file above the default smallest range on both sides of the cut, with the default knobs. */
    @Test
    void aFileAboveTheDefaultRangeSizeGivesTheSameReport() throws IOException {
        String file = generate("big.csv", 480_000, 17, new int[] {300_001});
        assertTrue(Files.size(Path.of(file)) > 2 * defaultMinRange(), "the file is " + Files.size(Path.of(file)) + " bytes");
        withKnobs(null, null, () -> {
            assertCut(file, SourceOptions.DEFAULT_BATCH_SIZE, 2);
            assertSameReports("eval", file, "-p", "pred", "-t", "target", "-w", "w", "-l", "mse,rmse,mae,medae",
                    "--quantile", "p10@0.1", "--interval", "p10:p90@0.8", "--group-by", "region", "--skip-invalid");
            return null;
        });
    }

    private static long defaultMinRange() {
        String before = System.getProperty(CsvRanges.MIN_RANGE_PROPERTY);
        System.clearProperty(CsvRanges.MIN_RANGE_PROPERTY);
        try {
            return CsvRanges.minRangeBytes();
        } finally {
            if (before != null) System.setProperty(CsvRanges.MIN_RANGE_PROPERTY, before);
        }
    }

    /**
     * Rows {@code id,region,id50,id500,pred,base,target,w,p10,p90}: values on a coarse grid so row losses tie
     * (worst rows and contribution figures then rank by row), 12 regions, a group per 50 and per 500 ids; the rows in
     * {@code bad} get an unparsable target.
     */
    private String generate(String name, int rows, long seed, int[] bad) throws IOException {
        return generate(dir, name, rows, seed, bad);
    }

    /** {@link #generate(String, int, long, int[])} in {@code dir} (SplitThreadsParquetTest converts it to Parquet). */
    static String generate(Path dir, String name, int rows, long seed, int[] bad) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,region,id50,id500,pred,base,target,w,p10,p90\n");
            for (int i = 1; i <= rows; i++) {
                double target = Math.round(random.nextGaussian() * 8) / 4.0;
                double pred = target + Math.round(random.nextGaussian() * 4) / 4.0;
                double base = target + Math.round(random.nextGaussian() * 6) / 4.0;
                boolean isBad = bad != null && Arrays.binarySearch(bad, i) >= 0;
                out.write(String.format(Locale.ROOT, "%d,r%d,g%d,g%d,%s,%s,%s,%s,%s,%s\n", i, random.nextInt(12), i / 50, i / 500,
                        pred, base, isBad ? "n/a" : Double.toString(target), random.nextInt(4) * 0.5,
                        pred - 1, pred + 1));
            }
        }
        return file.toString();
    }

    private String write(String name, String text) throws IOException {
        return CliRun.write(dir, name, text).toString();
    }


    /** Asserts that {@link CsvRanges} cuts {@code file} in at least two ranges for these settings. */
    private static void assertCut(String file, int batchSize, int threads) {
        String first;
        try (var lines = Files.lines(Path.of(file))) {
            first = lines.findFirst().orElseThrow().split(",")[0];
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        SourceOptions options = new SourceOptions(List.of(first), null, batchSize,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS);
        try (CsvRanges ranges = CsvRanges.plan(file, options, threads)) {
            assertTrue(ranges != null, file + " is not split");
            for (int k = 0; k < ranges.candidates() - 1; k++) ranges.count(k);
            int n = ranges.settle();
            assertTrue(n >= 2, file + ": " + n + " range(s), " + ranges);
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSameReports(String... args) {
        String one = run("1", args);
        assertEquals(one, run("2", args), String.join(" ", args) + ": 2 threads");
        assertEquals(one, run("3", args), String.join(" ", args) + ": 3 threads");
    }

    /**
     * Runs {@code args} with {@code --rows-out} (a file in {@code dir}) on 1, 2 and 3 threads: the same report and
     * the same rows file each time.
     */
    static void assertSameRowsOut(Path dir, String... args) {
        List<String> written = new ArrayList<>();
        for (String threads : new String[] {"1", "2", "3"}) {
            Path out = dir.resolve("rows-" + threads + ".csv");
            String[] withRowsOut = Arrays.copyOf(args, args.length + 2);
            withRowsOut[args.length] = "--rows-out";
            withRowsOut[args.length + 1] = out.toString();
            String report = run(threads, withRowsOut);
            try {
                written.add(report + Files.readString(out));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(written.get(0), written.get(1), "2 threads");
        assertEquals(written.get(0), written.get(2), "3 threads");
    }

    static void assertSameFailure(String... args) {
        CliRun one = CliRun.withStdin(InputStream.nullInputStream(), withThreads("1", args));
        assertEquals(3, one.exitCode(), one.err());
        assertTrue(one.out().isEmpty(), one.out());
        for (String threads : new String[] {"2", "3"}) {
            CliRun many = CliRun.withStdin(InputStream.nullInputStream(), withThreads(threads, args));
            assertEquals(one.err(), many.err(), threads + " threads");
            assertEquals(one.exitCode(), many.exitCode(), threads + " threads");
            assertEquals(one.out(), many.out(), threads + " threads");
        }
    }

    static String run(String threads, String... args) {
        return CliRun.of(withThreads(threads, args)).assertSuccess().out();
    }

    static String[] withThreads(String threads, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--threads";
        all[args.length + 1] = threads;
        all[args.length + 2] = "--format";
        all[args.length + 3] = "json";
        return all;
    }

    /** Runs {@code body} with the two knobs set (null: the default), then restores them. */
    static void withKnobs(String minRangeBytes, String batchSize, Supplier<Void> body) {
        String minBefore = System.getProperty(CsvRanges.MIN_RANGE_PROPERTY);
        String batchBefore = System.getProperty(BATCH_SIZE);
        set(CsvRanges.MIN_RANGE_PROPERTY, minRangeBytes);
        set(BATCH_SIZE, batchSize);
        try {
            body.get();
        } finally {
            set(CsvRanges.MIN_RANGE_PROPERTY, minBefore);
            set(BATCH_SIZE, batchBefore);
        }
    }

    private static void set(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }
}
