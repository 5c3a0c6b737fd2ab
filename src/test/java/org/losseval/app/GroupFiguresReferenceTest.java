package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.losseval.HeaderCsv;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.gate.Gate;
import org.losseval.gate.GateExpression;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.GateOutcome;
import org.losseval.report.GroupReport;
import org.losseval.report.Range;
import org.losseval.report.Report;

/**
 * Per-group figures of {@code --group-by region --group-by device} on
 * {@code src/test/resources/reference/groups/rows.csv} against pandas' groupby and NumPy/SciPy by hand
 * ({@code make_groups.py} beside it writes {@code expected.csv}): rows, shares, mse/mae/rmse and their 95%
 * t-intervals, plain and weighted, scikit-learn's medae, interval coverage and quantile calibration. And the same bits whatever
 * the batch size and thread count.
 */
class GroupFiguresReferenceTest {
    private static final Path DIR = Path.of("src/test/resources/reference/groups");
    private static final String ROWS = DIR.resolve("rows.csv").toString();
    /** Means of a few hundred doubles: numpy's pairwise sum is within a few ulps of the exact one. */
    private static final double MEAN_TOLERANCE = 1e-13;
    /**
     * Interval ends: SciPy 1.10's t.ppf is accurate only to about 1e-9 relative (MeanSumsReferenceTest checks
     * the quantile itself against mpmath to 1e-12), so 1e-8.
     */
    private static final double INTERVAL_TOLERANCE = 1e-8;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void figuresMatchPandasGroupby(boolean weighted) throws Exception {
        Report report = evaluate(weighted, 1, 8192);
        GroupReport groups = report.groups();
        List<Map<String, String>> expected = expected(weighted);
        assertEquals(expected.size(), groups.groups().size());
        assertEquals(List.of("region", "device"), groups.columns());
        for (Map<String, String> row : expected) {
            List<String> values = List.of(row.get("region"), row.get("device"));
            GroupReport.Group group = groups.groups().stream().filter(g -> g.values().equals(values)).findFirst()
                    .orElseThrow(() -> new AssertionError("no group " + values));
            String at = values + (weighted ? " weighted" : "");
            assertEquals(Long.parseLong(row.get("rows")), group.rows(), at);
            assertEquals(d(row, "row_share"), group.rowShare(), 1e-15, at);
            String[] losses = {"mse", "mae", "rmse"};
            for (int l = 0; l < losses.length; l++) {
                GroupReport.GroupLoss loss = group.losses().get(l);
                assertEquals(losses[l], loss.key());
                assertClose(d(row, losses[l]), loss.value(), MEAN_TOLERANCE, at + " " + losses[l]);
                ConfidenceInterval ci = loss.interval();
                assertNotNull(ci, at + " " + losses[l]);
                assertEquals(0.95, ci.level());
                assertClose(d(row, losses[l] + "_low"), ci.low(), INTERVAL_TOLERANCE, at + " " + losses[l] + " low");
                assertClose(d(row, losses[l] + "_high"), ci.high(), INTERVAL_TOLERANCE, at + " " + losses[l] + " high");
            }
            assertClose(d(row, "mse_share"), group.losses().get(0).lossShare(), MEAN_TOLERANCE, at + " mse share");
            assertClose(d(row, "mae_share"), group.losses().get(1).lossShare(), MEAN_TOLERANCE, at + " mae share");
            // r2 is no mean of row losses: no interval.
            assertNull(group.losses().get(3).interval());
            // medae: scikit-learn's (weighted) median of the group's |errors|, exact within the budget; no interval.
            GroupReport.GroupLoss medae = group.losses().get(4);
            assertEquals("medae", medae.key());
            assertEquals(d(row, "medae"), medae.value(), at + " medae");
            assertEquals(true, medae.range().exact(), at + " medae exact");
            assertNull(medae.interval(), at + " medae interval");
            assertClose(d(row, "coverage"), group.intervals().get(0).result().coverage(), 1e-15, at + " coverage");
            assertClose(d(row, "calibration"), group.quantiles().get(0).result().fractionBelow(), MEAN_TOLERANCE,
                    at + " calibration");
        }
    }

