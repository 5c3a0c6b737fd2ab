package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BucketPages} against the hashed {@link BucketSums} given the same values (the map it replaces on
 * the summaries' hot path), and each bucket's exact sum against {@link BigDecimal} arithmetic.
 */
class BucketPagesTest {
    /** Values of both signs over many binades, with zeros, subnormals and the extremes. */
    private static double[] values(Random random, int n, int binades) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(20)) {
                case 0 -> v[i] = 0.0;
                case 1 -> v[i] = Double.MIN_VALUE * random.nextInt(1000);
                case 2 -> v[i] = Double.MAX_VALUE;
                default -> v[i] = Math.scalb(1 + random.nextDouble(), random.nextInt(binades) - binades / 2);
            }
            if (random.nextBoolean()) v[i] = -v[i];
        }
        return v;
    }

    private static BucketSums reference(double[] values, int from, int to) {
        BucketSums map = new BucketSums();
        for (int i = from; i < to; i++) map.add(BucketKeys.key(values[i]), values[i]);
        return map;
    }

    private static BucketPages pages(double[] values, int from, int to) {
        BucketPages map = new BucketPages(false);
        for (int i = from; i < to; i++) map.add(BucketKeys.key(values[i]), values[i]);
        return map;
    }

    /** Same keys in order, same counts, same exact sums and same rounded sums. */
    private static void assertSameBuckets(BucketSums expected, BucketSums actual) {
        int[] e = expected.slotsByKey();
        int[] a = actual.slotsByKey();
        assertEquals(e.length, a.length, "buckets");
        for (int i = 0; i < e.length; i++) {
            assertEquals(expected.key(e[i]), actual.key(a[i]), "key " + i);
            assertEquals(expected.count(e[i]), actual.count(a[i]), "count of bucket " + expected.key(e[i]));
            if (expected.exactSum(e[i]).compareTo(actual.exactSum(a[i])) != 0) {
                throw new AssertionError("sum of bucket " + expected.key(e[i]) + ": " + expected.exactSum(e[i])
                        + " != " + actual.exactSum(a[i]));
            }
            assertEquals(Double.doubleToLongBits(expected.sum(e[i])), Double.doubleToLongBits(actual.sum(a[i])));
        }
    }

    @Test
    void equalsTheHashedMapAtAwkwardSizes() {
        Random random = new Random(14);
        for (int n : new int[] {0, 1, 2, 255, 256, 257, 769, 10_000}) {
            double[] v = values(random, n, 80);
            assertSameBuckets(reference(v, 0, n), pages(v, 0, n).toBucketSums());
        }
    }

    @Test
    void aBucketSumIsTheExactSumOfItsValues() {
        // 2^53 + 1 values of one bucket would round in doubles; the 128-bit sum keeps every bit
        double big = 0x1p52 + 1;
        BucketPages map = new BucketPages(false);
        for (int i = 0; i < 1000; i++) map.add(BucketKeys.key(big), big);
        BucketSums sums = map.toBucketSums();
        int slot = sums.slotsByKey()[0];
        assertEquals(0, new BigDecimal(big).multiply(BigDecimal.valueOf(1000)).compareTo(sums.exactSum(slot)));
        assertEquals(1000, sums.count(slot));
    }

    @Test
    void sumsCarryIntoTheHighWordBothWaysAndAcrossACombine() {
        // the largest significand, 10,000 times up and 15,000 times down: the low word leaves [0, 2^63)
        // upwards after ~1,024 additions and downwards below zero on the way back
        double up = Math.nextDown(2.0);
        double down = -Math.nextDown(2.0); // another page (sign) for BucketKeys, so one key for both below
        long key = BucketKeys.key(up);
        BucketPages map = new BucketPages(false);
        BucketPages other = new BucketPages(false);
        BucketSums reference = new BucketSums();
        for (int i = 0; i < 25_000; i++) {
            double x = i < 10_000 ? up : down;
            (i % 3 == 0 ? other : map).add(key, x);
            reference.add(key, x);
        }
        map.combine(other);
        assertSameBuckets(reference, map.toBucketSums());
        BucketSums sums = map.toBucketSums();
        BigDecimal expected = new BigDecimal(up).multiply(BigDecimal.valueOf(10_000 - 15_000));
        assertEquals(0, expected.compareTo(sums.exactSum(sums.slotsByKey()[0])));
    }

    @Test
    void beyondThePageCapFurtherPagesGoToTheHashedMapAndNothingIsLost() {
        Random random = new Random(15);
        int n = 40_000;
        double[] v = values(random, n, 1800); // ~2 x 1800 binades: far more than MAX_PAGES
        BucketPages map = pages(v, 0, n);
        assertEquals(BucketPages.MAX_PAGES, map.pages());
        assertSameBuckets(reference(v, 0, n), map.toBucketSums());
    }

    @Test
    void combiningSplitsInAnyOrderEqualsTheWhole() {
        Random random = new Random(16);
        int n = 30_000;
        double[] v = values(random, n, 1500);
        BucketSums whole = reference(v, 0, n);
        for (int cut : new int[] {0, 1, 5_000, 29_999, n}) {
            BucketPages first = pages(v, 0, cut);
            BucketPages second = pages(v, cut, n);
            BucketPages ab = pages(v, 0, cut);
            ab.combine(second);
            second.combine(first);
            assertSameBuckets(whole, ab.toBucketSums());
            assertSameBuckets(whole, second.toBucketSums());
        }
    }

    @Test
    void aCountingMapCountsLikeTheHashedOne() {
        Random random = new Random(17);
        int n = 20_000;
        double[] v = values(random, n, 1300);
        BucketSums expected = new BucketSums();
        BucketPages a = new BucketPages(true);
        BucketPages b = new BucketPages(true);
        for (int i = 0; i < n; i++) {
            expected.count(BucketKeys.key(v[i]));
            (i % 3 == 0 ? a : b).count(BucketKeys.key(v[i]));
        }
        a.combine(b);
        assertSameBuckets(expected, a.toBucketSums());
        assertThrows(IllegalArgumentException.class, () -> a.combine(new BucketPages(false)));
    }

    @Test
    void aValueOfAnotherExponentInOnePageIsRefused() {
        BucketPages map = new BucketPages(false);
        map.add(5L << 8, 1.5);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> map.add(5L << 8 | 1, 3.0));
        assertEquals("mixed exponents under bucket " + (5L << 8 | 1), e.getMessage());
        BucketPages other = new BucketPages(false);
        other.add(5L << 8 | 2, 6.0);
        assertThrows(IllegalStateException.class, () -> map.combine(other));
    }

    @Test
    void pagesFollowTheBinadesSeenNotTheRowCount() {
        BucketPages map = new BucketPages(false);
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double x = 1 + (i % 1000) / 1000.0; // one binade: [1, 2)
            seen.add(x);
            map.add(BucketKeys.key(x), x);
        }
        assertEquals(1, map.pages());
        double[] v = seen.stream().mapToDouble(Double::doubleValue).toArray();
        assertSameBuckets(reference(v, 0, v.length), map.toBucketSums());
        assertTrue(map.toBucketSums().size() <= BucketPages.PAGE);
        assertArrayEquals(new int[0], new BucketPages(false).toBucketSums().slotsByKey());
    }

    @Test
    void addingNonNegativeValuesByTheirOwnBucketEqualsTheHashedMap() {
        // the contribution maps' way: values >= 0 of many binades, zeros, -0.0, subnormals and the largest double;
        // enough binades (1,200) that the pages beyond the cap go to the hashed map, runs of them interleaved with
        // add(), and among them values addNonNegatives leaves out (negative, infinite, NaN)
        Random random = new Random(18);
        double[] v = values(random, 60_000, 1_200);
        for (int i = 0; i < v.length; i++) v[i] = i % 97 == 0 ? -0.0 : Math.abs(v[i]);
        double[] leftOut = {-1.0, -Double.MIN_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7FF0000000000001L)};
        double[] given = new double[v.length + v.length / 50 + 1];
        int g = 0;
        for (int i = 0; i < v.length; i++) {
            if (i % 50 == 0) given[g++] = leftOut[(i / 50) % leftOut.length];
            given[g++] = v[i];
        }
        BucketPages map = new BucketPages(false);
        for (int from = 0; from < g; from += 7) {
            int end = Math.min(g, from + 7);
            if ((from / 7) % 5 == 0) {
                for (int i = from; i < end; i++) {
                    double x = given[i];
                    if (x >= 0 && x < Double.POSITIVE_INFINITY) map.add(BucketKeys.key(x), x);
                }
            } else {
                map.addNonNegatives(given, from, end);
            }
        }
        assertEquals(BucketPages.MAX_PAGES, map.pages());
        assertSameBuckets(reference(v, 0, v.length), map.toBucketSums());
    }

    @Test
    void aBucketsSumAddsToAnExactSumExactlyWhateverItsSize() {
        // A bucket's sum is a 128-bit integer times the power of two of its values' exponent; addExactTo gives it to
        // an ExactSum as three exact doubles. Sums of every part (the top 24 bits need 2^51 values of a bucket, so
        // they are made with addRaw), at the smallest exponent (subnormals) and at the largest, negative ones too;
        // reference: the same integer times the same power in BigDecimal (BucketSums.exactSum).
        long[][] sums = {{0, 0}, {1, 0}, {(1L << 52) - 1, 0}, {-1L, 0}, {0x0123456789ABCDEFL, 0x7FL},
                {-7L, (1L << 40) - 1}, {0x5555555555555555L, 0x00AAAAAAAAAAAAAAL}, {3L, -1L}, {0, -(1L << 40)}};
        for (short exponent : new short[] {0, 1, 2, 1023, 1100}) {
            for (long[] sum : sums) {
                BucketSums buckets = new BucketSums();
                buckets.addRaw(5, exponent, 1, sum[0], sum[1]);
                int slot = buckets.slotsByKey()[0];
                ExactSum total = new ExactSum();
                buckets.addExactTo(slot, total);
                BigDecimal expected = buckets.exactSum(slot);
                assertEquals(0, expected.compareTo(total.exact()),
                        "exponent " + exponent + ", sum " + Long.toHexString(sum[1]) + ":" + Long.toHexString(sum[0])
                                + ": " + expected + " against " + total.exact());
            }
        }
    }
}
