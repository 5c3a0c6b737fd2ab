package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A group fed the run's row losses ({@link GroupState.Batch#rowLosses}, as app.GroupRouter does) must give the
 * same figures, bit for bit, as a group that computes them from its rows: the reference here is the group
 * state's own path from the columns, on the same rows split into the same pieces.
 */
class GroupStateRowLossesTest {
    private static final List<String> SPECS = List.of("mse", "mae", "rmse", "medae", "huber", "r2");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rowLossesGiveTheFiguresOfTheColumns(boolean weighted) {
        for (boolean compared : new boolean[] {false, true}) {
            List<RowLoss> losses = new ArrayList<>();
            for (String spec : SPECS) losses.add(parse(spec));
            boolean[] pairedT = compared ? new boolean[] {true, true, false, false, true, false} : null;
            GroupState fromColumns = new GroupState(losses, weighted, new double[0], new double[0], 0.95,
                    ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, pairedT);
            GroupState fromRowLosses = fromColumns.emptyCopy();
            Random random = new Random(weighted ? 11 : 7);
            for (int batch = 0; batch < 40; batch++) {
                int n = 1 + random.nextInt(90);
                double[] pred = new double[n];
                double[] target = new double[n];
                double[] base = new double[n];
                double[] weight = weighted ? new double[n] : null;
                for (int i = 0; i < n; i++) {
                    target[i] = random.nextGaussian() * Math.exp(3 * random.nextGaussian());
                    pred[i] = target[i] + random.nextGaussian() * 3;
                    base[i] = target[i] + random.nextGaussian();
                    if (weighted) weight[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 4;
                }
                ArrayInputs rows = new ArrayInputs(n).with(Role.PRED, pred).with(Role.TARGET, target).onActiveKernels();
                ArrayInputs baseline = compared
                        ? new ArrayInputs(n).with(Role.PRED, base).with(Role.TARGET, target).onActiveKernels() : null;
                double[][] rowLosses = new double[losses.size()][];
                for (int l = 0; l < rowLosses.length; l++) {
                    if (!LossState.reusesRowLosses(losses.get(l))) continue;
                    LossState run = new LossState(losses.get(l), weighted); // the run's state of the batch
                    run.accept(rows, weight);
                    rowLosses[l] = Arrays.copyOf(run.plainRowLosses(), n);
                }
                fromColumns.accept(new GroupState.Batch(rows, weight, target, new double[0][], new double[0][],
                        new double[0][], baseline));
                fromRowLosses.accept(new GroupState.Batch(rows, weight, target, new double[0][], new double[0][],
                        new double[0][], baseline, rowLosses));
            }
            assertEquals(fromColumns.result(), fromRowLosses.result(), "compared " + compared);
        }
    }

    @Test
    void onlyPlainRegressionLossesTakeRowLosses() {
        assertTrue(LossState.reusesRowLosses(parse("mse")));
        assertTrue(LossState.reusesRowLosses(parse("medae")));
        assertFalse(LossState.reusesRowLosses(parse("r2")), "its moments read the columns");
        assertFalse(LossState.reusesRowLosses(parse("bce")), "it may clamp a row");
    }

    private static RowLoss parse(String spec) {
        try {
            return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
        } catch (org.losseval.loss.LossSpecException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
