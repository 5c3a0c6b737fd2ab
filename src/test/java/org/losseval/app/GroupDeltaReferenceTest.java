package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.losseval.HeaderCsv;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.losseval.gate.Gate;
import org.losseval.gate.GateExpression;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.FigureComparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.GroupReport;
import org.losseval.report.Report;
import org.losseval.report.Verdict;

/**
 * The comparison inside each {@code --group-by region --group-by device} group of pred against
 * {@code --baseline-pred base} on {@code src/test/resources/reference/groups/rows.csv}, against SciPy's
 * {@code ttest_rel} per group (unweighted) and the ratio-estimator paired interval by hand (weighted), written by
 * {@code make_groups.py} to {@code expected_delta.csv}: the baseline's value, Δ, its interval at 95% and at
 * --confidence 0.9, its p-value and the win rate for mse and mae; the baseline's value and Δ only for rmse and
 * r2 (no interval of Δ per group); the worst group by Δ; the gate figures; the same bits on any batch size and
 * thread count.
 */
class GroupDeltaReferenceTest {
    private static final Path DIR = Path.of("src/test/resources/reference/groups");
    private static final String ROWS = DIR.resolve("rows.csv").toString();
    /** Means of a few hundred doubles: numpy's pairwise sum is within a few ulps of the exact one. */
    private static final double MEAN_TOLERANCE = 1e-13;
    /** SciPy 1.10's t.ppf and t.sf are accurate to about 1e-9 relative (see GroupFiguresReferenceTest). */
    private static final double T_TOLERANCE = 1e-8;
    private static final List<String> LOSSES = List.of("mse", "mae", "rmse", "r2");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void figuresMatchScipyPerGroup(boolean weighted) throws Exception {
        for (double confidence : new double[] {0.95, 0.9}) {
            GroupReport groups = evaluate(weighted, confidence, 1, 8192, List.of()).groups();
            assertEquals(confidence, groups.confidence());
            String tag = confidence == 0.9 ? "_90" : "";
            List<Map<String, String>> expected = expected(weighted);
            assertEquals(expected.size(), groups.groups().size());
            for (Map<String, String> row : expected) {
                GroupReport.Group group = group(groups, row);
                String at = group.values() + (weighted ? " weighted" : "") + " at " + confidence;
                for (int l = 0; l < 2; l++) {
                    String name = LOSSES.get(l);
                    GroupReport.GroupLoss loss = group.losses().get(l);
                    // --confidence reaches the group's interval of the loss itself too
                    assertEquals(confidence, loss.interval().level(), at);
                    FigureComparison c = loss.comparison();
                    assertClose(d(row, name + "_base"), c.baseline(), MEAN_TOLERANCE, at + " " + name + " baseline");
                    assertClose(d(row, name + "_delta"), c.delta(), MEAN_TOLERANCE, at + " " + name + " delta");
                    assertEquals(loss.value(), c.candidate(), at);
                    ConfidenceInterval ci = c.deltaInterval();
                    assertEquals(confidence, ci.level());
                    assertClose(d(row, name + "_low" + tag), ci.low(), T_TOLERANCE, at + " " + name + " low");
                    assertClose(d(row, name + "_high" + tag), ci.high(), T_TOLERANCE, at + " " + name + " high");
                    assertClose(d(row, name + "_p"), c.pValue(), T_TOLERANCE, at + " " + name + " p");
                    assertEquals(Long.parseLong(row.get("rows")), c.wins().rows(), at);
                    assertEquals(d(row, name + "_win_rate"), c.wins().winRate(), 1e-15, at + " " + name + " win rate");
                    Verdict verdict = ci.high() < 0 ? Verdict.BETTER : ci.low() > 0 ? Verdict.WORSE
                            : Verdict.NO_SIGNIFICANT_DIFFERENCE;
                    assertEquals(verdict, c.verdict(), at + " " + name);
                }
                for (int l = 2; l < 4; l++) {
                    String name = LOSSES.get(l);
                    FigureComparison c = group.losses().get(l).comparison();
                    assertClose(d(row, name + "_base"), c.baseline(), 1e-12, at + " " + name + " baseline");
                    assertClose(d(row, name + "_delta"), c.delta(), 1e-12, at + " " + name + " delta");
                    assertNull(c.inference(), at + " " + name);
                    assertEquals(Verdict.UNDETERMINED, c.verdict(), at + " " + name);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void worstGroupByDelta(boolean weighted) throws Exception {
        GroupReport groups = evaluate(weighted, 0.95, 1, 8192, List.of()).groups();
        for (int l = 0; l < LOSSES.size(); l++) {
            String name = LOSSES.get(l);
            // r2: larger is better, so the worst delta is the smallest
            double sign = name.equals("r2") ? -1 : 1;
            Map<String, String> worst = null;
            for (Map<String, String> row : expected(weighted)) {
                if (Long.parseLong(row.get("rows")) < 30) continue;
                if (worst == null || sign * d(row, name + "_delta") > sign * d(worst, name + "_delta")) worst = row;
            }
            GroupReport.WorstGroup found = groups.worstDelta().get(l);
            assertEquals(name, found.key());
            assertEquals(List.of(worst.get("region"), worst.get("device")), found.values(), name);
            assertClose(d(worst, name + "_delta"), found.value(), 1e-12, name);
            assertEquals(Long.parseLong(worst.get("rows")), found.rows());
            assertEquals(l < 2, found.interval() != null, name + " interval");
        }
    }

    @Test
    void gateFiguresPerGroup() throws Exception {
        Map<String, String> eu = expected(false).stream()
                .filter(r -> r.get("region").equals("eu") && r.get("device").equals("ios")).findFirst().orElseThrow();
        Report report = evaluate(false, 0.95, 1, 8192, List.of(
                GateExpression.parse("group_delta[mse@region=eu,device=ios] > 0"),
                GateExpression.parse("group_delta_ci_low[mae@region=eu,device=ios] > 0"),
                GateExpression.parse("group_delta_ci_high[mse@region=eu,device=ios] < 0"),
                GateExpression.parse("worst_group_delta[mse] > 1000")));
        List<GateOutcome> gates = report.gates();
        assertEquals("group_delta[mse@region=eu,device=ios]", gates.get(0).figure());
        assertEquals(report.groups().groups().stream().filter(g -> g.values().equals(List.of("eu", "ios")))
                .findFirst().orElseThrow().losses().get(0).comparison().delta(), gates.get(0).value());
        assertClose(d(eu, "mse_delta"), gates.get(0).value(), MEAN_TOLERANCE, "group_delta");
        assertClose(d(eu, "mae_low"), gates.get(1).value(), T_TOLERANCE, "group_delta_ci_low");
        assertEquals("group_delta_ci_high[mse@region=eu,device=ios]", gates.get(2).figure());
        assertClose(d(eu, "mse_high"), gates.get(2).value(), T_TOLERANCE, "group_delta_ci_high");
        assertEquals(report.groups().worstDelta().get(0).value(), gates.get(3).value());
    }

    @Test
    void groupDeltaWithoutABaselineIsRefused() throws Exception {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        roles.put(Role.PRED, "pred");
        roles.put(Role.TARGET, "target");
        EvalRequest request = new EvalRequest(List.of(ROWS), roles, null,
                LossSpecs.parse(List.of("mse"), LossRegistry.builtIn()), List.of(), List.of(), null,
                List.of(GateExpression.parse("group_delta[mse@region=eu,device=ios] > 0")), InvalidPolicy.FAIL, null, 1,
                null, null, new GroupingRequest(List.of("region", "device")), null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> new Evaluator(InputStream.nullInputStream(), "test", 8192).evaluate(request));
        assertEquals("--fail-if 'group_delta[mse@region=eu,device=ios] > 0': 'group_delta[mse@region=eu,device=ios]'"
                + " compares a group with a baseline, but the run has no baseline (--baseline-pred, --baseline)", e.getMessage());
    }

    @Test
    void theSameBitsForEveryBatchSizeAndThreadCount() throws Exception {
        for (boolean weighted : new boolean[] {false, true}) {
            GroupReport reference = evaluate(weighted, 0.95, 1, 8192, List.of()).groups();
            for (int threads : new int[] {1, 2}) {
                for (int batch : new int[] {1, 7, 64, 599}) {
                    // Records compare doubles bit for bit (Double.compare semantics).
                    assertEquals(reference, evaluate(weighted, 0.95, threads, batch, List.of()).groups(),
                            "threads " + threads + ", batch " + batch + (weighted ? ", weighted" : ""));
                }
            }
        }
    }

    private static GroupReport.Group group(GroupReport groups, Map<String, String> row) {
        List<String> values = List.of(row.get("region"), row.get("device"));
        GroupReport.Group group = groups.groups().stream().filter(g -> g.values().equals(values)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + values));
        assertNotNull(group.losses().get(0).comparison());
        return group;
    }

    private static Report evaluate(boolean weighted, double confidence, int threads, int batchSize, List<Gate> gates)
            throws Exception {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        roles.put(Role.PRED, "pred");
        roles.put(Role.TARGET, "target");
        BaselineRequest baseline = new BaselineRequest(Map.of(Role.PRED, "base"), List.of(), List.of(), confidence, null,
                BaselineRequest.DEFAULT_SEED, 20);
        EvalRequest request = new EvalRequest(List.of(ROWS), roles, weighted ? "w" : null,
                LossSpecs.parse(LOSSES, LossRegistry.builtIn()), List.of(), List.of(), null, gates,
                InvalidPolicy.FAIL, null, threads, baseline, null, new GroupingRequest(List.of("region", "device")), null);
        return new Evaluator(InputStream.nullInputStream(), "test", batchSize).evaluate(request);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** The rows of expected_delta.csv for one weighting. */
    private static List<Map<String, String>> expected(boolean weighted) throws Exception {
        String flag = weighted ? "1" : "0";
        return HeaderCsv.read(DIR.resolve("expected_delta.csv")).stream().filter(row -> row.get("weighted").equals(flag)).toList();
    }
}
