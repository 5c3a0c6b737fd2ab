package org.losseval.accumulate;

import java.util.Arrays;

/**
 * Selects the k-th smallest value of an array in linear expected time (Hoare's quickselect with a
 * median-of-three pivot), reordering the array so that every value before index k is no greater and every
 * value after it no smaller, in {@link Double#compare} order (NaN last, -0.0 before 0.0).
 *
 * <p>Why not sort: the median, the MAD and the top-fraction shares of ten million rows need one order
 * statistic each; a full sort costs about a second per array, a selection a few tens of milliseconds.
 * After too many unbalanced partitions the remaining range is sorted, so the worst case stays O(n log n).
 */
final class Selection {
    private Selection() {}

    /** Reorders {@code values} as described and returns the k-th smallest (0-based). */
    static double select(double[] values, int k) {
        if (k < 0 || k >= values.length) throw new IndexOutOfBoundsException("k = " + k + ", length = " + values.length);
        int low = 0;
        int high = values.length - 1;
        int budget = 2 * (64 - Long.numberOfLeadingZeros(values.length)) + 8;
        while (high > low) {
            if (--budget < 0) {
                Arrays.sort(values, low, high + 1);
                return values[k];
            }
            double pivot = medianOfThree(values, low, (low + high) >>> 1, high);
            int i = low;
            int j = high;
            while (i <= j) {
                while (Double.compare(values[i], pivot) < 0) i++;
                while (Double.compare(values[j], pivot) > 0) j--;
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    /** The median: the middle value, or the mean of the two middle ones for an even count. Reorders. */
    static double median(double[] values) {
        int mid = values.length / 2;
        double upper = select(values, mid);
        if (values.length % 2 == 1) return upper;
        double lower = values[0];
        for (int i = 1; i < mid; i++) {
            if (Double.compare(values[i], lower) > 0) lower = values[i];
        }
        return lower / 2 + upper / 2;
    }

    /** Reorders {@code values} so that its largest m values are at the end, and returns their exact sum. */
    static double sumOfLargest(double[] values, int m) {
        if (m <= 0) return 0.0;
        int from = values.length - m;
        if (from > 0) select(values, from);
        ExactSum sum = new ExactSum();
        for (int i = Math.max(from, 0); i < values.length; i++) sum.add(values[i]);
        return sum.value();
    }

    private static double medianOfThree(double[] v, int a, int b, int c) {
        double x = v[a];
        double y = v[b];
        double z = v[c];
        if (Double.compare(x, y) > 0) { double t = x; x = y; y = t; }
        if (Double.compare(y, z) > 0) { y = z; }
        return Double.compare(x, y) > 0 ? x : y;
    }
}
