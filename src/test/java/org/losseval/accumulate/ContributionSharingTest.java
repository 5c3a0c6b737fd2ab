package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losseval.report.ContributionResult;
import org.losseval.report.LossContribution;

/**
 * Losses with the same row losses share one set of parts in a {@link ContributionState}; the figures must be
 * those of states that each hold one loss alone, bit for bit, whether the sharing lasts, breaks part-way, or
 * differs between the states that are combined.
 */
class ContributionSharingTest {
    private static final int ROWS = 3_000;
    /** The row where "squares again" first differs from "squares". */
    private static final int APART = 2_000;
    private static final List<String> LOSSES = List.of("squares", "absolute", "squares again", "absolute again");

    private final Random random = new Random(14);
    private final double[] pred = new double[ROWS];
    private final double[] target = new double[ROWS];
    private final double[] weight = new double[ROWS];

    ContributionSharingTest() {
        for (int i = 0; i < ROWS; i++) {
            pred[i] = Math.scalb(random.nextGaussian(), random.nextInt(12) - 6);
            target[i] = random.nextInt(5) == 0 ? pred[i] : random.nextGaussian(); // zero residuals too
            weight[i] = 0.25 + random.nextInt(8);
        }
    }

    private double[] rowLosses(int loss, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            double r = pred[i] - target[i];
            out[i - from] = switch (loss) {
                case 0 -> r * r;
                case 1 -> Math.abs(r);
                case 2 -> i == APART ? r * r + 1 : r * r;
                default -> Math.abs(r);
            };
        }
        return out;
    }

    /** Feeds rows [from, to) in batches, with the given losses (indexes into {@link #LOSSES}). */
    private void feed(ContributionState state, int[] losses, boolean weighted, int from, int to, int batch) {
        for (int i = from; i < to; i += batch) {
            int end = Math.min(to, i + batch);
            double[][] rowLosses = new double[losses.length][];
            for (int l = 0; l < losses.length; l++) rowLosses[l] = rowLosses(losses[l], i, end);
            int start = i;
            state.accept(new ContributionState.Batch(0, k -> start + k + 1, Arrays.copyOfRange(pred, i, end),
                    Arrays.copyOfRange(target, i, end), weighted ? Arrays.copyOfRange(weight, i, end) : null,
                    rowLosses, end - i));
        }
    }

    private static ContributionSettings settings(long budget) {
        return new ContributionSettings(3, List.of(0.01, 0.3), 4, 3, budget);
    }

    /** The figures of one loss from a state that holds it alone, named as in the shared state. */
    private LossContribution alone(int loss, boolean weighted, long budget) {
        ContributionState state = ContributionState.withResiduals(List.of(LOSSES.get(loss)), weighted, settings(budget));
        feed(state, new int[] {loss}, weighted, 0, ROWS, 100);
        return state.result().losses().get(0);
    }

    @Test
    void sharedLossesHaveTheFiguresOfLossesAlone() {
        // budgets that hold every row and none: the budget's switch depends on the number of losses
        for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 0}) {
            for (boolean weighted : new boolean[] {false, true}) {
                ContributionState state = ContributionState.withResiduals(LOSSES, weighted, settings(budget));
                feed(state, new int[] {0, 1, 2, 3}, weighted, 0, APART, 100);
                assertEquals(List.of(0, 1, 0, 1), sharing(state), "before the row that tells them apart");
                feed(state, new int[] {0, 1, 2, 3}, weighted, APART, ROWS, 100);
                assertEquals(List.of(0, 1, 2, 1), sharing(state), "after it");
                ContributionResult result = state.result();
                for (int l = 0; l < LOSSES.size(); l++) {
                    assertEquals(alone(l, weighted, budget), result.losses().get(l), LOSSES.get(l) + " budget " + budget);
                }
                ContributionState single = ContributionState.withResiduals(List.of("squares"), weighted, settings(budget));
                feed(single, new int[] {0}, weighted, 0, ROWS, 100);
                assertEquals(single.result().outliers(), result.outliers());
            }
        }
    }

    @Test
    void statesThatShareDifferentlyCombineToTheWhole() {
        // 4 losses of 8 bytes and a residual: 40 bytes a row, so 60,000 bytes hold 1,500 rows
        for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 60_000, 0}) {
            ContributionState whole = ContributionState.withResiduals(LOSSES, false, settings(budget));
            feed(whole, new int[] {0, 1, 2, 3}, false, 0, ROWS, 250);
            // a part that still shares "squares again" and one that does not, combined both ways round
            ContributionState early = ContributionState.withResiduals(LOSSES, false, settings(budget));
            ContributionState late = ContributionState.withResiduals(LOSSES, false, settings(budget));
            feed(early, new int[] {0, 1, 2, 3}, false, 0, 1_200, 64);
            feed(late, new int[] {0, 1, 2, 3}, false, 1_200, ROWS, 77);
            assertEquals(List.of(0, 1, 0, 1), sharing(early));
            assertEquals(List.of(0, 1, 2, 1), sharing(late));
            ContributionState lateFirst = ContributionState.withResiduals(LOSSES, false, settings(budget));
            lateFirst.combine(late);
            lateFirst.combine(early);
            early.combine(late);
            assertEquals(whole.result(), early.result(), "budget " + budget);
            assertEquals(whole.result(), lateFirst.result(), "budget " + budget + ", other order");
            assertEquals(List.of(0, 1, 2, 1), sharing(early));
            // the other state is not changed by a combine
            assertEquals(List.of(0, 1, 2, 1), sharing(late));
        }
    }

    @Test
    void anEmptyBatchDecidesNothing() {
        ContributionState state = ContributionState.withResiduals(LOSSES, false, settings(0));
        state.accept(new ContributionState.Batch(0, k -> k + 1, new double[0], new double[0], null,
                new double[4][0], 0));
        feed(state, new int[] {0, 1, 2, 3}, false, APART, ROWS, 100); // "squares again" differs in its first batch
        assertEquals(List.of(0, 1, 2, 1), sharing(state));
        for (int l = 0; l < LOSSES.size(); l++) {
            ContributionState alone = ContributionState.withResiduals(List.of(LOSSES.get(l)), false, settings(0));
            feed(alone, new int[] {l}, false, APART, ROWS, 100);
            assertEquals(alone.result().losses().get(0), state.result().losses().get(l));
        }
    }

    @Test
    void residualCountsBeyondTheBudgetDoNotDependOnWhichLossComesFirst() {
        // The summary counts residuals through loss 0's (residual, exponent) map and counts apart the rows
        // that map leaves out: here loss "signed" is negative, infinite or NaN on many rows.
        double[] signed = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            double r = pred[i] - target[i];
            signed[i] = switch (i % 7) {
                case 0 -> -r * r;
                case 1 -> Double.POSITIVE_INFINITY;
                case 2 -> Double.NaN;
                default -> r * r;
            };
        }
        ContributionResult[] results = new ContributionResult[2];
        for (int order = 0; order < 2; order++) {
            ContributionState state = ContributionState.withResiduals(List.of("a", "b"), false, settings(0));
            for (int i = 0; i < ROWS; i += 100) {
                int end = Math.min(ROWS, i + 100);
                double[] bad = Arrays.copyOfRange(signed, i, end);
                double[] good = rowLosses(1, i, end);
                int start = i;
                state.accept(new ContributionState.Batch(0, k -> start + k + 1, Arrays.copyOfRange(pred, i, end),
                        Arrays.copyOfRange(target, i, end), null,
                        order == 0 ? new double[][] {bad, good} : new double[][] {good, bad}, end - i));
            }
            results[order] = state.result();
        }
        assertEquals(results[0].outliers(), results[1].outliers());
        ContributionState exact = ContributionState.withResiduals(List.of("b"), false,
                settings(ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES));
        feed(exact, new int[] {1}, false, 0, ROWS, 100);
        double median = exact.result().outliers().median().low();
        org.losseval.report.Range bracket = results[0].outliers().median();
        assertEquals(true, bracket.low() <= median && median <= bracket.high(), bracket + " holds " + median);
    }

    private static List<Integer> sharing(ContributionState state) {
        Integer[] shared = new Integer[LOSSES.size()];
        for (int l = 0; l < shared.length; l++) shared[l] = state.sharedWith(l);
        return List.of(shared);
    }
}
