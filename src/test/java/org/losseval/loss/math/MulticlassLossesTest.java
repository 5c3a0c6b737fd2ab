package org.losseval.loss.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PyTorch's reduction rules, the numerics of confident rows, batch forms and the checks. */
class MulticlassLossesTest {

    private static final ClassificationFixtures.Case TEN = ClassificationFixtures.cases().get("ten_class");

    /** Rounding of a handful of operations on values of order 1. */
    private static final double FEW_ULPS = 1e-15;

    private static double[][] rowOf(double... values) {
        double[][] cols = new double[values.length][1];
        for (int k = 0; k < values.length; k++) cols[k][0] = values[k];
        return cols;
    }

    @Test
    void seedTenClassEmailCategorizer() {
        // seed: p_correct = 0.9 gives 0.105, p_correct = 0.01 gives 4.605
        double[][] probs = rowOf(0.9, 0.05, 0.05);
        assertEquals(0.105, CrossEntropy.fromProbabilities(probs, 0, 0, null, 0, CrossEntropy.DEFAULT_IGNORE_INDEX), 5e-4);
        probs = rowOf(0.01, 0.99);
        assertEquals(4.605, CrossEntropy.fromProbabilities(probs, 0, 0, null, 0, CrossEntropy.DEFAULT_IGNORE_INDEX), 5e-4);
    }

    @Test
    void labelSmoothingWeightsEachClassByItsOwnWeightButTheMeanDividesBySumOfLabelWeights() {
        // The torch value of this mean is in means.csv; here: the fixture tells the PyTorch rule apart from
        // the plausible alternative w_y · CE(smoothed target), so the reference test would catch that mistake.
        Map<String, String> params = Map.of("weighted", "1", "label_smoothing", "0.1");
        double torchMean = ClassificationFixtures.means().stream()
                .filter(m -> m.caseName().equals("ten_class") && m.loss().equals("ce") && m.params().equals(params))
                .findFirst().orElseThrow().torchMean();
        double[] w = TEN.vector("class_weight");
        double[][] logits = TEN.columns("logits");
        double pytorchRule = 0, alternative = 0, denominator = 0;
        for (int row = 0; row < TEN.rows(); row++) {
            int label = FixtureLosses.label(TEN, "label_ignore", row);
            pytorchRule += CrossEntropy.fromLogits(logits, row, label, w, 0.1, CrossEntropy.DEFAULT_IGNORE_INDEX);
            denominator += CrossEntropy.denominator(label, w, CrossEntropy.DEFAULT_IGNORE_INDEX);
            if (label != CrossEntropy.DEFAULT_IGNORE_INDEX) {
                alternative += w[label] * CrossEntropy.fromLogits(logits, row, label, null, 0.1, CrossEntropy.DEFAULT_IGNORE_INDEX);
            }
        }
        assertEquals(torchMean, pytorchRule / denominator, 1e-13 * torchMean);
        // the alternative is off by 2.4e-4 relative on this case: 10⁹ times the tolerance above
        assertTrue(Math.abs(alternative / denominator - torchMean) > 1e-5 * torchMean);
    }

    @Test
    void ignoredRowsCountInNeitherSum() {
        double[][] logits = rowOf(1, 2, 3);
        assertEquals(0.0, CrossEntropy.fromLogits(logits, 0, -100, new double[] {1, 2, 3}, 0.1, -100));
        assertEquals(0.0, CrossEntropy.denominator(-100, new double[] {1, 2, 3}, -100));
        assertEquals(1.0, CrossEntropy.denominator(2, null, -100));
        assertEquals(3.0, CrossEntropy.denominator(2, new double[] {1, 2, 3}, -100));
        // a custom ignore_index
        assertEquals(0.0, CrossEntropy.fromLogits(logits, 0, 1, null, 0, 1));
    }

