package org.losseval.accumulate;

/**
 * The same map as {@link BucketSums} (bucket key &rarr; count and exact sum), laid out for speed: the keys
 * are cut into pages of {@value #PAGE} consecutive keys, and a bucket is a direct index into its page
 * instead of a hashed slot. The bounded summaries add ten or more values per row beyond the exact-memory
 * budget; in the hashed map each addition touched six arrays at hashed positions (six cache misses on
 * maps of a few MiB), here it finds its page with two loads from a directory (no hashing, no search) and
 * touches one bucket whose count and sum lie side by side.
 *
 * <p>Keys. A page is {@code key >> 8}, a bucket within it {@code key & 255}. The callers' keys put the
 * {@link BucketKeys#SUB_BUCKET_BITS 8 sub-bucket bits} of a log bucket lowest, so one page is one binade
 * (sign and exponent), and every value added to one page must have one binary exponent (the exponent of
 * the first value the page took; a value of another exponent is refused). Sums are those of
 * {@link BucketSums}: the 53-bit integer significands in a 128-bit integer, exact and order-independent,
 * so a map has the same buckets, counts and sums whatever the order of rows, batches and merges, and
 * {@link #toBucketSums} is equal, bucket for bucket, to a {@link BucketSums} given the same values.
 *
 * <p>Memory: a page is allocated when a value first lands in it: {@value #PAGE} buckets of 24 bytes (count,
 * and the sum in two words), 6 KiB, or 2 KiB in a map that only {@linkplain #counting() counts}. A summing
 * page keeps each bucket's count and low sum word side by side (16 bytes, the part every addition touches)
 * and the high words, which an addition touches only on a carry, in a block after them: the hot part of a
 * page is then 4 KiB and a bucket never straddles two cache lines on a 16-byte boundary (with 24-byte buckets
 * a quarter did); the row-level summaries are bound by these cache misses. The
 * directory is 16 KiB, and 8 KiB more for each 2<sup>11</sup> consecutive page ids that hold a page (one
 * residual binade, in the summary's (residual, exponent) keys). Data whose
 * buckets fill their pages (the usual case: a few dozen binades hold nearly every value) costs less than
 * the hashed map's 35 to 70 bytes per bucket; sparse data could waste most of each page, so a map holds
 * at most {@value #MAX_PAGES} pages (3 MiB, 1 MiB counting) and adds the values of any further page to a
 * {@link BucketSums}, whose cost follows the buckets used. Not thread-safe; combine per-thread maps.
 */
final class BucketPages implements StateCodec.Decoded {
    /** Buckets per page: one binade of {@link BucketKeys}. */
    static final int PAGE = 1 << BucketKeys.SUB_BUCKET_BITS;
    /** Pages before further pages' values go to the hashed overflow map. */
    static final int MAX_PAGES = 512;
    /** Words per bucket in a summing page's first block: the count, then the low word of the sum. */
    private static final int STRIDE = 2;
    /** Where a summing page's high words start: bucket k's is {@code page[HIGH + k]}. */
    private static final int HIGH = PAGE * STRIDE;
    private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
    private static final long IMPLICIT_BIT = 1L << 52;
    /** The bits of +Inf: a value's bits are in [0, this) exactly when it is finite and &ge; +0.0. */
    private static final long INFINITY_BITS = 0x7FF0000000000000L;
    private static final long NEGATIVE_ZERO_BITS = Long.MIN_VALUE;
    /** Page ids are 23-bit signed integers: an 11-bit exponent under a 12-bit sign and exponent at most. */
    private static final int LOW_BITS = 11;
    private static final int HIGH_BITS = 12;
    /** The word after a summing page's high words holds the exponent its values share. */
    private static final int EXPONENT_SLOT = HIGH + PAGE;

    private final boolean counting;
    /**
     * Pages by id, in two levels so that a lookup is two loads and no search: {@code directory[high][low]} with
     * high = the id's bits above the low {@value #LOW_BITS} (offset to be non-negative), low = those bits. A
     * second-level array (8 KiB) is allocated with the first page under it.
     */
    private transient long[][][] directory = new long[1 << HIGH_BITS][][];
    /** The pages in the order they were made, and their ids, for {@link #combine} and {@link #toBucketSums}. */
    private long[][] made = new long[16][];
    private long[] madeIds = new long[16];
    private int pageCount;
    /** Values of pages beyond {@link #MAX_PAGES}, or of ids outside the directory; null until one arrives. */
    private BucketSums overflow;

    /** @param counting true for a map that only counts ({@link #count}), false for one that sums ({@link #add}) */
    BucketPages(boolean counting) {
        this.counting = counting;
    }

    boolean counting() { return counting; }

    /** Counts one value under the key without summing it (a counting map only). */
    void count(long key) {
        long[] page = page(key >> BucketKeys.SUB_BUCKET_BITS, 0);
        if (page == null) {
            overflow().count(key);
        } else {
            page[(int) key & (PAGE - 1)]++;
        }
    }

