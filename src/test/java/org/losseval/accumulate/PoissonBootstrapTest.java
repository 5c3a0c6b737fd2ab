package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link PoissonBootstrap}'s counts against Poisson(1), and the bootstrap's replicates the same bits whatever the
 * batch size and split. The bit-for-bit agreement with an independent implementation of the documented draw is
 * {@link BootstrapReferenceTest}'s.
 */
class PoissonBootstrapTest {
    private static final int SAMPLES = 1 << 16;

    /** P(K = k) for K ~ Poisson(1): e^-1 / k!. */
    private static double poisson(int k) {
        double p = Math.exp(-1);
        for (int j = 2; j <= k; j++) p /= j;
        return p;
    }

    /**
     * The distribution itself (the frequencies over 2^16 equally likely draws): mean and variance exactly 1, the
     * third and fourth factorial moments within 2·10^-4 of 1, every probability within 10^-4 of Poisson(1)'s
     * (2^16 · P(k) rounded moves by 0.5 / 2^16 = 8·10^-6; the moment constraints move a few more units) and a
     * total variation distance below 2·10^-4. A sampler off by one count (mean 2) or of the wrong spread
     * (Binomial(2, 1/2): mean 1, variance 1/2) fails every line.
     */
    @Test
    void frequenciesHavePoissonsMeanAndVarianceExactly() {
        long total = 0;
        long first = 0;
        long second = 0;
        long third = 0;
        long fourth = 0;
        double variation = 0;
        for (int k = 0; k < PoissonBootstrap.FREQUENCIES.length; k++) {
            long n = PoissonBootstrap.FREQUENCIES[k];
            total += n;
            first += k * n;
            second += (long) k * k * n;
            third += (long) k * (k - 1) * (k - 2) * n;
            fourth += (long) k * (k - 1) * (k - 2) * (k - 3) * n;
            double p = (double) n / SAMPLES;
            assertEquals(poisson(k), p, 1e-4, "P(" + k + ")");
            variation += Math.abs(p - poisson(k));
        }
        double tail = 1;
        for (int k = 0; k < PoissonBootstrap.FREQUENCIES.length; k++) tail -= poisson(k);
        variation = (variation + tail) / 2;
        assertEquals(SAMPLES, total);
        assertEquals(SAMPLES, first, "mean 1");
        assertEquals(2L * SAMPLES, second, "E k^2 = 2, variance 1");
        assertEquals(1.0, (double) third / SAMPLES, 2e-4, "third factorial moment");
        assertEquals(1.0, (double) fourth / SAMPLES, 2e-4, "fourth factorial moment");
        assertTrue(variation < 2e-4, "total variation " + variation);
    }