    @Test
    void softTargetOneHotEqualsTheIntegerLabelRowButItsMeanDividesByRows() {
        double[][] logits = rowOf(0.3, -1.2, 2.0);
        double[] w = {0.5, 2.0, 4.0};
        double hard = CrossEntropy.fromLogits(logits, 0, 1, w, 0.2, -100);
        double soft = CrossEntropy.fromLogitsSoft(logits, 0, rowOf(0, 1, 0), w, 0.2);
        assertEquals(hard, soft, FEW_ULPS * hard);
        assertEquals(2.0, CrossEntropy.denominator(1, w, -100)); // the soft form's denominator is 1
    }

    @Test
    void confidentRowsKeepTheirTinyLoss() {
        // -log_softmax([40, 0, 0])_0 = log1p(2 e^-40) = 8.496708510583178e-18 (mpmath); PyTorch gives 0
        double[][] logits = rowOf(40, 0, 0);
        assertEquals(8.496708510583178e-18, CrossEntropy.fromLogits(logits, 0, 0), 1e-33);
        assertEquals(8.496708510583178e-18, InfoNce.of(logits, 0, 1), 1e-33);
        // focal: (1 - p_y)^2 · loss ≈ (8.5e-18)^3, where 1 - softmax rounds to 0
        double focal = MulticlassFocal.fromLogits(logits, 0, 0, 2, null);
        assertEquals(Math.pow(8.496708510583178e-18, 3), focal, 1e-15 * focal);
        assertEquals(2e4, CrossEntropy.fromLogits(rowOf(1e4, -1e4), 0, 1));
        assertEquals(1e4 + Math.log(2), LogSoftmax.logSumExp(rowOf(1e4, 1e4), 0));
    }

    @Test
    void probabilitiesAreClampedLikeBce() {
        double[][] probs = rowOf(0, 1, 0);
        assertEquals(100.0, CrossEntropy.fromProbabilities(probs, 0, 0, null, 0, -100));
        assertTrue(CrossEntropy.clamps(probs, 0, 0, null, 0, -100));
        assertFalse(CrossEntropy.clamps(probs, 0, 1, null, 0, -100));
        // smoothing puts weight on the zero classes, so the clamp now changes the value
        assertTrue(CrossEntropy.clamps(probs, 0, 1, null, 0.1, -100));
        assertEquals(0.1 / 3 * 200, CrossEntropy.fromProbabilities(probs, 0, 1, null, 0.1, -100), FEW_ULPS);
        assertFalse(CrossEntropy.clamps(probs, 0, 0, null, 0, 0)); // ignored row
        assertTrue(CrossEntropy.clampsSoft(probs, 0, rowOf(0.5, 0.5, 0), null, 0));
        assertFalse(CrossEntropy.clampsSoft(probs, 0, rowOf(0, 1, 0), null, 0));
        // KL: q_c = 0 under p_c > 0 gives p_c (log p_c + 100), not infinity
        assertEquals(0.5 * (Math.log(0.5) + 100) + 0.5 * Math.log(0.5), KlDivergence.fromProbabilities(rowOf(0.5, 0.5, 0), probs, 0), FEW_ULPS * 50);
        assertTrue(KlDivergence.clamps(rowOf(0.5, 0.5, 0), probs, 0));
        assertFalse(KlDivergence.clamps(rowOf(0, 1, 0), probs, 0));
        assertEquals(0.0, KlDivergence.fromProbabilities(rowOf(0, 1, 0), probs, 0));
    }

