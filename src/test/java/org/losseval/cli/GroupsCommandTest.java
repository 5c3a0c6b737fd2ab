package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * {@code --group-by} through the real entry point: the cap, unranked small groups, gates on groups, Hive-style
 * partitions and the virtual file column, and the usage errors. Expected figures are worked by hand from the
 * few rows written here (the reference figures are checked in {@code GroupFiguresReferenceTest}).
 */
class GroupsCommandTest {
    /** Region a: errors 1, 3 (mse 5); b: error 2 (mse 4); an empty region: error 0 (mse 0). */
    private static final String SMALL = "region,pred,target\na,1,0\nb,2,0\na,3,0\n,5,5\n";

    @TempDir Path dir;

    @Test
    void moreGroupsThanTheCapIsAnInputErrorNamingTheRowColumnsAndCap() throws IOException {
        Path file = write("many.csv", "region,pred,target\na,1,2\nb,1,2\nc,1,2\n\nd,1,2\ne,1,2\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "region",
                "--max-groups", "3");
        assertEquals(3, run.exitCode());
        assertEquals("", run.out());
        // Line 6 (a blank line precedes it) is data row 4, the fourth region.
        assertEquals("losseval: " + file + ":6: more than 3 groups of --group-by region (--max-groups 3); group by fewer"
                + " or coarser columns, or raise --max-groups (each group keeps its own states: see --help)"
                + " (data row 4)\n", run.err());
    }