    /**
     * Counts drawn from many rows and replicates look like draws of that distribution: the empirical frequency of
     * each k within 5 standard errors of the frequencies' (and of Poisson(1)'s, give or take their distance), the mean and variance within 5 standard errors of 1
     * (2·10^6 draws: a standard error of 3.4·10^-4 for P(0), 7·10^-4 for the mean, 1.4·10^-3 for the variance).
     * A hash that reused bits between replicates or rows would skew these; so would a wrong lookup.
     */
    @Test
    void drawsFollowPoissonOne() {
        int replicates = 203; // not a multiple of 4: the last hash is used in part
        int rows = 10_000;
        double[] counts = new double[replicates];
        long[] histogram = new long[PoissonBootstrap.MAX_COUNT + 2];
        double sum = 0;
        double squares = 0;
        for (int row = 1; row <= rows; row++) {
            PoissonBootstrap.counts(PoissonBootstrap.key(20240917, row % 3, row), counts, replicates);
            for (double k : counts) {
                histogram[(int) k]++;
                sum += k;
                squares += k * k;
            }
        }
        double n = (double) rows * replicates;
        for (int k = 0; k < histogram.length; k++) {
            double designed = k < PoissonBootstrap.FREQUENCIES.length ? (double) PoissonBootstrap.FREQUENCIES[k] / SAMPLES : 0;
            double se = Math.sqrt(designed * (1 - designed) / n);
            assertEquals(designed, histogram[k] / n, 5 * se, "P(" + k + ") against the frequencies");
            // and against Poisson(1) itself, allowing the frequencies' own distance (at most 1e-4, tested above)
            assertEquals(poisson(k), histogram[k] / n, 5 * se + 1e-4, "P(" + k + ") against Poisson(1)");
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        assertEquals(1.0, mean, 5 * Math.sqrt(1 / n), "mean");
        // Var of k^2 for Poisson(1): E k^4 - (E k^2)^2 = 15 - 4 = 11
        assertEquals(1.0, variance, 5 * Math.sqrt(11 / n), "variance");
    }

    /** {@link PoissonBootstrap#counts} is {@link PoissonBootstrap#count} for every replicate, whatever B mod 4. */
    @Test
    void countsOfARowAreEachReplicatesCount() {
        for (int replicates : new int[] {1, 2, 3, 4, 5, 7, 8, 200, 201}) {
            double[] counts = new double[replicates];
            for (long row : new long[] {1, 2, 999_999_999_999L}) {
                long key = PoissonBootstrap.key(-5, 2, row);
                PoissonBootstrap.counts(key, counts, replicates);
                for (int b = 0; b < replicates; b++) {
                    assertEquals(PoissonBootstrap.count(key, b), counts[b], "B " + replicates + " row " + row + " b " + b);
                }
            }
        }
    }

    /**
     * The replicates' deltas are the same bits whether the rows come one by one, in batches of 7, 64 or all at
     * once, or in pieces accepted by separate states and combined in either order: the weights depend on the
     * seed, input and row only, and every sum is exact.
     */
    @Test
    void replicatesAreTheSameBitsForAnyBatchSizeAndSplit() {
        int n = 1000;
        java.util.Random random = new java.util.Random(5);
        double[] cand = new double[n];
        double[] base = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            cand[i] = Math.pow(random.nextGaussian(), 2) * Math.scalb(1.0, random.nextInt(40) - 20);
            base[i] = Math.pow(random.nextGaussian(), 2);
            w[i] = random.nextInt(4) * 0.75;
        }
        for (boolean weighted : new boolean[] {false, true}) {
            double[] whole = fed(weighted, cand, base, w, n, n).replicateDeltas();
            for (int batch : new int[] {1, 7, 64}) {
                assertArrayEquals(bits(whole), bits(fed(weighted, cand, base, w, n, batch).replicateDeltas()),
                        "batches of " + batch);
            }
            BootstrapDifference front = fedRange(weighted, cand, base, w, 0, 413);
            BootstrapDifference back = fedRange(weighted, cand, base, w, 413, n);
            BootstrapDifference front2 = fedRange(weighted, cand, base, w, 0, 413);
            back.combine(front);
            assertArrayEquals(bits(whole), bits(back.replicateDeltas()), "back combined with front");
            front2.combine(fedRange(weighted, cand, base, w, 413, n));
            assertArrayEquals(bits(whole), bits(front2.replicateDeltas()), "front combined with back");
        }
    }

    private static BootstrapDifference fed(boolean weighted, double[] cand, double[] base, double[] w, int n, int batch) {
        BootstrapDifference state = new BootstrapDifference("rmse", weighted, Math::sqrt, 17, 203, 0.95);
        for (int from = 0; from < n; from += batch) accept(state, weighted, cand, base, w, from, Math.min(n, from + batch));
        return state;
    }

    private static BootstrapDifference fedRange(boolean weighted, double[] cand, double[] base, double[] w, int from, int to) {
        BootstrapDifference state = new BootstrapDifference("rmse", weighted, Math::sqrt, 17, 203, 0.95);
        for (int start = from; start < to; start += 50) accept(state, weighted, cand, base, w, start, Math.min(to, start + 50));
        return state;
    }

    private static void accept(BootstrapDifference state, boolean weighted, double[] cand, double[] base, double[] w,
                               int from, int to) {
        int m = to - from;
        IntToLongFunction row = i -> from + i + 1L;
        state.accept(0, row, java.util.Arrays.copyOfRange(cand, from, to), java.util.Arrays.copyOfRange(base, from, to),
                weighted ? java.util.Arrays.copyOfRange(w, from, to) : null, m);
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) bits[i] = Double.doubleToLongBits(values[i]);
        return bits;
    }
}
