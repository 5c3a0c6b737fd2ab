package org.losseval.accumulate;

/**
 * The resampling weights of the comparison's Poisson bootstrap: for every row and replicate a count
 * k ~ Poisson(1), derived from the row's identity and the seed alone, so that the replicates are the same
 * whatever the thread count, batch size, chunking or merge order, and a state merges exactly.
 *
 * <p>Why Poisson: drawing n rows with replacement gives each row a Binomial(n, 1/n) count, which needs n
 * and a pass that sees every row together; Poisson(1) counts are its limit and independent between rows,
 * so each row's counts can be drawn alone, in any order (Hanley &amp; MacGibbon, "Creating non-parametric
 * bootstrap samples using Poisson frequencies", Comput. Methods Programs Biomed. 83, 2006; Chamandy et al.,
 * "Estimating uncertainty for massive data streams", Google, 2012).
 *
 * <p>The draw, exactly (all arithmetic on unsigned 64-bit integers, wrapping; {@code >>>} a logical shift):
 * <pre>
 *   mix(z)       = z ^= z &gt;&gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt;&gt; 27; z *= 0x94D049BB133111EB; z ^ (z &gt;&gt;&gt; 31)
 *   splitmix(x)  = mix(x + 0x9E3779B97F4A7C15)                       (Steele, Lea &amp; Flood, SplitMix64, 2014)
 *   key(row)     = splitmix(splitmix(splitmix(seed) ^ input) ^ row)   input: the file's index from 0, in the
 *                                                                     order given; row: its data row from 1
 *   u(row, b)    = (splitmix(key(row) + b) &gt;&gt;&gt; 11) · 2^-53         b = 0, 1, ..., replicates - 1; u in [0, 1)
 *   k(row, b)    = #{ j in 0..17 : CDF[j] &lt;= u }                     CDF[j] = P(Poisson(1) &lt;= j), as doubles
 * </pre>
 * {@link #CDF} lists the 18 doubles (the correctly rounded P(K &le; j), from mpmath); k is at most 18, and
 * P(K &gt; 17) &lt; 10<sup>-16</sup> is below the resolution of u anyway. A NumPy re-implementation is in
 * {@code src/test/resources/reference/compare/make_compare.py}.
 */
public final class PoissonBootstrap {
    /** P(Poisson(1) &le; j) for j = 0..17, each rounded to the nearest double. */
    static final double[] CDF = {
        0.36787944117144233, 0.7357588823428847, 0.9196986029286058, 0.9810118431238462, 0.9963401531726563,
        0.9994058151824183, 0.999916758850712, 0.9999897508033253, 0.999998874797402, 0.9999998885745217,
        0.9999999899522336, 0.9999999991683892, 0.9999999999364022, 0.9999999999954802, 0.9999999999997,
        0.9999999999999813, 0.9999999999999989, 0.9999999999999999};
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private PoissonBootstrap() {}

    /** The row's key, from which each replicate's count follows ({@link #count}). */
    public static long key(long seed, int input, long row) {
        return splitmix(splitmix(splitmix(seed) ^ input) ^ row);
    }

    /** k(row, b): the row's count in replicate {@code b}. */
    public static int count(long key, int replicate) {
        double u = (splitmix(key + replicate) >>> 11) * TWO_TO_MINUS_53;
        int k = 0;
        while (k < CDF.length && CDF[k] <= u) k++;
        return k;
    }

    static long splitmix(long x) {
        long z = x + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
