package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rows-out} end to end through the real command line: every value of the written file, read back by
 * Commons CSV, parquet-java and DuckDB, against a reference made by NumPy, PyTorch and scikit-learn
 * ({@code reference/rowsout/make_rowsout.py}), or by hand on the seed's houses; input order across files and
 * formats; stdin; skipped rows; the outlier flag; write errors and the temporary-file rule.
 */
class RowsOutTest {
    private static final Path REFERENCE = Path.of("src/test/resources/reference/rowsout");
    private static final Path EXAMPLES = Path.of("examples");
    private static final String LOSSES = "mse,mae,huber:delta=1.5,huber:delta=mad,pinball:q=0.9,log_cosh,rmse";
    /**
     * How far a row loss may be from the reference, in units in the last place of the reference value. The
     * residual, mse, mae and rmse are one correctly rounded operation or two in both, so they must be
     * identical; huber and pinball are each a product of rounded terms that PyTorch and scikit-learn may
     * group differently (2 ulps); log_cosh is losseval's log1p/expm1 formula against an 80-digit decimal
     * value (8 ulps).
     */
    private static final Map<String, Integer> ULPS = Map.of("residual", 0, "mse", 0, "mae", 0, "rmse", 0,
            "huber:delta=1.5", 2, "huber:delta=mad", 2, "pinball:q=0.9", 2, "log_cosh", 8);

    @TempDir
    Path dir;

    @Test
    void csvHoldsEveryReferenceValueInInputOrder() throws Exception {
        // b.csv before a.csv: the pooled rows are the same, so are the median, MAD and huber's delta.
        Path out = dir.resolve("rows.csv");
        CliRun run = CliRun.of("eval", ref("b.csv"), ref("a.csv"), "-p", "pred", "-t", "target", "-l", LOSSES,
                "--skip-invalid", "--format", "json", "--rows-out", out.toString());
        RowsOutFiles.Table expected = expected(List.of("b.csv", "a.csv"), Map.of("b.csv", ref("b.csv"), "a.csv", ref("a.csv")));
        assertMatches(expected, RowsOutFiles.text(out, ','));
        // The rows with a reason are the report's skipped rows, as many and for the same reasons.
        Object report = run.json();
        assertEquals(4L, ((TinyJson.Num) TinyJson.at(report, "rows", "skipped")).asLong());
        assertEquals(List.of("NaN value", "empty value", "infinite value", "not a number"),
                new ArrayList<>(new TreeSet<>(RowsOutFiles.text(out, ',').values("skipped").stream()
                        .filter(Objects::nonNull).map(String::valueOf).toList())));
    }

    @Test
    void parquetReadsBackTheSameInParquetJavaAndDuckDb() throws Exception {
        // a.parquet is a.csv's values written by parquet-java: input order across formats.
        RowsOutFiles.Table a = RowsOutFiles.text(REFERENCE.resolve("a.csv"), ',');
        Path parquet = ParquetTestFiles.write(dir.resolve("a.parquet"), List.of("pred", "target"),
                List.of(doubles(a.values("pred")), doubles(a.values("target"))));
        Path out = dir.resolve("rows.parquet");
        CliRun.of("eval", parquet.toString(), ref("b.csv"), "-p", "pred", "-t", "target", "-l", LOSSES,
                "--skip-invalid", "--rows-out", out.toString()).assertSuccess();
        RowsOutFiles.Table expected = expected(List.of("a.csv", "b.csv"), Map.of("a.csv", parquet.toString(), "b.csv", ref("b.csv")));
        assertMatches(expected, RowsOutFiles.parquetJava(out));
        List<String> types = new ArrayList<>();
        assertMatches(expected, RowsOutFiles.duckDb(out, types));
        List<String> doubles = java.util.Collections.nCopies(8, "DOUBLE");
        List<String> expectedTypes = new ArrayList<>(List.of("VARCHAR", "BIGINT"));
        expectedTypes.addAll(doubles);
        expectedTypes.addAll(List.of("BOOLEAN", "VARCHAR"));
        assertEquals(expectedTypes, types);
    }

    @Test
    void stdinIsCopiedAndReadTwice() throws Exception {
        Path out = dir.resolve("rows.tsv");
        CliRun.withStdin(Files.readString(REFERENCE.resolve("b.csv")), "eval", ref("a.csv"), "-", "-p", "pred", "-t",
                "target", "-l", LOSSES, "--skip-invalid", "--rows-out", out.toString()).assertSuccess();
        assertMatches(expected(List.of("a.csv", "b.csv"), Map.of("a.csv", ref("a.csv"), "b.csv", "-")),
                RowsOutFiles.text(out, '\t'));
    }

