package org.losseval.kernel;

/**
 * exp, log and log1p built only from correctly rounded operations (+, −, ×, ÷, FMA, compare, and exact
 * bit manipulation), so that {@code VectorKernelMath} can repeat the same operation sequence lane by
 * lane and give the same bits at any vector width. {@link StrictMath} cannot serve: the Vector API's
 * EXP/LOG lane operations are not specified to match it, and calling it per lane is what the vector code
 * is meant to avoid. {@link Math#fma} and the Vector API's lanewise FMA are both exactly rounded, so
 * they agree.
 *
 * <p><b>exp(x)</b>: clamp x to [−746, 710] (beyond, the result is 0 or +Inf anyway; NaN stays NaN),
 * then Cody–Waite reduction {@code x = k·ln2 + r}, {@code |r| ≤ ln2/2}: k is x·log2(e) rounded to the
 * nearest integer by adding 1.5·2<sup>52</sup> (the integer is then the low bits of the sum, no
 * double-to-long conversion); {@code r = (x − k·ln2hi) − k·ln2lo} with fdlibm's split of ln 2 (ln2hi
 * has 32 trailing zero bits, so {@code k·ln2hi} and the first subtraction are exact). Then
 * {@code e^r = 1 + (r + r²·q(r))} with q the Taylor series {@code Σ r^(n−2)/n!, n = 2..13} (truncation
 * below 5·10<sup>−18</sup> relative) evaluated by Horner with FMA. Finally × 2<sup>k</sup>, built from
 * exponent bits in two factors {@code 2^(k>>1) · 2^(k − (k>>1))}, both normal: the first product is
 * exact, the second rounds once, which gives +Inf on overflow and correctly rounded subnormals or 0 on
 * underflow.
 *
 * <p><b>log(x)</b>: subnormal x is first scaled by 2<sup>52</sup>. Then fdlibm's split
 * {@code x = 2^k·z}, {@code z ∈ [√2/2, √2)} done on the bits, {@code f = z − 1} (exact),
 * {@code s = f/(2 + f)}, and {@code log(1 + f) = f − (f²/2 − s·(f²/2 + R))} where
 * {@code R = Σ 2/(2j+1)·s^(2j), j = 1..10} is the atanh series ({@code |s| ≤ 0.172}, truncation below
 * 10<sup>−18</sup> relative), plus {@code k·ln2hi + k·ln2lo}. Special cases: log(±0) = −Inf,
 * log(+Inf) = +Inf, log of a negative number or NaN = NaN.
 *
 * <p><b>log1p(x)</b>: {@code u = 1 + x} with its exact rounding error c from Knuth's TwoSum
 * ({@code 1 + x = u + c}), then the log above of u with {@code c/u} added to the low-order part
 * ({@code log(u + c) = log(u) + c/u + O(2^−106)}). So log1p(tiny) = tiny, and u never needs the
 * subnormal scaling ({@code u ≥ 2^−53} for {@code x > −1}). Special cases: log1p(±0) = ±0,
 * log1p(−1) = −Inf, log1p(+Inf) = +Inf, below −1 or NaN = NaN.
 *
 * <p>Accuracy, measured by {@code KernelMathAccuracyTest} against {@link StrictMath} on millions of
 * random arguments over the whole double range: at most 1 ulp (the class comment of that test gives
 * the figures). The bits are the same on every JVM and CPU: Java evaluates double arithmetic strictly.
 *
 * <p>Stateless and thread-safe. Constants are package-private so the vector code uses the very same ones.
 */
public final class KernelMath {

    /** Below this exp(x) is 0 (exp(−745.14) is already half the smallest subnormal); keeps k small. */
    static final double EXP_MIN_ARGUMENT = -746.0;
    /** Above this exp(x) is +Inf (ln(Double.MAX_VALUE) ≈ 709.78). */
    static final double EXP_MAX_ARGUMENT = 710.0;

    static final double LOG2_E = 0x1.71547652b82fep0;
    /** fdlibm's ln2_hi: 32 trailing zero bits, so k·LN2_HI is exact for |k| < 2<sup>20</sup>. */
    static final double LN2_HI = 0x1.62e42feep-1;
    /** fdlibm's ln2_lo = ln 2 − LN2_HI, rounded. */
    static final double LN2_LO = 0x1.a39ef35793c76p-33;

