package org.losseval.accumulate;

import org.losseval.report.OutlierResult;
import org.losseval.report.Range;
import java.util.Arrays;

/**
 * The bounded summary a {@link RowStore} folds its rows into beyond its memory budget: sparse log-bucket
 * maps ({@link BucketKeys}, relative bucket width at most 2<sup>-8</sup>), each with exact counts and exact
 * sums ({@link BucketSums}), so merging is exact and the result does not depend on the order of rows or
 * merges.
 * <ul>
 *   <li>per loss, contribution bucket &rarr; count and sum: gives the worst-fraction sums as brackets
 *       ({@link #largestSum}, read by {@link LossConcentration});</li>
 *   <li>only when the run has residuals: residual bucket &rarr; row count, which gives the median and the
 *       MAD as brackets, and per loss (residual bucket, contribution exponent) &rarr; sum, which gives the
 *       outliers' part of each loss ({@link #outliers}, {@link #outlierSum}, read by
 *       {@link ResidualOutliers}). Both are kept in one map for all losses, one lookup per row
 *       ({@link ResidualBuckets}), with per-loss maps for the values it cannot take.</li>
 * </ul>
 * Per row: one addition to each loss's contribution map and one to the residual map (five for five losses
 * of which two share, against eight before the residual map; 34 to 36 ns a row for four losses, in-process:
 * {@code SummaryTiming} in the test tree, src/bench/README.md).
 *
 * <p>Error bounds. The sum of the worst m rows is exact for every bucket above the one holding the m-th
 * worst row; from that boundary bucket (c rows, sum S, values in [lo, hi], hi &le; lo(1 + 2<sup>-8</sup>))
 * the r rows still needed add between max(rS/c, S - (c - r)hi) and min(r hi, S - (c - r)lo). So the bracket
 * is at most 2<sup>-8</sup> (0.39%) of the share wide, and usually far narrower. The median and the MAD are
 * brackets from the bucket bounds (each residual is placed within 2<sup>-8</sup> of its magnitude);
 * outlier counts and shares bracket the rows whose residual bucket straddles the threshold band.
 *
 * <p>Memory: the contribution maps and the fallbacks are {@link BucketPages}: 6 KiB per binade a map has seen
 * (2 KiB for the residual counts), at most {@value BucketPages#MAX_PAGES} binades per map before further ones
 * go to a hashed map at 35 to 70 bytes per bucket; the residual map 2 KiB &times; (1 + 2 &times; losses) per
 * residual binade, at most {@link ResidualBuckets#MAX_BYTES} (8 MiB); the size grows with the spread of the
 * values, not with the row count. The
 * figures read a hashed copy ({@link BucketSums}, same buckets and sums), made once per change.
 * Contributions must be finite and non-negative (the store keeps the others out).
 */
final class ContributionSummary {
    /** Bits of the contribution exponent in a (residual bucket, exponent) key. */
    private static final int EXPONENT_BITS = 11;
    private static final int SUB_BUCKET_MASK = (1 << BucketKeys.SUB_BUCKET_BITS) - 1;

    private final BucketPages[] contributions;
    /**
     * The residual maps, or all null when the run has no residuals: {@code byBucket} holds each residual
     * bucket's row count and every loss's sum in one map (one lookup per row); {@code residuals} counts the
     * rows it leaves out (binades beyond its memory bound), and {@code byResidual} holds, per loss, the values
     * it leaves out, by (residual bucket, exponent) ({@link ResidualBuckets}).
     */
    private final ResidualBuckets byBucket;
    private final BucketPages residuals;
    private final BucketPages[] byResidual;
    /** The maps in the hashed form the figures read, made on the first read after a change; null until then. */
    private transient BucketSums[] readContributions;
    private transient int[][] readContributionSlots;
    private transient BucketSums readResiduals;
    private transient BucketSums[] readByResidual;

    ContributionSummary(int losses, boolean withResiduals) {
        contributions = new BucketPages[losses];
        for (int l = 0; l < losses; l++) contributions[l] = new BucketPages(false);
        byBucket = withResiduals ? new ResidualBuckets(losses) : null;
        residuals = withResiduals ? new BucketPages(true) : null;
        byResidual = withResiduals ? new BucketPages[losses] : null;
        if (withResiduals) {
            for (int l = 0; l < losses; l++) byResidual[l] = new BucketPages(false);
        }
    }

