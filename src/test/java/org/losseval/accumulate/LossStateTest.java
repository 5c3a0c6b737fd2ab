package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.loss.ArrayInputs;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecException;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * The weighting a loss state applies: sample weight s times the loss's own row weight v, rows with v = 0
 * not covered, and the row losses times v left for the contribution figures. Merging is
 * {@link StateContractTest}'s; the loss formulas are the loss package's.
 */
class LossStateTest {
    /** Log-softmax by log-sum-exp against Math.log of the same ratios, and this test's own sums: a few roundings. */
    private static final double LOG_RELATIVE = 1e-14;

    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);
    private static final double LN4 = Math.log(4);

    /**
     * Five rows of three-class logits: [0, 0, 0] gives every class -log softmax = ln 3; [ln 2, 0, 0] gives
     * softmax (1/2, 1/4, 1/4), so ln 2 for class 0 and ln 4 for the others. Row 3's label is ignored.
     */
    private static final double[][] LOGITS = {{0, LN2, LN2, 0, LN2}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
    private static final double[] LABELS = {0, 1, 0, 5, 2};
    private static final double[] SAMPLE_WEIGHTS = {1, 0.5, 2, 7, 4};
    /** Class weights w_y of the rows (ce:weight=[1,2,0.5]); 0 for the ignored row. */
    private static final double[] OWN_WEIGHTS = {1, 2, 1, 0, 0.5};
    /** -log softmax(z)_y of the rows (0 for the ignored row, as ce defines it). */
    private static final double[] NEG_LOG_P = {LN3, LN4, LN2, 0, LN4};

    private static RowLoss ce() throws LossSpecException {
        return (RowLoss) LossSpecs.parse(List.of("ce:weight=[1,2,0.5],ignore_index=5"), LossRegistry.builtIn()).get(0).loss();
    }

    private static ArrayInputs rows() {
        return ArrayInputs.of(5, Map.of(Role.LOGITS, LOGITS, Role.TARGET, new double[][] {LABELS}));
    }

    @Test
    void classWeightsAndIgnoreIndexGivePyTorchsWeightedMean() throws LossSpecException {
        // PyTorch cross_entropy(weight, ignore_index), reduction='mean': Σ w_y·(-lp_y) / Σ w_y over the rows not ignored
        LossState state = new LossState(ce(), false);
        state.accept(rows(), null);
        LossFigures figures = state.result();
        double numerator = 0;
        for (int i = 0; i < 5; i++) numerator += OWN_WEIGHTS[i] * NEG_LOG_P[i];
        assertEquals(numerator / 4.5, figures.value(), LOG_RELATIVE * figures.value());
        assertEquals(4, figures.count(), "the ignored row is not covered");
        assertEquals(4.5, figures.weightSum());
        assertEquals(0, figures.clamped());
    }

    @Test
    void sampleWeightsMultiplyTheLossOwnRowWeights() throws LossSpecException {
        // scikit-learn's Σ s·l / Σ s with PyTorch's class weights inside: w = s·v
        LossState state = new LossState(ce(), true);
        state.accept(rows(), SAMPLE_WEIGHTS);
        LossFigures figures = state.result();
        double numerator = 0;
        double weights = 0;
        for (int i = 0; i < 5; i++) {
            numerator += SAMPLE_WEIGHTS[i] * OWN_WEIGHTS[i] * NEG_LOG_P[i];
            weights += SAMPLE_WEIGHTS[i] * OWN_WEIGHTS[i];
        }
        assertEquals(6, weights); // 1 + 1 + 2 + 0 + 2: exact in doubles
        assertEquals(numerator / weights, figures.value(), LOG_RELATIVE * figures.value());
        assertEquals(4, figures.count(), "sample weights do not change which rows are covered");
        assertEquals(6, figures.weightSum());
    }

    @Test
    void rowLossesAreTimesTheOwnWeightButNotTheSampleWeight() throws LossSpecException {
        LossState state = new LossState(ce(), true);
        state.accept(rows(), SAMPLE_WEIGHTS);
        double[] contributions = Arrays.copyOf(state.rowLosses(), 5);
        for (int i = 0; i < 5; i++) {
            double expected = OWN_WEIGHTS[i] * NEG_LOG_P[i];
            assertEquals(expected, contributions[i], LOG_RELATIVE * expected, "row " + i);
        }
    }

    @Test
    void withoutOwnWeightsRowLossesAreTheLossesThemselves() throws LossSpecException {
        RowLoss mse = (RowLoss) LossSpecs.parse(List.of("mse"), LossRegistry.builtIn()).get(0).loss();
        LossState state = new LossState(mse, true);
        double[] pred = {1, 4, 0};
        double[] target = {3, 4, -1};
        state.accept(ArrayInputs.of(3, Map.of(Role.PRED, new double[][] {pred}, Role.TARGET, new double[][] {target})),
                new double[] {0.5, 2, 1.5});
        assertArrayEquals(new double[] {4, 0, 1}, Arrays.copyOf(state.rowLosses(), 3));
        assertEquals(new LossFigures((0.5 * 4 + 1.5) / 4, 3, 4, 0), state.result());
    }

    @Test
    void everyRowIgnoredGivesNaNAsPyTorchDoes() throws LossSpecException {
        LossState state = new LossState(ce(), false);
        state.accept(ArrayInputs.of(2, Map.of(Role.LOGITS, LOGITS, Role.TARGET, new double[][] {{5, 5}})), null);
        assertEquals(new LossFigures(Double.NaN, 0, 0, 0), state.result());
    }

    @Test
    void sampleWeightsMustComeExactlyWhenTheStateIsWeighted() throws LossSpecException {
        LossState plain = new LossState(ce(), false);
        plain.accept(rows(), null);
        LossFigures before = plain.result();
        assertThrows(IllegalArgumentException.class, () -> plain.accept(rows(), SAMPLE_WEIGHTS));
        assertEquals(before, plain.result());
        assertThrows(IllegalArgumentException.class, () -> new LossState(ce(), true).accept(rows(), null));
    }

    /**
     * The rule of one sum for two losses: the same row losses on any rows (rmse's are mse's squared errors; one
     * loss twice; r2 and explained variance, which also keep the same moments) and the same kind of state; not a
     * loss with other row losses, another parameter, an order statistic of the same row losses (medae's are mae's),
     * moments beside a plain mean (r2's row losses are mse's squared errors), or row weights (ce).
     */
    @Test
    void sameSumsOnlyForPlainMeansOfTheSameRowLosses() throws LossSpecException {
        String[][] same = {{"mse", "rmse"}, {"rmse", "mse"}, {"rmse", "rmse"}, {"huber:delta=1", "huber:delta=1"},
                {"pinball:q=0.9", "pinball:q=0.9"}, {"r2", "explained_variance"}, {"explained_variance", "r2"},
                {"max_error", "max_error"}};
        String[][] different = {{"mse", "mae"}, {"huber:delta=1", "huber:delta=2"}, {"pinball:q=0.9", "pinball:q=0.1"},
                {"mae", "medae"}, {"medae", "medae"}, {"mse", "r2"}, {"rmse", "explained_variance"},
                {"r2", "max_error"}, {"mae", "max_error"}, {"ce", "ce"}, {"bce", "bce"}};
        for (String[] pair : same) assertEquals(true, LossState.sameSums(loss(pair[0]), loss(pair[1])), String.join(" ", pair));
        for (String[] pair : different) assertEquals(false, LossState.sameSums(loss(pair[0]), loss(pair[1])), String.join(" ", pair));
    }

    private static RowLoss loss(String spec) throws LossSpecException {
        return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
    }
}