    @Test
    void smallGroupsAreListedButNotRankedAndAnEmptyValueIsAGroup() throws IOException {
        Path file = write("s.csv", SMALL);
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "region",
                "--min-group-rows", "2", "--format", "json").assertSuccess();
        Map<?, ?> groups = (Map<?, ?>) TinyJson.at(run.json(), "groups");
        assertEquals(List.of("region"), groups.get("columns"));
        List<?> items = (List<?>) groups.get("items");
        assertEquals(3, items.size());
        // a (2 rows, mse 5) is the only ranked group; then b (mse 4) and "" (mse 0), worst first.
        assertEquals(List.of("a", "b", ""), items.stream().map(i -> ((Map<?, ?>) ((Map<?, ?>) i).get("values")).get("region")).toList());
        Map<?, ?> a = (Map<?, ?>) items.get(0);
        assertEquals(1L, ((TinyJson.Num) a.get("rank")).asLong());
        Map<?, ?> aMse = (Map<?, ?>) ((List<?>) a.get("losses")).get(0);
        assertEquals(5.0, ((TinyJson.Num) aMse.get("value")).asDouble());
        // a holds 10 of the total squared error 14.
        assertEquals(10.0 / 14, ((TinyJson.Num) aMse.get("loss_share")).asDouble());
        assertEquals(0.5, ((TinyJson.Num) a.get("row_share")).asDouble());
        assertNull(((Map<?, ?>) items.get(1)).get("rank"));
        Map<?, ?> worst = (Map<?, ?>) ((List<?>) groups.get("worst")).get(0);
        assertEquals("region=a", worst.get("label"));
        assertEquals(1L, ((TinyJson.Num) groups.get("ranked")).asLong());
    }

    @Test
    void gatesOnGroupsAndTheWorstGroup() throws IOException {
        Path file = write("s.csv", SMALL);
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "region",
                "--min-group-rows", "1", "--no-contrib", "--fail-if", "worst_group[mse] > 4.5", "--fail-if",
                "group[mse@region=b] >= 4", "--fail-if", "group[mse@region=] > 0", "--fail-if", "group[mse@region=zz] > 1");
        assertEquals(1, run.exitCode());
        assertEquals(List.of(
                "losseval: gate failed: worst_group[mse] = 5 > 4.5",
                "losseval: gate failed: group[mse@region=b] = 4 >= 4",
                // A group that does not occur has no figure: its gate fails closed.
                "losseval: gate failed: group[mse@region=zz] = NaN: not computed or undefined, so the gate fails closed"),
                run.err().lines().toList());
    }

    @Test
    void groupGatesAreCheckedForFormBeforeTheRun() {
        List<List<String>> cases = List.of(
                List.of("--group-by", "region", "--fail-if", "group[mse@regio=a] > 1"),
                List.of("--fail-if", "group[mse@region=a] > 1"),
                List.of("--group-by", "region", "--fail-if", "group[mae@region=a] > 1"),
                List.of("--group-by", "region", "--group-by", "device", "--fail-if", "group[mse@region=a] > 1"));
        List<String> messages = List.of(
                "losseval: --fail-if 'group[mse@regio=a] > 1': 'group[mse@regio=a]': expected 'region=' at 'regio=a';"
                        + " a group figure is group[LOSS@region=VALUE]",
                "losseval: --fail-if 'group[mse@region=a] > 1': 'group[mse@region=a]' is a group figure, but the run"
                        + " has no --group-by",
                "losseval: --fail-if 'group[mae@region=a] > 1': 'group[mae@region=a]': 'mae' is not a loss of this run;"
                        + " a group figure is group[LOSS@region=VALUE]",
                "losseval: --fail-if 'group[mse@region=a] > 1': 'group[mse@region=a]': no ',device='; a group figure is"
                        + " group[LOSS@region=VALUE,device=VALUE]");
        for (int c = 0; c < cases.size(); c++) {
            List<String> argv = new java.util.ArrayList<>(List.of("eval", "missing.csv", "-p", "pred", "-t", "target", "-l", "mse"));
            argv.addAll(cases.get(c));
            CliRun run = CliRun.of(argv.toArray(String[]::new));
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(messages.get(c) + "\n", run.err());
        }
    }

    @Test
    void usageErrorsOfTheOptions() {
        String[][] cases = {
                {"--group-by", "region", "--group-by", "region"},
                {"--group-by", "region", "--max-groups", "0"},
                {"--group-by", "region", "--min-group-rows", "0"}};
        String[] messages = {
                "losseval: --group-by names a column twice: region, region\n",
                "losseval: --max-groups must be between 1 and 1000000, got 0\n",
                "losseval: --min-group-rows must be at least 1, got 0\n"};
        for (int c = 0; c < cases.length; c++) {
            List<String> argv = new java.util.ArrayList<>(List.of("eval", "missing.csv", "-p", "pred", "-t", "target"));
            argv.addAll(List.of(cases[c]));
            CliRun run = CliRun.of(argv.toArray(String[]::new));
            assertEquals(2, run.exitCode());
            assertEquals(messages[c], run.err());
        }
    }

    @Test
    void hivePartitionsAndTheFileColumnGroupAcrossInputs() throws IOException {
        Path day1 = Files.createDirectories(dir.resolve("dumps/date=2026-11-01"));
        Path day2 = Files.createDirectories(dir.resolve("dumps/date=2026-11-02"));
        Path a = Files.writeString(day1.resolve("part-0.csv"), "pred,target\n1,0\n3,0\n");
        Path b = Files.writeString(day2.resolve("part-0.csv"), "pred,target\n2,0\n");
        Path c = Files.writeString(day2.resolve("part-1.csv"), "pred,target\n4,0\n");
        CliRun run = CliRun.of("eval", a.toString(), b.toString(), c.toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--group-by", "date", "--min-group-rows", "1", "--format", "json").assertSuccess();
        List<?> items = (List<?>) TinyJson.at(run.json(), "groups", "items");
        // 2026-11-02 holds errors 2 and 4 from two files (mse 10); 2026-11-01 errors 1 and 3 (mse 5).
        assertEquals("date=2026-11-02", ((Map<?, ?>) items.get(0)).get("label"));
        assertEquals(10.0, ((TinyJson.Num) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) items.get(0)).get("losses")).get(0))
                .get("value")).asDouble());
        CliRun byFile = CliRun.of("eval", a.toString(), b.toString(), c.toString(), "-p", "pred", "-t", "target", "-l",
                "mse", "--group-by", "file", "--group-by", "date", "--min-group-rows", "1", "--format", "json").assertSuccess();
        List<?> files = (List<?>) TinyJson.at(byFile.json(), "groups", "items");
        assertEquals(3, files.size());
        assertEquals("file=" + c + ",date=2026-11-02", ((Map<?, ?>) files.get(0)).get("label"));
    }

    @Test
    void skippedRowsLeaveTheirGroupsAndTheTextsFollowTheRowsKept() throws IOException {
        // Rows 2 and 4 are invalid (an empty pred, a NaN target); region c occurs only in a skipped row.
        Path file = write("k.csv", "region,pred,target\na,1,0\nc,,0\nb,2,0\nb,1,NaN\na,3,0\n");
        CliRun run = CliRun.of("eval", file.toString(), "-p", "pred", "-t", "target", "-l", "mse", "--group-by", "region",
                "--min-group-rows", "1", "--skip-invalid", "--format", "json").assertSuccess();
        List<?> items = (List<?>) TinyJson.at(run.json(), "groups", "items");
        assertEquals(List.of("region=a", "region=b"), items.stream().map(i -> ((Map<?, ?>) i).get("label")).toList());
        assertEquals(5.0, TinyJson.number(run.json(), "groups", "items", 0, "losses", 0, "value"));
        assertEquals(2L, ((TinyJson.Num) TinyJson.at(run.json(), "groups", "items", 0, "rows")).asLong());
        assertEquals(4.0, TinyJson.number(run.json(), "groups", "items", 1, "losses", 0, "value"));
    }

    @Test
    void medaeOfAGroupBeyondTheBudgetIsABracketInJsonAndMarkedInTheTable() throws IOException {
        // Region a: errors 1.1 and 3.3, so its exact medae is 2.2 (NumPy's median), which the bracket must hold.
        Path file = write("m.csv", "region,pred,target\na,1.1,0\nb,2.2,0\na,3.3,0\nc,5,5\n");
        String[] args = {"eval", file.toString(), "-p", "pred", "-t", "target", "-l", "medae", "--group-by", "region",
                "--min-group-rows", "1", "--exact-budget", "0", "--worst", "0"};
        CliRun json = CliRun.of(concat(args, "--format", "json")).assertSuccess();
        assertEquals("region=a", TinyJson.at(json.json(), "groups", "items", 0, "label"));
        double low = TinyJson.number(json.json(), "groups", "items", 0, "losses", 0, "value_range", "low");
        double high = TinyJson.number(json.json(), "groups", "items", 0, "losses", 0, "value_range", "high");
        double exact = Math.abs(1.1 - 0) / 2 + Math.abs(3.3 - 0) / 2;
        assertEquals(true, low <= exact && exact <= high && low < high, "[" + low + ", " + high + "]");
        assertEquals(low / 2 + high / 2, TinyJson.number(json.json(), "groups", "items", 0, "losses", 0, "value"));
        assertEquals(low, TinyJson.number(json.json(), "groups", "worst", 0, "value_range", "low"));
        CliRun table = CliRun.of(args).assertSuccess();
        List<String> lines = table.out().lines().toList();
        String rowA = lines.stream().filter(l -> l.startsWith("1 ") && l.contains("region=a")).findFirst().orElseThrow();
        assertEquals(true, rowA.split(" +")[4].startsWith("~"), rowA);
        assertEquals(true, lines.stream().anyMatch(l -> l.startsWith("worst group by medae: region=a, medae = ~")),
                table.out());
        // The note under the losses (the run's medae is a bracket too) comes again under the groups' caveat.
        String note = lines.stream().filter(l -> l.startsWith("~ marks an approximate figure")).findFirst().orElseThrow();
        int caveat = lines.indexOf(lines.stream().filter(l -> l.startsWith("note: the worst of many groups")).findFirst()
                .orElseThrow());
        assertEquals(note, lines.get(caveat + 1));
    }

    @Test
    void groupsWithABaselineInOtherFilesAreTheGroupsOfTheSameRowsInOneFile() throws IOException {
        // The baseline's rows shuffled in their own file, paired by --key id; group by a text column and the key.
        Path together = write("together.csv", "id,region,pred,target,baseline\n1,a,1,0,2\n2,b,2,0,1\n3,a,3,0,3\n"
                + "4,b,5,4,4\n5,c,0.5,1,2\n6,a,2,2,0\n");
        Path candidate = write("new.csv", "id,region,pred,target\n1,a,1,0\n2,b,2,0\n3,a,3,0\n4,b,5,4\n5,c,0.5,1\n6,a,2,2\n");
        Path baseline = write("old.csv", "id,pred,target\n4,4,4\n6,0,2\n1,2,0\n5,2,1\n3,3,0\n2,1,0\n");
        String[] common = {"-p", "pred", "-t", "target", "-l", "mse,mae,medae", "--group-by", "region", "--group-by", "id",
                "--min-group-rows", "1", "--replicates", "20", "--format", "json"};
        CliRun paired = CliRun.of(concat(concat(new String[] {"eval", candidate.toString(), "--baseline", baseline.toString(),
                "--key", "id"}, common))).assertSuccess();
        CliRun same = CliRun.of(concat(concat(new String[] {"eval", together.toString(), "--baseline-pred", "baseline"},
                common))).assertSuccess();
        Object groups = TinyJson.at(paired.json(), "groups");
        assertEquals(6, ((List<?>) TinyJson.at(groups, "items")).size());
        assertEquals("region=a,id=3", TinyJson.at(groups, "items", 0, "label"));
        assertEquals(groups, TinyJson.at(same.json(), "groups"));
        assertEquals(TinyJson.at(same.json(), "comparison", "figures"), TinyJson.at(paired.json(), "comparison", "figures"));
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
