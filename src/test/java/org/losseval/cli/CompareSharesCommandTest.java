package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.accumulate.ReferenceCsv;
import org.losseval.format.TinyJson;

/**
 * The comparison of loss shares with a baseline, end to end through the real entry point: the rows of
 * {@code reference/compare/shares_rows.csv} as two CSV files whose target is 0, so that mae's row losses are
 * the fixture's values exactly; the shares, Δ, interval and p against the NumPy re-implementation's
 * ({@code shares_expected.csv}, {@code make_compare.py}), the same bits on one or two threads; the gate
 * {@code delta[share_top1[mae]]}; beyond the budget, values without an interval and the report saying so;
 * no shares without {@code --compare-shares}, and a usage error with it and {@code --no-contrib}.
 */
class CompareSharesCommandTest {
    /** As accumulate.BootstrapReferenceTest's: NumPy's linear quantile may differ in the last bits of its index. */
    private static final double QUANTILE = 1e-13;

    @TempDir
    Path dir;

    private static List<Map<String, String>> resource(String name) {
        return ReferenceCsv.readResource("/reference/compare/" + name);
    }

    /** The fixture's inputs 0 and 1 as two files: y = 0, pred = the candidate's loss, base = the baseline's. */
    private List<String> files() throws IOException {
        List<Map<String, String>> rows = resource("shares_rows.csv");
        List<String> files = new ArrayList<>();
        for (String input : List.of("0", "1")) {
            StringBuilder text = new StringBuilder("y,pred,base,w\n");
            for (Map<String, String> r : rows) {
                if (!r.get("input").equals(input)) continue;
                text.append("0,").append(r.get("cand")).append(',').append(r.get("base")).append(',').append(r.get("w")).append('\n');
            }
            files.add(CliRun.write(dir, "part" + input + ".csv", text.toString()).toString());
        }
        return files;
    }

    private static List<String> args(List<String> files, Map<String, String> expected, String... more) {
        List<String> args = new ArrayList<>(List.of("eval"));
        args.addAll(files);
        args.addAll(List.of("-t", "y", "-p", "pred", "--baseline-pred", "base", "-l", "mae", "--compare-shares", "--seed", expected.get("seed"),
                "--replicates", expected.get("replicates"), "--confidence", expected.get("level"), "--top",
                expected.get("top_k"), "--top-fraction", String.join(",", expected.get("fractions").split(" "))));
        if (expected.get("weighted").equals("1")) args.addAll(List.of("--weight", "w"));
        args.addAll(List.of(more));
        return args;
    }

    private static Map<?, ?> figure(Object json, String name) {
        for (Object f : (List<?>) TinyJson.at(json, "comparison", "figures")) {
            if (((Map<?, ?>) f).get("figure").equals(name)) return (Map<?, ?>) f;
        }
        throw new AssertionError("no figure " + name);
    }

    private static double number(Map<?, ?> object, String field) {
        return ((TinyJson.Num) object.get(field)).asDouble();
    }

    /** share_top1, share_topK, then the fractions: the figure names of shares_expected.csv's "share" index. */
    private static String shareName(Map<String, String> expected) {
        int share = Integer.parseInt(expected.get("share"));
        String[] fractions = expected.get("fractions").split(" ");
        if (share == 0) return "share_top1[mae]";
        if (share == 1) return "share_top" + expected.get("top_k") + "[mae]";
        double f = Double.parseDouble(fractions[share - 2]);
        return "share_top" + org.losseval.text.Numbers.percentNumber(f) + "%[mae]";
    }