    @Test
    void rankingAndWorstGroup() throws Exception {
        GroupReport groups = evaluate(false, 1, 8192).groups();
        // Ranked groups (at least 30 rows) first, worst first by mse; then the small ones, also by mse.
        double previous = Double.POSITIVE_INFINITY;
        int rank = 0;
        boolean unranked = false;
        for (GroupReport.Group group : groups.groups()) {
            if (group.rows() >= 30) {
                assertEquals(false, unranked, "a ranked group after an unranked one");
                assertEquals(++rank, group.rank());
            } else {
                if (!unranked) previous = Double.POSITIVE_INFINITY;
                unranked = true;
                assertEquals(0, group.rank());
            }
            double mse = group.losses().get(0).value();
            assertEquals(true, mse <= previous, group.values() + " out of order");
            previous = mse;
        }
        GroupReport.Group worst = groups.groups().get(0);
        assertEquals(worst.values(), groups.worst().get(0).values());
        assertEquals(worst.losses().get(0).value(), groups.worst().get(0).value());
        // r2: larger is better, so its worst group is the one with the lowest r2 among the ranked.
        double lowest = groups.groups().stream().filter(GroupReport.Group::ranked)
                .mapToDouble(g -> g.losses().get(3).value()).min().orElseThrow();
        assertEquals(lowest, groups.worst().get(3).value());
    }

    @Test
    void theSameBitsForEveryBatchSizeAndThreadCount() throws Exception {
        for (boolean weighted : new boolean[] {false, true}) {
            GroupReport reference = evaluate(weighted, 1, 8192).groups();
            for (int threads : new int[] {1, 2}) {
                for (int batch : new int[] {1, 7, 64, 599, 8192}) {
                    // Records compare doubles bit for bit (Double.compare semantics).
                    assertEquals(reference, evaluate(weighted, threads, batch).groups(),
                            "threads " + threads + ", batch " + batch + (weighted ? ", weighted" : ""));
                }
            }
        }
    }

    /**
     * With --exact-budget 0 every group's medae is a bracket: it holds scikit-learn's value, the printers mark
     * it, and a gate on it judges the end that is worse for the gate.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void medaeBeyondTheBudgetIsABracketHoldingTheValue(boolean weighted) throws Exception {
        ContributionSettings noBudget = new ContributionSettings(5, List.of(0.01), 5, 3.0, 0);
        GroupReport groups = evaluate(weighted, 1, 64, noBudget, List.of()).groups();
        for (Map<String, String> row : expected(weighted)) {
            List<String> values = List.of(row.get("region"), row.get("device"));
            GroupReport.GroupLoss medae = groups.groups().stream().filter(g -> g.values().equals(values)).findFirst()
                    .orElseThrow().losses().get(4);
            Range range = medae.range();
            String at = values + (weighted ? " weighted" : "");
            assertEquals(false, range.exact(), at);
            assertEquals(true, range.low() <= d(row, "medae") && d(row, "medae") <= range.high(),
                    at + ": " + range + " holds " + row.get("medae"));
        }
        GroupReport.Group eu = groups.groups().stream().filter(g -> g.values().equals(List.of("eu", "ios")))
                .findFirst().orElseThrow();
        Range bracket = eu.losses().get(4).range();
        // Between the ends: '>' is judged at the high end (fails), '<' at the low end (fails too).
        double between = bracket.low() / 2 + bracket.high() / 2;
        Report gated = evaluate(weighted, 1, 64, noBudget, List.of(
                GateExpression.parse("group[medae@region=eu,device=ios] > " + between),
                GateExpression.parse("group[medae@region=eu,device=ios] < " + between)));
        assertEquals(List.of(false, false), gated.gates().stream().map(GateOutcome::passed).toList());
        assertEquals(bracket.high(), gated.gates().get(0).value());
        assertEquals(bracket.low(), gated.gates().get(1).value());
    }

    private static Report evaluate(boolean weighted, int threads, int batchSize) throws Exception {
        return evaluate(weighted, threads, batchSize, null, List.of());
    }

    private static Report evaluate(boolean weighted, int threads, int batchSize, ContributionSettings contributions,
                                   List<Gate> gates) throws Exception {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        roles.put(Role.PRED, "pred");
        roles.put(Role.TARGET, "target");
        EvalRequest request = new EvalRequest(List.of(ROWS), roles, weighted ? "w" : null,
                LossSpecs.parse(List.of("mse", "mae", "rmse", "r2", "medae"), LossRegistry.builtIn()),
                List.of(new QuantileColumn("p90", 0.9)), List.of(new IntervalColumns("p10", "p90", 0.8)), contributions,
                gates, InvalidPolicy.FAIL, null, threads, null, null,
                new GroupingRequest(List.of("region", "device")), null);
        return new Evaluator(InputStream.nullInputStream(), "test", batchSize).evaluate(request);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** The rows of expected.csv for one weighting. */
    private static List<Map<String, String>> expected(boolean weighted) throws Exception {
        String flag = weighted ? "1" : "0";
        return HeaderCsv.read(DIR.resolve("expected.csv")).stream().filter(row -> row.get("weighted").equals(flag)).toList();
    }
}