    /**
     * Adds rows {@code [from, from + n)}: each residual (when the summary has them) and each contribution that
     * is finite and &ge; +0.0 (the others are left out, see the class comment). One map at a time, so that the
     * pages of one map stay in the cache while a batch goes through it; the residual side is one map.
     *
     * @param residual     the rows' residuals, or null exactly when the summary has none
     * @param contribution {@code contribution[l][from + i]}: row i's contribution to loss l
     * @param sharedWith   per loss, the loss whose maps hold its figures ({@link ContributionState}); only the
     *                     losses that hold their own are read and added
     */
    void addRows(double[] residual, double[][] contribution, int from, int n, int[] sharedWith) {
        changed();
        int end = from + n;
        for (int l = 0; l < contributions.length; l++) {
            if (sharedWith[l] == l) contributions[l].addNonNegatives(contribution[l], from, end);
        }
        if (residual == null) return;
        int[] own = new int[contributions.length];
        int ownCount = 0;
        for (int l = 0; l < contributions.length; l++) {
            if (sharedWith[l] == l) own[ownCount++] = l;
        }
        byBucket.addRows(residual, contribution, from, end, own, ownCount, residuals, byResidual);
    }

    /**
     * The key of a (residual bucket, contribution exponent) pair, laid out for {@link BucketPages}: the
     * residual's sign and exponent, then the contribution's exponent, then the residual's sub-bucket bits
     * lowest, so one page is one residual binade with one contribution exponent.
     */
    static long residualKey(long residualBucket, long exponent) {
        return (residualBucket >> BucketKeys.SUB_BUCKET_BITS << (EXPONENT_BITS + BucketKeys.SUB_BUCKET_BITS))
                | (exponent << BucketKeys.SUB_BUCKET_BITS) | (residualBucket & SUB_BUCKET_MASK);
    }

    /** The residual bucket of a {@link #residualKey}. */
    private static long residualBucket(long key) {
        return (key >> (EXPONENT_BITS + BucketKeys.SUB_BUCKET_BITS) << BucketKeys.SUB_BUCKET_BITS) | (key & SUB_BUCKET_MASK);
    }

    /**
     * Adds another summary of the same losses and residual layout (the store checks that): to each loss l that
     * holds its own maps here, the other summary's loss {@code otherSharedWith[l]}.
     */
    void combine(ContributionSummary other, int[] otherSharedWith, int[] sharedWith) {
        changed();
        for (int l = 0; l < contributions.length; l++) {
            if (sharedWith[l] != l) continue;
            contributions[l].combine(other.contributions[otherSharedWith[l]]);
            if (residuals != null) byResidual[l].combine(other.byResidual[otherSharedWith[l]]);
        }
        if (residuals != null) {
            residuals.combine(other.residuals);
            byBucket.combine(other.byBucket, otherSharedWith, sharedWith, residuals, byResidual);
        }
    }

    /** Makes loss {@code to}'s maps a copy of loss {@code from}'s (a loss that stops sharing). */
    void copyLoss(int from, int to) {
        changed();
        contributions[to] = new BucketPages(false);
        contributions[to].combine(contributions[from]);
        if (residuals != null) {
            byResidual[to] = new BucketPages(false);
            byResidual[to].combine(byResidual[from]);
            byBucket.copyLoss(from, to);
        }
    }

    private void changed() {
        readContributions = null;
        readContributionSlots = null;
        readResiduals = null;
        readByResidual = null;
    }

    /** The maps in their hashed form, made once per change of the summary. */
    private void prepareRead() {
        if (readContributions != null) return;
        BucketSums[] byValue = new BucketSums[contributions.length];
        int[][] slots = new int[contributions.length][];
        for (int l = 0; l < byValue.length; l++) {
            byValue[l] = contributions[l].toBucketSums();
            slots[l] = byValue[l].slotsByKey();
        }
        readContributionSlots = slots;
        if (residuals != null) {
            readByResidual = new BucketSums[byResidual.length];
            for (int l = 0; l < byResidual.length; l++) {
                readByResidual[l] = byResidual[l].toBucketSums();
                byBucket.addSumsTo(readByResidual[l], l);
            }
            BucketSums counts = residuals.toBucketSums();
            byBucket.addCountsTo(counts);
            readResiduals = counts;
        }
        readContributions = byValue;
    }

    /**
     * Adds to {@code total} the exact sum of a loss's contributions below {@code below}, a power of two of at
     * most 2<sup>900</sup> (its buckets lie wholly below it or wholly above): each bucket's exact sum, as
     * exact doubles ({@link BucketSums#addExactTo}).
     */
    void addTotalTo(int loss, ExactSum total, double below) {
        prepareRead();
        BucketSums buckets = readContributions[loss];
        for (int s : readContributionSlots[loss]) {
            if (BucketKeys.lowest(buckets.key(s)) < below) buckets.addExactTo(s, total);
        }
    }

