package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplicateSums} against an independent oracle, BigDecimal (exact for doubles), and against
 * {@link ExactSum}: three replicates with counts 0 to {@link ReplicateSums#MAX_COUNT} per row, over the whole exponent range, with
 * cancellation, subnormals, signed zeros and the largest doubles, and combined sums.
 */
class ReplicateSumsTest {
    private static final int REPLICATES = 3;

    private static double awkward(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Double.MIN_VALUE * random.nextInt(1000);
            case 1 -> -Double.MAX_VALUE / (1 + random.nextInt(4));
            case 2 -> Double.MAX_VALUE / (1 + random.nextInt(4));
            case 3 -> -0.0;
            case 4 -> Math.scalb(random.nextDouble() - 0.5, random.nextInt(2000) - 1000);
            case 5 -> 1e16 * (random.nextBoolean() ? 1 : -1);
            default -> random.nextGaussian();
        };
    }

    @Test
    void equalsTheCorrectlyRoundedExactSum() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(300);
            ReplicateSums sums = new ReplicateSums(REPLICATES);
            ReplicateSums other = new ReplicateSums(REPLICATES);
            ExactSum[] big = new ExactSum[REPLICATES];
            BigDecimal[] oracle = new BigDecimal[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                big[r] = new ExactSum();
                oracle[r] = BigDecimal.ZERO;
            }
            double[] counts = new double[REPLICATES];
            for (int i = 0; i < n; i++) {
                double x = awkward(random);
                for (int r = 0; r < REPLICATES; r++) {
                    counts[r] = r == 0 ? 1 : random.nextInt(ReplicateSums.MAX_COUNT + 1);
                    for (int k = 0; k < counts[r]; k++) big[r].add(x);
                    oracle[r] = oracle[r].add(new BigDecimal(x).multiply(BigDecimal.valueOf((long) counts[r])));
                }
                (i % 3 == 0 ? other : sums).add(x, counts);
            }
            sums.combine(other);
            for (int r = 0; r < REPLICATES; r++) {
                assertEquals(oracle[r].doubleValue(), sums.value(r), "trial " + trial + " replicate " + r);
                assertEquals(big[r].value(), sums.value(r), "trial " + trial + " replicate " + r);
            }
        }
    }

    @Test
    void manyAdditionsCarryCorrectly() {
        ReplicateSums sums = new ReplicateSums(2);
        double[] counts = {ReplicateSums.MAX_COUNT, 1};
        for (int i = 0; i < 3_000_000; i++) sums.add(0.1, counts);
        assertEquals(new BigDecimal(0.1).multiply(BigDecimal.valueOf(3_000_000L * ReplicateSums.MAX_COUNT)).doubleValue(), sums.value(0));
        assertEquals(new BigDecimal(0.1).multiply(BigDecimal.valueOf(3_000_000)).doubleValue(), sums.value(1));
    }

    /**
     * Reading the sums, or adding them to another state, leaves the state's fields as they were: its encoding
     * ({@link StateCodec}) is the same bytes before and after, so a state encodes alike whether or not it was read
     * first. The rows are fewer than a flush's 2^17, so every addition is still pending when it is read.
     */
    @Test
    void aReadOrACombineChangesNoFieldOfTheStateRead() {
        Random random = new Random(7);
        ReplicateSums sums = new ReplicateSums(REPLICATES);
        ReplicateSums reference = new ReplicateSums(REPLICATES);
        double[] counts = new double[REPLICATES];
        for (int i = 0; i < 500; i++) {
            for (int r = 0; r < REPLICATES; r++) counts[r] = random.nextInt(ReplicateSums.MAX_COUNT + 1);
            double x = awkward(random);
            sums.add(x, counts);
            reference.add(x, counts);
        }
        StateCodec codec = new StateCodec(java.util.Set.of());
        byte[] fingerprint = new byte[StateCodec.FINGERPRINT_BYTES];
        byte[] before = codec.encode(sums, fingerprint);
        ReplicateSums into = new ReplicateSums(REPLICATES);
        into.combine(sums);
        for (int r = 0; r < REPLICATES; r++) {
            assertEquals(reference.value(r), sums.value(r));
            assertEquals(reference.value(r), into.value(r));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, codec.encode(sums, fingerprint));
    }

    @Test
    void nonFiniteValuesAsExactSumPerReplicate() {
        ReplicateSums sums = new ReplicateSums(3);
        sums.add(1, new double[] {1, 1, 1});
        sums.add(Double.POSITIVE_INFINITY, new double[] {1, 0, 1});
        sums.add(Double.NEGATIVE_INFINITY, new double[] {0, 0, 2});
        assertEquals(Double.POSITIVE_INFINITY, sums.value(0));
        assertEquals(1.0, sums.value(1), "a count of 0 adds nothing, not even an infinity");
        assertEquals(Double.NaN, sums.value(2));
        assertEquals(0.0, new ReplicateSums(1).value(0));
    }
}
