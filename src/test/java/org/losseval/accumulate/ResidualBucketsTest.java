package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ResidualBuckets} with its fallback maps against a brute-force reference computed from the rows
 * themselves: per residual bucket the row count, and per (loss, residual bucket, contribution exponent) the
 * exact sum of the contributions that are finite and &gt; 0, in {@link BigDecimal}. Rows mix smooth losses
 * (one exponent per bucket, the fast path) with weighted ones (many exponents per bucket, the fallback), and
 * zeros, negatives and infinities (left out of the sums but counted).
 */
class ResidualBucketsTest {
    private static final int LOSSES = 3;

    /** residual[i] and contribution[l][i] of n rows. */
    private record Rows(double[] residual, double[][] contribution) {
        int size() { return residual.length; }
    }

    private static Rows rows(long seed, int n) {
        Random random = new Random(seed);
        double[] residual = new double[n];
        double[][] contribution = new double[LOSSES][n];
        for (int i = 0; i < n; i++) {
            double r = random.nextGaussian() * (random.nextInt(50) == 0 ? 1e6 : 3);
            if (random.nextInt(100) == 0) r = 0.0;
            residual[i] = r;
            contribution[0][i] = r * r + 0.0; // smooth: mostly one exponent per residual bucket
            contribution[1][i] = Math.abs(r) * Math.scalb(1 + random.nextDouble(), random.nextInt(40) - 20); // weighted
            contribution[2][i] = switch (random.nextInt(30)) {
                case 0 -> -1.0;
                case 1 -> Double.POSITIVE_INFINITY;
                case 2 -> Double.NaN;
                case 3 -> 0.0;
                case 4 -> Double.MIN_VALUE * random.nextInt(100);
                default -> 0.9 * Math.abs(r);
            };
        }
        return new Rows(residual, contribution);
    }

    /** The maps a summary holds on the residual side. */
    private static final class Maps {
        final ResidualBuckets buckets;
        final BucketPages leftOut = new BucketPages(true);
        final BucketPages[] byResidual = new BucketPages[LOSSES];

        Maps(int maxPages) {
            buckets = new ResidualBuckets(LOSSES, maxPages);
            for (int l = 0; l < LOSSES; l++) byResidual[l] = new BucketPages(false);
        }

        void add(Rows rows, int from, int to, int[] sharedWith) {
            int[] own = new int[LOSSES];
            int count = 0;
            for (int l = 0; l < LOSSES; l++) if (sharedWith[l] == l) own[count++] = l;
            buckets.addRows(rows.residual(), rows.contribution(), from, to, own, count, leftOut, byResidual);
        }

        void combine(Maps other, int[] otherSharedWith, int[] sharedWith) {
            for (int l = 0; l < LOSSES; l++) {
                if (sharedWith[l] == l) byResidual[l].combine(other.byResidual[otherSharedWith[l]]);
            }
            leftOut.combine(other.leftOut);
            buckets.combine(other.buckets, otherSharedWith, sharedWith, leftOut, byResidual);
        }

        Map<Long, Long> counts() {
            BucketSums counts = leftOut.toBucketSums();
            buckets.addCountsTo(counts);
            Map<Long, Long> map = new HashMap<>();
            for (int s : counts.slotsByKey()) map.put(counts.key(s), counts.count(s));
            return map;
        }

        Map<Long, BigDecimal> sums(int loss) {
            BucketSums sums = byResidual[loss].toBucketSums();
            buckets.addSumsTo(sums, loss);
            Map<Long, BigDecimal> map = new HashMap<>();
            for (int s : sums.slotsByKey()) {
                if (sums.exactSum(s).signum() != 0) map.put(sums.key(s), sums.exactSum(s));
            }
            return map;
        }
    }

    private static Map<Long, Long> referenceCounts(Rows rows) {
        Map<Long, Long> counts = new HashMap<>();
        for (double r : rows.residual()) counts.merge(BucketKeys.key(r), 1L, Long::sum);
        return counts;
    }