    /** 1.5·2<sup>52</sup>: adding it rounds to an integer and leaves the integer in the low bits. */
    static final double ROUND_SHIFT = 0x1.8p52;
    static final long ROUND_SHIFT_BITS = Double.doubleToRawLongBits(ROUND_SHIFT);

    static final long EXPONENT_BIAS = 1023;
    static final int MANTISSA_BITS = 52;

    /** Subnormal log arguments are multiplied by 2<sup>52</sup> and 52 is taken off k. */
    static final double TWO_TO_52 = 0x1p52;
    static final double SUBNORMAL_K_ADJUSTMENT = -52.0;
    /** Bits of a double just below √2/2: the split puts z in [√2/2, √2). */
    static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;

    /** e^r = 1 + r + r²·Σ EXP_Q[j]·r^j with EXP_Q[j] = 1/(j+2)!, each correctly rounded. */
    static final double[] EXP_Q = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800L,
    };

    /** R = Σ LOG_R[j]·w^(j+1), w = s², LOG_R[j] = 2/(2j+3): atanh's Taylor series. */
    static final double[] LOG_R = {
        2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21,
    };

    private KernelMath() {}

    /** e<sup>x</sup>; see the class comment. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN_ARGUMENT), EXP_MAX_ARGUMENT);
        double t = Math.fma(xc, LOG2_E, ROUND_SHIFT);
        double kd = t - ROUND_SHIFT;
        long k = Double.doubleToRawLongBits(t) - ROUND_SHIFT_BITS;
        double negKd = -kd;
        double r = Math.fma(negKd, LN2_LO, Math.fma(negKd, LN2_HI, xc));
        double q = EXP_Q[EXP_Q.length - 1];
        for (int j = EXP_Q.length - 2; j >= 0; j--) {
            q = Math.fma(q, r, EXP_Q[j]);
        }
        double p = Math.fma(r * r, q, r) + 1.0;
        long k1 = k >> 1;
        long k2 = k - k1;
        double scale1 = Double.longBitsToDouble((k1 + EXPONENT_BIAS) << MANTISSA_BITS);
        double scale2 = Double.longBitsToDouble((k2 + EXPONENT_BIAS) << MANTISSA_BITS);
        return p * scale1 * scale2;
    }

    /** Natural logarithm; see the class comment. */
    public static double log(double x) {
        boolean subnormal = x < Double.MIN_NORMAL;
        double scaled = subnormal ? x * TWO_TO_52 : x;
        double kAdjustment = subnormal ? SUBNORMAL_K_ADJUSTMENT : 0.0;
        double y = logOfPositive(scaled, kAdjustment, 0.0);
        if (!(x >= 0.0)) {
            return Double.NaN;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        return y;
    }

    /** log(1 + x), accurate for tiny x; see the class comment. */
    public static double log1p(double x) {
        double u = 1.0 + x;
        double xPart = u - 1.0;
        double onePart = u - xPart;
        double c = (1.0 - onePart) + (x - xPart);
        double y = logOfPositive(u, 0.0, c / u);
        if (!(x >= -1.0)) {
            return Double.NaN;
        }
        if (x == -1.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == 0.0) {
            return x; // keeps the sign of −0.0, which the sum 1 + x lost
        }
        return y;
    }

    /**
     * log(x) + correction for a positive normal finite x, with {@code kAdjustment} added to the binary
     * exponent (for the subnormal scaling). Other arguments give garbage, which callers replace.
     */
    private static double logOfPositive(double x, double kAdjustment, double correction) {
        long bits = Double.doubleToRawLongBits(x);
        long k = (bits - SQRT_HALF_BITS) >> MANTISSA_BITS;
        double z = Double.longBitsToDouble(bits - (k << MANTISSA_BITS));
        // (double) k without a conversion instruction, as the vector code must do it; exact for |k| < 2^51.
        double kd = Double.longBitsToDouble(k + ROUND_SHIFT_BITS) - ROUND_SHIFT + kAdjustment;
        double f = z - 1.0;
        double s = f / (2.0 + f);
        double w = s * s;
        double q = LOG_R[LOG_R.length - 1];
        for (int j = LOG_R.length - 2; j >= 0; j--) {
            q = Math.fma(q, w, LOG_R[j]);
        }
        double r = w * q;
        double halfFSquared = 0.5 * f * f;
        double low = Math.fma(s, halfFSquared + r, Math.fma(kd, LN2_LO, correction));
        return kd * LN2_HI - ((halfFSquared - low) - f);
    }
}