    @Test
    void sharesIntervalsAndPValuesAreNumpysOnAnyThreadCount() throws IOException {
        List<String> files = files();
        List<Map<String, String>> expected = resource("shares_expected.csv");
        assertEquals(7, expected.size());
        for (Map<String, String> e : expected) {
            String name = shareName(e);
            String out1 = null;
            for (String threads : List.of("1", "2")) {
                CliRun run = CliRun.of(args(files, e, "--threads", threads, "--format", "json").toArray(String[]::new));
                if (out1 == null) out1 = run.out();
                else assertEquals(out1, run.out(), "the same report on one and two threads");
                Map<?, ?> f = figure(run.json(), name);
                String what = e.get("case") + " " + name;
                assertEquals(Double.parseDouble(e.get("baseline")), number(f, "baseline"), 0.0, what);
                assertEquals(Double.parseDouble(e.get("candidate")), number(f, "candidate"), 0.0, what);
                assertEquals(number(f, "candidate") - number(f, "baseline"), number(f, "delta"), 0.0, what);
                Map<?, ?> ci = (Map<?, ?>) f.get("delta_ci");
                assertEquals("bootstrap", ci.get("method"));
                double low = Double.parseDouble(e.get("ci_low"));
                double high = Double.parseDouble(e.get("ci_high"));
                assertEquals(low, number(ci, "low"), QUANTILE * Math.abs(low), what);
                assertEquals(high, number(ci, "high"), QUANTILE * Math.abs(high), what);
                assertEquals(Double.parseDouble(e.get("p")), number(f, "p_value"), 0.0, what);
                String verdict = low > 0 ? "more_concentrated" : high < 0 ? "less_concentrated" : "no_significant_difference";
                assertEquals(verdict, f.get("verdict"), what);
                assertNull(f.get("non_inferior"), what);
                assertEquals(0L, ((TinyJson.Num) f.get("wins")).asLong(), what);
                assertEquals(List.of(), TinyJson.at(run.json(), "comparison", "shares_beyond_budget"));
            }
        }
    }

    @Test
    void aGateOnTheDeltaOfAShare() throws IOException {
        List<String> files = files();
        Map<String, String> e = resource("shares_expected.csv").get(0);
        double delta = Double.parseDouble(e.get("candidate")) - Double.parseDouble(e.get("baseline"));
        String figure = "delta[share_top1[mae]]";
        String below = org.losseval.text.Numbers.exact(delta - 1e-9);
        CliRun failed = CliRun.of(args(files, e, "--fail-if", figure + " > " + below, "--format", "csv")
                .toArray(String[]::new));
        assertEquals(1, failed.exitCode(), failed.err());
        assertEquals("losseval: gate failed: " + figure + " = " + org.losseval.text.Numbers.exact(delta) + " > " + below
                + "\n", failed.err());
        CliRun passed = CliRun.of(args(files, e, "--fail-if", figure + " > " + org.losseval.text.Numbers.exact(delta + 1e-9),
                "--format", "junit").toArray(String[]::new));
        List<String> junit = passed.assertSuccess().out().lines()
                .filter(l -> l.contains("testcase") || l.contains("\"" + figure + "\"")).map(String::strip).toList();
        assertEquals(List.of("<property name=\"" + figure + "\" value=\"" + org.losseval.text.Numbers.exact(delta) + "\"/>",
                "<testcase classname=\"losseval.gates\" name=\"" + figure + " &gt; "
                        + org.losseval.text.Numbers.exact(delta + 1e-9) + "\" time=\"0\"/>"), junit);
    }

    /**
     * Beyond the budget on the small file: its 120 rows fit the summary exactly, so every share keeps its value
     * and delta, without an interval, and the report names them.
     */
    @Test
    void beyondTheBudgetValuesWithoutAnInterval() throws IOException {
        List<String> files = files();
        Map<String, String> e = resource("shares_expected.csv").get(0);
        CliRun run = CliRun.of(args(files, e, "--exact-budget", "0").toArray(String[]::new)).assertSuccess();
        assertEquals(List.of("share_top1[mae], share_top3[mae], share_top10%[mae], share_top25%[mae]: the rows exceed the "
                + "memory budget (--exact-budget), so no interval of delta; values and delta only"),
                run.out().lines().filter(l -> l.contains("--exact-budget")).toList());
        Object json = CliRun.of(args(files, e, "--exact-budget", "0", "--format", "json").toArray(String[]::new)).json();
        assertEquals(List.of("share_top1[mae]", "share_top3[mae]", "share_top10%[mae]", "share_top25%[mae]"),
                TinyJson.at(json, "comparison", "shares_beyond_budget"));
        Map<?, ?> top1 = figure(json, "share_top1[mae]");
        assertNull(top1.get("delta_ci"));
        assertNull(top1.get("p_value"));
        assertEquals("undetermined", top1.get("verdict"));
        // share_top1 is always exact: the same values as within the budget
        assertEquals(Double.parseDouble(e.get("candidate")), number(top1, "candidate"), 0.0);
        assertEquals(Double.parseDouble(e.get("baseline")), number(top1, "baseline"), 0.0);
    }

