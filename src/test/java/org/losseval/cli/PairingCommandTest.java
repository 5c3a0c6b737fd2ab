package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/**
 * --baseline FILE... with and without --key through the real entry point: what the run reads, counts and
 * refuses. (The comparison figures themselves come with the comparison; here the pairing's effect on the
 * candidate's rows and its messages are checked.)
 */
class PairingCommandTest {
    @TempDir
    Path dir;

    /** ids 1..5 and 7, squared errors 1, 1, 9, 4, 25 and 1. */
    private static final String CANDIDATE = "id,y,pred\n1,10,11\n2,20,19\n3,30,33\n4,40,38\n5,50,55\n7,70,71\n";

    private Path write(String name, String text) throws IOException {
        return CliRun.write(dir, name, text);
    }

    /** The baseline in Parquet, in another order than the candidate, without id 7. */
    private Path shuffledBaseline() {
        return ParquetTestFiles.write(dir.resolve("old.parquet"), List.of("id", "y", "pred"),
                List.of(new double[] {3, 1, 5, 2, 4}, new double[] {30, 10, 50, 20, 40}, new double[] {29, 12, 52, 18, 41}),
                ParquetTestFiles.Options.defaults().type(ParquetTestFiles.NumberType.INT64));
    }

    private static void assertFailure(CliRun run, int code, String... errLines) {
        assertEquals(code, run.exitCode(), "exit code; stderr: " + run.err());
        assertEquals(List.of(errLines), run.err().lines().toList());
        assertEquals("", run.out());
    }

    private static long count(Object report, Object... path) {
        return ((TinyJson.Num) TinyJson.at(report, path)).asLong();
    }

