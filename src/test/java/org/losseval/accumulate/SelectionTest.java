package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Selection against sorting, the obvious reference, at awkward sizes and with ties and NaN. */
class SelectionTest {

    private static double[] values(int n, long seed, boolean ties) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = ties ? random.nextInt(5) : random.nextDouble(-1e6, 1e6);
        return values;
    }

    @Test
    void everyOrderStatisticMatchesTheSortedArray() {
        for (int n : new int[] {1, 2, 3, 7, 8, 9, 64, 65, 1000}) {
            for (boolean ties : new boolean[] {false, true}) {
                double[] original = values(n, n, ties);
                double[] sorted = original.clone();
                Arrays.sort(sorted);
                for (int k = 0; k < n; k += Math.max(1, n / 17)) {
                    double[] work = original.clone();
                    assertEquals(sorted[k], Selection.select(work, k), "n=" + n + " k=" + k);
                    for (int i = 0; i < k; i++) assertEquals(true, work[i] <= work[k]);
                    for (int i = k + 1; i < n; i++) assertEquals(true, work[i] >= work[k]);
                }
            }
        }
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Selection.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Selection.median(new double[] {4, 1, 3, 2}));
        assertEquals(10.0, Selection.median(new double[] {10, -10, 220})); // the houses' residuals
    }

    @Test
    void aZeroMedianIsPositiveZeroWhateverTheOrder() {
        // Found by StateContractTest: -0.0 and +0.0 compare equal, so the middle one's sign followed the order.
        for (double[] values : new double[][] {{-0.0, 0.0, 1}, {0.0, -0.0, 1}, {1, -0.0, 0.0}, {-0.0, -0.0, 1},
            {-0.0, 0.0, 1, -1}, {-0.0, -0.0, -1, 1}}) {
            assertEquals(0.0, Selection.median(values.clone()), Arrays.toString(values)); // assertEquals tells -0.0 apart
        }
    }

    @Test
    void nanIsOrderedLastAsByArraysSort() {
        double[] values = {3, Double.NaN, 1, 2};
        assertEquals(3.0, Selection.select(values.clone(), 2));
        assertEquals(Double.NaN, Selection.select(values.clone(), 3));
    }
}