    /** A bracket of the sum of the m largest contributions to a loss (m at most the rows summarized). */
    Range largestSum(int loss, long m) {
        prepareRead();
        BucketSums buckets = readContributions[loss];
        int[] slots = readContributionSlots[loss];
        ExactSum full = new ExactSum();
        long taken = 0;
        for (int i = slots.length - 1; i >= 0 && taken < m; i--) {
            int s = slots[i];
            long c = buckets.count(s);
            double sum = buckets.sum(s);
            if (taken + c <= m) {
                full.add(sum);
                taken += c;
                continue;
            }
            long r = m - taken;
            double lo = BucketKeys.lowest(buckets.key(s));
            double hi = BucketKeys.highest(buckets.key(s));
            double low = Math.max(r * (sum / c), sum - (c - r) * hi);
            double high = Math.min(r * hi, sum - (c - r) * lo);
            double exact = full.value();
            return new Range(exact + low, exact + high);
        }
        return Range.of(full.value());
    }

    /** The median and MAD brackets, the threshold bracket and the outlier count bracket. */
    Outliers outliers(double factor) {
        prepareRead();
        BucketSums residuals = readResiduals;
        int[] slots = residuals.slotsByKey();
        long n = 0;
        long[] counts = new long[slots.length];
        double[] lows = new double[slots.length];
        double[] highs = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            counts[i] = residuals.count(slots[i]);
            lows[i] = BucketKeys.lowest(residuals.key(slots[i]));
            highs[i] = BucketKeys.highest(residuals.key(slots[i]));
            n += counts[i];
        }
        // Bucket bounds are sorted like the buckets, so the median of the bounds brackets the median.
        Range median = new Range(countedMedian(lows, counts, n), countedMedian(highs, counts, n));
        double[] nearest = new double[slots.length];
        double[] farthest = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            nearest[i] = OutlierResult.nearestDistance(lows[i], highs[i], median);
            farthest[i] = Math.max(highs[i] - median.low(), median.high() - lows[i]);
        }
        // The median is monotone in every value, so medians of the distance bounds bracket the MAD.
        Range mad = new Range(sortedWeightedMedian(nearest, counts, n), sortedWeightedMedian(farthest, counts, n));
        double scale = factor * OutlierResult.NORMAL_MAD_SCALE;
        Range threshold = new Range(scale * mad.low(), scale * mad.high());
        long sure = 0;
        long possible = 0;
        for (int i = 0; i < slots.length; i++) {
            switch (OutlierResult.side(lows[i], highs[i], median, threshold)) {
                case OUTLIER -> { sure += counts[i]; possible += counts[i]; }
                case EITHER -> possible += counts[i];
                case INLIER -> { }
            }
        }
        return new Outliers(median, mad, threshold, new Range(sure, possible));
    }

    /** A bracket of the sum of a loss's contributions over the outlier rows. */
    Range outlierSum(int loss, Outliers outliers) {
        prepareRead();
        BucketSums buckets = readByResidual[loss];
        ExactSum sure = new ExactSum();
        ExactSum either = new ExactSum();
        for (int s : buckets.slotsByKey()) {
            long residualKey = residualBucket(buckets.key(s));
            double lo = BucketKeys.lowest(residualKey);
            double hi = BucketKeys.highest(residualKey);
            switch (OutlierResult.side(lo, hi, outliers.median(), outliers.threshold())) {
                case OUTLIER -> sure.add(buckets.sum(s));
                case EITHER -> either.add(buckets.sum(s));
                case INLIER -> { }
            }
        }
        either.combine(sure);
        return new Range(sure.value(), either.value());
    }

    record Outliers(Range median, Range mad, Range threshold, Range count) {}

    /**
     * The median (mean of the two middle values for an even count) of values sorted ascending with counts;
     * also the bracket ends of {@link AbsoluteErrorMedian}.
     */
    static double countedMedian(double[] sorted, long[] counts, long n) {
        if (n == 0) return Double.NaN;
        double upper = valueAtRank(sorted, counts, n / 2);
        if (n % 2 == 1) return upper;
        return valueAtRank(sorted, counts, n / 2 - 1) / 2 + upper / 2;
    }

    /**
     * As {@link #countedMedian} for unsorted values: the distinct values sorted (a primitive sort, not boxed
     * indices with a comparator: tens of thousands of buckets), each with the counts of its copies, which gives
     * every rank the same value.
     */
    private static double sortedWeightedMedian(double[] values, long[] counts, long n) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || Double.compare(sorted[i], sorted[distinct - 1]) != 0) sorted[distinct++] = sorted[i];
        }
        long[] merged = new long[distinct];
        for (int i = 0; i < values.length; i++) merged[Arrays.binarySearch(sorted, 0, distinct, values[i])] += counts[i];
        return countedMedian(Arrays.copyOf(sorted, distinct), merged, n);
    }

    /** The value of the 0-based rank in the multiset. */
    private static double valueAtRank(double[] sorted, long[] counts, long rank) {
        long seen = 0;
        for (int i = 0; i < sorted.length; i++) {
            seen += counts[i];
            if (rank < seen) return sorted[i];
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen);
    }
}
