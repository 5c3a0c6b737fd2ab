package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every regression loss against values computed by PyTorch 1.13 and scikit-learn 1.2 (and, for log_cosh,
 * 80-digit decimal arithmetic): see {@code src/test/resources/reference/make_reference.py}, which writes
 * the fixtures and names the source of each value. The means here are plain sums of {@code rowLoss}; the
 * real accumulators are tested elsewhere.
 */
class RegressionLossReferenceTest {

    /** Means over up to 3000 rows summed naively: n·eps ≈ 3e-13 at worst, so 1e-12 leaves room but not much. */
    private static final double MEAN_RELATIVE_TOLERANCE = 1e-12;

    /** One row: a few ulps (StrictMath and numpy/torch may differ by an ulp in log1p/exp). */
    private static final double ROW_RELATIVE_TOLERANCE = 1e-13;

    private static final LossRegistry REGISTRY = LossRegistry.builtIn();
    private static final Map<String, ReferenceFixtures.Case> CASES = ReferenceFixtures.cases();

    @Test
    void meansAndWeightedMeansMatchTheReferences() throws LossSpecException {
        List<ReferenceFixtures.Expected> expected = ReferenceFixtures.expected();
        assertTrue(expected.size() > 80, "fixture has " + expected.size() + " lines");
        for (ReferenceFixtures.Expected e : expected) {
            RegressionLoss loss = regression(e.spec());
            ReferenceFixtures.Case c = CASES.get(e.caseName());
            String what = e.caseName() + " " + e.spec() + " vs " + e.source();
            assertClose(e.mean(), loss.finish(mean(loss, c)), MEAN_RELATIVE_TOLERANCE, what + " (mean)");
            assertClose(e.weightedMean(), loss.finish(weightedMean(loss, c)), MEAN_RELATIVE_TOLERANCE,
                    what + " (weighted mean)");
        }
    }

    @Test
    void rowLossesMatchTheReferences() throws LossSpecException {
        List<ReferenceFixtures.ExpectedRow> rows = ReferenceFixtures.expectedRows();
        assertTrue(rows.size() > 300, "fixture has " + rows.size() + " lines");
        for (ReferenceFixtures.ExpectedRow e : rows) {
            RegressionLoss loss = regression(e.spec());
            ReferenceFixtures.Case c = CASES.get(e.caseName());
            // the fixture holds the metric of that single row, so rmse's row value is finished too
            double actual = loss.finish(loss.rowLoss(c.pred()[e.row()], c.target()[e.row()]));
            assertClose(e.value(), actual, ROW_RELATIVE_TOLERANCE,
                    e.caseName() + " row " + e.row() + " " + e.spec() + " vs " + e.source());
        }
    }

    @Test
    void everyRegressionLossHasReferenceValues() {
        Set<String> covered = new HashSet<>();
        for (ReferenceFixtures.Expected e : ReferenceFixtures.expected()) covered.add(e.spec().split(":")[0]);
        // the figures of issue 13 have their own fixture (reference/figures/make_figures.py, FigureReferenceTest)
        for (String[] e : org.losseval.FixtureCsv.read("/reference/figures/figure_expected.csv", 5)) {
            covered.add(e[1].split(":")[0]);
        }
        for (LossDefinition d : regressionDefinitions()) {
            assertTrue(covered.contains(d.name()), d.name() + " has no reference values in the fixtures");
        }
    }

    /** The numbers the seed prints for its three houses (pred 210, 340, 400; target 200, 350, 180). */
    @Test
    void seedHouses() throws LossSpecException {
        ReferenceFixtures.Case houses = CASES.get("houses");
        assertEquals(16200.0, mean(regression("mse"), houses));         // seed: MSE = 16,200
        assertEquals(80.0, mean(regression("mae"), houses));            // seed: MAE = 80
        assertEquals(80.0, mean(regression("l1"), houses));
        // seed: Huber δ=15 gives 50 + 50 + 3187.5 → 1,095.8 (F.huber_loss(delta=15.0))
        assertEquals(50.0, regression("huber:delta=15").rowLoss(210, 200));
        assertEquals(3187.5, regression("huber:delta=15").rowLoss(400, 180));
        assertClose(3287.5 / 3, mean(regression("huber:delta=15"), houses), 0, "huber δ=15");
        // scikit-learn convention: pinball at q = 0.5 is MAE / 2
        assertEquals(40.0, mean(regression("pinball"), houses));
        assertEquals(Math.sqrt(16200.0), regression("rmse").finish(mean(regression("rmse"), houses)));
    }

