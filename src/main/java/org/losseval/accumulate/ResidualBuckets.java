package org.losseval.accumulate;

/**
 * The residual side of a {@link ContributionSummary} in one map for every loss: residual bucket
 * ({@link BucketKeys}) &rarr; the rows' count and, per loss, the exact sum of their contributions. One lookup
 * per row serves all losses, where one map per loss cost one lookup per row and loss (8 of the 10 or so
 * additions per row of a five-loss run, the largest cost of the summary in the profile of
 * {@code src/bench/README.md}).
 *
 * <p>Exact sums need one binary exponent per sum (the 53-bit significands add as integers, as in
 * {@link BucketSums}). A bucket's sum of a loss takes the exponent of the first value it gets; a value of
 * another exponent (rare for a smooth loss: the values of one residual bucket differ by at most 2<sup>-8</sup>
 * relative, so their losses seldom straddle a power of two; common with sample weights) goes to the
 * {@code byResidual} map of its loss, keyed by (residual bucket, exponent) as {@link ContributionSummary} keys
 * it. The figures read both as one {@link BucketSums} of those keys ({@link #addSumsTo}): each (residual
 * bucket, exponent) sum is the same exact number whichever way its values came, so the figures do not
 * depend on the order of rows or merges. Zero contributions are not added: they change no sum.
 *
 * <p>Layout: pages of {@value BucketPages#PAGE} buckets, one per residual binade (sign and exponent), found
 * by direct index; a bucket is its count, then per loss the low word of the sum (in [0, 2<sup>63</sup>)) and a
 * word holding the exponent + 1 of its values (low 12 bits, 0 while empty) and the carries out of the low word
 * above them, so the sum is carries &times; 2<sup>63</sup> + low. Memory: 256 &times; (1 + 2 &times; losses)
 * words per residual binade seen (18 KiB with four losses), at most {@link #MAX_BYTES} in all; the rows of
 * further binades go to the fallback maps ({@link #addRows}). Not thread-safe; combine per-thread maps.
 */
final class ResidualBuckets {
    /** The most memory the pages may take; the rows of further binades go to the per-loss maps. */
    static final long MAX_BYTES = 8L << 20;
    private static final int PAGE = BucketPages.PAGE;
    /** Page ids are a residual's sign and exponent: 12 bits, offset by half to index from 0. */
    private static final int PAGE_IDS = 1 << 12;
    private static final long TAG_MASK = 0xFFF;
    private static final int CARRY_SHIFT = 12;
    private static final long CARRY = 1L << CARRY_SHIFT;
    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    /** The bits of +Inf: a value's bits are in (0, this) exactly when it is finite and &gt; 0. */
    private static final long INFINITY_BITS = 0x7FF0000000000000L;

    private final int losses;
    /** Words per bucket: the count, then two per loss. */
    private final int stride;
    private final int maxPages;
    /** Pages by page id + {@code PAGE_IDS / 2}; null until a row lands in one. */
    private long[][] pages = new long[PAGE_IDS][];
    private int pageCount;

    ResidualBuckets(int losses) {
        this(losses, (int) Math.max(1, MAX_BYTES / ((long) PAGE * (1 + 2 * losses) * Long.BYTES)));
    }

    /** A map of at most {@code maxPages} pages (tests of the rows beyond the bound). */
    ResidualBuckets(int losses, int maxPages) {
        this.losses = losses;
        stride = 1 + 2 * losses;
        this.maxPages = maxPages;
    }