    @Test
    void aKeyJoinWithSkipInvalidCountsTheCandidateRowWithoutBaseline() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        Object report = CliRun.of("eval", now.toString(), "--baseline", shuffledBaseline().toString(), "--key", "id",
                "-p", "pred", "-t", "y", "-l", "mse", "--skip-invalid", "--format", "json").json();
        assertEquals(6, count(report, "rows", "read"));
        assertEquals(5, count(report, "rows", "used"));
        assertEquals(1, count(report, "rows", "skipped_by_reason", "key not in baseline"));
        // (1 + 1 + 9 + 4 + 25) / 5 over the paired rows.
        assertEquals(8.0, TinyJson.number(report, "losses", 0, "value"));
    }

    @Test
    void aKeyNotInTheBaselineIsAnErrorWithoutSkipInvalid() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        Path old = shuffledBaseline();
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id", "-p", "pred",
                "-t", "y", "-l", "mse"), 3, "losseval: " + now + ":7: column 'id': key id='7' is not in the baseline (" + old + ")");
    }

    @Test
    void aKeyJoinOverSeveralFilesOnBothSidesUsesEveryRow() throws IOException {
        Path a = write("a.csv", "id,y,pred\n1,10,11\n2,20,19\n");
        Path b = write("b.csv", "id,y,pred\n3,30,33\n4,40,38\n5,50,55\n");
        Path old1 = write("old1.csv", "id,y,pred\n5,50,52\n4,40,41\n");
        Path old2 = shuffledBaseline();
        // The same ids twice would be duplicates: old2 holds 1..5 too, so give old1 ids 5 and 4 of another run.
        Path old2Only = ParquetTestFiles.write(dir.resolve("old2.parquet"), List.of("id", "y", "pred"),
                List.of(new double[] {3, 1, 2}, new double[] {30, 10, 20}, new double[] {29, 12, 18}));
        Object report = CliRun.of("eval", a.toString(), b.toString(), "--baseline", old1.toString(), old2Only.toString(),
                "--key", "id", "-p", "pred", "-t", "y", "-l", "mse", "--format", "json").json();
        assertEquals(5, count(report, "rows", "used"));
        assertEquals(8.0, TinyJson.number(report, "losses", 0, "value"));
        assertEquals(1.0, TinyJson.number(report, "inputs", 0, "losses", 0, "value"));
        assertEquals(38.0 / 3, TinyJson.number(report, "inputs", 1, "losses", 0, "value"));
        // And a baseline with a key twice is refused, naming both rows.
        assertFailure(CliRun.of("eval", a.toString(), "--baseline", old2.toString(), old2Only.toString(), "--key", "id",
                "-p", "pred", "-t", "y", "-l", "mse"), 3, "losseval: " + old2Only + ": row 1: column 'id': duplicate key"
                + " id='3': the baseline has it at " + old2 + " row 1 too");
    }

    @Test
    void pairingByPositionChecksTheTargetsRowByRow() throws IOException {
        Path now = write("new.csv", "y,pred\n10,11\n20,19\n30,33\n");
        Path same = write("same.csv", "y,pred\n10,12\n20,18\n30,29\n");
        Object report = CliRun.of("eval", now.toString(), "--baseline", same.toString(), "-p", "pred", "-t", "y",
                "-l", "mse", "--format", "json").json();
        assertEquals(3, count(report, "rows", "used"));
        Path shifted = write("shifted.csv", "y,pred\n10,12\n30,29\n20,18\n");
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", shifted.toString(), "-p", "pred", "-t", "y",
                "-l", "mse", "--skip-invalid"), 3, "losseval: " + now + ":3: column 'y': target 20 differs from the"
                + " baseline's 30 at " + shifted + ":3; pairing by position needs the same rows in the same order"
                + " (--key COL pairs by key)");
    }

    @Test
    void theKeyTableBudgetRefusesClearly() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        // The reader's dictionary of the five one-character keys comes first: 5 x (128 + 2) = 650 bytes.
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", shuffledBaseline().toString(), "--key", "id",
                "-p", "pred", "-t", "y", "-l", "mse", "--join-budget", "0"), 3, "losseval: the baseline's key table would"
                + " need 0.00062 MiB after 0 rows (0.00062 MiB of it for the key texts the readers hold), beyond its"
                + " budget of 0 MiB: raise"
                + " --join-budget (in MiB; at most a quarter of the Java heap is used, raise that with"
                + " LOSSEVAL_JAVA_OPTS=-Xmx...) or pair by position");
    }

    /** Ids 1..5 shuffled, and 9, which the candidate does not have. */
    private Path baselineWithExtraKey() throws IOException {
        return write("old.csv", "id,y,pred\n3,30,29\n1,10,12\n5,50,52\n2,20,18\n4,40,41\n9,90,91\n");
    }

    @Test
    void everyFormatSaysHowTheBaselineWasPaired() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        Path old = baselineWithExtraKey();
        String[] args = {"eval", now.toString(), "--baseline", old.toString(), "--key", "id", "-p", "pred", "-t", "y",
            "-l", "mse", "--skip-invalid", "--no-contrib", "--format", ""};
        String line = "baseline " + old + ", by key id: 6 rows read, 5 paired, 1 unpaired (key not in candidate: 1)";
        args[args.length - 1] = "table";
        // The comparison by hand: row losses (1, 1, 9, 4, 25) against (4, 4, 1, 1, 4), d = (-3, -3, 8, 3, 21); SciPy
        // 1.10 ttest_1samp(d, 0): p 0.3078795812213074, t interval [-7.16687368965932, 17.56687368965932].
        assertEquals(now + " (csv): 6 rows read, 5 used, 1 skipped\n" + line + "\n\n"
                + "loss  value  rows\nmse       8     5\n\n"
                + "candidate pred against baseline baseline:pred on the same rows (delta = candidate - baseline; paired t"
                + " interval):\n"
                + "figure  baseline  candidate  delta   delta %      95% CI of delta  p-value  win rate (ties)  verdict\n"
                + "mse          2.8          8   +5.2  +185.71%  [-7.16687, 17.5669]  0.30788   40.00% (0.00%)  no"
                + " significant difference\n\n"
                + "skipped because      rows\nkey not in baseline     1\n", CliRun.of(args).assertSuccess().out());
        args[args.length - 1] = "markdown";
        assertEquals(List.of("## losseval", "", now + " (csv): 6 rows read, 5 used, 1 skipped", "", line),
                CliRun.of(args).assertSuccess().out().lines().limit(5).toList());
        args[args.length - 1] = "html";
        assertEquals(1, CliRun.of(args).assertSuccess().out().lines().filter(("<p>" + line + "</p>")::equals).count());
        args[args.length - 1] = "csv";
        List<String> csv = CliRun.of(args).assertSuccess().out().lines().toList();
        assertEquals(List.of("figure,,,,rows_skipped,1,,", "figure,,,,baseline_rows_read,6,,",
                "figure,,,,baseline_rows_paired,5,,", "figure,,,,baseline_rows_unpaired,1,,"), csv.subList(5, 9));
        args[args.length - 1] = "json";
        Object report = CliRun.of(args).json();
        assertEquals(List.of(old.toString()), TinyJson.at(report, "baseline_files", "files"));
        assertEquals(List.of("id"), TinyJson.at(report, "baseline_files", "keys"));
        assertEquals(6, count(report, "baseline_files", "rows_read"));
        assertEquals(5, count(report, "baseline_files", "rows_paired"));
        assertEquals(1, count(report, "baseline_files", "rows_unpaired"));
        assertEquals(1, count(report, "baseline_files", "unpaired_by_reason", "key not in candidate"));
        // JUnit carries them as properties, and a gate judges them.
        String[] gated = java.util.Arrays.copyOf(args, args.length + 2);
        gated[args.length - 1] = "junit";
        gated[args.length] = "--fail-if";
        gated[args.length + 1] = "baseline_rows_unpaired > 0";
        CliRun run = CliRun.of(gated);
        assertEquals(1, run.exitCode());
        assertEquals("losseval: gate failed: baseline_rows_unpaired = 1 > 0\n", run.err());
        assertEquals(1, run.out().lines().filter("    <property name=\"baseline_rows_unpaired\" value=\"1\"/>"::equals).count());
    }

    @Test
    void aBaselineKeyWithoutCandidateRowIsAnErrorWithoutSkipInvalid() throws IOException {
        Path now = write("new.csv", "id,y,pred\n1,10,11\n2,20,19\n3,30,33\n4,40,38\n5,50,55\n");
        Path old = baselineWithExtraKey();
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id", "-p", "pred", "-t", "y",
                "-l", "mse"), 3, "losseval: " + old + ": row 6: column 'id': key id='9' is not in the candidate");
    }

    @Test
    void withoutBaselineFilesTheReportHasNoBaselineLine() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        Object report = CliRun.of("eval", now.toString(), "-p", "pred", "-t", "y", "-l", "mse", "--format", "json").json();
        assertEquals(null, ((java.util.Map<?, ?>) report).get("baseline_files"));
        assertFailure(CliRun.of("eval", now.toString(), "-p", "pred", "-t", "y", "-l", "mse", "--fail-if",
                "baseline_rows_unpaired > 0"), 2, "losseval: --fail-if 'baseline_rows_unpaired > 0': unknown figure"
                + " 'baseline_rows_unpaired'; figures of this run are: mse, clamped[mse], share_top1[mse], share_top5[mse],"
                + " share_top1%[mse], share_top5%[mse], outlier_share[mse], outliers, rows_read, rows_used, rows_skipped");
    }

    /**
     * The same rows three ways: the baseline's columns beside the candidate's in one file (the comparison in
     * the same rows, itself checked against SciPy by its own tests), and the baseline in another file, joined
     * by key from a shuffled Parquet file, or paired by position from a CSV in the same order. The comparison
     * must be the same, figure for figure and bit for bit.
     */
    @Test
    void aBaselineInOtherFilesComparesExactlyAsInTheSameRows() throws IOException {
        int n = 40;
        StringBuilder same = new StringBuilder("id,y,pred,p90,bpred,bp90\n");
        StringBuilder candidate = new StringBuilder("id,y,pred,p90\n");
        StringBuilder inOrder = new StringBuilder("id,y,pred,p90\n");
        double[][] shuffled = new double[4][n];
        for (int i = 0; i < n; i++) {
            double y = (i * 37 % 23) / 4.0;
            double pred = y + ((i * 11 % 7) - 3) / 2.0;
            double p90 = y + 1 + (i % 5) / 4.0;
            double bpred = y + ((i * 5 % 9) - 4) / 2.0;
            double bp90 = y + 0.5 + (i % 3) / 2.0;
            same.append(i + 100).append(',').append(y).append(',').append(pred).append(',').append(p90).append(',')
                    .append(bpred).append(',').append(bp90).append('\n');
            candidate.append(i + 100).append(',').append(y).append(',').append(pred).append(',').append(p90).append('\n');
            inOrder.append(i + 100).append(',').append(y).append(',').append(bpred).append(',').append(bp90).append('\n');
            int at = (i * 17) % n; // 17 is prime to 40: a permutation
            shuffled[0][at] = i + 100;
            shuffled[1][at] = y;
            shuffled[2][at] = bpred;
            shuffled[3][at] = bp90;
        }
        Path sameRows = write("same.csv", same.toString());
        Path now = write("new.csv", candidate.toString());
        Path ordered = write("ordered.csv", inOrder.toString());
        Path keyed = ParquetTestFiles.write(dir.resolve("old.parquet"), List.of("id", "y", "pred", "p90"),
                List.of(shuffled[0], shuffled[1], shuffled[2], shuffled[3]));
        List<String> common = List.of("-p", "pred", "-t", "y", "--quantile", "p90@0.9", "-l", "mse,mae,rmse",
                "--compare-shares", "--format", "json");
        Object reference = CliRun.of(concat(List.of("eval", sameRows.toString(), "--baseline-pred", "bpred",
                "--baseline-quantile", "bp90"), common)).json();
        Object byKey = CliRun.of(concat(List.of("eval", now.toString(), "--baseline", keyed.toString(), "--key", "id"),
                common)).json();
        Object byPosition = CliRun.of(concat(List.of("eval", now.toString(), "--baseline", ordered.toString(), "--threads",
                "1"), common)).json();
        Object figures = TinyJson.at(reference, "comparison", "figures");
        List<String> shares = new java.util.ArrayList<>();
        for (String loss : List.of("mse", "mae", "rmse")) {
            for (String share : List.of("share_top1", "share_top5", "share_top1%", "share_top5%")) shares.add(share + "[" + loss + "]");
        }
        assertEquals(List.of(concat(List.of("mse", "mae", "rmse", "pinball[p90]", "calibration[p90]"), shares)),
                ((List<?>) figures).stream().map(f -> ((java.util.Map<?, ?>) f).get("figure")).toList());
        assertEquals(figures, TinyJson.at(byKey, "comparison", "figures"));
        assertEquals(figures, TinyJson.at(byPosition, "comparison", "figures"));
        assertEquals(TinyJson.at(reference, "losses"), TinyJson.at(byKey, "losses"));
        assertEquals("baseline:pred", TinyJson.at(byKey, "comparison", "baseline_columns", 0, "column"));
        // --baseline-pred names the baseline file's column.
        Path renamed = write("renamed.csv", inOrder.toString().replaceFirst("pred,p90", "yhat,q90"));
        Object explicit = CliRun.of(concat(List.of("eval", now.toString(), "--baseline", renamed.toString(),
                "--baseline-pred", "yhat", "--baseline-quantile", "q90"), common)).json();
        assertEquals(figures, TinyJson.at(explicit, "comparison", "figures"));
        assertEquals("baseline:yhat", TinyJson.at(explicit, "comparison", "baseline_columns", 0, "column"));
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all.toArray(new String[0]);
    }

    @Test
    void aBaselineCellThatIsNotANumberIsNamedByItsReservedColumn() throws IOException {
        Path now = write("new.csv", "id,y,pred\n1,10,11\n2,20,19\n");
        Path old = write("old.csv", "id,y,pred\n2,20,x\n1,10,12\n");
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id", "-p", "pred", "-t", "y",
                "-l", "mse"), 3, "losseval: " + now + ":3: column 'baseline:pred': not a number: 'x'");
        Object report = CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id", "-p", "pred", "-t",
                "y", "-l", "mse", "--skip-invalid", "--format", "json").json();
        assertEquals(1, count(report, "rows", "skipped_by_reason", "not a number"));
        assertEquals(1, count(report, "comparison", "figures", 0, "delta_ci", "rows"));
    }

    @Test
    void aCompositeKeyWithSkipInvalidCountsEveryReasonOnBothSides() throws IOException {
        // Baseline: (1,a) and (1,b) fine, (2,a) twice (ambiguous), (3,a) without a candidate row, one row without
        // a part. Candidate: (1,b) and (1,a) fine, (1,a) again, (2,a) ambiguous, (4,a) not in the baseline, an
        // empty part, and (3,b) not in the baseline either.
        Path old = write("old.csv", "id,part,y,pred\n1,a,10,12\n1,b,20,18\n2,a,30,31\n2,a,30,29\n3,a,40,41\n5,,0,0\n");
        Path now = write("new.csv", "part,id,y,pred\nb,1,20,19\na,1,10,11\na,1,10,13\na,2,30,33\na,4,40,38\n,5,0,1\n"
                + "b,3,40,40\n");
        Object report = CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id", "--key", "part",
                "-p", "pred", "-t", "y", "-l", "mse", "--skip-invalid", "--no-contrib", "--format", "json").json();
        assertEquals(7, count(report, "rows", "read"));
        assertEquals(2, count(report, "rows", "used"));
        assertEquals(1, count(report, "rows", "skipped_by_reason", "duplicate key"));
        assertEquals(1, count(report, "rows", "skipped_by_reason", "key duplicated in baseline"));
        assertEquals(2, count(report, "rows", "skipped_by_reason", "key not in baseline"));
        assertEquals(1, count(report, "rows", "skipped_by_reason", "missing key"));
        assertEquals(List.of("id", "part"), TinyJson.at(report, "baseline_files", "keys"));
        assertEquals(6, count(report, "baseline_files", "rows_read"));
        assertEquals(2, count(report, "baseline_files", "rows_paired"));
        assertEquals(1, count(report, "baseline_files", "unpaired_by_reason", "duplicate key"));
        assertEquals(1, count(report, "baseline_files", "unpaired_by_reason", "missing key"));
        assertEquals(1, count(report, "baseline_files", "unpaired_by_reason", "key not in candidate"));
        // The two paired rows: candidate (19 - 20)^2 and (11 - 10)^2, baseline (18 - 20)^2 and (12 - 10)^2.
        assertEquals(1.0, TinyJson.number(report, "losses", 0, "value"));
        assertEquals(4.0, TinyJson.number(report, "comparison", "figures", 0, "baseline"));
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", old.toString(), "--key", "id,part", "-p", "pred",
                "-t", "y", "-l", "mse"), 3, "losseval: " + old + ":5: duplicate key id='2', part='a': the baseline has it at "
                + old + " row 3 too");
    }

    @Test
    void withoutBaselineFilesAColumnNamedLikeAReservedOneIsTheUsersOwn() throws IOException {
        Path file = write("f.csv", "y,baseline:pred,pred\n1,2,1\n3,3,3\n");
        Object report = CliRun.of("eval", file.toString(), "-p", "baseline:pred", "-t", "y", "-l", "mse",
                "--baseline-pred", "pred", "--format", "json").json();
        // (2 - 1)^2 and 0 for the candidate column 'baseline:pred'; 0 and 0 for the baseline 'pred'.
        assertEquals(0.5, TinyJson.number(report, "losses", 0, "value"));
        assertEquals(0.0, TinyJson.number(report, "comparison", "figures", 0, "baseline"));
    }

    @Test
    void usageErrors() throws IOException {
        Path now = write("new.csv", CANDIDATE);
        assertFailure(CliRun.of("eval", now.toString(), "--key", "id", "-p", "pred", "-t", "y", "-l", "mse"), 2,
                "losseval: --key pairs rows with --baseline files: give --baseline FILE");
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", now.toString(), "--key", "id,id", "-p", "pred",
                "-t", "y", "-l", "mse"), 2, "losseval: --key names a column twice: id, id");
        assertFailure(CliRun.of("eval", now.toString(), "--baseline", now.toString(), "-p", "baseline:pred", "-t", "y",
                "-l", "mse"), 2, "losseval: column 'baseline:pred' starts with 'baseline:', which --baseline reserves for"
                + " the baseline's columns; rename the column in the candidate's files");
        assertFailure(CliRun.withStdin(CANDIDATE, "eval", "-", "--baseline", "-", "-p", "pred", "-t", "y", "-l", "mse"), 2,
                "losseval: stdin ('-') can be read only once");
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalReports() throws IOException {
        StringBuilder candidate = new StringBuilder("id,y,pred\n");
        StringBuilder baseline = new StringBuilder("id,y,pred\n");
        // 20,000 rows (several batches); the baseline in reverse order.
        for (int i = 0; i < 20_000; i++) candidate.append(i).append(',').append(i % 7).append(',').append(i % 5).append('\n');
        for (int i = 19_999; i >= 0; i--) baseline.append(i).append(',').append(i % 7).append(',').append(i % 3).append('\n');
        Path now = write("new.csv", candidate.toString());
        Path old = write("old.csv", baseline.toString());
        for (String[] pairing : new String[][] {{"--key", "id"}, {}}) {
            String[] oneThread = args(now, old, pairing, "1");
            if (pairing.length == 0) {
                // By position the reversed baseline disagrees at once; the same one in order pairs.
                Path inOrder = write("in-order.csv", candidate.toString());
                oneThread = args(now, inOrder, pairing, "1");
                String one = CliRun.of(oneThread).assertSuccess().out();
                assertEquals(one, CliRun.of(args(now, inOrder, pairing, "2")).assertSuccess().out());
                continue;
            }
            String one = CliRun.of(oneThread).assertSuccess().out();
            assertEquals(one, CliRun.of(args(now, old, pairing, "2")).assertSuccess().out());
        }
    }

    private static String[] args(Path now, Path old, String[] pairing, String threads) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", now.toString(), "--baseline", old.toString()));
        args.addAll(List.of(pairing));
        args.addAll(List.of("-p", "pred", "-t", "y", "-l", "mse,mae", "--threads", threads, "--format", "json"));
        return args.toArray(new String[0]);
    }
}