    @Test
    void gzipReadsBackAsThePlainFile() throws Exception {
        Path plain = dir.resolve("rows.csv");
        Path gz = dir.resolve("rows.csv.gz");
        for (Path out : List.of(plain, gz)) {
            CliRun.of("eval", ref("a.csv"), "-p", "pred", "-t", "target", "-l", "mse,huber:delta=mad", "--rows-out",
                    out.toString()).assertSuccess();
        }
        byte[] expected = Files.readAllBytes(plain);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertArrayEquals(expected, in.readAllBytes());
        }
        assumeTrue(new File("/usr/bin/gzip").canExecute() || new File("/bin/gzip").canExecute(), "no gzip command");
        Process gzip = new ProcessBuilder("gzip", "-dc", gz.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream decompressed = new ByteArrayOutputStream();
        gzip.getInputStream().transferTo(decompressed);
        assertEquals(0, gzip.waitFor());
        assertArrayEquals(expected, decompressed.toByteArray());
    }

    /**
     * By hand: residuals 10, -10, 220; median 10, MAD 20, threshold 3 x 1.4826 x 20 = 88.956: house C.
     * huber:delta=15 at 220 is 15 x (220 - 7.5) = 3187.5, at 10 it is 10^2 / 2 = 50; huber:delta=mad is
     * huber with delta 20: 20 x (220 - 10) = 4200. The README shows this run and this file.
     */
    @Test
    void housesByHandAsTheReadmeShows() throws Exception {
        Path out = dir.resolve("rows.csv");
        CliRun.of("eval", "examples/houses.csv", "-p", "pred", "-t", "target", "-l", "mse,huber:delta=15,huber:delta=mad",
                "--rows-out", out.toString()).assertSuccess();
        String expected = """
                input,row,residual,mse,huber:delta=15,huber:delta=mad,outlier,skipped
                examples/houses.csv,1,10,100,50,50,false,
                examples/houses.csv,2,-10,100,50,50,false,
                examples/houses.csv,3,220,48400,3187.5,4200,true,
                """;
        assertEquals(expected, Files.readString(out));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("    losseval eval examples/houses.csv -p pred -t target -l mse,huber:delta=15,"
                + "huber:delta=mad --rows-out rows.csv\n"), "the README's command");
        assertTrue(readme.contains(expected.indent(4)), "the README's rows.csv");
    }

    @Test
    void sensorsFlagTheFiveCorruptedLabels() throws Exception {
        // make_examples.py prints them: Fahrenheit 1677, 2607, 3778; kelvin 3168, 4048 (id = row).
        List<Long> corrupted = List.of(1677L, 2607L, 3168L, 3778L, 4048L);
        Path out = dir.resolve("sensors.csv");
        String sensors = EXAMPLES.resolve("sensors.csv").toString();
        Object report = CliRun.of("eval", sensors, "-p", "pred", "-t", "target", "-l", "mse", "--format", "json",
                "--rows-out", out.toString()).json();
        List<Long> flagged = flagged(RowsOutFiles.text(out, ','));
        assertTrue(flagged.containsAll(corrupted), flagged.toString());
        // As many flags as the report's outlier count (29: the tails of 4995 normal errors count too).
        long count = ((TinyJson.Num) TinyJson.at(report, "contributions", "outliers", "count")).asLong();
        assertEquals(count, flagged.size());
        // A wider factor keeps exactly the corrupted ones: their |r| > 42, every clean |r| < 3.2.
        CliRun.of("eval", sensors, "-p", "pred", "-t", "target", "-l", "mse", "--outlier-factor", "10",
                "--rows-out", out.toString()).assertSuccess();
        RowsOutFiles.Table table = RowsOutFiles.text(out, ',');
        assertEquals(corrupted, flagged(table));
        assertEquals(5000, table.rows().size());
    }

    /**
     * Beyond --exact-budget the median and threshold are brackets: a row is flagged only when every value in
     * them agrees, so the flags bracket the exact outliers (known from a run within the budget) as the
     * report's count does, and the rows left empty are exactly the undecided ones.
     */
    @Test
    void beyondTheBudgetTheFlagIsEmptyWhereTheBracketStraddles() throws Exception {
        // 100,000 rows (1.6 MB at 16 bytes a row) against a 1 MiB budget; residuals with heavy tails.
        StringBuilder csv = new StringBuilder("pred,target\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double r = random.nextGaussian() * (random.nextInt(50) == 0 ? 20 : 1);
            csv.append(Math.round(r * 1000) / 1000.0).append(",0\n");
        }
        Path input = CliRun.write(dir, "tails.csv", csv.toString());
        Path exactRows = dir.resolve("exact.csv");
        Path bracketRows = dir.resolve("bracket.csv");
        Object exact = CliRun.of("eval", input.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format", "json",
                "--rows-out", exactRows.toString()).json();
        Object bracketed = CliRun.of("eval", input.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format",
                "json", "--exact-budget", "1", "--rows-out", bracketRows.toString()).json();
        assertEquals(Boolean.FALSE, TinyJson.at(bracketed, "contributions", "exact"));
        List<Object> sure = RowsOutFiles.text(exactRows, ',').values("outlier");
        List<Object> flags = RowsOutFiles.text(bracketRows, ',').values("outlier");
        long flagged = 0;
        long undecided = 0;
        for (int i = 0; i < flags.size(); i++) {
            // A decided flag is never wrong.
            if (flags.get(i) != null) assertEquals(sure.get(i), flags.get(i), "row " + (i + 1));
            if (Boolean.TRUE.equals(flags.get(i))) flagged++;
            if (flags.get(i) == null) undecided++;
        }
        long exactCount = ((TinyJson.Num) TinyJson.at(exact, "contributions", "outliers", "count")).asLong();
        assertEquals(exactCount, sure.stream().filter(Boolean.TRUE::equals).count());
        assertTrue(flagged <= exactCount && exactCount <= flagged + undecided, flagged + " + " + undecided);
        // The per-row rule uses each residual itself, so it decides at least as many rows as the buckets do.
        double low = ((TinyJson.Num) TinyJson.at(bracketed, "contributions", "outliers", "count_range", "low")).asDouble();
        double high = ((TinyJson.Num) TinyJson.at(bracketed, "contributions", "outliers", "count_range", "high")).asDouble();
        assertTrue(low <= flagged && flagged + undecided <= high, low + " " + flagged + " " + undecided + " " + high);
        assertTrue(undecided < 1000, "undecided: " + undecided);
    }

    @Test
    void withoutOutlierFiguresTheFlagIsEmpty() throws Exception {
        Path out = dir.resolve("rows.csv");
        CliRun.of("eval", EXAMPLES.resolve("houses.csv").toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--no-contrib", "--rows-out", out.toString()).assertSuccess();
        RowsOutFiles.Table table = RowsOutFiles.text(out, ',');
        assertEquals(List.of(10.0, -10.0, 220.0), table.values("residual"));
        assertEquals(java.util.Collections.nCopies(3, null), table.values("outlier"));
    }

    /** Without --pred the residual and the flag are empty; the row loss is still every row's. */
    @Test
    void classificationRowsHaveLossesButNoResidual() throws Exception {
        Path out = dir.resolve("emails.parquet");
        CliRun.of("eval", EXAMPLES.resolve("emails.csv").toString(), "--logits", "logit", "-t", "spam", "-l", "bce",
                "--rows-out", out.toString()).assertSuccess();
        RowsOutFiles.Table table = RowsOutFiles.parquetJava(out);
        assertEquals(java.util.Collections.nCopies(3, null), table.values("residual"));
        assertEquals(java.util.Collections.nCopies(3, null), table.values("outlier"));
        // torch 1.13 F.binary_cross_entropy_with_logits(x=[3, -2.5, -3.5], y=[1, 0, 1], reduction='none'), float64;
        // torch computes (1 - y) x + log1p(exp(-|x|)) + max(-x, 0), losseval softplus: 1e-14 relative apart.
        double[] torch = {0.048587351573741965, 0.07888973429254957, 3.5297504182726205};
        List<Object> bce = table.values("bce");
        for (int i = 0; i < torch.length; i++) {
            assertEquals(torch[i], (Double) bce.get(i), 1e-14 * torch[i], "row " + (i + 1));
        }
    }

    @Test
    void aFullDiskIsExitThreeAndNamesTheFile() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "no /dev/full on this system");
        for (String name : List.of("full.csv", "full.csv.gz", "full.parquet")) {
            Path out = Files.createSymbolicLink(dir.resolve(name), Path.of("/dev/full"));
            CliRun run = CliRun.of("eval", EXAMPLES.resolve("houses.csv").toString(), "-p", "pred", "-t", "target",
                    "-l", "mse", "--rows-out", out.toString());
            assertEquals(3, run.exitCode(), run.err());
            assertEquals("losseval: cannot write '" + out + "': No space left on device\n", run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aMissingDirectoryIsExitThree() {
        Path out = dir.resolve("missing/rows.csv");
        CliRun run = CliRun.of("eval", EXAMPLES.resolve("houses.csv").toString(), "-p", "pred", "-t", "target",
                "-l", "mse", "--rows-out", out.toString());
        assertEquals(3, run.exitCode());
        assertEquals("losseval: cannot write '" + out + "': no such directory\n", run.err());
    }

    @Test
    void anExistingFileIsReplacedOnlyByACompleteOne() throws Exception {
        Path out = CliRun.write(dir, "rows.csv", "previous\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Path bad = CliRun.write(dir, "bad.csv", "pred,target\n1,2\nx,3\n");
        CliRun failed = CliRun.of("eval", bad.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--rows-out",
                out.toString());
        assertEquals(3, failed.exitCode());
        assertEquals("previous\n", Files.readString(out));
        CliRun.of("eval", bad.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--skip-invalid",
                "--rows-out", out.toString()).assertSuccess();
        assertEquals("input,row,residual,mse,outlier,skipped\n" + bad + ",1,-1,1,false,\n" + bad + ",2,,,,not a number\n",
                Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("bad.csv", "rows.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void refusalsAreUsageErrors() throws Exception {
        String houses = EXAMPLES.resolve("houses.csv").toString();
        assertRefused("losseval: --rows-out 'rows.txt': unknown extension; use .csv, .tsv, .csv.gz, .tsv.gz or .parquet\n",
                "eval", houses, "-p", "pred", "-t", "target", "-l", "mse", "--rows-out", "rows.txt");
        assertRefused("losseval: --rows-out: two columns would be named 'row'; give the loss another label (-l label=SPEC)\n",
                "eval", houses, "-p", "pred", "-t", "target", "-l", "row=mse", "--rows-out", dir.resolve("r.csv").toString());
        assertRefused("losseval: --rows-out: two columns would be named 'residual'; a key or --group-by column cannot have"
                + " the name of another column of the file (input, row, residual, outlier, skipped, a loss's label)\n",
                "eval", houses, "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "residual",
                "--rows-out", dir.resolve("r.csv").toString());
        assertRefused("losseval: --rows-out '" + houses + "' is also an input\n",
                "eval", houses, "-p", "pred", "-t", "target", "-l", "mse", "--rows-out", houses);
        String same = dir.resolve("out.csv").toString();
        assertRefused("losseval: --rows-out and -o name the same file '" + same + "'\n",
                "eval", houses, "-p", "pred", "-t", "target", "-l", "mse", "--rows-out", same, "-o", same);
    }

    private static void assertRefused(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(message, run.err());
        assertEquals("", run.out());
    }

    private static List<Long> flagged(RowsOutFiles.Table table) {
        List<Long> rows = new ArrayList<>();
        int flag = table.column("outlier");
        int row = table.column("row");
        for (Object[] cells : table.rows()) {
            if (Boolean.TRUE.equals(cells[flag])) rows.add((Long) cells[row]);
        }
        return rows;
    }

    private static String ref(String name) {
        return REFERENCE.resolve(name).toString();
    }

    private static double[] doubles(List<Object> values) {
        return values.stream().mapToDouble(v -> (Double) v).toArray();
    }

    /** The reference rows of these files, in this order, each input named as the run names it. */
    private static RowsOutFiles.Table expected(List<String> order, Map<String, String> names) throws IOException {
        RowsOutFiles.Table all = RowsOutFiles.text(REFERENCE.resolve("expected.csv"), ',');
        int input = all.column("input");
        List<Object[]> rows = new ArrayList<>();
        for (String file : order) {
            for (Object[] row : all.rows()) {
                if (!row[input].equals(file)) continue;
                Object[] renamed = row.clone();
                renamed[input] = names.get(file);
                rows.add(renamed);
            }
        }
        return new RowsOutFiles.Table(all.header(), rows);
    }

    /** Every cell of every row, numbers within {@link #ULPS}. */
    private static void assertMatches(RowsOutFiles.Table expected, RowsOutFiles.Table actual) {
        assertEquals(expected.header(), actual.header());
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int r = 0; r < expected.rows().size(); r++) {
            Object[] want = expected.rows().get(r);
            Object[] got = actual.rows().get(r);
            for (int c = 0; c < want.length; c++) {
                String column = expected.header().get(c);
                String where = "row " + r + " column " + column;
                if (want[c] instanceof Double w && ULPS.containsKey(column)) {
                    assertTrue(got[c] instanceof Double, where + ": " + got[c]);
                    double g = (Double) got[c];
                    assertTrue(Math.abs(g - w) <= ULPS.get(column) * Math.ulp(w), where + ": " + g + " vs " + w);
                } else if (want[c] == null) {
                    assertNull(got[c], where);
                } else {
                    assertEquals(want[c], got[c], where);
                }
            }
        }
        assertFalse(expected.rows().isEmpty());
    }
}
