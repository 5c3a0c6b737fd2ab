package org.losseval.accumulate;

/**
 * The resampling weights of the comparison's Poisson bootstrap: for every row and replicate a count k with
 * the distribution of {@link #FREQUENCIES} (Poisson(1) to within 2<sup>-16</sup>, with its mean and variance
 * exactly), derived from the row's identity and the seed alone, so that the replicates are the same whatever
 * the thread count, batch size, chunking or merge order, and a state merges exactly.
 *
 * <p>Why Poisson: drawing n rows with replacement gives each row a Binomial(n, 1/n) count, which needs n
 * and a pass that sees every row together; Poisson(1) counts are its limit and independent between rows,
 * so each row's counts can be drawn alone, in any order (Hanley &amp; MacGibbon, "Creating non-parametric
 * bootstrap samples using Poisson frequencies", Comput. Methods Programs Biomed. 83, 2006; Chamandy et al.,
 * "Estimating uncertainty for massive data streams", Google, 2012).
 *
 * <p><b>What is sampled.</b> Not Poisson(1) itself but the distribution P(k) = n<sub>k</sub> / 2<sup>16</sup>
 * with the integers of {@link #FREQUENCIES} (k = 0..7): a 16-bit uniform draw u and the cumulative
 * thresholds T<sub>j</sub> = n<sub>0</sub> + … + n<sub>j</sub> give k = #{j : T<sub>j</sub> &le; u}. The
 * n<sub>k</sub> were chosen (by {@code make_compare.py}'s search, among integer frequencies within a few units of
 * 2<sup>16</sup>·P<sub>Poisson</sub>(k)) so that the mean is exactly 1 and the variance exactly 1, as Poisson(1)'s,
 * and the third and fourth factorial moments are within 2 and 8 parts in 2<sup>16</sup> of Poisson(1)'s (both 1;
 * they cannot be exact: k(k-1)(k-2) is a multiple of 6 and 6 does not divide 2<sup>16</sup>); the total variation
 * distance to Poisson(1) is 1.2·10<sup>-4</sup>. Why that is a valid bootstrap weight: a bootstrap that weighs
 * the rows by independent, identically distributed weights of mean 1 and variance 1 (a "generalized" or
 * "multiplier" bootstrap) is consistent wherever the ordinary one is, for the smooth functions of means
 * compared here (Mason &amp; Newton, "A rank statistics approach to the consistency of a general bootstrap",
 * Ann. Statist. 20, 1992; Præstgaard &amp; Wellner, "Exchangeably weighted bootstraps of the general empirical
 * process", Ann. Probab. 21, 1993, §3); the replicates' variance of a mean is the same as Poisson(1)'s to
 * every digit, and the higher moments (which drive the skewness of the percentile interval) agree to
 * 10<sup>-4</sup>, far below the Monte Carlo error of 200 replicates. Integer counts keep a replicate a
 * resampling of the rows (max_error over the rows drawn keeps its meaning).
 *
 * <p><b>Why this sampler.</b> One 64-bit hash gives four replicates' draws (its four 16-bit pieces) where the
 * former one gave one (a 53-bit uniform against the exact Poisson CDF); and k &le; 7 keeps every product
 * k·(32-bit chunk) below 2<sup>35</sup>, which {@link ReplicateSums} uses to sum exactly in doubles.
 *
 * <p>The draw, exactly (all arithmetic on unsigned 64-bit integers, wrapping; {@code >>>} a logical shift):
 * <pre>
 *   mix(z)       = z ^= z &gt;&gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt;&gt; 27; z *= 0x94D049BB133111EB; z ^ (z &gt;&gt;&gt; 31)
 *   splitmix(x)  = mix(x + 0x9E3779B97F4A7C15)                       (Steele, Lea &amp; Flood, SplitMix64, 2014)
 *   key(row)     = splitmix(splitmix(splitmix(seed) ^ input) ^ row)   input: the file's index from 0, in the
 *                                                                     order given; row: its data row from 1
 *   u(row, b)    = (splitmix(key(row) + ⌊b / 4⌋) &gt;&gt;&gt; (16 · (b mod 4))) &amp; 0xFFFF     b = 0, 1, ..., replicates - 1
 *   k(row, b)    = #{ j in 0..6 : T[j] &lt;= u(row, b) }                 T[j] = n_0 + ... + n_j
 * </pre>
 * A NumPy re-implementation is in {@code src/test/resources/reference/compare/make_compare.py}.
 */
