package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.losseval.FixtureCsv;
import org.losseval.loss.ArrayInputs;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecException;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * The figures of issue 13 (r2, explained_variance, max_error, bias, smape, the deviances, gaussian_nll)
 * computed by the real {@link LossState} (and so {@link MomentSums}) against scikit-learn 1.2 and PyTorch
 * 1.13, unweighted and weighted: {@code src/test/resources/reference/figures/make_figures.py} writes the
 * fixtures and names the source of every value.
 */
class FigureReferenceTest {
    /**
     * The references sum in float64 (numpy's pairwise sum, torch's), these sums are exact: up to 2500 rows
     * give a few hundred ulps at worst, and r2's denominator, numpy's Σ (y - ȳ)² with a rounded ȳ, adds its
     * own. 1e-12 relative is well above that and far below any formula error.
     */
    private static final double RELATIVE = 1e-12;

    /**
     * Where a deviance is exactly 0 (every prediction exact), the general Tweedie formula is a sum of
     * terms of size ~1 that cancel: StrictMath's pow and numpy's differ by an ulp there, so 0 comes out as
     * a few 1e-16. An absolute floor of 1e-14 covers that and nothing a wrong formula would give.
     */
    private static final double CANCELLATION_FLOOR = 1e-14;

    private record Case(double[] pred, double[] target, double[] var, double[] weight) {}

    private static Map<String, Case> cases() {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (String[] f : FixtureCsv.read("/reference/figures/figure_rows.csv", 6)) {
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        rows.forEach((name, list) -> {
            int n = list.size();
            double[][] c = new double[4][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) c[k][i] = list.get(i)[k];
            }
            cases.put(name, new Case(c[0], c[1], c[2], c[3]));
        });
        return cases;
    }

    private static RowLoss loss(String spec) throws LossSpecException {
        return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
    }

    /** Rows [from, to) of a case as the inputs a run would bind. */
    private static ArrayInputs inputs(Case c, int from, int to) {
        return new ArrayInputs(to - from).with(Role.PRED, java.util.Arrays.copyOfRange(c.pred(), from, to))
                .with(Role.TARGET, java.util.Arrays.copyOfRange(c.target(), from, to))
                .with(Role.VAR, java.util.Arrays.copyOfRange(c.var(), from, to));
    }

    private static double value(RowLoss loss, Case c, boolean weighted) {
        LossState state = new LossState(loss, weighted);
        int n = c.pred().length;
        state.accept(inputs(c, 0, n), weighted ? c.weight() : null);
        return state.result().value();
    }

    @Test
    void figuresMatchScikitLearnAndPyTorch() throws LossSpecException {
        Map<String, Case> cases = cases();
        List<String[]> expected = FixtureCsv.read("/reference/figures/figure_expected.csv", 5);
        assertTrue(expected.size() > 120, "fixture has " + expected.size() + " lines");
        for (String[] e : expected) {
            RowLoss loss = loss(e[1]);
            Case c = cases.get(e[0]);
            String what = e[0] + " " + e[1] + " vs " + e[4];
            assertClose(Double.parseDouble(e[2]), value(loss, c, false), what);
            assertClose(Double.parseDouble(e[3]), value(loss, c, true), what + " (weighted)");
        }
    }

    /** Split anywhere and merged, every figure is the same bits as one pass (the exact sums' promise). */
    @Test
    void splitAndMergedGivesTheSameBits() throws LossSpecException {
        Case c = cases().get("random_signed");
        int n = c.pred().length;
        for (String spec : List.of("r2", "explained_variance", "max_error", "medae", "gaussian_nll", "smape")) {
            RowLoss loss = loss(spec);
            for (boolean weighted : new boolean[] {false, true}) {
                double whole = value(loss, c, weighted);
                for (int cut : new int[] {1, 7, 1000, n - 1}) {
                    LossState left = new LossState(loss, weighted);
                    LossState right = new LossState(loss, weighted);
                    left.accept(inputs(c, 0, cut), weighted ? java.util.Arrays.copyOfRange(c.weight(), 0, cut) : null);
                    right.accept(inputs(c, cut, n), weighted ? java.util.Arrays.copyOfRange(c.weight(), cut, n) : null);
                    right.combine(left);
                    assertEquals(Double.doubleToLongBits(whole), Double.doubleToLongBits(right.result().value()),
                            spec + " weighted=" + weighted + " cut at " + cut);
                }
            }
        }
    }