    /**
     * Adds rows {@code [from, end)}: each row's residual to its bucket's count, and each contribution that is
     * finite and &gt; 0 to its loss's sum there (the summary leaves the others out; zeros add nothing).
     *
     * @param own        the losses that hold their own figures, {@code ownCount} of them
     * @param leftOut    counts the rows of residual binades beyond {@link #MAX_BYTES}
     * @param byResidual per loss, the (residual bucket, exponent) map for values this map cannot take
     */
    void addRows(double[] residual, double[][] contribution, int from, int end, int[] own, int ownCount,
                 BucketPages leftOut, BucketPages[] byResidual) {
        // The own losses' columns and their slots in a bucket, once a batch: the row loop reads no own[o].
        double[][] columns = new double[ownCount][];
        int[] slots = new int[ownCount];
        for (int o = 0; o < ownCount; o++) {
            columns[o] = contribution[own[o]];
            slots[o] = 1 + 2 * own[o];
        }
        long[][] pages = this.pages;
        for (int i = from; i < end; i++) {
            long key = BucketKeys.key(residual[i]);
            int index = (int) (key >> BucketKeys.SUB_BUCKET_BITS) + PAGE_IDS / 2;
            long[] page = pages[index];
            if (page == null && (page = newPage(index)) == null) {
                addLeftOut(key, i, columns, own, ownCount, leftOut, byResidual);
                continue;
            }
            int b = ((int) key & (PAGE - 1)) * stride;
            page[b]++;
            for (int o = 0; o < ownCount; o++) {
                long bits = Double.doubleToRawLongBits(columns[o][i]);
                if (bits <= 0 || bits >= INFINITY_BITS) continue; // only the finite values > 0 are added
                long tag = (bits >>> 52) + 1;
                int s = b + slots[o];
                long meta = page[s + 1];
                long held = meta & TAG_MASK;
                if (held != tag) {
                    if (held != 0) {
                        byResidual[own[o]].add(ContributionSummary.residualKey(key, tag - 1), columns[o][i]);
                        continue;
                    }
                    meta |= tag;
                }
                long significand = bits & SIGNIFICAND_MASK;
                if (tag != 1) significand |= IMPLICIT_BIT;
                long after = page[s] + significand;
                // The carry out of [0, 2^63) (after 2^10 significands or more) without a branch: a branch that
                // the first rows never take is compiled as a trap, and the first carry then sent this loop back to
                // the interpreter to be compiled again (JFR's deoptimization events: unstable_if, here).
                page[s] = after & Long.MAX_VALUE;
                page[s + 1] = meta + (after >>> 63 << CARRY_SHIFT);
            }
        }
    }

    /** Row i of a residual binade beyond {@link #MAX_BYTES}: its count and its contributions to the fallbacks. */
    private static void addLeftOut(long key, int i, double[][] columns, int[] own, int ownCount, BucketPages leftOut,
                                   BucketPages[] byResidual) {
        leftOut.count(key);
        for (int o = 0; o < ownCount; o++) {
            double x = columns[o][i];
            if (x > 0 && x < Double.POSITIVE_INFINITY) {
                byResidual[own[o]].add(ContributionSummary.residualKey(key, exponent(x)), x);
            }
        }
    }

    /**
     * Adds another map of the same losses: to each loss l that holds its own figures here
     * ({@code sharedWith[l] == l}), the other map's loss {@code otherSharedWith[l]}. What does not fit (a
     * bucket whose sum here has another exponent, a page beyond the memory bound) goes to the fallback maps,
     * as in {@link #addRows}.
     */
    void combine(ResidualBuckets other, int[] otherSharedWith, int[] sharedWith, BucketPages leftOut,
                 BucketPages[] byResidual) {
        if (other.losses != losses) throw new IllegalArgumentException("cannot combine maps of other losses");
        for (int index = 0; index < PAGE_IDS; index++) {
            long[] theirs = other.pages[index];
            if (theirs == null) continue;
            long[] mine = page(index - PAGE_IDS / 2);
            for (int k = 0; k < PAGE; k++) {
                int b = k * stride;
                if (theirs[b] == 0) continue;
                long key = bucketKey(index, k);
                if (mine == null) {
                    leftOut.addRaw(key, 0, theirs[b], 0, 0);
                } else {
                    mine[b] += theirs[b];
                }
                for (int l = 0; l < losses; l++) {
                    if (sharedWith[l] != l) continue;
                    int t = b + 1 + 2 * otherSharedWith[l];
                    long tag = theirs[t + 1] & TAG_MASK;
                    if (tag == 0) continue;
                    int s = b + 1 + 2 * l;
                    long held = mine == null ? -1 : mine[s + 1] & TAG_MASK;
                    if (held == 0) {
                        mine[s] = theirs[t];
                        mine[s + 1] = theirs[t + 1];
                    } else if (held == tag) {
                        long after = mine[s] + theirs[t]; // two values below 2^63
                        long meta = mine[s + 1] + (theirs[t + 1] & ~TAG_MASK);
                        if (after < 0) {
                            after &= Long.MAX_VALUE;
                            meta += CARRY;
                        }
                        mine[s] = after;
                        mine[s + 1] = meta;
                    } else {
                        byResidual[l].addRaw(ContributionSummary.residualKey(key, tag - 1), tag - 1, 0,
                                low64(theirs, t), high64(theirs, t));
                    }
                }
            }
        }
    }

