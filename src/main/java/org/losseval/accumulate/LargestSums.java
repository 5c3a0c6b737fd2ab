package org.losseval.accumulate;

/**
 * The exact sums of the largest m values of a column of finite values &ge; 0, for several m at once: what the
 * top-fraction shares and the concentration curve of {@link LossConcentration} read (about twenty m a loss).
 *
 * <p>Algorithm: a most-significant-digit radix selection. For a finite x &ge; 0 the bits of {@code x + 0.0}
 * (which makes −0.0 +0.0) are a non-negative long that orders as x does, so the top {@value #DIGIT_BITS} bits
 * (the exponent and the first five significand bits) are a bucket number that orders the values too. One pass
 * counts the values of each bucket; walking the counts down from the top bucket finds, for each m, the bucket
 * that holds the m-th largest value and how many of that bucket's values the m largest take. A second pass
 * copies the values of that bucket and every bucket above the lowest such bucket into one array, grouped by
 * bucket, largest bucket first (a counting sort on the digit). Then a running {@link ExactSum} adds the array
 * from its start: each whole bucket above a boundary once, and within a boundary bucket the largest values that
 * each m takes, found by {@link Selection#select} within that bucket only (a few hundred or thousand values
 * where the values spread over a few binary orders of magnitude, as losses do). Each value is read twice and
 * summed once, with no comparison sort and no data-dependent branch per value.
 *
 * <p>Why not quickselect over the whole column ({@link Selection}, which this replaced): with twenty boundaries
 * it partitioned about twice the column, a mispredicted branch for most values, plus a scan for NaN before every
 * selection: 13% of a 10<sup>6</sup>-row cross-entropy run's CPU (bench README, "CE runs").
 *
 * <p>What it gives: the largest m values of a column are one multiset whatever order the ties come in, and an
 * exact sum of a multiset is one number, so the sums are the same bits as any other exact method's (checked
 * against {@link java.math.BigDecimal} sums of the sorted values in {@code LargestSumsTest}). A column whose
 * values all share one bucket (all equal, or all within 1/32 of a binary order of magnitude) falls back to
 * quickselect over that bucket: correct, as slow as before.
 *
 * <p>Memory: two {@code int[65536]} (512 KiB) and one array of the values copied (at most 8 bytes a row, the
 * "one copy to select in" that {@link RowStore} documents). Stateless.
 */
final class LargestSums {
    /** The top bits of a value's 63-bit key that form its bucket: the 11 exponent bits and 5 significand bits. */
    static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int SHIFT = 63 - DIGIT_BITS;
    /** The bits of +Inf: a key at or above it (unsigned) is not a finite value &ge; 0. */
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private LargestSums() {}

    /**
     * The exact sums of the largest {@code counts[i]} values of {@code column}, for every i (counts may repeat and
     * come in any order; they are clipped to the column's size, and a count below 1 gives 0).
     *
     * @throws IllegalArgumentException if a value is negative, NaN or infinite (the caller knows there is none:
     *                                  such a value makes the shares undefined, see {@link LossConcentration})
     */
    static double[] of(DoubleBlocks column, int[] counts) {
        long size = column.size();
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(size + " values for one array");
        int n = (int) size;
        double[] block = new double[DoubleBlocks.BLOCK];
        int[] bucketCounts = new int[BUCKETS];
        for (int b = 0; b < column.blocks(); b++) {
            int fill = column.copyBlock(b, block);
            for (int i = 0; i < fill; i++) bucketCounts[bucket(block[i])]++;
        }
        int[] clipped = new int[counts.length];
        for (int i = 0; i < counts.length; i++) clipped[i] = Math.max(0, Math.min(counts[i], n));
        int[] ascending = clipped.clone();
        java.util.Arrays.sort(ascending);
        // Each count's boundary bucket, walking down from the top bucket; the lowest one bounds the copy.
        int[] boundary = new int[ascending.length];
        int lowest = BUCKETS;
        int above = 0;
        int bucket = BUCKETS - 1;
        for (int j = 0; j < ascending.length; j++) {
            if (ascending[j] == 0) continue;
            while (above + bucketCounts[bucket] < ascending[j]) above += bucketCounts[bucket--];
            boundary[j] = bucket;
            lowest = bucket;
        }
        if (lowest == BUCKETS) return new double[counts.length]; // no count above 0
        // Where each bucket's values go in the copy: largest bucket first; buckets below the lowest boundary go
        // to one slot past the end, overwritten, so the copy loop needs no branch.
        int[] next = new int[BUCKETS];
        int copied = 0;
        for (int d = BUCKETS - 1; d >= lowest; d--) {
            next[d] = copied;
            copied += bucketCounts[d];
        }
        int[] start = next.clone();
        for (int d = lowest - 1; d >= 0; d--) next[d] = copied;
        double[] values = new double[copied + 1];
        for (int b = 0; b < column.blocks(); b++) {
            int fill = column.copyBlock(b, block);
            for (int i = 0; i < fill; i++) {
                double v = block[i];
                int d = bucket(v);
                int at = next[d];
                values[at] = v;
                next[d] = at + (d >= lowest ? 1 : 0);
            }
        }
        double[] sumOf = new double[ascending.length];
        ExactSum running = new ExactSum(); // the values[0, summedTo): whole buckets above the current boundary
        int summedTo = 0;
        for (int j = 0; j < ascending.length; ) {
            if (ascending[j] == 0) {
                j++;
                continue;
            }
            int d = boundary[j];
            int from = start[d];
            int to = from + bucketCounts[d];
            running.addAll(values, summedTo, from);
            summedTo = from;
            int last = j;
            while (last + 1 < ascending.length && boundary[last + 1] == d) last++;
            sumsInBucket(values, from, to, ascending, j, last, running, sumOf);
            j = last + 1;
        }
        double[] sums = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            sums[i] = clipped[i] == 0 ? 0.0 : sumOf[java.util.Arrays.binarySearch(ascending, clipped[i])];
        }
        return sums;
    }

    /**
     * For the counts {@code ascending[first..last]} (ascending, all bounded by bucket {@code values[from, to)}, with
     * the {@code from} values before it all larger), sumOf[j] = the running sum (those values) plus the largest
     * {@code ascending[j] − from} values of the bucket. Selections from the largest take inwards, each within
     * the previous one's values, then one local sum that passes each take's boundary.
     */
    private static void sumsInBucket(double[] values, int from, int to, int[] ascending, int first, int last,
                                     ExactSum running, double[] sumOf) {
        int low = from;
        for (int j = last; j >= first; j--) {
            int takeFrom = to - (ascending[j] - from);
            if (takeFrom > low) Selection.select(values, low, to - 1, takeFrom);
            low = Math.max(low, takeFrom);
        }
        ExactSum local = new ExactSum();
        int localFrom = to;
        for (int j = first; j <= last; j++) {
            int takeFrom = to - (ascending[j] - from);
            if (takeFrom < localFrom) {
                local.addAll(values, takeFrom, localFrom);
                localFrom = takeFrom;
            }
            ExactSum both = new ExactSum();
            both.combine(running);
            both.combine(local);
            sumOf[j] = both.value();
        }
    }

    /** The bucket of a finite x &ge; 0: the top bits of its key. */
    private static int bucket(double x) {
        long key = Double.doubleToRawLongBits(x + 0.0);
        if (Long.compareUnsigned(key, INFINITY_BITS) >= 0) {
            throw new IllegalArgumentException("not a finite value >= 0: " + x);
        }
        return (int) (key >>> SHIFT);
    }
}
