package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LargestSums} against the obvious reference: sort the values and add the tail exactly with
 * {@link BigDecimal}, rounded once. Columns longer than one {@link DoubleBlocks} block, counts in the same bucket,
 * columns in one bucket (the quickselect fallback), zeros of both signs, repeated, clipped and zero counts.
 */
class LargestSumsTest {

    private static DoubleBlocks column(double[] values) {
        DoubleBlocks column = new DoubleBlocks();
        column.append(values, 0, values.length);
        return column;
    }

    private static void assertSums(double[] values, int[] counts) {
        double[] sums = LargestSums.of(column(values), counts);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        for (int c = 0; c < counts.length; c++) {
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = n - Math.max(0, Math.min(n, counts[c])); i < n; i++) exact = exact.add(new BigDecimal(sorted[i]));
            assertEquals(exact.doubleValue(), sums[c], "n " + n + ", largest " + counts[c]);
        }
    }

    @Test
    void sumsMatchTheSortedTailOverSeveralBlocks() {
        Random random = new Random(5);
        double[] values = new double[100_001];
        for (int i = 0; i < values.length; i++) values[i] = -Math.log(random.nextDouble()) * 3; // loss-like spread
        assertSums(values, new int[] {1_001, 5_001, 1, 100_001, 2, 5, 10, 20, 50_000, 99_999, 100_000});
    }

    @Test
    void awkwardSizesWithRepeatedClippedAndZeroCounts() {
        Random random = new Random(14);
        for (int n : new int[] {0, 1, 2, 3, 17, 1_000, 4_097, 40_000}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // ties, zeros of both signs and magnitudes from 2^-40 to 2^40
                int kind = random.nextInt(5);
                values[i] = kind == 0 ? random.nextInt(3) : kind == 1 ? -0.0 : Math.scalb(random.nextDouble(), random.nextInt(80) - 40);
            }
            assertSums(values, new int[] {n, 0, n / 2, 1, n / 2, n + 5, Math.max(0, n - 1), n / 7, -3});
        }
    }

    @Test
    void manyCountsWithinOneBucketAndColumnsInOneBucket() {
        Random random = new Random(9);
        double[] narrow = new double[50_000]; // all in [1, 1 + 1/64): one bucket, so the selection within it decides
        for (int i = 0; i < narrow.length; i++) narrow[i] = 1 + random.nextDouble() / 64;
        assertSums(narrow, new int[] {1, 2, 3, 500, 501, 25_000, 49_999, 50_000});
        double[] equal = new double[40_000];
        Arrays.fill(equal, 0.1);
        assertSums(equal, new int[] {1, 39_999, 40_000, 7});
        double[] zeros = new double[33_000];
        zeros[32_999] = -0.0;
        assertSums(zeros, new int[] {1, 33_000});
        assertEquals(0.0, LargestSums.of(column(zeros), new int[] {33_000})[0]); // +0.0, as ExactSum gives
    }

    @Test
    void subnormalsAndTheLargestFiniteValues() {
        double[] values = {Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MAX_VALUE / 4, Double.MAX_VALUE / 8, 0.0, 1.0};
        assertSums(values, new int[] {1, 2, 3, 4, 5, 6});
    }

    @Test
    void rejectsWhatTheCallerMustNotPass() {
        for (double bad : new double[] {-1.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LargestSums.of(column(new double[] {1.0, bad}), new int[] {1}));
            assertEquals("not a finite value >= 0: " + bad, e.getMessage());
        }
    }
}