    @Test
    void logCoshIsNeverNegativeAndZeroAtZero() throws LossSpecException {
        RegressionLoss logCosh = regression("log_cosh");
        assertEquals(0.0, logCosh.rowLoss(3.0, 3.0));
        for (double r = 1e-300; r < 1e300; r *= 1.7) {
            assertTrue(logCosh.rowLoss(r, 0) >= 0, "log_cosh(" + r + ")");
            assertTrue(logCosh.rowLoss(-r, 0) >= 0, "log_cosh(" + -r + ")");
        }
        assertEquals(1e150, logCosh.rowLoss(1e150, 0));
    }

    @Test
    void msleRejectsNegativeValuesAsScikitLearnDoes() throws LossSpecException {
        RegressionLoss msle = regression("msle");
        assertEquals("negative target for msle", msle.invalidTarget(-0.5));
        assertEquals("negative prediction for msle", msle.invalidPred(-1e-300));
        assertEquals(null, msle.invalidTarget(-0.0));
        assertEquals(null, msle.invalidPred(-0.0));
        assertEquals(null, msle.invalidPred(0));
        assertEquals(null, msle.invalidTarget(2));
        assertEquals(true, msle.checksRows(), "the validator skips the checks of losses that say they have none");
        for (LossDefinition d : REGISTRY.definitions()) {
            if (d.name().equals("msle")) continue;
            Loss other = d.factory().apply(defaults(d));
            if (other instanceof RegressionLoss r && !r.checksRows()) {
                assertEquals(null, r.invalidPred(-1), d.name());
                assertEquals(null, r.invalidTarget(-2), d.name());
            }
        }
    }

    @Test
    void mapeFloorsZeroTargetsAtMachineEpsilon() throws LossSpecException {
        RegressionLoss mape = regression("mape");
        assertEquals(1 / 2.220446049250313e-16, mape.rowLoss(1, 0));  // scikit-learn: |p| / eps
        assertEquals(0.0, mape.rowLoss(0, 0));
        assertEquals(0.25, mape.rowLoss(-1.5, -2));                   // a fraction, not a percentage
    }

    @Test
    void smoothL1WithBetaZeroIsTheAbsoluteError() throws LossSpecException {
        RegressionLoss smooth = regression("smooth_l1:beta=0");
        assertEquals(3.5, smooth.rowLoss(-1.5, 2));
        assertEquals(0.0, smooth.rowLoss(2, 2));
        assertFalse(Double.isNaN(smooth.rowLoss(0, 0)));
    }

    static RegressionLoss regression(String spec) throws LossSpecException {
        return (RegressionLoss) LossSpecs.parse(List.of(spec), REGISTRY).get(0).loss();
    }

    /** Every parameter at its default; a list parameter has none and is left out (absent). */
    static Map<String, Double> defaults(LossDefinition d) {
        Map<String, Double> params = new java.util.LinkedHashMap<>();
        for (ParamDefinition p : d.params()) {
            if (!p.list()) params.put(p.name(), p.defaultValue());
        }
        return params;
    }

    /** The built-in losses of one prediction against one target (those built as {@link RegressionLoss}). */
    static List<LossDefinition> regressionDefinitions() {
        return REGISTRY.definitions().stream().filter(d -> d.factory().apply(defaults(d)) instanceof RegressionLoss)
                .toList();
    }

    private static double mean(RegressionLoss loss, ReferenceFixtures.Case c) {
        double sum = 0;
        for (int i = 0; i < c.pred().length; i++) sum += loss.rowLoss(c.pred()[i], c.target()[i]);
        return sum / c.pred().length;
    }

    private static double weightedMean(RegressionLoss loss, ReferenceFixtures.Case c) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < c.pred().length; i++) {
            sum += c.weight()[i] * loss.rowLoss(c.pred()[i], c.target()[i]);
            weights += c.weight()[i];
        }
        return sum / weights;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        double allowed = relative * Math.abs(expected);
        assertTrue(Math.abs(actual - expected) <= allowed,
                what + ": expected " + expected + " but was " + actual + " (relative tolerance " + relative + ")");
    }
}