    /** Counts and sums a finite value (a summing map only); every value of one page must share its exponent. */
    void add(long key, double value) {
        long bits = Double.doubleToRawLongBits(value);
        long exponent = (bits >>> 52) & 0x7FF;
        long[] page = page(key >> BucketKeys.SUB_BUCKET_BITS, exponent);
        if (page == null) {
            overflow().add(key, value);
            return;
        }
        if (page[EXPONENT_SLOT] != exponent) throw new IllegalStateException("mixed exponents under bucket " + key);
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent != 0) significand |= IMPLICIT_BIT;
        int k = (int) key & (PAGE - 1);
        int b = k * STRIDE;
        page[b]++;
        long signed = bits < 0 ? -significand : significand;
        long after = page[b + 1] + signed;
        if (after < 0) { // left [0, 2^63): carry into the high word (rare: after 2^10 or more significands)
            after &= Long.MAX_VALUE;
            page[HIGH + k] += signed > 0 ? 1 : -1;
        }
        page[b + 1] = after;
    }

    /**
     * Adds a bucket given as its count and the 128-bit two's-complement integer (high, low) of its significands'
     * sum, whose values have the given exponent (0 in a counting map, which takes no sum): {@link BucketSums}'
     * form, in which {@link ResidualBuckets} hands over what it cannot hold. The count may be 0.
     */
    void addRaw(long key, long exponent, long count, long low, long high) {
        long[] page = page(key >> BucketKeys.SUB_BUCKET_BITS, exponent);
        if (page == null) {
            overflow().addRaw(key, (short) exponent, count, low, high);
            return;
        }
        int k = (int) key & (PAGE - 1);
        if (counting) {
            page[k] += count;
            return;
        }
        if (page[EXPONENT_SLOT] != exponent) throw new IllegalStateException("mixed exponents under bucket " + key);
        int b = k * STRIDE;
        page[b] += count;
        // high * 2^64 + low as H * 2^63 + L with L in [0, 2^63), this page's form
        long after = page[b + 1] + (low & Long.MAX_VALUE);
        long carries = (high << 1) | (low >>> 63);
        if (after < 0) {
            after &= Long.MAX_VALUE;
            carries++;
        }
        page[b + 1] = after;
        page[HIGH + k] += carries;
    }

    /** Whether bucket k of a page holds nothing: no count and, in a summing map, no sum ({@link #addRaw} may add sums of no count). */
    private boolean empty(long[] page, int k) {
        return counting ? page[k] == 0 : page[k * STRIDE] == 0 && page[k * STRIDE + 1] == 0 && page[HIGH + k] == 0;
    }

    /**
     * {@code add(BucketKeys.key(x), x)} for each {@code x} of {@code values[from, end)} that is finite and &ge; +0.0
     * (-0.0 too, by the general way), the others left out: the summary's contribution maps, which are keyed by the
     * values' own buckets. The page id of such a key is the value's biased exponent, so its page is one load from
     * the directory's second level of ids 0 to 2<sup>11</sup> - 1, and needs no exponent check (every value of the
     * page has its id as exponent); which values to take is one test of the bits. A loop over the values here,
     * not a call per value, so that the second level is a local and the whole is one compiled loop.
     */
    void addNonNegatives(double[] values, int from, int end) {
        long[][] pages = nonNegativePages();
        for (int i = from; i < end; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            if (bits >= 0 && bits < INFINITY_BITS) {
                int exponent = (int) (bits >>> 52);
                long[] page = pages[exponent];
                if (page == null) { // a new page, or one beyond MAX_PAGES (the overflow map)
                    add(BucketKeys.key(values[i]), values[i]);
                    continue;
                }
                long significand = bits & SIGNIFICAND_MASK;
                if (exponent != 0) significand |= IMPLICIT_BIT;
                int k = (int) (bits >>> (52 - BucketKeys.SUB_BUCKET_BITS)) & (PAGE - 1);
                int b = k * STRIDE;
                page[b]++;
                long after = page[b + 1] + significand;
                if (after < 0) { // left [0, 2^63): carry into the high word (rare: after 2^10 or more significands)
                    after &= Long.MAX_VALUE;
                    page[HIGH + k]++;
                }
                page[b + 1] = after;
            } else if (bits == NEGATIVE_ZERO_BITS) {
                add(BucketKeys.key(-0.0), -0.0);
            }
        }
    }

    /** The directory's second level of page ids 0 to 2<sup>11</sup> - 1, made when absent (8 KiB). */
    private long[][] nonNegativePages() {
        int high = 1 << (HIGH_BITS - 1);
        if (directory[high] == null) directory[high] = new long[1 << LOW_BITS][];
        return directory[high];
    }

    /** Adds every bucket of the other map, which counts or sums as this one does. */
    void combine(BucketPages other) {
        if (other.counting != counting) throw new IllegalArgumentException("cannot combine a counting map with a summing one");
        for (int p = 0; p < other.pageCount; p++) {
            long[] theirs = other.made[p];
            long id = other.madeIds[p];
            long exponent = counting ? 0 : theirs[EXPONENT_SLOT];
            long[] mine = page(id, exponent);
            if (mine != null && !counting && mine[EXPONENT_SLOT] != exponent) {
                throw new IllegalStateException("mixed exponents under page " + id);
            }
            for (int k = 0; k < PAGE; k++) {
                int b = counting ? k : k * STRIDE;
                if (other.empty(theirs, k)) continue;
                if (mine == null) {
                    overflow().addRaw(key(id, k), (short) exponent, theirs[b], counting ? 0 : low64(theirs, k),
                            counting ? 0 : high64(theirs, k));
                } else {
                    mine[b] += theirs[b];
                    if (!counting) {
                        long after = mine[b + 1] + theirs[b + 1]; // two values below 2^63
                        if (after < 0) {
                            after &= Long.MAX_VALUE;
                            mine[HIGH + k]++;
                        }
                        mine[b + 1] = after;
                        mine[HIGH + k] += theirs[HIGH + k];
                    }
                }
            }
        }
        if (other.overflow != null) overflow().combine(other.overflow);
    }

    /** The pages allocated (tests of the memory rule). */
    int pages() { return pageCount; }

    /** Every bucket in one hashed map, with the same counts and exact sums: the form the figures read. */
    BucketSums toBucketSums() {
        BucketSums all = new BucketSums();
        for (int p = 0; p < pageCount; p++) {
            long[] page = made[p];
            short exponent = counting ? 0 : (short) page[EXPONENT_SLOT];
            for (int k = 0; k < PAGE; k++) {
                int b = counting ? k : k * STRIDE;
                if (empty(page, k)) continue;
                all.addRaw(key(madeIds[p], k), exponent, page[b], counting ? 0 : low64(page, k), counting ? 0 : high64(page, k));
            }
        }
        if (overflow != null) all.combine(overflow);
        return all;
    }

    private static long key(long pageId, int bucket) {
        return (pageId << BucketKeys.SUB_BUCKET_BITS) | bucket;
    }

    /*
     * A summing page keeps a bucket's sum as high * 2^63 + low with low in [0, 2^63): an addition then
     * touches the high word only when low leaves that range, where a 128-bit two's-complement pair would
     * need a carry test and a store to the high word every time. These give the pair BucketSums keeps.
     */

    /** The low 64 bits of bucket k's sum as a 128-bit two's-complement integer. */
    private static long low64(long[] page, int k) {
        return page[k * STRIDE + 1] | (page[HIGH + k] << 63);
    }

    /** The high 64 bits of bucket k's sum as a 128-bit two's-complement integer. */
    private static long high64(long[] page, int k) {
        return page[HIGH + k] >> 1;
    }

    /**
     * The page of an id, created (holding the given exponent, in a summing map) when absent and fewer than
     * {@link #MAX_PAGES} exist; null when its values go to the overflow map.
     */
    private long[] page(long id, long exponent) {
        long high = (id >> LOW_BITS) + (1 << (HIGH_BITS - 1));
        if (high < 0 || high >= 1 << HIGH_BITS) return null; // no caller's key, but the map stays correct
        long[][] level = directory[(int) high];
        if (level != null) {
            long[] page = level[(int) id & ((1 << LOW_BITS) - 1)];
            if (page != null) return page;
        }
        return newPage(id, exponent);
    }

    private long[] newPage(long id, long exponent) {
        if (pageCount >= MAX_PAGES) return null;
        int high = (int) ((id >> LOW_BITS) + (1 << (HIGH_BITS - 1)));
        if (directory[high] == null) directory[high] = new long[1 << LOW_BITS][];
        long[] page = counting ? new long[PAGE] : new long[EXPONENT_SLOT + 1];
        if (!counting) page[EXPONENT_SLOT] = exponent;
        directory[high][(int) id & ((1 << LOW_BITS) - 1)] = page;
        if (pageCount == made.length) {
            made = java.util.Arrays.copyOf(made, 2 * pageCount);
            madeIds = java.util.Arrays.copyOf(madeIds, 2 * pageCount);
        }
        made[pageCount] = page;
        madeIds[pageCount++] = id;
        return page;
    }

    /**
     * After {@link StateCodec} filled {@code made} and {@code madeIds}: the directory again, holding the same page
     * arrays (it is an index of them, so it is not encoded, and a decoded copy would not share the pages).
     */
    @Override
    public void afterDecode() {
        directory = new long[1 << HIGH_BITS][][];
        for (int p = 0; p < pageCount; p++) {
            int high = (int) ((madeIds[p] >> LOW_BITS) + (1 << (HIGH_BITS - 1)));
            if (directory[high] == null) directory[high] = new long[1 << LOW_BITS][];
            directory[high][(int) madeIds[p] & ((1 << LOW_BITS) - 1)] = made[p];
        }
    }

    private BucketSums overflow() {
        if (overflow == null) overflow = new BucketSums();
        return overflow;
    }

}
