package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Dyadic} against the {@link BigDecimal} computation it replaced: {@code a.divide(b, new MathContext(40))
 * .doubleValue()} for {@link Dyadic#quotient}, {@code doubleValue()} for {@link Dyadic#doubleValue}, and the
 * arithmetic (sums, differences, products, signs), on random values of every scale (doubles' exact sums and products, as the figures make them) and on
 * constructed cases: quotients at a midpoint between two doubles (where the 40-digit step decides), subnormal and
 * overflowing results.
 */
class DyadicTest {
    private static final MathContext FORTY = new MathContext(40);

    /**
     * m · 2^e as a BigDecimal, exactly, built here rather than by the code under test: m · 2^e for e ≥ 0, else
     * m · 5^-e · 10^e (2^e = 5^-e / 10^-e).
     */
    private static BigDecimal decimal(BigInteger m, int e) {
        return e >= 0 ? new BigDecimal(m.shiftLeft(e)) : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }

    private static double reference(BigDecimal a, BigDecimal b) {
        return a.divide(b, FORTY).doubleValue();
    }

    /** A random m · 2^e: m of 1 to 200 bits of either sign, e in [-1200, 1000]. */
    private static BigInteger[] random(SplittableRandom random) {
        BigInteger m = new BigInteger(1 + random.nextInt(200), new java.util.Random(random.nextLong()));
        if (m.signum() == 0) m = BigInteger.ONE;
        if (random.nextBoolean()) m = m.negate();
        return new BigInteger[] {m, BigInteger.valueOf(random.nextInt(-1200, 1000))};
    }

    @Test
    void quotientsAndValuesAreTheBigDecimalOnesOnRandomValues() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 10_000; i++) {
            BigInteger[] x = random(random);
            BigInteger[] y = random(random);
            int ex = x[1].intValue();
            int ey = y[1].intValue();
            if (i % 2 == 0) ey = ex + random.nextInt(-80, 80); // quotients of ordinary size, not only extremes
            Dyadic a = Dyadic.of(x[0], ex);
            Dyadic b = Dyadic.of(y[0], ey);
            BigDecimal da = decimal(x[0], ex);
            BigDecimal db = decimal(y[0], ey);
            String where = x[0] + "p" + ex + " / " + y[0] + "p" + ey;
            assertEquals(reference(da, db), Dyadic.quotient(a, b), where);
            assertEquals(da.doubleValue(), a.doubleValue(), where);
            assertEquals(da.add(db).doubleValue(), a.add(b).doubleValue(), where);
            assertEquals(da.subtract(db).doubleValue(), a.subtract(b).doubleValue(), where);
            assertEquals(da.multiply(db).doubleValue(), a.multiply(b).doubleValue(), where);
            assertEquals(da.signum(), a.signum(), where);
        }
    }

    /** Doubles and their exact sums and products: the values MeanSums' and MomentSums' formulas are made of. */
    @Test
    void quotientsOfSumsOfDoublesAreTheBigDecimalOnes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            ExactSum s = new ExactSum();
            ExactSum t = new ExactSum();
            int n = 1 + random.nextInt(20);
            int scale = random.nextInt(-60, 60);
            for (int r = 0; r < n; r++) {
                s.add(Math.scalb(random.nextDouble(-1, 1), scale + random.nextInt(-5, 5)));
                t.add(Math.scalb(random.nextDouble(0, 1), random.nextInt(-30, 30)));
            }
            Dyadic a = s.dyadic();
            Dyadic b = t.dyadic();
            BigDecimal da = s.exact();
            BigDecimal db = t.exact();
            if (db.signum() == 0) continue;
            BigDecimal spread = da.multiply(da).multiply(db).subtract(da.multiply(db).multiply(BigDecimal.valueOf(2)));
            Dyadic spreadD = a.multiply(a).multiply(b).subtract(a.multiply(b).timesPowerOfTwo(1));
            assertEquals(reference(da, db), Dyadic.quotient(a, b), i + ": " + da + " / " + db);
            assertEquals(reference(spread, db.multiply(db)), Dyadic.quotient(spreadD, b.multiply(b)), i + ": spread");
            assertEquals(s.value(), a.doubleValue());
        }
    }

    /**
     * 2^53 + 1 is a midpoint between the doubles 2^53 and 2^53 + 2. Just above it by 10^-30 (relative about 10^-46),
     * the 40-digit step rounds to the midpoint and the double step to even, 2^53: one correct rounding would give
     * 2^53 + 2. Just above it by 10^-20, 40 digits keep the excess and the result is 2^53 + 2.
     */
    @Test
    void theFortyDigitStepDecidesAtAMidpointAsBigDecimalDid() {
        BigInteger midpoint = BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE);
        // (midpoint · 2^100 + 1) / 2^100 = midpoint + 2^-100 (about 7.9e-31 above it)
        Dyadic a = Dyadic.of(midpoint.shiftLeft(100).add(BigInteger.ONE), 0);
        Dyadic b = Dyadic.of(BigInteger.ONE, 100);
        assertEquals(0x1p53, Dyadic.quotient(a, b));
        assertEquals(reference(decimal(midpoint.shiftLeft(100).add(BigInteger.ONE), 0), decimal(BigInteger.ONE, 100)),
                Dyadic.quotient(a, b));
        // midpoint + 2^-60 (about 8.7e-19 above it): 40 digits keep it, so it rounds up.
        Dyadic c = Dyadic.of(midpoint.shiftLeft(60).add(BigInteger.ONE), 0);
        Dyadic d = Dyadic.of(BigInteger.ONE, 60);
        assertEquals(0x1p53 + 2, Dyadic.quotient(c, d));
        // Negative: the same magnitudes.
        assertEquals(-0x1p53, Dyadic.quotient(a.negate(), b));
        assertEquals(-0x1p53 - 2, Dyadic.quotient(c, d.negate()));
    }

    @Test
    void subnormalZeroAndOverflowingQuotients() {
        Dyadic one = Dyadic.of(1);
        Dyadic three = Dyadic.of(3);
        for (int k : new int[] {1020, 1022, 1023, 1030, 1060, 1073, 1074, 1075, 1076, 1100}) {
            Dyadic tiny = Dyadic.of(BigInteger.ONE, -k);
            assertEquals(reference(decimal(BigInteger.ONE, -k), BigDecimal.valueOf(3)), Dyadic.quotient(tiny, three), "2^-" + k + "/3");
            assertEquals(Math.scalb(1.0, -k), tiny.doubleValue(), "2^-" + k);
            assertEquals(reference(BigDecimal.ONE, decimal(BigInteger.valueOf(3), k)), Dyadic.quotient(one, three.timesPowerOfTwo(k)),
                    "1/(3·2^" + k + ")");
        }
        assertEquals(Double.MIN_VALUE, Dyadic.of(BigInteger.ONE, -1074).doubleValue());
        assertEquals(0.0, Dyadic.of(BigInteger.ONE, -1075).doubleValue()); // a tie: to even, 0
        assertEquals(Double.MIN_VALUE, Dyadic.of(BigInteger.valueOf(3), -1076).doubleValue()); // 0.75 of it: up
        assertEquals(Double.MAX_VALUE, Dyadic.quotient(Dyadic.of(new BigDecimal(Double.MAX_VALUE).toBigIntegerExact(), 0), one));
        assertEquals(Double.POSITIVE_INFINITY, Dyadic.quotient(Dyadic.of(BigInteger.ONE, 1024), one));
        assertEquals(reference(decimal(BigInteger.ONE, 1024), BigDecimal.ONE), Dyadic.quotient(Dyadic.of(BigInteger.ONE, 1024), one));
        assertEquals(0.0, Dyadic.quotient(Dyadic.ZERO, three));
        assertEquals(1.0 / 3, Dyadic.quotient(one, three));
    }
}