    private static Map<Long, BigDecimal> referenceSums(Rows rows, int loss) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            double x = rows.contribution()[loss][i];
            if (!(x > 0 && x < Double.POSITIVE_INFINITY)) continue;
            long exponent = Double.doubleToRawLongBits(x) >>> 52;
            sums.merge(ContributionSummary.residualKey(BucketKeys.key(rows.residual()[i]), exponent), new BigDecimal(x),
                    BigDecimal::add);
        }
        return sums;
    }

    private static void assertMatchesReference(Rows rows, Maps maps, String what) {
        assertEquals(referenceCounts(rows), maps.counts(), what + ": counts");
        for (int l = 0; l < LOSSES; l++) {
            Map<Long, BigDecimal> expected = referenceSums(rows, l);
            Map<Long, BigDecimal> actual = maps.sums(l);
            assertEquals(expected.keySet(), actual.keySet(), what + ": buckets of loss " + l);
            for (Map.Entry<Long, BigDecimal> e : expected.entrySet()) {
                assertEquals(0, e.getValue().compareTo(actual.get(e.getKey())),
                        what + ": loss " + l + " bucket " + e.getKey() + ": " + e.getValue() + " != " + actual.get(e.getKey()));
            }
        }
    }

    private static final int[] OWN = {0, 1, 2};

    @Test
    void aBucketsSumCarriesOutOfItsLowWordExactly() {
        // A bucket's sum of a loss keeps a low word in [0, 2^63) and counts its carries above the tag: thousands of
        // rows of one residual bucket whose contributions have the largest significands of their binade carry
        // every 2^10 rows or so; in pieces, combined into a map with sums of its own, they carry there too.
        int n = 20_000;
        Rows rows = new Rows(new double[n], new double[LOSSES][n]);
        for (int i = 0; i < n; i++) {
            rows.residual()[i] = 1.0 + (i % 3) * 0x1p-52; // one residual bucket
            rows.contribution()[0][i] = Math.nextDown(2.0); // the largest significand of [1, 2)
            rows.contribution()[1][i] = 0x1.fffffffffffffp1000 - (i % 5) * 0x1p950;
            rows.contribution()[2][i] = i % 2 == 0 ? Math.nextDown(1.0) : 0.75; // [0.5, 1), two significands
        }
        Maps whole = new Maps(64);
        whole.add(rows, 0, n, OWN);
        assertMatchesReference(rows, whole, "one map");
        Maps first = new Maps(64);
        Maps second = new Maps(64);
        first.add(rows, 0, 7_000, OWN);
        second.add(rows, 7_000, n, OWN);
        first.combine(second, OWN, OWN);
        assertMatchesReference(rows, first, "two maps combined");
    }

    @Test
    void oneMapGivesTheCountsAndExactSumsOfTheRowsWithinAndBeyondItsPages() {
        Rows rows = rows(1, 40_000);
        for (int maxPages : new int[] {1000, 3, 0}) {
            Maps maps = new Maps(maxPages);
            maps.add(rows, 0, rows.size(), OWN);
            assertTrue(maps.buckets.pages() <= maxPages, "pages within the bound");
            assertTrue(maps.byResidual[1].pages() > 0, "the weighted loss's other exponents in its own map");
            assertMatchesReference(rows, maps, "max pages " + maxPages);
        }
    }

    @Test
    void anySplitCombinedInAnyOrderHoldsTheSameAsTheWhole() {
        Rows rows = rows(2, 30_000);
        Random random = new Random(3);
        for (int trial = 0; trial < 6; trial++) {
            int cut = 1 + random.nextInt(rows.size() - 1);
            int maxPages = trial % 3 == 0 ? 4 : 1000; // some with pages beyond the bound, here or in a half
            Maps first = new Maps(maxPages);
            Maps second = new Maps(trial % 3 == 1 ? 4 : 1000);
            first.add(rows, 0, cut, OWN);
            second.add(rows, cut, rows.size(), OWN);
            Maps into = new Maps(maxPages);
            if (trial % 2 == 0) {
                into.combine(second, OWN, OWN);
                into.combine(first, OWN, OWN);
            } else {
                into.combine(first, OWN, OWN);
                into.combine(second, OWN, OWN);
            }
            assertMatchesReference(rows, into, "cut " + cut + " max pages " + maxPages);
        }
    }

    @Test
    void aSharedLossReadsItsHolderAndACopyGoesOnAlone() {
        // Loss 2 shares loss 0's figures for the first part of the rows, as ContributionState shares equal row
        // losses: it holds nothing until the copy, then takes its own rows.
        Rows rows = rows(4, 20_000);
        Rows same = new Rows(rows.residual(), new double[][] {rows.contribution()[0], rows.contribution()[1],
                rows.contribution()[0]});
        int cut = 12_345;
        Maps maps = new Maps(1000);
        int[] shared = {0, 1, 0};
        maps.add(same, 0, cut, shared);
        maps.buckets.copyLoss(0, 2);
        maps.byResidual[2].combine(maps.byResidual[0]);
        maps.add(rows, cut, rows.size(), OWN);
        Rows expected = new Rows(rows.residual(), new double[][] {rows.contribution()[0], rows.contribution()[1],
                concat(rows.contribution()[0], rows.contribution()[2], cut)});
        assertMatchesReference(expected, maps, "copied at row " + cut);

        // Combining a state that still shares into one that does not: the holder's sums go to the own loss.
        Maps sharing = new Maps(1000);
        sharing.add(same, 0, cut, shared);
        Maps alone = new Maps(1000);
        alone.add(rows, cut, rows.size(), OWN);
        alone.combine(sharing, shared, OWN);
        assertMatchesReference(expected, alone, "combined from a sharing state");
    }

    private static double[] concat(double[] head, double[] tail, int cut) {
        double[] all = tail.clone();
        System.arraycopy(head, 0, all, 0, cut);
        return all;
    }
}
