package org.losseval.accumulate;

import org.losseval.report.ContributionResult;
import org.losseval.report.CurvePoint;
import org.losseval.report.HistogramBin;
import org.losseval.report.ResidualHistogram;
import org.losseval.report.FractionShare;
import org.losseval.report.LossContribution;
import org.losseval.report.OutlierResult;
import org.losseval.report.Range;
import org.losseval.report.WorstRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContributionStateTest {
    /** Shares are ratios of two correctly rounded exact sums on both sides: only the division may differ. */
    private static final double SHARE_TOLERANCE = 1e-15;
    /** numpy's median averages as (a + b) / 2, ours as a/2 + b/2: one rounding apart. */
    private static final double MEDIAN_TOLERANCE = 1e-12;
    /** The summary's guaranteed relative bracket width for a top-fraction share. */
    private static final double BUCKET_WIDTH = 0x1p-8;
    /** Slack for the rounding of the bracket arithmetic itself. */
    private static final double BRACKET_ROUNDING = 1e-12;
    private static final double HUBER_DELTA = 15;
    private static final List<String> LOSSES = List.of("mse", "mae", "huber");
    /** The settings the reference script uses (--top 3, fractions 0.01, 0.05, 0.3, 5 worst rows). */
    private static final List<Double> FRACTIONS = List.of(0.01, 0.05, 0.3);

    /** One case of rows: sources, row numbers, predictions, targets and weights (null when unweighted). */
    private record Rows(int[] source, long[] row, double[] pred, double[] target, double[] weight) {
        int size() { return pred.length; }

        double[][] losses(int from, int to) {
            double[][] out = new double[3][to - from];
            for (int i = from; i < to; i++) {
                double r = pred[i] - target[i];
                double a = Math.abs(r);
                out[0][i - from] = r * r;
                out[1][i - from] = a;
                out[2][i - from] = a <= HUBER_DELTA ? 0.5 * r * r : HUBER_DELTA * (a - 0.5 * HUBER_DELTA);
            }
            return out;
        }

        /** Feeds rows [from, to) in batches that never mix sources. */
        void feed(ContributionState state, int from, int to, int batch) {
            int i = from;
            while (i < to) {
                int end = Math.min(to, i + batch);
                for (int j = i + 1; j < end; j++) {
                    if (source[j] != source[i]) {
                        end = j;
                        break;
                    }
                }
                int start = i;
                state.accept(new ContributionState.Batch(source[i], k -> row[start + k], Arrays.copyOfRange(pred, i, end),
                        Arrays.copyOfRange(target, i, end), weight == null ? null : Arrays.copyOfRange(weight, i, end),
                        losses(i, end), end - i));
                i = end;
            }
        }
    }

    private static ContributionSettings settings(double factor, long budget) {
        return new ContributionSettings(3, FRACTIONS, 5, factor, budget);
    }

    private static ContributionState whole(Rows rows, ContributionSettings settings, int batch) {
        ContributionState state = ContributionState.withResiduals(LOSSES, rows.weight() != null, settings);
        rows.feed(state, 0, rows.size(), batch);
        return state;
    }

    private static Map<String, Rows> referenceCases() {
        Map<String, List<Map<String, String>>> byCase = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("contribution_rows.csv")) {
            byCase.computeIfAbsent(r.get("case"), k -> new ArrayList<>()).add(r);
        }
        Map<String, Rows> cases = new LinkedHashMap<>();
        byCase.forEach((name, list) -> {
            int n = list.size();
            boolean weighted = !list.get(0).get("weight").isEmpty();
            Rows rows = new Rows(new int[n], new long[n], new double[n], new double[n], weighted ? new double[n] : null);
            for (int i = 0; i < n; i++) {
                Map<String, String> r = list.get(i);
                rows.source()[i] = Integer.parseInt(r.get("source"));
                rows.row()[i] = Long.parseLong(r.get("row"));
                rows.pred()[i] = Double.parseDouble(r.get("pred"));
                rows.target()[i] = Double.parseDouble(r.get("target"));
                if (weighted) rows.weight()[i] = Double.parseDouble(r.get("weight"));
            }
            cases.put(name, rows);
        });
        return cases;
    }

    private static Map<String, Double> expected(String caseName) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("contribution_expected.csv")) {
            if (r.get("case").equals(caseName)) {
                figures.put(r.get("loss").isEmpty() ? r.get("figure") : r.get("loss") + "." + r.get("figure"),
                        Double.parseDouble(r.get("value")));
            }
        }
        return figures;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @Test
    void housesFromTheSeedAreTheFirstAcceptanceTest() {
        Rows houses = new Rows(new int[3], new long[] {1, 2, 3}, new double[] {210, 340, 400},
                new double[] {200, 350, 180}, null);
        ContributionResult result = whole(houses, ContributionSettings.defaults(), 2).result();
        // The seed: house C holds 48,400 of 48,600 (MSE), 220 of 240 (MAE), 3,187.5 of 3,287.5 (Huber δ=15).
        double[] shares = {48_400.0 / 48_600, 220.0 / 240, 3_187.5 / 3_287.5};
        for (int l = 0; l < 3; l++) {
            LossContribution loss = result.losses().get(l);
            assertEquals(shares[l], loss.shareTop1(), LOSSES.get(l));
            assertEquals(1.0, loss.shareTopK());
            assertEquals(Range.of(shares[l]), loss.topFractions().get(0).share(), "worst 1% is one row");
            assertEquals(Range.of(shares[l]), loss.outlierShare(), "house C is the one outlier");
            WorstRow worst = loss.worstRows().get(0);
            assertEquals(List.of(3L, 400.0, 180.0, 220.0), List.of(worst.row(), worst.pred(), worst.target(), worst.residual()));
        }
        assertEquals(0.9959, result.losses().get(0).shareTop1(), 5e-5); // 99.59%
        assertEquals(0.9167, result.losses().get(1).shareTop1(), 5e-5); // 91.67%
        assertEquals(0.9696, result.losses().get(2).shareTop1(), 5e-5); // 96.96%
        assertEquals(Range.of(10), result.outliers().median());
        assertEquals(Range.of(20), result.outliers().mad());
        assertEquals(Range.of(1), result.outliers().count());
        assertTrue(result.exact());
    }

    @Test
    void exactFiguresMatchTheNumpyReference() {
        referenceCases().forEach((name, rows) -> {
            Map<String, Double> expected = expected(name);
            ContributionResult result = whole(rows, settings(expected.get("factor"), ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES), 64).result();
            assertTrue(result.exact(), name);
            assertClose(expected.get("median"), result.outliers().median().low(), MEDIAN_TOLERANCE, name + " median");
            assertClose(expected.get("mad"), result.outliers().mad().low(), MEDIAN_TOLERANCE, name + " mad");
            assertEquals(expected.get("outlier_count"), result.outliers().count().low(), name + " outliers");
            for (LossContribution loss : result.losses()) {
                String key = loss.loss() + ".";
                String what = name + " " + loss.loss();
                assertEquals(expected.get(key + "total"), loss.total(), what + " total"); // both exact sums
                assertClose(expected.get(key + "share_top1"), loss.shareTop1(), SHARE_TOLERANCE, what + " top1");
                assertClose(expected.get(key + "share_topk"), loss.shareTopK(), SHARE_TOLERANCE, what + " top3");
                assertClose(expected.get(key + "outlier_share"), loss.outlierShare().low(), SHARE_TOLERANCE, what + " outliers");
                for (FractionShare f : loss.topFractions()) {
                    assertEquals(expected.get(key + "rows_fraction_" + f.fraction()), (double) f.rows(), what + " rows of " + f.fraction());
                    assertTrue(f.share().exact());
                    assertClose(expected.get(key + "share_fraction_" + f.fraction()), f.share().low(), SHARE_TOLERANCE, what + " " + f.fraction());
                }
            }
        });
    }

    @Test
    void concentrationCurvesMatchTheNumpyReferenceAndBracketItBeyondTheBudget() {
        Map<String, List<String>> expectedRows = new LinkedHashMap<>();
        Map<String, List<Double>> expectedShares = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("contribution_curve.csv")) {
            String key = r.get("case") + " " + r.get("loss");
            expectedRows.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get("rows"));
            expectedShares.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(r.get("share")));
        }
        referenceCases().forEach((name, rows) -> {
            List<LossContribution> exact = whole(rows, settings(3, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES), 64)
                    .result().losses();
            List<LossContribution> bracketed = whole(rows, settings(3, 0), 64).result().losses();
            for (int l = 0; l < LOSSES.size(); l++) {
                String key = name + " " + LOSSES.get(l);
                List<CurvePoint> curve = exact.get(l).curve();
                assertEquals(expectedRows.get(key), curve.stream().map(p -> Long.toString(p.rows())).toList(), key);
                assertEquals(bracketed.get(l).curve().stream().map(CurvePoint::rows).toList(),
                        curve.stream().map(CurvePoint::rows).toList(), key + " the same points beyond the budget");
                for (int i = 0; i < curve.size(); i++) {
                    CurvePoint point = curve.get(i);
                    double share = expectedShares.get(key).get(i);
                    assertEquals((double) point.rows() / rows.size(), point.fraction(), key);
                    assertTrue(point.share().exact(), key + " exact within the budget");
                    assertClose(share, point.share().low(), SHARE_TOLERANCE, key + " " + point.rows() + " rows");
                    Range bracket = bracketed.get(l).curve().get(i).share();
                    assertTrue(bracket.low() <= share * (1 + BRACKET_ROUNDING) && share <= bracket.high() * (1 + BRACKET_ROUNDING),
                            key + " " + point.rows() + " rows: " + bracket + " holds " + share);
                    assertTrue(bracket.high() - bracket.low() <= BUCKET_WIDTH * share + BRACKET_ROUNDING, key + " width");
                }
            }
        });
    }

    @Test
    void residualHistogramsMatchTheReferenceWithinAndBeyondTheBudget() {
        Map<String, List<HistogramBin>> expected = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("residual_histogram.csv")) {
            expected.computeIfAbsent(r.get("case"), k -> new ArrayList<>()).add(new HistogramBin(
                    Double.parseDouble(r.get("low")), Double.parseDouble(r.get("high")), Long.parseLong(r.get("count"))));
        }
        referenceCases().forEach((name, rows) -> {
            for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 0}) {
                ResidualHistogram histogram = whole(rows, settings(3, budget), 31).result().histogram();
                assertEquals(new ResidualHistogram(rows.size(), 12, expected.get(name)), histogram, name + " budget " + budget);
            }
        });
    }

    @Test
    void worstRowsMatchTheReferenceWithTiesToTheSmallerSourceAndRow() {
        Map<String, Rows> cases = referenceCases();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("contribution_worst.csv")) {
            expected.computeIfAbsent(r.get("case") + " " + r.get("loss"), k -> new ArrayList<>())
                    .add(r.get("source") + ":" + r.get("row") + "=" + Double.parseDouble(r.get("contribution")));
        }
        cases.forEach((name, rows) -> {
            ContributionResult result = whole(rows, settings(3, 0), 17).result();
            for (LossContribution loss : result.losses()) {
                List<String> actual = loss.worstRows().stream()
                        .map(w -> w.source() + ":" + w.row() + "=" + w.contribution()).toList();
                assertEquals(expected.get(name + " " + loss.loss()), actual, name + " " + loss.loss());
            }
        });
    }

    @Test
    void tiesAcrossSourcesGoToTheEarlierSourceThenTheSmallerRow() {
        ContributionState state = ContributionState.withResiduals(List.of("mae"), false,
                new ContributionSettings(1, List.of(), 3, 3, 1 << 20));
        state.accept(new ContributionState.Batch(1, i -> 2, new double[] {5}, new double[] {0}, null, new double[][] {{5}}, 1));
        state.accept(new ContributionState.Batch(0, i -> 9 - i, new double[] {5, 5}, new double[] {0, 0}, null,
                new double[][] {{5, 5}}, 2));
        List<WorstRow> worst = state.result().losses().get(0).worstRows();
        assertEquals(List.of("0:8", "0:9", "1:2"), worst.stream().map(w -> w.source() + ":" + w.row()).toList());
    }

    @Test
    void splitAndMergeEqualsTheWholeExactlyWithinAndBeyondTheBudget() {
        Rows rows = referenceCases().get("heavy_tails");
        // 240 rows of 32 bytes: 4 KiB is beyond the budget for the whole but not for either half.
        for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 4_096, 0}) {
            ContributionSettings settings = settings(3, budget);
            ContributionResult whole = whole(rows, settings, 1000).result();
            ContributionState first = ContributionState.withResiduals(LOSSES, false, settings);
            ContributionState second = ContributionState.withResiduals(LOSSES, false, settings);
            ContributionState third = ContributionState.withResiduals(LOSSES, false, settings);
            rows.feed(second, 0, 70, 7);
            rows.feed(first, 70, 190, 33);
            rows.feed(third, 190, rows.size(), 1);
            first.combine(second);
            first.combine(third);
            assertEquals(whole, first.result(), "budget " + budget);
            assertEquals(budget > 240 * 32, whole.exact());
        }
    }

    @Test
    void partsToldTheRowsTheyWillJoinFoldEarlyAndGiveTheWholesFigures() {
        // expectRows(total) as a file read in ranges calls it: during the reading with the rows seen so far, and
        // before the combine with all of them. Beyond the budget the parts fold at once, within it they stay
        // exact; either way the combined figures are the whole's.
        Rows rows = referenceCases().get("heavy_tails");
        for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 4_096, 2_048, 0}) {
            ContributionSettings settings = settings(3, budget);
            ContributionResult whole = whole(rows, settings, 1000).result();
            ContributionState first = ContributionState.withResiduals(LOSSES, false, settings);
            ContributionState second = ContributionState.withResiduals(LOSSES, false, settings);
            rows.feed(first, 0, 60, 20);
            first.expectRows(60);
            rows.feed(second, 60, 100, 40);
            second.expectRows(100);
            assertEquals(budget >= 60 * 32, first.exact(), "budget " + budget + ": the first part within it");
            assertEquals(budget >= 100 * 32, second.exact(), "budget " + budget + ": the second part told of 100 rows");
            rows.feed(first, 100, rows.size(), 50);
            first.expectRows(rows.size());
            second.expectRows(rows.size());
            assertEquals(budget >= 240 * 32, second.exact(), "budget " + budget + ": told of every row");
            first.combine(second);
            assertEquals(whole, first.result(), "budget " + budget);
        }
        ContributionState state = ContributionState.withResiduals(LOSSES, false, settings(3, 0));
        rows.feed(state, 0, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> state.expectRows(9), "fewer rows than it holds");
    }

    @Test
    void summaryBracketsContainTheExactFiguresAndTopFigsStayExact() {
        Random random = new Random(5);
        int n = 20_000;
        Rows rows = new Rows(new int[n], new long[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            rows.row()[i] = i + 1;
            rows.target()[i] = 50 * random.nextGaussian();
            // Cauchy-like tails: a few rows dominate the squared loss
            rows.pred()[i] = rows.target()[i] + 3 * random.nextGaussian() / Math.max(1e-3, Math.abs(random.nextGaussian()));
            rows.weight()[i] = 0.5 + random.nextInt(4);
        }
        ContributionSettings exactSettings = settings(3, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES);
        ContributionResult exact = whole(rows, exactSettings, 4096).result();
        ContributionResult summary = whole(rows, exactSettings.withExactBudgetBytes(0), 4096).result();
        assertFalse(summary.exact());
        assertContains(summary.outliers().median(), exact.outliers().median().low(), "median");
        assertContains(summary.outliers().mad(), exact.outliers().mad().low(), "mad");
        assertContains(summary.outliers().count(), exact.outliers().count().low(), "outlier count");
        assertTrue(summary.outliers().count().high() - summary.outliers().count().low() < 0.01 * n, "count bracket is narrow");
        for (int l = 0; l < LOSSES.size(); l++) {
            LossContribution e = exact.losses().get(l);
            LossContribution s = summary.losses().get(l);
            assertEquals(e.total(), s.total());
            assertEquals(e.shareTop1(), s.shareTop1());
            assertEquals(e.shareTopK(), s.shareTopK());
            assertEquals(e.worstRows(), s.worstRows());
            for (int f = 0; f < FRACTIONS.size(); f++) {
                Range bracket = s.topFractions().get(f).share();
                double value = e.topFractions().get(f).share().low();
                assertContains(bracket, value, LOSSES.get(l) + " fraction " + FRACTIONS.get(f));
                assertTrue(bracket.high() - bracket.low() <= BUCKET_WIDTH * value * (1 + BRACKET_ROUNDING), "bracket width");
            }
            assertContains(s.outlierShare(), e.outlierShare().low(), LOSSES.get(l) + " outlier share");
        }
    }

    private static void assertContains(Range range, double value, String what) {
        double slack = BRACKET_ROUNDING * Math.max(Math.abs(range.low()), Math.abs(range.high()));
        assertTrue(range.low() - slack <= value && value <= range.high() + slack, what + ": " + value + " outside " + range);
    }

    @Test
    void aNegativeContributionMakesSharesUndefined() {
        ContributionState state = ContributionState.withResiduals(List.of("gaussian_nll"), false, ContributionSettings.defaults());
        state.accept(new ContributionState.Batch(0, i -> i + 1, new double[] {1, 2}, new double[] {1, 0}, null,
                new double[][] {{-0.5, 3}}, 2));
        LossContribution loss = state.result().losses().get(0);
        assertEquals(1, loss.undefinedRows());
        assertTrue(Double.isNaN(loss.shareTop1()));
        assertTrue(Double.isNaN(loss.topFractions().get(0).share().low()));
        assertEquals(2, loss.worstRows().get(0).row());
    }

    @Test
    void anEmptyStateHasNoFiguresAndIsTheIdentity() {
        ContributionResult empty = ContributionState.withResiduals(LOSSES, false, ContributionSettings.defaults()).result();
        assertTrue(Double.isNaN(empty.losses().get(0).shareTop1()));
        assertTrue(Double.isNaN(empty.outliers().median().low()));
        Rows rows = referenceCases().get("houses");
        ContributionState state = whole(rows, ContributionSettings.defaults(), 3);
        state.combine(ContributionState.withResiduals(LOSSES, false, ContributionSettings.defaults()));
        assertEquals(whole(rows, ContributionSettings.defaults(), 3).result(), state.result());
    }

    @Test
    void combineRefusesOtherLossesOrWeightingBeforeChangingAnything() {
        Rows rows = referenceCases().get("houses");
        ContributionState state = whole(rows, ContributionSettings.defaults(), 3);
        ContributionResult before = state.result();
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(ContributionState.withResiduals(List.of("mse"), false, ContributionSettings.defaults())));
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(ContributionState.withResiduals(LOSSES, true, ContributionSettings.defaults())));
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(ContributionState.withoutResiduals(LOSSES, false, ContributionSettings.defaults())));
        assertEquals(before, state.result());
    }

    @Test
    void fractionRowsReadTheFractionAsTypedAndRoundUp() {
        ContributionState state = ContributionState.withResiduals(List.of("mae"), false,
                new ContributionSettings(5, List.of(0.07, 0.001, 1.0), 5, 3, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES));
        double[] zeros = new double[100];
        state.accept(new ContributionState.Batch(0, i -> i + 1, zeros, zeros, null, new double[][] {zeros}, 100));
        List<Long> rows = state.result().losses().get(0).topFractions().stream().map(FractionShare::rows).toList();
        // 0.07 * 100 is 7.000000000000001 in doubles; 0.001 * 100 rounds up to one row; 1.0 is every row
        assertEquals(List.of(7L, 1L, 100L), rows);
    }

    @Test
    void withoutResidualsTheOutliersAreNotAvailableButTheSharesAre() {
        ContributionState state = ContributionState.withoutResiduals(List.of("ce"), false, ContributionSettings.defaults());
        state.accept(new ContributionState.Batch(0, i -> i + 1, null, new double[] {1, 0, 2}, null,
                new double[][] {{0.5, 3, 0.5}}, 3));
        ContributionResult result = state.result();
        Range none = Range.of(Double.NaN);
        assertEquals(new OutlierResult(3, none, none, none, none), result.outliers());
        LossContribution loss = result.losses().get(0);
        assertEquals(0.75, loss.shareTop1());
        assertEquals(none, loss.outlierShare());
        WorstRow worst = loss.worstRows().get(0);
        assertEquals(List.of(2L, 0.0, 3.0), List.of(worst.row(), worst.target(), worst.contribution()));
        assertTrue(Double.isNaN(worst.pred()) && Double.isNaN(worst.residual()), "no pred, so no residual");
        assertThrows(IllegalArgumentException.class, () -> state.accept(new ContributionState.Batch(0, i -> i + 1,
                new double[] {1}, new double[] {1}, null, new double[][] {{1}}, 1)), "residuals given to a state without");
    }

    @Test
    void totalsAreTheExactSumOfEveryContributionWithinAndBeyondTheBudgetWhateverTheirSize() {
        // Beyond the budget the total is read from the summary's bucket sums for contributions in [0, 2^900) and
        // summed apart for the others: values of every size on both sides of 2^900 (the largest doubles, whose
        // bucket sums leave the doubles), subnormals, zeros, a bucket's many equal values (carries), negative and
        // non-finite ones. Reference: the exact sum in BigDecimal, rounded once (parsing its decimal string is
        // correctly rounded, and gives an infinity beyond the doubles), or NaN/an infinity as IEEE addition says.
        Random random = new Random(77);
        double[] spread = new double[3_000];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = i % 3 == 0 ? 0x1p-60 : Math.scalb(1 + random.nextDouble(), random.nextInt(2046) - 1074);
        }
        double[][] cases = {
            spread,
            {1e-320, Double.MIN_VALUE, 0.0, 1.5, 3.25, 0x1.fffffffffffffp899, 0x1p900, 1e300, Double.MAX_VALUE, 1.0},
            {Double.MAX_VALUE, Double.MAX_VALUE, 0x1p1000, 2.0},
            {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -0x1p1023, 0x1p899, 0x1p899},
            {1.0, -2.5, 1e-300, 7.0},
            {1.0, Double.POSITIVE_INFINITY, 2.0},
            {1.0, Double.NaN, 5.0},
            {Double.POSITIVE_INFINITY, 3.0, Double.NEGATIVE_INFINITY},
        };
        for (double[] values : cases) {
            double expected = exactTotal(values);
            for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 64, 0}) {
                ContributionSettings settings = new ContributionSettings(2, List.of(0.5), 2, 3, budget);
                ContributionState first = ContributionState.withoutResiduals(List.of("x"), false, settings);
                ContributionState second = ContributionState.withoutResiduals(List.of("x"), false, settings);
                int half = values.length / 2;
                for (int from = 0; from < values.length; from += 3) {
                    int end = Math.min(values.length, from + 3);
                    int start = from;
                    (from < half ? first : second).accept(new ContributionState.Batch(0, k -> start + k + 1L, null,
                            new double[end - from], null, new double[][] {Arrays.copyOfRange(values, from, end)}, end - from));
                }
                first.combine(second);
                assertEquals(budget >= 16L * values.length, first.exact(), "budget " + budget);
                assertEquals(expected, first.result().losses().get(0).total(),
                        Arrays.toString(Arrays.copyOf(values, 4)) + "... budget " + budget);
            }
        }
    }

    /** The exact sum of the values rounded once to a double; NaN or an infinity as IEEE addition gives them. */
    private static double exactTotal(double[] values) {
        boolean nan = false;
        boolean plus = false;
        boolean minus = false;
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (double v : values) {
            if (Double.isNaN(v)) nan = true;
            else if (v == Double.POSITIVE_INFINITY) plus = true;
            else if (v == Double.NEGATIVE_INFINITY) minus = true;
            else sum = sum.add(new java.math.BigDecimal(v));
        }
        if (nan || (plus && minus)) return Double.NaN;
        if (plus) return Double.POSITIVE_INFINITY;
        if (minus) return Double.NEGATIVE_INFINITY;
        return Double.parseDouble(sum.toString());
    }
}
