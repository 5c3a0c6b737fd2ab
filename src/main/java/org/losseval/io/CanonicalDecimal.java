package org.losseval.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Reads a number in the one form that prediction dumps almost always use, straight from the bytes of a
 * record, for {@link FastCsvSource}'s fused path: the canonical decimal
 * <pre>  -?digits[.digits][(e|E)[+-]?digits]</pre>
 * (what {@link Double#toString}, NumPy, pandas and printf write), walking its bytes once.
 *
 * <h2>Conversion</h2>
 * Up to 19 digits (leading zeros included: more are rare enough for the slow path) are accumulated into a
 * {@code long} m, eight at a time where eight digits follow ({@link #eightDigits}), and the value is
 * m × 10<sup>e</sup> with e the exponent less the digits after the point. When m ≤ 2<sup>53</sup> and
 * |e| ≤ 22, both m and 10<sup>|e|</sup> are exact doubles, so one IEEE multiplication or division, correctly
 * rounded, gives the correctly rounded value of the text (Clinger's fast path: W. D. Clinger, "How to read
 * floating point numbers accurately", PLDI 1990), the same bits as {@link Double#parseDouble}; the sign is
 * applied after rounding, which is symmetric. A zero mantissa is a zero of the text's sign whatever the exponent.
 *
 * <p>A larger mantissa (the 17-digit output of {@link Double#toString} is above 2<sup>53</sup> about half the
 * time) or |e| up to {@value #MAX_TABLE_POWER} goes through a table of 10<sup>e</sup> to 128 bits, T × 2<sup>s</sup>
 * with 2<sup>127</sup> ≤ T &lt; 2<sup>128</sup> and 10<sup>e</sup> ∈ [T, T + 1) × 2<sup>s</sup> (made with
 * {@link BigInteger} once): with m shifted to w ≥ 2<sup>63</sup>, the exact value lies in [N, N + w) × 2<sup>s'</sup>
 * where N = w × T (192 bits). Rounding to nearest is monotone, so when both ends round to the same double, that
 * double is the correctly rounded value; else the slow path decides. Usually the high 64 bits of w × T<sub>high</sub>
 * decide alone (the first step of Eisel and Lemire's algorithm: D. Lemire, "Number parsing at a gigabyte per
 * second", Software: Practice and Experience 51(8), 2021); the full product is needed only when the high word's
 * 10 or 11 bits below the mantissa lie within 2 units of the half way or of the next mantissa (about 4 in 2<sup>10</sup>
 * of uniformly spread bits), and undecided ends (within 2<sup>-64</sup> relative of a half way) are rarer still. The table's range keeps every
 * result normal (19 digits × 10<sup>±64</sup>), so no subnormal rounding is needed here.
 *
 * <p>Every other canonical number (more than 19 digits, leading zeros included; a farther exponent; an undecided
 * product) is handed, as the same bytes, to FastDoubleParser, which is what {@link ByteNumberCell} calls for such a
 * cell: the same bits again.
 *
 * <h2>What it declines</h2>
 * Anything outside the grammar ({@code +1}, {@code .5}, {@code 5.}, {@code 1e}, whitespace, words such as
 * {@code NaN}, an empty cell) and a number that overflows to infinity (a cell issue, which only the ordinary
 * path reports): {@link #parse} answers -1 and the caller reads the record the ordinary way. The byte after the
 * number is the caller's to check (a delimiter or a line end, else the record is declined too).
 */
final class CanonicalDecimal {
    /** The most digits accumulated: 10<sup>19</sup> − 1 still fits in 64 bits, unsigned. */
    static final int MAX_DIGITS = 19;
    /** The largest power of ten that is an exact double (5<sup>22</sup> < 2<sup>53</sup>). */
    private static final int MAX_EXACT_POWER = 22;
    /** Exponent digits stop counting here: any larger exponent is far outside the fast path anyway. */
    private static final int EXPONENT_CAP = 100_000;
    private static final double[] POWERS_OF_TEN = new double[MAX_EXACT_POWER + 1];
    private static final long[] POWERS_OF_TEN_LONG = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    /**
     * The powers of ten of the 128-bit path, 10<sup>q</sup> for |q| ≤ this: enough for 19 digits anywhere between
     * 10<sup>-64</sup> and 10<sup>64</sup>, far inside the normal doubles, so that path meets no subnormal.
     */
    static final int MAX_TABLE_POWER = 64;
    /**
     * 10<sup>q</sup> ≈ T × 2<sup>TEN_SCALE</sup> from below, with T = (TEN_HIGH, TEN_LOW) in [2<sup>127</sup>,
     * 2<sup>128</sup>) and 10<sup>q</sup> &lt; (T + 1) × 2<sup>TEN_SCALE</sup>; index q + {@link #MAX_TABLE_POWER}.
     */
    private static final long[] TEN_HIGH = new long[2 * MAX_TABLE_POWER + 1];
    private static final long[] TEN_LOW = new long[2 * MAX_TABLE_POWER + 1];
    private static final int[] TEN_SCALE = new int[2 * MAX_TABLE_POWER + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_EXACT_POWER; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
        for (int q = -MAX_TABLE_POWER; q <= MAX_TABLE_POWER; q++) {
            BigInteger five = BigInteger.valueOf(5).pow(Math.abs(q));
            BigInteger t;
            int scale;
            if (q >= 0) {
                // 10^q = 5^q × 2^q, and 5^q = T × 2^-shift (T its top 128 bits, rounded down).
                int shift = 128 - five.bitLength();
                t = shift >= 0 ? five.shiftLeft(shift) : five.shiftRight(-shift);
                scale = q - shift;
            } else {
                // 10^q = 2^q / 5^-q, and 1 / 5^-q = (2^e / 5^-q) × 2^-e with T = floor(2^e / 5^-q) of 128 bits.
                int e = 127 + five.bitLength();
                t = BigInteger.ONE.shiftLeft(e).divide(five);
                scale = q - e;
            }
            int i = q + MAX_TABLE_POWER;
            TEN_HIGH[i] = t.shiftRight(64).longValue();
            TEN_LOW[i] = t.longValue();
            TEN_SCALE[i] = scale;
        }
    }

    private CanonicalDecimal() {}

    /**
     * Reads the canonical decimal starting at {@code b[p]} (and ending before {@code end}) into {@code out[index]}.
     *
     * @return the index of the first byte after the number, or -1 when declined (see the class doc; {@code
     *         out[index]} is then undefined)
     */
    static int parse(byte[] b, int p, int end, double[] out, int index) {
        final int start = p;
        boolean negative = false;
        if (p < end && b[p] == '-') {
            negative = true;
            p++;
        }
        // The digits before and after the point are one run of digits for m; the point only shifts the exponent.
        long m = 0;
        final int intStart = p;
        int fractionStart = -1;
        while (true) {
            int runStart = p;
            while (p + 8 <= end) {
                // Eight bytes at a time: all digits, or the digits before the first byte that is not one.
                long x = (long) LONGS.get(b, p) - ZEROS;
                long notDigit = nonDigits(x);
                if (notDigit == 0) {
                    m = 100_000_000L * m + eightDigits(x);
                    p += 8;
                    continue;
                }
                int n = Long.numberOfTrailingZeros(notDigit) >>> 3;
                if (n > 0) {
                    // Shifting the n digits to the top fills the word's first bytes with zeros: the same n-digit value.
                    m = POWERS_OF_TEN_LONG[n] * m + eightDigits(x << (64 - 8 * n));
                    p += n;
                }
                break;
            }
            if (p + 8 > end) {
                // Near the end of the buffer: a byte at a time.
                int d;
                while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
                    m = 10 * m + d;
                    p++;
                }
            }
            if (p == runStart) return -1; // no digit before or after the point
            if (fractionStart >= 0 || p == end || b[p] != '.') break;
            fractionStart = ++p;
        }
        int fractionDigits = fractionStart < 0 ? 0 : p - fractionStart;
        // Leading zeros included; more than 19 digits in all go to the slow path (m has wrapped: unused).
        int digits = p - intStart - (fractionStart < 0 ? 0 : 1);
        int exponent = 0;
        if (p < end && (b[p] | 0x20) == 'e') {
            p++;
            boolean negativeExponent = false;
            if (p < end && (b[p] == '-' || b[p] == '+')) {
                negativeExponent = b[p] == '-';
                p++;
            }
            int exponentStart = p;
            int d;
            while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
                if (exponent < EXPONENT_CAP) exponent = 10 * exponent + d;
                p++;
            }
            if (p == exponentStart) return -1;
            if (negativeExponent) exponent = -exponent;
        }
        if (digits > MAX_DIGITS) return slowPath(b, start, p, out, index);
        // m is now the exact mantissa (below 10^19 < 2^64, read unsigned).
        if (m == 0) {
            out[index] = negative ? -0.0 : 0.0;
            return p;
        }
        long power = (long) exponent - fractionDigits;
        if (Long.compareUnsigned(m, 1L << 53) <= 0
                && power >= -MAX_EXACT_POWER && power <= MAX_EXACT_POWER) {
            double value = power < 0 ? m / POWERS_OF_TEN[(int) -power] : m * POWERS_OF_TEN[(int) power];
            out[index] = negative ? -value : value;
            return p;
        }
        if (power >= -MAX_TABLE_POWER && power <= MAX_TABLE_POWER) {
            long bits = nearest(m, (int) power);
            if (bits >= 0) {
                out[index] = Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
                return p;
            }
        }
        return slowPath(b, start, p, out, index);
    }

    /**
     * The bits of the double nearest to w × 10<sup>q</sup> (w ≥ 1 read unsigned, |q| ≤ {@value #MAX_TABLE_POWER}),
     * or -1 when the 128-bit power of ten cannot decide it (see the class doc); N = w × T with w shifted to
     * w ≥ 2<sup>63</sup> and T ≥ 2<sup>127</sup> is at least 2<sup>190</sup> and below 2<sup>192</sup> − w, so its
     * high word has its leading one at bit 62 or 63 and N + w does not carry out of it.
     */
    static long nearest(long w, int q) {
        int lz = Long.numberOfLeadingZeros(w);
        long shifted = w << lz;
        int i = q + MAX_TABLE_POWER;
        long tenHigh = TEN_HIGH[i];
        int scale = TEN_SCALE[i] - lz;
        // N = shifted × T as three words (high, middle, low); the exact value is in [N, N + shifted) × 2^scale.
        long middle = shifted * tenHigh;
        long high = unsignedMultiplyHigh(shifted, tenHigh);
        // Usually the high product decides alone (Eisel-Lemire's first step): the exact value lies in
        // [high, high + 2) units of the high word (the middle word, the low product and T's truncation add less
        // than 2), so when the bits of the high word below the mantissa stay on one side of the half way and no
        // carry reaches the mantissa within those 2 units, every value there rounds to the same double.
        int shift = 11 - Long.numberOfLeadingZeros(high);
        long half = 1L << (shift - 1);
        long rest = high & ((half << 1) - 1);
        if (rest + 2 <= half || rest > half && rest + 2 <= half << 1) {
            long mantissa = (high >>> shift) + (rest > half ? 1 : 0);
            if (mantissa == 1L << 53) {
                mantissa >>>= 1;
                shift++;
            }
            return bits(mantissa, shift + 128 + scale);
        }
        long tenLow = TEN_LOW[i];
        long low = shifted * tenLow;
        long lowCarry = unsignedMultiplyHigh(shifted, tenLow);
        middle += lowCarry;
        if (Long.compareUnsigned(middle, lowCarry) < 0) high++;
        long below = round(high, middle, low, scale);
        // N + shifted cannot carry out of the high word (see above).
        long upperLow = low + shifted;
        long upperMiddle = middle;
        long upperHigh = high;
        if (Long.compareUnsigned(upperLow, low) < 0 && ++upperMiddle == 0) upperHigh++;
        long above = round(upperHigh, upperMiddle, upperLow, scale);
        return below == above ? below : -1;
    }

    /**
     * The bits of the double nearest to (high, middle, low) × 2<sup>scale</sup>, rounding half to even, where the
     * high word has its leading one at bit 62 or 63; -1 when that double is not normal (the slow path decides).
     */
    private static long round(long high, long middle, long low, int scale) {
        int lead = 63 - Long.numberOfLeadingZeros(high);
        int shift = lead - 52;
        long mantissa = high >>> shift;
        long half = 1L << (shift - 1);
        long rest = high & ((half << 1) - 1);
        if (rest > half || rest == half && ((middle | low) != 0 || (mantissa & 1) != 0)) {
            mantissa++;
            if (mantissa == 1L << 53) {
                mantissa >>>= 1;
                shift++;
            }
        }
        return bits(mantissa, shift + 128 + scale);
    }

    /** The bits of mantissa × 2<sup>scale</sup> (2<sup>52</sup> ≤ mantissa &lt; 2<sup>53</sup>), or -1 when not a normal double. */
    private static long bits(long mantissa, int scale) {
        long exponent = 52L + scale + 1023;
        if (exponent < 1 || exponent > 2046) return -1;
        return exponent << 52 | mantissa & ((1L << 52) - 1);
    }

    /**
     * A high bit in each byte of {@code x} (the eight bytes less {@code '0'} each) that is not a digit, exact from the
     * first byte up to and including the first that is not a digit (a borrow or carry only runs to later bytes):
     * the byte was below {@code '0'} (the subtraction wraps) or above {@code '9'} (adding 0x76 reaches 0x80, or the
     * byte was 0x80 or more and its difference already has the high bit).
     */
    private static long nonDigits(long x) {
        return (x | x + 0x7676767676767676L) & 0x8080808080808080L;
    }

    /**
     * The value of eight digits 0–9 in the bytes of {@code x}, the first byte the most significant: pairs, then
     * quadruples, then the whole, in three multiplications (the SWAR conversion of simdjson and fast_float, D. Lemire,
     * "Number parsing at a gigabyte per second", Software: Practice and Experience 51(8), 2021).
     */
    private static long eightDigits(long x) {
        x = 10 * x + (x >>> 8);
        return ((x & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
                + (x >>> 16 & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + (a >> 63 & b) + (b >> 63 & a);
    }

    /** FastDoubleParser on the number's bytes, as {@link ByteNumberCell} reads them; -1 for infinity. */
    private static int slowPath(byte[] b, int from, int to, double[] out, int index) {
        double value;
        try {
            value = JavaDoubleParser.parseDouble(b, from, to - from);
        } catch (NumberFormatException e) {
            return -1; // not reached for the grammar above; the ordinary path reports it if it ever is
        }
        if (Double.isInfinite(value)) return -1;
        out[index] = value;
        return to;
    }
}
