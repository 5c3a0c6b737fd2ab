package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SmallExactSum} against an independent oracle, BigDecimal (exact for doubles), and against
 * {@link ExactSum}: sums over the whole exponent range, with cancellation, subnormals, signed zeros and the
 * largest doubles, and combined sums.
 */
class SmallExactSumTest {
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
            SmallExactSum small = new SmallExactSum();
            SmallExactSum other = new SmallExactSum();
            ExactSum big = new ExactSum();
            BigDecimal oracle = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                double x = awkward(random);
                if (i % 3 == 0) other.add(x); else small.add(x);
                big.add(x);
                oracle = oracle.add(new BigDecimal(x));
            }
            small.combine(other);
            // the oracle rounded once to the nearest double; beyond the double range the sum is out of range anyway
            double expected = oracle.round(MathContext.UNLIMITED).doubleValue();
            assertEquals(expected, small.value(), "trial " + trial);
            assertEquals(big.value(), small.value(), "trial " + trial);
        }
    }

    @Test
    void manyAdditionsOfTheSameValueCarryCorrectly() {
        SmallExactSum sum = new SmallExactSum();
        for (int i = 0; i < 3_000_000; i++) sum.add(0.1);
        assertEquals(new BigDecimal(0.1).multiply(BigDecimal.valueOf(3_000_000)).doubleValue(), sum.value());
    }

    @Test
    void nonFiniteValuesAsExactSum() {
        SmallExactSum sum = new SmallExactSum();
        sum.add(1);
        sum.add(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, sum.value());
        sum.add(Double.NEGATIVE_INFINITY);
        assertEquals(Double.NaN, sum.value());
        assertEquals(0.0, new SmallExactSum().value());
    }
}