    /** Makes loss {@code to}'s sums a copy of loss {@code from}'s (a loss that stops sharing). */
    void copyLoss(int from, int to) {
        for (long[] page : pages) {
            if (page == null) continue;
            for (int b = 0; b < page.length; b += stride) {
                page[b + 1 + 2 * to] = page[b + 1 + 2 * from];
                page[b + 2 + 2 * to] = page[b + 2 + 2 * from];
            }
        }
    }

    /** Adds each bucket's row count to {@code counts} (keyed by residual bucket). */
    void addCountsTo(BucketSums counts) {
        for (int index = 0; index < PAGE_IDS; index++) {
            long[] page = pages[index];
            if (page == null) continue;
            for (int k = 0; k < PAGE; k++) {
                long count = page[k * stride];
                if (count != 0) counts.addRaw(bucketKey(index, k), (short) 0, count, 0, 0);
            }
        }
    }

    /**
     * Adds each bucket's sum of a loss to {@code sums}, keyed as {@link ContributionSummary#residualKey}, with
     * a count of 0 (the figures read the sums only).
     */
    void addSumsTo(BucketSums sums, int loss) {
        for (int index = 0; index < PAGE_IDS; index++) {
            long[] page = pages[index];
            if (page == null) continue;
            for (int k = 0; k < PAGE; k++) {
                int s = k * stride + 1 + 2 * loss;
                long tag = page[s + 1] & TAG_MASK;
                if (tag == 0) continue;
                sums.addRaw(ContributionSummary.residualKey(bucketKey(index, k), tag - 1), (short) (tag - 1), 0,
                        low64(page, s), high64(page, s));
            }
        }
    }

    /** The pages allocated (tests of the memory bound). */
    int pages() { return pageCount; }

    /** The most pages this map allocates. */
    int maxPages() { return maxPages; }

    private static long exponent(double x) {
        return Double.doubleToRawLongBits(x) >>> 52;
    }

    private static long bucketKey(int index, int k) {
        return ((long) (index - PAGE_IDS / 2) << BucketKeys.SUB_BUCKET_BITS) | k;
    }

    /** The low 64 bits of the sum at slot s as a 128-bit two's-complement integer (BucketSums' form). */
    private static long low64(long[] page, int s) {
        return page[s] | (page[s + 1] >> 12 << 63);
    }

    /** The high 64 bits of the sum at slot s as a 128-bit two's-complement integer. */
    private static long high64(long[] page, int s) {
        return page[s + 1] >> 12 >> 1;
    }

    /** The page of an id (a residual's sign and exponent), made when absent and fewer than the bound exist. */
    private long[] page(long id) {
        int index = (int) id + PAGE_IDS / 2;
        long[] page = pages[index];
        return page != null ? page : newPage(index);
    }

    /** A new page at a directory index, or null when the bound is reached. */
    private long[] newPage(int index) {
        if (pageCount >= maxPages) return null;
        long[] page = new long[PAGE * stride];
        pages[index] = page;
        pageCount++;
        return page;
    }
}