    /** scikit-learn's r2_score returns nan for fewer than two rows; explained_variance has no such rule. */
    @Test
    void oneRowGivesNaNForR2AndOneForExplainedVariance() throws LossSpecException {
        Case one = new Case(new double[] {3}, new double[] {1}, new double[] {1}, new double[] {1});
        assertEquals(Double.NaN, value(loss("r2"), one, false));
        assertEquals(1.0, value(loss("explained_variance"), one, false)); // sklearn 1.2 explained_variance_score([1], [3])
        assertEquals(2.0, value(loss("max_error"), one, false));
    }

    /** gaussian_nll counts the rows whose variance it clamped at eps, as bce counts its clamped logs. */
    @Test
    void gaussianNllCountsClampedVariancesAndSquaresStd() throws LossSpecException {
        double[] pred = {1, 2, 3, 4};
        double[] target = {0, 2, 5, 3.5};
        double[] std = {0.5, 1e-4, 3, 0};       // variances 0.25, 1e-8 (clamped), 9, 0 (clamped)
        double[] var = {0.25, 1e-4 * 1e-4, 9, 0};
        LossState fromVar = new LossState(loss("gaussian_nll"), false);
        fromVar.accept(new ArrayInputs(4).with(Role.PRED, pred).with(Role.TARGET, target).with(Role.VAR, var), null);
        LossState fromStd = new LossState(loss("gaussian_nll"), false);
        fromStd.accept(new ArrayInputs(4).with(Role.PRED, pred).with(Role.TARGET, target).with(Role.STD, std), null);
        assertEquals(2, fromVar.result().clamped());
        assertEquals(fromVar.result(), fromStd.result());
        // by hand, PyTorch's formula: 0.5 (log v + r² / v) with v = max(var, 1e-6)
        double expected = 0;
        double[] v = {0.25, 1e-6, 9, 1e-6};
        for (int i = 0; i < 4; i++) expected += 0.5 * (Math.log(v[i]) + (pred[i] - target[i]) * (pred[i] - target[i]) / v[i]);
        assertClose(expected / 4, fromVar.result().value(), "gaussian_nll by hand");
    }

