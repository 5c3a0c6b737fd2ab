package org.losseval.accumulate;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.losseval.report.Range;

/**
 * The median absolute error of the rows seen, scikit-learn 1.2 {@code median_absolute_error}: the state
 * {@link LossState} keeps for {@code medae}. Exact while the rows fit a memory budget, a bracket that holds
 * the exact value beyond it, like the contribution figures' median and MAD ({@link RowStore}).
 *
 * <p>Definitions, as scikit-learn's (two different medians):
 * <ul>
 *   <li>unweighted: {@code np.median(|pred - target|)}, the middle value, or the mean of the two middle
 *       values for an even count ({@link Selection#median});</li>
 *   <li>with sample weights: {@code _weighted_percentile(|pred - target|, w, 50)}, the smallest e with
 *       Σ<sub>e<sub>i</sub> &le; e</sub> w<sub>i</sub> &ge; Σ w<sub>i</sub> / 2: always one of the errors,
 *       never a mean of two, so with unit weights and an even count it is the <em>lower</em> middle value
 *       (1, 2, 3, 4 give 2.5 unweighted and 2 with weights 1, 1, 1, 1), as in scikit-learn. Rows of weight 0
 *       never set it. scikit-learn compares a float cumulative sum with half the float total; here both
 *       sums are exact, which gives the same error whenever scikit-learn's sums are exact (integer or
 *       dyadic weights) and the exactly defined one when its rounding would cross the half. A total weight
 *       of 0 gives NaN, as every weighted figure here (scikit-learn then returns the largest error, an
 *       artefact of its search).</li>
 * </ul>
 * No rows give NaN.
 *
 * <p>Memory: the budget is charged <b>8 bytes per row (16 with weights)</b>, the errors (and weights) in
 * {@link DoubleBlocks}; {@link #result} needs as much again while it runs (one copy to select in), and a
 * run of several inputs holds its inputs' states and their combination (one more copy) while it reports. Beyond
 * {@code budgetBytes}, or {@link RowStore#MAX_EXACT_ROWS}, the rows fold into a {@link BucketSums} over
 * {@link BucketKeys}' log buckets (relative width 2<sup>-8</sup>): the count per error bucket, or with
 * weights the exact weight sum per (error bucket, weight exponent); its size grows with the spread of the
 * errors, not with the rows. The bracket is then the median of the buckets' lower bounds to the median of
 * their upper bounds (the median is monotone in every value), or with weights the bucket that holds the
 * weighted median, found with exact cumulative weights: within 0.4% of the value. Whether a state has
 * switched depends only on its row count, never on how rows were split or merged, so neither does the result.
 *
 * <p>Batch view: {@link #accept} reads the absolute errors of rows {@code [0, n)} and their sample weights.
 * Not thread-safe; combine per-thread states.
 */
public final class AbsoluteErrorMedian implements MergeableState<AbsoluteErrorMedian, Range> {
    /** Bits of the weight's exponent in a weighted summary key (as in {@link ContributionSummary}). */
    private static final int EXPONENT_BITS = 11;
    /** Pivots of the weighted selection: any pivot gives the same result, a fixed seed the same work. */
    private static final long PIVOT_SEED = 0x6D65646165L;

    private final boolean weighted;
    private final long budgetBytes;
    private long rows;
    /** The exact errors and weights while within the budget; null after the switch (weights null unweighted). */
    private DoubleBlocks errors = new DoubleBlocks();
    private DoubleBlocks weights;
    /** The summary after the switch; null while exact. */
    private BucketSums summary;

    /**
     * @param weighted    whether rows come with sample weights
     * @param budgetBytes the memory the exact rows may use (see the class comment); 0 summarizes from the start
     */
    public AbsoluteErrorMedian(boolean weighted, long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("negative budget: " + budgetBytes);
        this.weighted = weighted;
        this.budgetBytes = budgetBytes;
        weights = weighted ? new DoubleBlocks() : null;
        if (budgetBytes == 0) switchToSummary();
    }