public final class PoissonBootstrap {
    /**
     * n<sub>k</sub>, k = 0..7: P(k) = n<sub>k</sub> / 65536. Σ n = 65536, Σ k n = 65536, Σ k² n = 131072 (mean 1,
     * E k² = 2: variance 1). 2<sup>16</sup>·Poisson(1): 24109.5, 24109.5, 12054.8, 4018.3, 1004.6, 200.9, 33.5, 4.8.
     */
    static final int[] FREQUENCIES = {24109, 24111, 12052, 4019, 1006, 202, 29, 8};
    /** The largest count a draw gives. */
    static final int MAX_COUNT = FREQUENCIES.length - 1;
    /** Replicates per 64-bit hash. */
    private static final int DRAWS_PER_HASH = 4;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /**
     * k for each 16-bit u: n<sub>0</sub> zeros, then n<sub>1</sub> ones, and so on, which is k = #{j : T[j] &le; u}.
     * A lookup (64 KiB, built on first use of a bootstrap) rather than seven comparisons: measured 0.8 ns a draw
     * against 3.2 ns (scalar comparisons summed without branches; they do not vectorize), hash included.
     */
    private static final byte[] COUNT_OF = new byte[1 << 16];
    /** k as a double, by k: a second lookup is cheaper than converting an int (cvtsi2sd's false dependency). */
    private static final double[] AS_DOUBLE = {0, 1, 2, 3, 4, 5, 6, 7};

    static {
        int u = 0;
        for (int k = 0; k < FREQUENCIES.length; k++) {
            for (int i = 0; i < FREQUENCIES[k]; i++) COUNT_OF[u++] = (byte) k;
        }
        if (u != COUNT_OF.length) throw new AssertionError("frequencies must sum to 2^16");
    }

    private PoissonBootstrap() {}

    /** The row's key, from which each replicate's count follows ({@link #count}, {@link #counts}). */
    public static long key(long seed, int input, long row) {
        return splitmix(splitmix(splitmix(seed) ^ input) ^ row);
    }

    /** k(row, b): the row's count in replicate {@code b}. */
    public static int count(long key, int replicate) {
        long h = splitmix(key + replicate / DRAWS_PER_HASH);
        return COUNT_OF[(int) (h >>> (16 * (replicate % DRAWS_PER_HASH))) & 0xFFFF];
    }

    /**
     * k(row, b) for b = 0..replicates-1 into {@code out} (as doubles, the form {@link ReplicateSums} multiplies
     * by): the same values as {@link #count}, with a quarter of the hashes.
     */
    public static void counts(long key, double[] out, int replicates) {
        int b = 0;
        long word = key;
        for (; b + DRAWS_PER_HASH <= replicates; b += DRAWS_PER_HASH) {
            long h = splitmix(word++);
            out[b] = AS_DOUBLE[COUNT_OF[(int) h & 0xFFFF]];
            out[b + 1] = AS_DOUBLE[COUNT_OF[(int) (h >>> 16) & 0xFFFF]];
            out[b + 2] = AS_DOUBLE[COUNT_OF[(int) (h >>> 32) & 0xFFFF]];
            out[b + 3] = AS_DOUBLE[COUNT_OF[(int) (h >>> 48)]];
        }
        if (b < replicates) {
            long h = splitmix(word);
            for (int q = 0; b < replicates; b++, q++) out[b] = AS_DOUBLE[COUNT_OF[(int) (h >>> (16 * q)) & 0xFFFF]];
        }
    }

    static long splitmix(long x) {
        long z = x + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