    /** zero_one against scikit-learn's zero_one_loss of numpy's argmax, for each input form, with ties. */
    @Test
    void zeroOneMatchesScikitLearnWithArgmaxTies() throws LossSpecException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] f : FixtureCsv.read("/reference/figures/zero_one_rows.csv", 9)) {
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        List<String[]> expected = FixtureCsv.read("/reference/figures/zero_one_expected.csv", 5);
        assertEquals(3, expected.size());
        for (String[] e : expected) {
            List<String[]> r = rows.get(e[0]);
            int n = r.size();
            double[][] c = new double[7][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 7; k++) c[k][i] = Double.parseDouble(r.get(i)[k + 2]);
            }
            ArrayInputs inputs = new ArrayInputs(n).with(Role.TARGET, c[0]);
            if (e[1].equals("pred")) inputs.with(Role.PRED, c[4]);
            else if (e[0].equals("binary")) inputs.with(Role.LOGITS, c[5]);
            else inputs.withGroup(Role.LOGITS, new double[][] {c[1], c[2], c[3]});
            RowLoss zeroOne = loss("zero_one");
            for (int i = 0; i < n; i++) assertEquals(null, zeroOne.check(inputs, i), e[0] + " " + e[1] + " row " + i);
            LossState plain = new LossState(zeroOne, false);
            plain.accept(inputs, null);
            LossState weighted = new LossState(zeroOne, true);
            weighted.accept(inputs, c[6]);
            assertClose(Double.parseDouble(e[2]), plain.result().value(), e[0] + " " + e[1]);
            assertClose(Double.parseDouble(e[3]), weighted.result().value(), e[0] + " " + e[1] + " (weighted)");
        }
    }

    /** ece against a NumPy re-implementation of TorchMetrics' binary and multi-class (top-label) ECE. */
    @Test
    void eceMatchesTorchMetricsDefinitions() throws LossSpecException {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String[] f : FixtureCsv.read("/reference/figures/zero_one_rows.csv", 9)) {
            rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        List<String[]> expected = FixtureCsv.read("/reference/figures/ece_expected.csv", 4);
        assertEquals(3, expected.size());
        for (String[] e : expected) {
            List<String[]> r = rows.get(e[0]);
            int n = r.size();
            double[][] c = new double[7][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 7; k++) c[k][i] = Double.parseDouble(r.get(i)[k + 2]);
            }
            ArrayInputs inputs = new ArrayInputs(n).with(Role.TARGET, c[0]);
            if (e[1].equals("pred")) inputs.with(Role.PRED, c[4]);
            else if (e[0].equals("binary")) inputs.with(Role.LOGITS, c[5]);
            else inputs.withGroup(Role.LOGITS, new double[][] {c[1], c[2], c[3]});
            RowLoss ece = loss("ece");
            LossState whole = new LossState(ece, false);
            whole.accept(inputs, null);
            assertClose(Double.parseDouble(e[2]), whole.result().value(), e[0] + " " + e[1] + " vs " + e[3]);
            // sample weights do not change ece (TorchMetrics has none)
            LossState weighted = new LossState(ece, true);
            weighted.accept(inputs, c[6]);
            assertEquals(whole.result().value(), weighted.result().value());
        }
    }

    @Test
    void everyNewFigureHasReferenceValues() {
        Set<String> covered = new HashSet<>();
        for (String[] e : FixtureCsv.read("/reference/figures/figure_expected.csv", 5)) covered.add(e[1].split(":")[0]);
        assertEquals(Set.of("r2", "explained_variance", "max_error", "medae", "bias", "smape", "poisson", "gamma",
                "tweedie", "gaussian_nll"), covered);
    }

    /**
     * medae picks one error (or halves the sum of two): no rounding to tolerate, so it equals scikit-learn's
     * bits, unweighted and weighted. Beyond the budget (0 bytes: summarized from the first row) the value
     * is a bracket that holds those bits, at most 2^-8 of the value wide (a 0 lies in the bucket of 0 and
     * the subnormals, [0, 2^-1030)).
     */
    @Test
    void medaeIsScikitLearnsExactlyAndBracketedBeyondTheBudget() throws LossSpecException {
        Map<String, Case> cases = cases();
        RowLoss medae = loss("medae");
        int checked = 0;
        for (String[] e : FixtureCsv.read("/reference/figures/figure_expected.csv", 5)) {
            if (!e[1].equals("medae")) continue;
            Case c = cases.get(e[0]);
            for (boolean weighted : new boolean[] {false, true}) {
                double expected = Double.parseDouble(weighted ? e[3] : e[2]);
                String what = e[0] + " medae weighted=" + weighted;
                assertEquals(expected, value(medae, c, weighted), what);
                LossState summarized = new LossState(medae, weighted, 0);
                summarized.accept(inputs(c, 0, c.pred().length), weighted ? c.weight() : null);
                org.losseval.report.Range bracket = summarized.result().range();
                assertTrue(bracket.low() <= expected && expected <= bracket.high(), what + ": " + bracket);
                assertTrue(bracket.high() - bracket.low() <= Math.max(expected * 0x1p-8, Double.MIN_NORMAL),
                        what + " width: " + bracket);
                checked++;
            }
        }
        assertEquals(2 * 14, checked);
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.compare(expected, actual) == 0) return;
        double allowed = Math.max(RELATIVE * Math.abs(expected), CANCELLATION_FLOOR);
        assertTrue(Math.abs(actual - expected) <= allowed,
                what + ": expected " + expected + " but was " + actual + " (relative tolerance " + RELATIVE + ")");
    }
}