    /** The bytes the budget is charged per row. */
    static int bytesPerRow(boolean weighted) { return weighted ? 2 * Double.BYTES : Double.BYTES; }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param absoluteError each row's |pred - target| (not NaN)
     * @param weight        the sample weights (finite, &ge; 0), or null exactly when the state is unweighted
     */
    public void accept(double[] absoluteError, double[] weight, int n) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "sample weights missing for a weighted state" : "unexpected sample weights");
        }
        if (summary == null) {
            errors.append(absoluteError, 0, n);
            if (weighted) weights.append(weight, 0, n);
        } else {
            for (int i = 0; i < n; i++) summarize(absoluteError[i], weighted ? weight[i] : 0);
        }
        rows += n;
        if (summary == null && overBudget(rows)) switchToSummary();
    }

    /** Adds another state of the same weighting and budget; checks before changing anything. */
    @Override
    public void combine(AbsoluteErrorMedian other) {
        checkCombinable(other);
        if (summary == null && other.summary == null && !overBudget(rows + other.rows)) {
            errors.append(other.errors);
            if (weighted) weights.append(other.weights);
        } else {
            if (summary == null) switchToSummary();
            if (other.summary != null) {
                summary.combine(other.summary);
            } else {
                for (long i = 0; i < other.rows; i++) {
                    summarize(other.errors.get(i), weighted ? other.weights.get(i) : 0);
                }
            }
        }
        rows += other.rows;
    }

    /** Throws {@link IllegalArgumentException} unless {@link #combine} can take the other state. */
    void checkCombinable(AbsoluteErrorMedian other) {
        if (other.weighted != weighted || other.budgetBytes != budgetBytes) {
            throw new IllegalArgumentException("cannot combine median states of another weighting or budget");
        }
    }

    /** True while every row is kept, so the result is exact. */
    public boolean exact() { return summary == null; }

    /** The median absolute error: exact ({@code low == high}) or a bracket; NaN with no rows or no weight. */
    @Override
    public Range result() {
        if (rows == 0) return Range.of(Double.NaN);
        if (summary != null) return weighted ? weightedBracket() : bracket();
        double[] values = errors.toArray();
        if (!weighted) return Range.of(Selection.median(values));
        return Range.of(weightedMedian(values, weights.toArray()));
    }

    private boolean overBudget(long rowCount) {
        return rowCount > RowStore.MAX_EXACT_ROWS || rowCount * bytesPerRow(weighted) > budgetBytes;
    }

    private void switchToSummary() {
        summary = new BucketSums();
        for (long i = 0; i < errors.size(); i++) summarize(errors.get(i), weighted ? weights.get(i) : 0);
        errors = null;
        weights = null;
    }

    private void summarize(double error, double weight) {
        long key = BucketKeys.key(error + 0.0); // + 0.0: a -0.0 error shares the bucket of +0.0
        if (!weighted) {
            summary.count(key);
            return;
        }
        double w = weight + 0.0;
        long exponent = Double.doubleToRawLongBits(w) >>> 52;
        summary.add((key << EXPONENT_BITS) | exponent, w);
    }

    /** Unweighted: the medians of the buckets' lower and upper bounds, which bracket the median. */
    private Range bracket() {
        int[] slots = summary.slotsByKey();
        long[] counts = new long[slots.length];
        double[] lows = new double[slots.length];
        double[] highs = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            counts[i] = summary.count(slots[i]);
            lows[i] = BucketKeys.lowest(summary.key(slots[i]));
            highs[i] = BucketKeys.highest(summary.key(slots[i]));
        }
        return new Range(Math.max(0, ContributionSummary.countedMedian(lows, counts, rows)),
                ContributionSummary.countedMedian(highs, counts, rows));
    }

    /** Weighted: the error bucket where the exact cumulative weight first reaches half the total. */
    private Range weightedBracket() {
        int[] slots = summary.slotsByKey();
        BigDecimal total = BigDecimal.ZERO;
        for (int s : slots) total = total.add(summary.exactSum(s));
        if (total.signum() == 0) return Range.of(Double.NaN);
        BigDecimal half = total.multiply(HALF);
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < slots.length; i++) {
            cumulative = cumulative.add(summary.exactSum(slots[i]));
            long errorKey = summary.key(slots[i]) >> EXPONENT_BITS;
            boolean lastOfBucket = i + 1 == slots.length || summary.key(slots[i + 1]) >> EXPONENT_BITS != errorKey;
            if (lastOfBucket && cumulative.compareTo(half) >= 0) {
                return new Range(Math.max(0, BucketKeys.lowest(errorKey)), BucketKeys.highest(errorKey));
            }
        }
        throw new IllegalStateException("the cumulative weight never reached half the total");
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /**
     * The smallest value whose exact cumulative weight (over the values sorted ascending) reaches half the
     * exact total weight; NaN when the total is 0. Reorders both arrays together. Expected linear time: a
     * quickselect with three-way partitions, each step summing one part's weights exactly.
     */
    static double weightedMedian(double[] values, double[] weights) {
        int n = values.length;
        BigDecimal half = exactSum(weights, 0, n).multiply(HALF);
        if (half.signum() == 0) return Double.NaN;
        SplittableRandom random = new SplittableRandom(PIVOT_SEED);
        BigDecimal below = BigDecimal.ZERO; // the weight of the values left of [low, high): always < half
        int low = 0;
        int high = n;
        while (true) {
            double pivot = values[low + random.nextInt(high - low)];
            // Dutch flag: [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot
            int lt = low;
            int gt = high;
            int i = low;
            while (i < gt) {
                if (values[i] < pivot) {
                    swap(values, weights, i++, lt++);
                } else if (values[i] > pivot) {
                    swap(values, weights, i, --gt);
                } else {
                    i++;
                }
            }
            BigDecimal less = below.add(exactSum(weights, low, lt));
            if (less.compareTo(half) >= 0) {
                high = lt;
                continue;
            }
            BigDecimal atMost = less.add(exactSum(weights, lt, gt));
            if (atMost.compareTo(half) >= 0) return pivot + 0.0;
            below = atMost;
            low = gt;
        }
    }

    private static BigDecimal exactSum(double[] values, int from, int to) {
        ExactSum sum = new ExactSum();
        for (int i = from; i < to; i++) sum.add(values[i]);
        return sum.exact();
    }

    private static void swap(double[] values, double[] weights, int a, int b) {
        double v = values[a];
        values[a] = values[b];
        values[b] = v;
        double w = weights[a];
        weights[a] = weights[b];
        weights[b] = w;
    }
}