    /**
     * Beyond the budget on 20,000 rows of spread values: the top-fraction shares become brackets (the baseline's,
     * at least), so they are not compared, and every format says so; share_top1 and share_top5 keep values.
     */
    @Test
    void beyondTheBudgetBracketedSharesAreNotCompared() throws IOException {
        java.util.Random random = new java.util.Random(3);
        StringBuilder text = new StringBuilder("y,pred,base\n");
        for (int i = 0; i < 20_000; i++) {
            double c = Math.log(random.nextDouble());
            double b = 1.25 * Math.log(random.nextDouble());
            text.append("0,").append(c * c).append(',').append(b * b).append('\n');
        }
        String file = CliRun.write(dir, "spread.csv", text.toString()).toString();
        String[] args = {"eval", file, "-t", "y", "-p", "pred", "--baseline-pred", "base", "-l", "mae", "--compare-shares", "--exact-budget", "0"};
        String withoutInterval = "share_top1[mae], share_top5[mae]: the rows exceed the memory budget (--exact-budget), "
                + "so no interval of delta; values and delta only";
        String notCompared = "share_top1%[mae], share_top5%[mae]: not compared, the rows exceed the memory budget "
                + "(--exact-budget) and the values are brackets";
        CliRun table = CliRun.of(args).assertSuccess();
        assertEquals(List.of(withoutInterval, notCompared),
                table.out().lines().filter(l -> l.contains("--exact-budget)")).toList());
        List<String> markdown = new ArrayList<>(List.of(args));
        markdown.addAll(List.of("--format", "markdown"));
        assertEquals(List.of(withoutInterval, notCompared), CliRun.of(markdown.toArray(String[]::new)).assertSuccess().out()
                .lines().filter(l -> l.contains("--exact-budget)")).map(l -> l.replace("\\", "")).toList());
        List<String> html = new ArrayList<>(List.of(args));
        html.addAll(List.of("--format", "html"));
        assertEquals(List.of("<p>" + withoutInterval + "</p>", "<p>" + notCompared + "</p>"),
                CliRun.of(html.toArray(String[]::new)).assertSuccess().out().lines()
                        .filter(l -> l.contains("--exact-budget)")).toList());
        List<String> json = new ArrayList<>(List.of(args));
        json.addAll(List.of("--format", "json"));
        Object report = CliRun.of(json.toArray(String[]::new)).json();
        assertEquals(List.of("share_top1[mae]", "share_top5[mae]", "share_top1%[mae]", "share_top5%[mae]"),
                TinyJson.at(report, "comparison", "shares_beyond_budget"));
        assertEquals(List.of("mae", "share_top1[mae]", "share_top5[mae]"), ((List<?>) TinyJson.at(report, "comparison",
                "figures")).stream().map(f -> ((Map<?, ?>) f).get("figure")).toList());
        // a gate on a share that was not compared fails closed
        List<String> gated = new ArrayList<>(List.of(args));
        gated.addAll(List.of("--fail-if", "delta[share_top1%[mae]] > 1"));
        CliRun closed = CliRun.of(gated.toArray(String[]::new));
        assertEquals(1, closed.exitCode());
        assertEquals("losseval: gate failed: delta[share_top1%[mae]] = NaN: not computed or undefined, so the gate fails "
                + "closed\n", closed.err());
    }

    @Test
    void sharesAreComparedOnlyOnRequest() throws IOException {
        List<String> files = files();
        Map<String, String> e = resource("shares_expected.csv").get(0);
        List<String> withoutRequest = args(files, e, "--format", "json");
        withoutRequest.remove("--compare-shares");
        Object json = CliRun.of(withoutRequest.toArray(String[]::new)).json();
        List<?> figures = (List<?>) TinyJson.at(json, "comparison", "figures");
        assertEquals(List.of("mae"), figures.stream().map(f -> ((Map<?, ?>) f).get("figure")).toList());
    }

    @Test
    void comparingSharesWithoutContributionsIsAUsageError() throws IOException {
        List<String> files = files();
        Map<String, String> e = resource("shares_expected.csv").get(0);
        CliRun refused = CliRun.of(args(files, e, "--no-contrib", "--format", "json").toArray(String[]::new));
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("losseval: --compare-shares compares contribution figures: leave out --no-contrib",
                refused.err().lines().findFirst().orElse(""));
    }
}
