package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.losseval.loss.ArrayInputs;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * {@link GroupState#twin}: a loss whose states stand in for another's (mse's for rmse) while both get the same
 * row losses must give the figures, bit for bit, of a state that fed both, also when the twins part at a later
 * batch ({@link GroupState#untwin}), and when twinned and untwinned states are combined. The reference is the
 * same group state without twins, on the same pieces.
 */
class GroupStateTwinTest {
    /** mse, rmse and mae: rmse always has mse's row losses; mae has them while every |residual| is 0 or 1. */
    private static final List<String> SPECS = List.of("mse", "rmse", "mae");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twinsGiveTheFiguresOfTheirOwnStates(boolean weighted) {
        List<RowLoss> losses = new ArrayList<>();
        for (String spec : SPECS) losses.add(parse(spec));
        GroupState reference = new GroupState(losses, weighted, new double[0], new double[0], 0.95);
        GroupState twinned = reference.emptyCopy();
        GroupState front = reference.emptyCopy();
        GroupState back = reference.emptyCopy();
        twinned.twin(1, 0);
        twinned.twin(2, 0);
        front.twin(1, 0);
        Random random = new Random(weighted ? 3 : 4);
        for (int batch = 0; batch < 30; batch++) {
            // The first 10 batches have residuals 0 and ±1 only: mae's row losses are mse's, bit for bit.
            boolean unitResiduals = batch < 10;
            int n = 1 + random.nextInt(60);
            double[] pred = new double[n];
            double[] target = new double[n];
            double[] weight = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                target[i] = Math.round(random.nextGaussian() * 100) / 8.0;
                pred[i] = target[i] + (unitResiduals ? random.nextInt(3) - 1 : random.nextGaussian() * 3);
                if (weighted) weight[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 4;
            }
            ArrayInputs rows = new ArrayInputs(n).with(Role.PRED, pred).with(Role.TARGET, target).onActiveKernels();
            double[][] rowLosses = new double[losses.size()][];
            for (int l = 0; l < rowLosses.length; l++) {
                LossState run = new LossState(losses.get(l), weighted);
                run.accept(rows, weight);
                rowLosses[l] = Arrays.copyOf(run.plainRowLosses(), n);
            }
            if (batch == 10) {
                assertFalse(Arrays.equals(rowLosses[0], rowLosses[2]), "the data must part mae from mse here");
                twinned.untwin(2); // what app.GroupRouter does at the first batch where they differ
            }
            GroupState.Batch rowsOfBatch = new GroupState.Batch(rows, weight, target, new double[0][], new double[0][],
                    new double[0][], null, rowLosses);
            reference.accept(rowsOfBatch);
            twinned.accept(rowsOfBatch);
            (batch % 2 == 0 ? front : back).accept(rowsOfBatch);
        }
        assertEquals(reference.result(), twinned.result(), "twinned");
        front.combine(back);
        assertEquals(reference.result(), front.result(), "a twinned state combined with an untwinned one");
    }

    @Test
    void onlyEmptyStatesOfPlainMeanLossesAreTwinned() {
        List<RowLoss> losses = new ArrayList<>();
        for (String spec : List.of("mse", "rmse", "medae", "r2")) losses.add(parse(spec));
        GroupState state = new GroupState(losses, false, new double[0], new double[0], 0.95);
        assertTrue(state.twinnable(1, 0));
        assertFalse(state.twinnable(2, 0), "medae keeps its rows");
        assertFalse(state.twinnable(3, 0), "r2 reads the columns");
        assertFalse(state.twinnable(0, 0));
        GroupState compared = new GroupState(losses, false, new double[0], new double[0], 0.95,
                ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, new boolean[] {true, true, false, false});
        assertFalse(compared.twinnable(1, 0), "a comparison's states are not twinned");
        state.twin(1, 0);
        assertFalse(state.twinnable(0, 1), "a twinned loss stands in for none");
        GroupState fed = state.emptyCopy();
        ArrayInputs rows = new ArrayInputs(1).with(Role.PRED, new double[] {1}).with(Role.TARGET, new double[] {2})
                .onActiveKernels();
        fed.accept(new GroupState.Batch(rows, null, new double[] {2}, new double[0][], new double[0][], new double[0][]));
        assertThrows(IllegalStateException.class, () -> fed.twin(1, 0));
    }

    private static RowLoss parse(String spec) {
        try {
            return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
