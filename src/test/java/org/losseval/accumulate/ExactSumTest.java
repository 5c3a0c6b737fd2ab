package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    /** The exact sum by BigDecimal, rounded once: the independent reference. */
    private static double reference(double[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) sum = sum.add(new BigDecimal(v));
        return sum.doubleValue();
    }

    private static double exact(double[] values, int from, int to) {
        ExactSum sum = new ExactSum();
        for (int i = from; i < to; i++) sum.add(values[i]);
        return sum.value();
    }

    private static double[] wideRandom(int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(200) - 100);
        }
        return values;
    }

    @Test
    void matchesBigDecimalOnValuesSpanningManyExponents() {
        double[] values = wideRandom(20_000, 1);
        assertEquals(reference(values), exact(values, 0, values.length));
    }

    @Test
    void cancellationKeepsSmallTerms() {
        ExactSum sum = new ExactSum();
        sum.add(1e308);
        sum.add(1.0);
        sum.add(-1e308);
        sum.add(1e-300);
        assertEquals(1.0, sum.value()); // 1 + 1e-300 rounds to 1
        sum.add(-1.0);
        assertEquals(1e-300, sum.value());
    }

    @Test
    void orderDoesNotChangeABit() {
        double[] values = wideRandom(5_000, 2);
        double forward = exact(values, 0, values.length);
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) reversed[i] = values[values.length - 1 - i];
        assertEquals(Double.doubleToRawLongBits(forward), Double.doubleToRawLongBits(exact(reversed, 0, reversed.length)));
    }

    @Test
    void combiningSplitsEqualsTheWhole() {
        double[] values = wideRandom(3_000, 3);
        double whole = exact(values, 0, values.length);
        for (int split : new int[] {0, 1, 511, 512, 513, 1500, 2999, 3000}) {
            ExactSum left = new ExactSum();
            ExactSum right = new ExactSum();
            for (int i = 0; i < split; i++) left.add(values[i]);
            for (int i = split; i < values.length; i++) right.add(values[i]);
            left.combine(right);
            assertEquals(whole, left.value(), "split at " + split);
        }
    }

    @Test
    void manyLargeSignificandsAtOneExponentDoNotOverflowTheBins() {
        // 1.9999999999999998 has the largest significand; a million of them exercise every carry.
        double v = Math.nextDown(2.0);
        ExactSum sum = new ExactSum();
        for (int i = 0; i < 1_000_000; i++) sum.add(v);
        assertEquals(new BigDecimal(v).multiply(BigDecimal.valueOf(1_000_000)).doubleValue(), sum.value());
    }

    @Test
    void tenMillionTenthsAreCorrectlyRounded() {
        // The double nearest 0.1, ten million times: the exact sum is 1e7 * 0.1000000000000000055511...
        ExactSum sum = new ExactSum();
        for (int i = 0; i < 10_000_000; i++) sum.add(0.1);
        double expected = new BigDecimal(0.1).multiply(BigDecimal.valueOf(10_000_000)).doubleValue();
        assertEquals(expected, sum.value());
        double mean = sum.value() / 10_000_000;
        assertEquals(0.1, mean, 0.1 * 1e-15);
    }

    @Test
    void subnormalsAndZeros() {
        ExactSum sum = new ExactSum();
        sum.add(Double.MIN_VALUE);
        sum.add(Double.MIN_VALUE);
        sum.add(-0.0);
        assertEquals(2 * Double.MIN_VALUE, sum.value());
        assertEquals(0.0, new ExactSum().value());
    }

    @Test
    void overflowingExactSumIsInfinite() {
        ExactSum sum = new ExactSum();
        sum.add(Double.MAX_VALUE);
        sum.add(Double.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, sum.value());
        sum.add(-Double.MAX_VALUE);
        assertEquals(Double.MAX_VALUE, sum.value());
    }

    /**
     * The rounding of {@link ExactSum#value()} (binary, no BigDecimal) at the cases that decide it, each against
     * the BigDecimal reference and against the double worked out by hand.
     */
    @Test
    void roundsTiesToEvenAndBreaksThemByTheLowestBits() {
        double halfUlpOfOne = Math.scalb(1.0, -53);
        // Exactly half an ulp above 1 (even significand): stays 1.
        assertRounds(1.0, 1.0, halfUlpOfOne);
        // Half an ulp above 1 + 2^-52 (odd significand): up to the even 1 + 2^-51.
        assertRounds(1.0 + Math.scalb(1.0, -51), 1.0 + Math.scalb(1.0, -52), halfUlpOfOne);
        // A bit below the half decides: just above half rounds up, just below half rounds down.
        assertRounds(Math.nextUp(1.0), 1.0, halfUlpOfOne, Double.MIN_VALUE);
        assertRounds(1.0, 1.0, halfUlpOfOne, -Double.MIN_VALUE);
        // The same for negative sums (rounding is symmetric).
        assertRounds(-1.0, -1.0, -halfUlpOfOne);
        assertRounds(-Math.nextUp(1.0), -1.0, -halfUlpOfOne, -Double.MIN_VALUE);
        // Half an ulp above MAX_VALUE (odd significand) rounds to 2^1024: infinity.
        assertRounds(Double.POSITIVE_INFINITY, Double.MAX_VALUE, Math.scalb(1.0, 970));
        assertRounds(Double.MAX_VALUE, Double.MAX_VALUE, Math.scalb(1.0, 969));
        // Cancellation down to subnormals and to the smallest normal: kept exactly.
        assertRounds(Double.MIN_VALUE, Double.MIN_NORMAL + Double.MIN_VALUE, -Double.MIN_NORMAL);
        assertRounds(Double.MIN_NORMAL - Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_VALUE);
        assertRounds(-3 * Double.MIN_VALUE, 1e-300, -1e-300, -3 * Double.MIN_VALUE);
        // 2^60 + 1 + 2^-60: 2^60 (the rest is far below half an ulp of 2^60, which is 128).
        assertRounds(Math.scalb(1.0, 60), Math.scalb(1.0, 60), 1.0, Math.scalb(1.0, -60));
        // 2^60 + 256 + 128 is halfway between 2^60 + 256 (odd significand) and 2^60 + 512 (even): + 512.
        assertRounds(Math.scalb(1.0, 60) + 512, Math.scalb(1.0, 60) + 256, 128.0);
    }

    @Test
    void shortSumsOfEveryScaleMatchTheReference() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            double[] values = new double[1 + random.nextInt(4)];
            int scale = random.nextInt(2098) - 1075;
            for (int i = 0; i < values.length; i++) {
                double value = Math.scalb(random.nextDouble() - 0.5, scale + random.nextInt(120) - 60);
                values[i] = Double.isFinite(value) ? value : Double.MAX_VALUE;
            }
            assertEquals(reference(values), exact(values, 0, values.length), () -> java.util.Arrays.toString(values));
        }
    }

    /**
     * The exact total ({@link ExactSum#exact()}) and its rounding ({@link ExactSum#value()}) against BigDecimal
     * sums, with cancellation down to a remainder of either sign, many additions (carries between the bins),
     * added one by one, by {@code addAll} (the lanes) and by combining.
     */
    @Test
    void exactTotalsOfRandomSumsWithCancellationMatchBigDecimal() {
        Random random = new Random(41);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial % 10 == 0 ? 5000 : 60);
            double[] values = new double[n];
            int scale = random.nextInt(1900) - 1000;
            for (int i = 0; i < n; i++) {
                double value = Math.scalb(random.nextDouble() - 0.5, scale + random.nextInt(80) - 40);
                values[i] = Double.isFinite(value) ? value : Double.MAX_VALUE;
            }
            // Cancel most of the sum: the rest is a few low-order terms, of either sign.
            if (random.nextBoolean() && n > 2) values[n - 1] = -values[0];
            BigDecimal expected = BigDecimal.ZERO;
            for (double v : values) expected = expected.add(new BigDecimal(v));
            ExactSum oneByOne = new ExactSum();
            for (double v : values) oneByOne.add(v);
            ExactSum all = new ExactSum();
            all.addAll(values, n / 2);
            ExactSum rest = new ExactSum();
            rest.addAll(values, n / 2, n);
            all.combine(rest);
            for (ExactSum sum : new ExactSum[] {oneByOne, all}) {
                assertEquals(0, expected.compareTo(sum.exact()), () -> java.util.Arrays.toString(values));
                assertEquals(expected.doubleValue(), sum.value(), () -> java.util.Arrays.toString(values));
            }
        }
    }

    /**
     * Normalization (carries moved 32 bins up, every 2^9 additions to the bins and 2^9 rounds of the lanes) with
     * bins of both signs and carries out of every bin: many values of full 53-bit significands, of both signs, on
     * a few neighbouring exponents, so each bin fills to near its limit between normalizations, added by
     * {@code addAll} in runs of random lengths (rounds counted across calls), and the exact total against
     * BigDecimal's, bit for bit, also after more values and a combine.
     */
    @Test
    void normalizationKeepsEveryBitOfLongSignedRuns() {
        Random random = new Random(14);
        for (int trial = 0; trial < 12; trial++) {
            int n = 20_000 + random.nextInt(20_000);
            double[] values = new double[n];
            int scale = random.nextInt(200) - 100;
            double bias = trial % 3 == 0 ? 0.5 : trial % 3 == 1 ? 0.0 : -0.25; // all positive, mixed, mostly negative
            for (int i = 0; i < n; i++) {
                double m = 1 + Math.nextDown(random.nextDouble()); // a full significand in [1, 2)
                values[i] = Math.scalb(random.nextDouble() < 0.5 + bias ? m : -m, scale + random.nextInt(3));
            }
            BigDecimal expected = BigDecimal.ZERO;
            for (double v : values) expected = expected.add(new BigDecimal(v));
            ExactSum runs = new ExactSum();
            ExactSum second = new ExactSum();
            int from = 0;
            while (from < n) {
                int to = Math.min(n, from + 1 + random.nextInt(trial % 2 == 0 ? 40 : 9000));
                (from < n / 2 ? runs : second).addAll(values, from, to);
                from = to;
            }
            runs.combine(second);
            assertEquals(0, expected.compareTo(runs.exact()), "trial " + trial);
            assertEquals(expected.doubleValue(), runs.value(), "trial " + trial);
        }
    }

    private static void assertRounds(double expected, double... values) {
        assertEquals(expected, reference(values), "reference");
        assertEquals(expected, exact(values, 0, values.length));
    }

    @Test
    void nonFiniteValues() {
        ExactSum positive = new ExactSum();
        positive.add(1);
        positive.add(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, positive.value());

        ExactSum both = new ExactSum();
        both.add(Double.POSITIVE_INFINITY);
        both.add(Double.NEGATIVE_INFINITY);
        assertEquals(Double.NaN, both.value());

        ExactSum nan = new ExactSum();
        nan.add(Double.NaN);
        nan.add(3);
        assertEquals(Double.NaN, nan.value());

        ExactSum merged = new ExactSum();
        merged.add(2);
        merged.combine(positive);
        assertEquals(Double.POSITIVE_INFINITY, merged.value());
    }

    @Test
    void addAllAgreesWithOneByOneAtAwkwardSizes() {
        double[] values = wideRandom(5_000, 4);
        for (int n : new int[] {0, 1, 3, 4, 15, 16, 17, 2047, 2048, 2049, 4099}) {
            ExactSum bulk = new ExactSum();
            bulk.addAll(values, n);
            assertEquals(exact(values, 0, n), bulk.value(), "n = " + n);
            assertEquals(reference(java.util.Arrays.copyOf(values, n)), bulk.value(), "n = " + n);
        }
        double[] withInfinity = values.clone();
        withInfinity[2001] = Double.NEGATIVE_INFINITY;
        ExactSum bulk = new ExactSum();
        bulk.addAll(withInfinity, withInfinity.length);
        assertEquals(Double.NEGATIVE_INFINITY, bulk.value());
    }

    @Test
    void theWindowWidensBothWaysAndKeepsEveryBit() {
        // Values arriving from the middle outwards, then at both extremes, one by one and in lanes, with
        // zeros in between: each widening must move every bin (and lane) to its same absolute position.
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        double[] values = new double[4000];
        for (int i = 0; i < values.length; i++) {
            int exponent = (i / 40) * ((i / 20) % 2 == 0 ? 1 : -1) * 10;
            values[i] = i % 17 == 0 ? 0.0 : (random.nextDouble() - 0.5) * Math.scalb(1.0, Math.max(-1070, Math.min(1000, exponent)));
        }
        values[3999] = Double.MIN_VALUE;
        ExactSum oneByOne = new ExactSum();
        for (double v : values) oneByOne.add(v);
        ExactSum inChunks = new ExactSum();
        for (int from = 0; from < values.length; from += 37) {
            int n = Math.min(37, values.length - from);
            inChunks.addAll(java.util.Arrays.copyOfRange(values, from, from + n), n);
        }
        // One call whose values leave the window mid-way: addAll widens inside its lane loop.
        // (16 zeros first make the lanes with an empty window, so no first pass sizes it for the values)
        ExactSum oneCall = new ExactSum();
        oneCall.addAll(new double[16], 16);
        oneCall.addAll(values, values.length);
        double[] reversed = values.clone();
        for (int i = 0; i < reversed.length / 2; i++) {
            double t = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = t;
        }
        ExactSum oneCallReversed = new ExactSum();
        oneCallReversed.addAll(new double[16], 16);
        oneCallReversed.addAll(reversed, reversed.length);
        assertEquals(reference(values), oneByOne.value());
        assertEquals(reference(values), inChunks.value());
        assertEquals(reference(values), oneCall.value());
        assertEquals(reference(values), oneCallReversed.value());
    }

    @Test
    void combiningSumsOfDisjointWindows() {
        double[] small = {1e-200, 3e-201, -7e-199, 1e-210};
        double[] large = {1e200, -1e199, 3e180};
        ExactSum a = new ExactSum();
        for (double v : small) a.add(v);
        ExactSum b = new ExactSum();
        for (double v : large) b.add(v);
        ExactSum empty = new ExactSum();
        a.combine(b);
        a.combine(empty);
        empty.combine(a);
        double[] all = {1e-200, 3e-201, -7e-199, 1e-210, 1e200, -1e199, 3e180};
        assertEquals(reference(all), a.value());
        assertEquals(reference(all), empty.value());
        // b is unchanged by being combined into a.
        assertEquals(reference(large), b.value());
    }

    @Test
    void storageFollowsTheExponentsUsed() {
        ExactSum empty = new ExactSum();
        assertEquals(0, empty.arrayBytes());
        ExactSum losses = new ExactSum();
        double[] values = new double[8192];
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        // Values with exponents -30..30, and zeros: 61 exponents, plus slack and carry room.
        for (int i = 0; i < values.length; i++) values[i] = i % 10 == 0 ? 0 : Math.scalb(1 + random.nextDouble(), random.nextInt(-30, 31));
        losses.addAll(values, values.length);
        // 61 exponents used + 2 * 16 slack + 64 carry bins, in the bins and 4 lanes: 6,280 bytes (not 85 KiB).
        assertEquals(5 * 8 * (61 + 32 + 64), losses.arrayBytes());
        assertEquals(reference(values), losses.value());
    }

    /**
     * {@link ExactSum#exactly}: m·2^e as the same number as the fixed-scale form it replaced
     * (m·2^(e+1075)·5^1075 at scale 1075, which is m·2^e), at the smallest scale: a sum of values with a few
     * fractional bits has a scale of a few digits, not 1075.
     */
    @Test
    void exactlyIsTheNumberAtTheSmallestScale() {
        Random random = new Random(8);
        for (int trial = 0; trial < 500; trial++) {
            java.math.BigInteger m = new java.math.BigInteger(1 + random.nextInt(200), random);
            if (random.nextBoolean()) m = m.negate();
            int e = random.nextInt(1100) - 1075;
            BigDecimal fixed = new BigDecimal(m.shiftLeft(e + 1075).multiply(java.math.BigInteger.valueOf(5).pow(1075)), 1075);
            BigDecimal small = ExactSum.exactly(m, e);
            assertEquals(0, fixed.compareTo(small), m + " * 2^" + e);
            assertEquals(Math.max(0, fixed.stripTrailingZeros().scale()), small.scale(), "smallest scale");
        }
        ExactSum sum = new ExactSum();
        sum.add(0.75);
        sum.add(2.5);
        assertEquals(new BigDecimal("3.25"), sum.exact(), "3.25 at scale 2");
        assertEquals(BigDecimal.ZERO, ExactSum.exactly(java.math.BigInteger.ZERO, -40));
    }
}
