package org.losseval.accumulate;

import java.math.BigInteger;

/**
 * The bins of an {@link ExactSum} carried into one integer, and that integer rounded to a double.
 *
 * <p>Bin i weighs 2<sup>i</sup>, and after {@link ExactSum}'s normalization its bins overlap (each holds up to
 * 32 bits, the top ones more, with a sign), so the integer is &Sigma; bins[i] &middot; 2<sup>i</sup>. Why not
 * {@code BigInteger}: building it bin by bin ({@code total.shiftLeft(1).add(bin)}) copies the whole number at
 * every bin, quadratic in the bins, and in a short run the JIT compilers spent a good part of their work on
 * those {@code BigInteger} loops. Here one pass from the lowest bin up carries the bins into bits, one bit a
 * bin: with carry c, bin i's bit is the lowest bit of bins[i] + c and the next carry is
 * &lfloor;(bins[i] + c) / 2&rfloor;, computed as {@code (a >> 1) + (c >> 1) + (a & c & 1)} so it cannot
 * overflow (|c| stays below the largest |bin| + 1). What is left of the carry after the top bin is written out
 * bit by bit until it is 0 or &minus;1, the sign. The result is two's complement in 64-bit words, lowest word
 * first, turned into sign and magnitude once.
 *
 * <p>Linear in the bins; a {@link BigInteger} is made only for {@link ExactSum#exact()} ({@link #toBigInteger}).
 */
final class BinTotal {
    private static final int WORD_BITS = 64;

    /** The magnitude, 64 bits a word, lowest word first; words above {@link #bitLength} are zero. */
    private final long[] magnitude;
    private final boolean negative;
    private final int bitLength;

    private BinTotal(long[] magnitude, boolean negative) {
        this.magnitude = magnitude;
        this.negative = negative;
        int top = magnitude.length - 1;
        while (top >= 0 && magnitude[top] == 0) top--;
        this.bitLength = top < 0 ? 0 : top * WORD_BITS + WORD_BITS - Long.numberOfLeadingZeros(magnitude[top]);
    }

    /** &Sigma; bins[i] &middot; 2<sup>i</sup>, exactly; the bins are not changed. */
    static BinTotal of(long[] bins) {
        // The bins' own bits, then at most 63 more for what is left of the carry, then a sign word.
        long[] words = new long[(bins.length + WORD_BITS - 1) / WORD_BITS + 2];
        long carry = 0;
        int bit = 0;
        for (; bit < bins.length; bit++) {
            long a = bins[bit];
            if (((a ^ carry) & 1) != 0) words[bit >>> 6] |= 1L << bit;
            carry = (a >> 1) + (carry >> 1) + (a & carry & 1);
        }
        for (; carry != 0 && carry != -1; bit++) {
            if ((carry & 1) != 0) words[bit >>> 6] |= 1L << bit;
            carry >>= 1;
        }
        boolean negative = carry == -1;
        if (negative) {
            // Sign-extend from bit upwards, then negate (invert, add one) to get the magnitude.
            words[bit >>> 6] |= -1L << bit;
            for (int w = (bit >>> 6) + 1; w < words.length; w++) words[w] = -1L;
            boolean addOne = true;
            for (int w = 0; w < words.length; w++) {
                words[w] = ~words[w];
                if (addOne) {
                    words[w]++;
                    addOne = words[w] == 0;
                }
            }
        }
        return new BinTotal(words, negative);
    }

    /** -1, 0 or 1. */
    int signum() {
        return bitLength == 0 ? 0 : negative ? -1 : 1;
    }

    /**
     * This integer &times; 2<sup>{@code exponent}</sup> rounded to the nearest double, ties to even (IEEE 754
     * roundTiesToEven), beyond {@link Double#MAX_VALUE} to an infinity; zero gives +0.0. The same double as
     * {@code new BigDecimal(...).doubleValue()} of that value, without the decimal detour (on Java 17
     * {@code BigDecimal.doubleValue} parses the decimal string of the value, about 1,100 digits here).
     *
     * <p>The double keeps the top 53 bits of the magnitude, and no bit below 2<sup>-1074</sup> (subnormals);
     * the bits dropped decide the rounding: above half up, below half down, exactly half to the even neighbour.
     * The rounded significand is at most 2<sup>53</sup>, so it and its scaling by a power of two are exact
     * ({@link Math#scalb} is exact when the result is representable, and returns an infinity past the range).
     */
    double nearest(int exponent) {
        if (bitLength == 0) return 0.0;
        int drop = Math.max(0, Math.max(bitLength - 53, -1074 - exponent));
        long kept = bits(drop, 53);
        if (drop > 0 && testBit(drop - 1) && ((kept & 1) == 1 || anyBitBelow(drop - 1))) kept++;
        double rounded = Math.scalb((double) kept, exponent + drop);
        return negative ? -rounded : rounded;
    }

    /** The same integer as a {@link BigInteger}. */
    BigInteger toBigInteger() {
        if (bitLength == 0) return BigInteger.ZERO;
        int words = (bitLength + WORD_BITS - 1) / WORD_BITS;
        byte[] bigEndian = new byte[words * 8];
        for (int w = 0; w < words; w++) {
            long word = magnitude[w];
            for (int b = 0; b < 8; b++) bigEndian[bigEndian.length - 1 - (w * 8 + b)] = (byte) (word >>> (8 * b));
        }
        return new BigInteger(negative ? -1 : 1, bigEndian);
    }

    /** Bits [from, from + count) of the magnitude as a long (count &lt;= 63); bits beyond the top are zero. */
    private long bits(int from, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) value = (value << 1) | (testBit(from + i) ? 1 : 0);
        return value;
    }

    private boolean testBit(int n) {
        int w = n >>> 6;
        return w < magnitude.length && (magnitude[w] >>> n & 1) != 0;
    }

    /** Whether any bit of the magnitude below bit n is set. */
    private boolean anyBitBelow(int n) {
        int w = Math.min(n >>> 6, magnitude.length);
        for (int i = 0; i < w; i++) if (magnitude[i] != 0) return true;
        return w < magnitude.length && (magnitude[w] & ((1L << n) - 1)) != 0;
    }
}
