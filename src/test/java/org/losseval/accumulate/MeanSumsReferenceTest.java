package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.MeanEstimate;

/**
 * {@link MeanSums} against {@code reference/compare/make_compare.py}: SciPy 1.10's {@code ttest_rel} for
 * unweighted paired differences, and the weighted (sandwich) formula of MeanSums' Javadoc computed by hand in
 * numpy. Both sides compute d = cand - base in one rounding.
 */
class MeanSumsReferenceTest {
    /**
     * Mean and standard error: ours are exact sums rounded once, numpy's are pairwise sums of rounded terms;
     * 50 to 200 rows of O(1) values agree to about 1e-15 relative, 1e-13 leaves room for the cancellation in
     * the spread.
     */
    private static final double MOMENTS = 1e-13;
    /**
     * Interval ends against the 40-digit mpmath quantile, and p-values against SciPy's t.sf (cephes stdtr):
     * Commons Math's regularized beta and quantile (solver accuracy 1e-14) agree to about 1e-14; 1e-12.
     */
    private static final double INFERENCE = 1e-12;
    /**
     * Interval ends against SciPy's own {@code ttest_rel(...).confidence_interval}: SciPy 1.10's t.ppf is
     * accurate only to about 1e-9 relative (see make_compare.py), so 1e-8.
     */
    private static final double SCIPY_QUANTILE = 1e-8;

    private record Data(boolean weighted, List<Double> d, List<Double> w) {}

    private static Map<String, Data> datasets() {
        Map<String, Data> data = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceCsv.readResource("/reference/compare/mean_rows.csv")) {
            Data set = data.computeIfAbsent(row.get("dataset"),
                    k -> new Data(row.get("weighted").equals("1"), new ArrayList<>(), new ArrayList<>()));
            set.d.add(Double.parseDouble(row.get("cand")) - Double.parseDouble(row.get("base")));
            set.w.add(Double.parseDouble(row.get("w")));
        }
        return data;
    }

    private static MeanSums sums(Data data) {
        int n = data.d.size();
        double[] d = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = data.d.get(i);
            w[i] = data.w.get(i);
        }
        MeanSums sums = new MeanSums(data.weighted);
        sums.accept(d, data.weighted ? w : null, n);
        return sums;
    }

    @Test
    void agreesWithScipyAndTheWeightedFormula() {
        Map<String, Data> data = datasets();
        List<Map<String, String>> expected = ReferenceCsv.readResource("/reference/compare/mean_expected.csv");
        assertEquals(12, expected.size());
        for (Map<String, String> row : expected) {
            String name = row.get("dataset") + "@" + row.get("level");
            MeanEstimate e = sums(data.get(row.get("dataset"))).result(Double.parseDouble(row.get("level")));
            close(row, "mean", e.mean(), MOMENTS, name);
            close(row, "se", e.standardError(), MOMENTS, name);
            assertEquals(Double.parseDouble(row.get("df")), e.degreesOfFreedom(), name);
            close(row, "ci_low_mp", e.interval().low(), INFERENCE, name);
            close(row, "ci_high_mp", e.interval().high(), INFERENCE, name);
            close(row, "ci_low", e.interval().low(), SCIPY_QUANTILE, name);
            close(row, "ci_high", e.interval().high(), SCIPY_QUANTILE, name);
            close(row, "p", e.pValue(), INFERENCE, name);
            assertEquals(Double.parseDouble(row.get("level")), e.interval().level(), name);
        }
    }

    /** Unit weights give the unweighted figures (the sandwich reduces to the t-test's s²/n). */
    @Test
    void unitWeightsGiveTheUnweightedFigures() {
        Data data = datasets().get("unit_weights_30");
        MeanEstimate weighted = sums(data).result();
        MeanEstimate plain = sums(new Data(false, data.d, data.w)).result();
        assertEquals(plain.mean(), weighted.mean());
        assertEquals(plain.standardError(), weighted.standardError());
        assertEquals(plain.pValue(), weighted.pValue());
    }

    /** Zero-weight rows are not rows: the weighted_80 set with its zero rows removed gives the same bits. */
    @Test
    void zeroWeightsAreNotCounted() {
        Data data = datasets().get("weighted_80");
        List<Double> d = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < data.d.size(); i++) {
            if (data.w.get(i) != 0) {
                d.add(data.d.get(i));
                w.add(data.w.get(i));
            }
        }
        assertTrue(d.size() < data.d.size());
        MeanEstimate all = sums(data).result();
        assertEquals(sums(new Data(true, d, w)).result(), all);
        assertEquals(d.size(), all.count());
    }

    @Test
    void edgeCases() {
        MeanSums empty = new MeanSums(false);
        MeanEstimate none = empty.result();
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.standardError()) && Double.isNaN(none.pValue()));
        MeanSums one = new MeanSums(false);
        one.accept(new double[] {2.5}, null, 1);
        assertEquals(2.5, one.result().mean());
        assertTrue(Double.isNaN(one.result().standardError()) && Double.isNaN(one.result().interval().low()));
        // equal predictions: every difference 0; SciPy's ttest_rel gives a NaN p-value (0/0)
        MeanSums zeros = new MeanSums(false);
        zeros.accept(new double[] {0, 0, 0}, null, 3);
        MeanEstimate z = zeros.result();
        assertEquals(0.0, z.standardError());
        assertEquals(0.0, z.interval().low());
        assertEquals(0.0, z.interval().high());
        assertTrue(Double.isNaN(z.pValue()));
        // a constant non-zero difference: t is infinite, p is 0 and the interval a point
        MeanSums constant = new MeanSums(true);
        constant.accept(new double[] {0.5, 0.5, 0.5}, new double[] {1, 2, 3}, 3);
        MeanEstimate c = constant.result();
        assertEquals(0.5, c.mean());
        assertEquals(0.0, c.pValue());
        assertEquals(0.5, c.interval().low());
    }

    private static void close(Map<String, String> row, String column, double actual, double relative, String name) {
        double expected = Double.parseDouble(row.get(column));
        assertEquals(expected, actual, relative * Math.abs(expected), name + " " + column);
    }
}
