package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losseval.report.Range;

/**
 * {@link AbsoluteErrorMedian} against independent oracles: a full sort (and, weighted, BigDecimal cumulative
 * weights over the sorted rows, scikit-learn's {@code _weighted_percentile} rule done without rounding) on
 * random rows with many ties and zero weights; and beyond the budget, brackets that hold that exact value.
 * The values against scikit-learn itself are in {@link FigureReferenceTest}.
 */
class AbsoluteErrorMedianTest {
    private static final int[] SIZES = {1, 2, 3, 7, 8, 64, 1023, 4099};

    /** The median by sorting: the middle value, or the mean of the two middle ones (NumPy's median). */
    private static double sortedMedian(double[] errors) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The first sorted error whose cumulative weight reaches half the total, in BigDecimal; NaN for no weight. */
    private static double sortedWeightedMedian(double[] errors, double[] weights) {
        Integer[] order = new Integer[errors.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> errors[i]));
        BigDecimal total = BigDecimal.ZERO;
        for (double w : weights) total = total.add(new BigDecimal(w));
        if (total.signum() == 0) return Double.NaN;
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i : order) {
            cumulative = cumulative.add(new BigDecimal(weights[i]));
            if (cumulative.multiply(BigDecimal.valueOf(2)).compareTo(total) >= 0) return errors[i];
        }
        throw new AssertionError("unreachable");
    }

    /** Errors with ties (small integers), spread (a log-uniform part) and zeros; weights with zeros. */
    private static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[] errors = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(5);
                case 1 -> Math.exp(random.nextGaussian() * 5);
                default -> Math.abs(random.nextGaussian());
            };
            weights[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? random.nextInt(3) : random.nextDouble() * 3;
        }
        return new double[][] {errors, weights};
    }

    private static Range median(double[][] rows, boolean weighted, long budget) {
        AbsoluteErrorMedian state = new AbsoluteErrorMedian(weighted, budget);
        state.accept(rows[0], weighted ? rows[1] : null, rows[0].length);
        return state.result();
    }

    @Test
    void withinTheBudgetItIsTheSortedMedian() {
        for (int n : SIZES) {
            for (long seed = 0; seed < 5; seed++) {
                double[][] rows = rows(n, 31 * n + seed);
                assertEquals(Range.of(sortedMedian(rows[0])), median(rows, false, 1 << 20), "n=" + n);
                assertEquals(Range.of(sortedWeightedMedian(rows[0], rows[1])), median(rows, true, 1 << 20), "n=" + n);
            }
        }
    }

    @Test
    void beyondTheBudgetABracketHoldsTheExactValue() {
        for (int n : SIZES) {
            for (long seed = 0; seed < 5; seed++) {
                double[][] rows = rows(n, 57 * n + seed);
                for (boolean weighted : new boolean[] {false, true}) {
                    double exact = weighted ? sortedWeightedMedian(rows[0], rows[1]) : sortedMedian(rows[0]);
                    // 0: summarized from the first row; half the rows' bytes: switches part-way
                    for (long budget : new long[] {0, (long) n * AbsoluteErrorMedian.bytesPerRow(weighted) / 2}) {
                        Range bracket = median(rows, weighted, budget);
                        String what = "n=" + n + " weighted=" + weighted + " budget=" + budget + ": " + bracket + " vs " + exact;
                        if (Double.isNaN(exact)) {
                            assertTrue(Double.isNaN(bracket.low()) && Double.isNaN(bracket.high()), what);
                            continue;
                        }
                        assertTrue(bracket.low() <= exact && exact <= bracket.high(), what);
                        assertTrue(bracket.high() - bracket.low() <= Math.max(exact * 0x1p-7, Double.MIN_NORMAL), what);
                    }
                }
            }
        }
    }

    /** scikit-learn's weighted median is one of the errors: unit weights and an even count give the lower middle. */
    @Test
    void unitWeightsGiveTheLowerMiddleAndNoWeightGivesNaN() {
        double[][] rows = {{4, 1, 3, 2}, {1, 1, 1, 1}};
        assertEquals(Range.of(2.5), median(rows, false, 1 << 20));
        assertEquals(Range.of(2.0), median(rows, true, 1 << 20));
        assertEquals(Range.of(Double.NaN), median(new double[][] {{4, 1}, {0, 0}}, true, 1 << 20));
        assertEquals(Range.of(Double.NaN), median(new double[][] {{4, 1}, {0, 0}}, true, 0));
        assertEquals(Range.of(Double.NaN), new AbsoluteErrorMedian(false, 0).result());
    }

    @Test
    void itSwitchesOnTheRowCountAlone() {
        AbsoluteErrorMedian state = new AbsoluteErrorMedian(false, 3 * 8);
        state.accept(new double[] {1, 2, 3}, null, 3);
        assertTrue(state.exact());
        state.accept(new double[] {4}, null, 1);
        assertFalse(state.exact());
        assertThrows(IllegalArgumentException.class, () -> state.combine(new AbsoluteErrorMedian(true, 3 * 8)));
        assertThrows(IllegalArgumentException.class, () -> state.accept(new double[] {1}, new double[] {1}, 1));
    }
}
