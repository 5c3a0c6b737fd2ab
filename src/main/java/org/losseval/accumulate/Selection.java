package org.losseval.accumulate;

import java.util.Arrays;

/**
 * Selects the k-th smallest value of an array in linear expected time (Hoare's quickselect with a
 * median-of-three pivot), reordering the array so that every value before index k is no greater and every
 * value after it no smaller.
 *
 * <p>Why not sort: the median, the MAD and the top-fraction shares of ten million rows need one order
 * statistic each; a full sort costs about a second per array, a selection a few tens of milliseconds.
 * After too many unbalanced partitions the remaining range is sorted, so the worst case stays O(n log n).
 * Comparisons are plain {@code <} and {@code >}: an array holding NaN is sorted instead (NaN last), and
 * -0.0 and 0.0 count as equal, which changes no sum, and {@link #median} returns a zero as +0.0.
 */
final class Selection {
    private Selection() {}

    /** Reorders {@code values} as described and returns the k-th smallest (0-based). */
    static double select(double[] values, int k) {
        return select(values, 0, values.length - 1, k);
    }

    /** The same within {@code values[low..high]}, which must contain k; the rest of the array is not touched. */
    static double select(double[] values, int low, int high, int k) {
        if (k < low || k > high) throw new IndexOutOfBoundsException("k = " + k + " outside [" + low + ", " + high + "]");
        if (hasNaN(values, low, high)) {
            Arrays.sort(values, low, high + 1);
            return values[k];
        }
        int budget = 2 * (64 - Long.numberOfLeadingZeros(high - low + 1L)) + 8;
        while (high > low) {
            if (--budget < 0) {
                Arrays.sort(values, low, high + 1);
                return values[k];
            }
            double pivot = medianOfThree(values[low], values[(low + high) >>> 1], values[high]);
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
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

    /**
     * The median: the middle value, or the mean of the two middle ones for an even count. Reorders. A zero
     * median is +0.0: -0.0 and +0.0 compare equal here, so which of them lands in the middle depends on
     * the order of the values, and a median must not depend on how rows were split or merged.
     */
    static double median(double[] values) {
        int mid = values.length / 2;
        double upper = select(values, mid);
        if (values.length % 2 == 1) return upper + 0.0;
        double lower = values[0];
        for (int i = 1; i < mid; i++) {
            if (values[i] > lower || Double.isNaN(values[i])) lower = values[i];
        }
        return lower / 2 + upper / 2 + 0.0;
    }

    private static boolean hasNaN(double[] values, int low, int high) {
        for (int i = low; i <= high; i++) {
            if (values[i] != values[i]) return true;
        }
        return false;
    }

    private static double medianOfThree(double x, double y, double z) {
        if (x > y) { double t = x; x = y; y = t; }
        if (y > z) { y = z; }
        return x > y ? x : y;
    }
}