    @Test
    void batchFormsMatchTheRowForms() {
        double[][] logits = TEN.columns("logits");
        double[] labels = TEN.column("label_ignore");
        double[] w = TEN.vector("class_weight");
        int n = TEN.rows();
        double[] out = new double[n], den = new double[n];
        CrossEntropy.fromLogits(logits, labels, w, 0.1, -100, out, den, n);
        for (int i = 0; i < n; i++) {
            assertEquals(CrossEntropy.fromLogits(logits, i, (int) labels[i], w, 0.1, -100), out[i]);
            assertEquals(CrossEntropy.denominator((int) labels[i], w, -100), den[i]);
        }
        double[][] probs = TEN.columns("probs");
        int clamped = CrossEntropy.fromProbabilities(probs, labels, null, 0, -100, out, den, n);
        int expected = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(CrossEntropy.fromProbabilities(probs, i, (int) labels[i], null, 0, -100), out[i]);
            if (CrossEntropy.clamps(probs, i, (int) labels[i], null, 0, -100)) expected++;
        }
        assertEquals(expected, clamped);
        assertTrue(clamped >= 1, "the fixture has a row with p = 0 at its label"); // row 1 of make_reference.py
    }

    @Test
    void gammaZeroFocalIsCrossEntropyAndAlphaScales() {
        double[][] logits = TEN.columns("logits");
        double[] alpha = TEN.vector("class_alpha");
        for (int row = 0; row < 20; row++) {
            int y = FixtureLosses.label(TEN, "label", row);
            double ce = CrossEntropy.fromLogits(logits, row, y);
            assertEquals(ce, MulticlassFocal.fromLogits(logits, row, y, 0, null), FEW_ULPS * ce);
            assertEquals(alpha[y] * MulticlassFocal.fromLogits(logits, row, y, 2, null),
                    MulticlassFocal.fromLogits(logits, row, y, 2, alpha));
        }
    }

    @Test
    void distillationEndpoints() {
        double[][] s = TEN.columns("logits"), t = TEN.columns("teacher");
        int y = FixtureLosses.label(TEN, "label", 0);
        assertEquals(CrossEntropy.fromLogits(s, 0, y), Distillation.of(s, t, 0, y, 1, 4));
        // α = 0, same logits: KL(p ‖ p) = 0 up to rounding
        assertEquals(0.0, Distillation.of(s, s, 0, y, 0, 4), 1e-14);
        assertNotEquals(0.0, Distillation.of(s, t, 0, y, 0, 4));
    }

    @Test
    void multiMarginPowerAndWeight() {
        // x = [0.1, 0.9, 0.5], y = 0, weight [3, 1, 1]: torch F.multi_margin_loss gives 1.6 (p=1) and 5.2 (p=2)
        // (checked in torch 1.13; the documented max(0, w_y (m - x_y + x_i))^p would give 15.6 for p = 2)
        double[][] x = rowOf(0.1, 0.9, 0.5);
        double[] w = {3, 1, 1};
        assertEquals(3 * (1.8 + 1.4) / 3, MultiMargin.of(x, 0, 0, 1, 1, w), FEW_ULPS * 4);
        assertEquals(5.2, MultiMargin.of(x, 0, 0, 2, 1, w), FEW_ULPS * 8);
        assertThrows(IllegalArgumentException.class, () -> MultiMargin.of(x, 0, 0, 3, 1, null));
    }

    @Test
    void classLabelChecks() {
        assertNull(RowChecks.classLabel(0, 10, -100));
        assertNull(RowChecks.classLabel(9, 10, -100));
        assertNull(RowChecks.classLabel(-100, 10, -100));
        assertEquals(RowChecks.NOT_A_CLASS, RowChecks.classLabel(10, 10, -100));
        assertEquals(RowChecks.NOT_A_CLASS, RowChecks.classLabel(-1, 10, -100));
        assertEquals(RowChecks.NOT_A_CLASS, RowChecks.classLabel(2.5, 10, -100));
        assertEquals(RowChecks.NOT_A_CLASS, RowChecks.classLabel(Double.NaN, 10, -100));
        assertEquals(-1, RowChecks.firstNonProbability(rowOf(0, 0.5, 1), 0));
        assertEquals(1, RowChecks.firstNonProbability(rowOf(0, 1.5, -1), 0));
        assertEquals(-1, RowChecks.firstNegative(rowOf(0, 2, 0), 0));
        assertEquals(2, RowChecks.firstNegative(rowOf(0, 2, -0.1), 0));
        assertEquals(0, RowChecks.firstNegative(rowOf(Double.NaN), 0));
    }
}
