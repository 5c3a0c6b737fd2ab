package org.losseval.accumulate;

/**
 * Log-scale buckets of doubles, the grid of the bounded summaries used beyond the exact-memory budget.
 *
 * <p>A double's bits are mapped to a signed long that orders like the doubles themselves
 * ({@link #sortable}); shifting that right by {@code 52 - }{@value #SUB_BUCKET_BITS} keeps the sign, the
 * exponent and the top {@value #SUB_BUCKET_BITS} significand bits. So every binade [2<sup>e</sup>,
 * 2<sup>e+1</sup>) is cut into 2<sup>{@value #SUB_BUCKET_BITS}</sup> buckets, and the values of one
 * normal-range bucket differ by a factor of at most 1 + 2<sup>-{@value #SUB_BUCKET_BITS}</sup>
 * (&lt; 0.4%). The key of a value is exact bit arithmetic: no logarithm, no rounding, the same on every
 * machine. Keys order like the values, and all values of one bucket share one exponent.
 */
final class BucketKeys {
    /** Significand bits kept in a key: the relative width of a bucket is at most 2^-8. */
    static final int SUB_BUCKET_BITS = 8;
    /** The guaranteed relative width of a bucket of normal doubles. */
    static final double RELATIVE_WIDTH = 0x1p-8;
    private static final int SHIFT = 52 - SUB_BUCKET_BITS;

    private BucketKeys() {}

    /** A long that orders like the double (negative zero just below positive zero). */
    static long sortable(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double fromSortable(long s) {
        return Double.longBitsToDouble(s ^ ((s >> 63) & Long.MAX_VALUE));
    }

    /** The bucket of a non-NaN value. */
    static long key(double x) {
        return sortable(x) >> SHIFT;
    }

    /** The smallest value of a bucket (-Inf for the bucket of -Inf, whose other bit patterns are NaN). */
    static double lowest(long key) {
        double x = fromSortable(key << SHIFT);
        return Double.isNaN(x) ? Double.NEGATIVE_INFINITY : x;
    }

    /** The largest value of a bucket (+Inf for the bucket of +Inf, whose other bit patterns are NaN). */
    static double highest(long key) {
        double x = fromSortable((key << SHIFT) | ((1L << SHIFT) - 1));
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
    }
}
