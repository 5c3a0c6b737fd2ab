package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BinTotal} against {@link BigInteger} and {@link BigDecimal}, the independent references. */
class BinTotalTest {

    /** &Sigma; bins[i] &middot; 2^i by BigInteger. */
    private static BigInteger reference(long[] bins) {
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < bins.length; i++) total = total.add(BigInteger.valueOf(bins[i]).shiftLeft(i));
        return total;
    }

    /** m &middot; 2^e rounded to a double by BigDecimal (correctly rounded, ties to even). */
    private static double referenceDouble(BigInteger m, int e) {
        BigDecimal exact = e >= 0 ? new BigDecimal(m.shiftLeft(e))
                : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
        return exact.doubleValue();
    }

    /** Bins as ExactSum leaves them (low bins of 32 bits, top ones wider, any sign) and harsher ones. */
    private static long[] randomBins(Random random) {
        long[] bins = new long[random.nextInt(300)];
        int kind = random.nextInt(4);
        for (int i = 0; i < bins.length; i++) {
            if (random.nextInt(3) == 0) continue; // empty bins are common
            bins[i] = switch (kind) {
                case 0 -> random.nextLong() & 0xFFFF_FFFFL;                 // normalized
                case 1 -> random.nextLong() >> (1 + random.nextInt(62));    // any sign, any width below 2^62
                case 2 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE; // the extremes a long holds
                default -> random.nextInt(3) - 1;                           // carries through long runs of ones
            };
        }
        return bins;
    }

    @Test
    void isTheSumOfTheWeightedBinsAndRoundsAsBigDecimalDoes() {
        Random random = new Random(14);
        for (int trial = 0; trial < 20_000; trial++) {
            long[] bins = randomBins(random);
            long[] before = bins.clone();
            BigInteger expected = reference(bins);
            BinTotal total = BinTotal.of(bins);
            String what = Arrays.toString(bins);
            assertEquals(expected, total.toBigInteger(), what);
            assertEquals(expected.signum(), total.signum(), what);
            // Exponents that put the value anywhere from below the subnormals to beyond MAX_VALUE.
            int exponent = random.nextInt(2400) - 1300 - expected.bitLength() / 2;
            double rounded = expected.signum() == 0 ? 0.0 : referenceDouble(expected, exponent);
            assertEquals(rounded, total.nearest(exponent), () -> what + " * 2^" + exponent);
            assertEquals(Arrays.toString(before), what, "the bins are not changed");
        }
    }

    @Test
    void handWorkedCases() {
        assertEquals(0.0, BinTotal.of(new long[0]).nearest(0));
        assertEquals(0, BinTotal.of(new long[] {2, -1, 0}).signum(), "2 - 2 = 0");
        assertEquals(BigInteger.valueOf(-1), BinTotal.of(new long[] {-1}).toBigInteger());
        // 1 - 2 + 4 * 3 = 11; -2^63 at bin 1 is -2^64.
        assertEquals(BigInteger.valueOf(11), BinTotal.of(new long[] {1, -1, 3}).toBigInteger());
        assertEquals(BigInteger.ONE.shiftLeft(64).negate(), BinTotal.of(new long[] {0, Long.MIN_VALUE}).toBigInteger());
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: to the even 2^53; 2^53 + 3 to 2^53 + 4.
        assertEquals(Math.scalb(1.0, 53), BinTotal.of(new long[] {(1L << 53) + 1}).nearest(0));
        assertEquals(Math.scalb(1.0, 53) + 4, BinTotal.of(new long[] {(1L << 53) + 3}).nearest(0));
        assertEquals(-Math.scalb(1.0, 53) - 4, BinTotal.of(new long[] {-(1L << 53) - 3}).nearest(0));
        // 3 * 2^-1075 is 1.5 * MIN_VALUE: a tie between MIN_VALUE (odd) and 2 * MIN_VALUE (even).
        assertEquals(2 * Double.MIN_VALUE, BinTotal.of(new long[] {3}).nearest(-1075));
        assertEquals(0.0, BinTotal.of(new long[] {1}).nearest(-1076), "a quarter of MIN_VALUE");
        assertEquals(Double.POSITIVE_INFINITY, BinTotal.of(new long[] {1}).nearest(1024));
    }
}
