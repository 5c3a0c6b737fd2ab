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
 * then Tang's table-driven reduction {@code x = (128·k + j)·ln2/128 + r}, {@code 0 ≤ j < 128},
 * {@code |r| ≤ ln2/256}: the integer m = 128·k + j is x·128/ln 2 rounded to the nearest integer by adding
 * 1.5·2<sup>52</sup> (the integer is then the low bits of the sum, no double-to-long conversion);
 * {@code r = (x − m·ln2hi/128) − m·ln2lo/128} with fdlibm's split of ln 2 (ln2hi has a 32-bit significand,
 * so {@code m·ln2hi/128}, |m| < 2<sup>18</sup>, and the first subtraction are exact). Then {@code e^r − 1 = r + r²·q(r)} with q the
 * Taylor series {@code Σ r^(n−2)/n!, n = 2..5} by Horner with FMA (truncation below 2<sup>−60</sup>
 * relative: r⁶/720 ≤ 5.4·10<sup>−19</sup>), and {@code 2^(j/128)·e^r = T + (T·(e^r − 1) + t)} with
 * {@code T + t} the table's 2<sup>j/128</sup> to about 2<sup>−106</sup> ({@link #EXP_TABLE_HI},
 * {@link #EXP_TABLE_LO}; computed from an 80-digit decimal exp and held to it by {@code KernelMathTableTest}).
 * The last addition is the only rounding of size (0.5 ulp; the truncation, r's rounding and the FMAs' add
 * under 0.02 ulp together), so the result is within 0.52 ulp of e<sup>x</sup>. Finally
 * × 2<sup>k</sup>, built from exponent bits in two factors {@code 2^(k>>1) · 2^(k − (k>>1))}, both normal: the
 * first product is exact, the second rounds once, which gives +Inf on overflow and correctly rounded
 * subnormals or 0 on underflow. Why a table: the degree-13 series over {@code |r| ≤ ln2/2} that this replaced
 * was a chain of 12 dependent FMAs per exp, and the ten exps a row of a 10-class softmax were a third of a
 * cross-entropy run's CPU (src/bench/README.md); the table costs two loads from 2 KiB that stay in the cache.
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
    static final double[] EXP_Q = {1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120};

    /** exp's table has 2<sup>EXP_TABLE_BITS</sup> entries: m's low bits pick one, the rest is k. */
    static final int EXP_TABLE_BITS = 7;
    static final int EXP_TABLE_MASK = (1 << EXP_TABLE_BITS) - 1;
    /** 128 / ln 2, rounded (LOG2_E scaled exactly): m = round(x · this). */
    static final double EXP_TABLE_SCALE = LOG2_E * (1 << EXP_TABLE_BITS);
    /** ln2hi / 128, exact (a power-of-two scaling): the same 32-bit significand, so m·this is exact. */
    static final double LN2_HI_TABLE = LN2_HI / (1 << EXP_TABLE_BITS);
    /** ln2lo / 128, exact. */
    static final double LN2_LO_TABLE = LN2_LO / (1 << EXP_TABLE_BITS);

    /** 2<sup>j/128</sup> rounded to the nearest double, j = 0..127 (Python decimal, 80 digits: KernelMathTableTest). */
    static final double[] EXP_TABLE_HI = {
        0x1.0000000000000p+0, 0x1.0163da9fb3335p+0, 0x1.02c9a3e778061p+0, 0x1.04315e86e7f85p+0,
        0x1.059b0d3158574p+0, 0x1.0706b29ddf6dep+0, 0x1.0874518759bc8p+0, 0x1.09e3ecac6f383p+0,
        0x1.0b5586cf9890fp+0, 0x1.0cc922b7247f7p+0, 0x1.0e3ec32d3d1a2p+0, 0x1.0fb66affed31bp+0,
        0x1.11301d0125b51p+0, 0x1.12abdc06c31ccp+0, 0x1.1429aaea92de0p+0, 0x1.15a98c8a58e51p+0,
        0x1.172b83c7d517bp+0, 0x1.18af9388c8deap+0, 0x1.1a35beb6fcb75p+0, 0x1.1bbe084045cd4p+0,
        0x1.1d4873168b9aap+0, 0x1.1ed5022fcd91dp+0, 0x1.2063b88628cd6p+0, 0x1.21f49917ddc96p+0,
        0x1.2387a6e756238p+0, 0x1.251ce4fb2a63fp+0, 0x1.26b4565e27cddp+0, 0x1.284dfe1f56381p+0,
        0x1.29e9df51fdee1p+0, 0x1.2b87fd0dad990p+0, 0x1.2d285a6e4030bp+0, 0x1.2ecafa93e2f56p+0,
        0x1.306fe0a31b715p+0, 0x1.32170fc4cd831p+0, 0x1.33c08b26416ffp+0, 0x1.356c55f929ff1p+0,
        0x1.371a7373aa9cbp+0, 0x1.38cae6d05d866p+0, 0x1.3a7db34e59ff7p+0, 0x1.3c32dc313a8e5p+0,
        0x1.3dea64c123422p+0, 0x1.3fa4504ac801cp+0, 0x1.4160a21f72e2ap+0, 0x1.431f5d950a897p+0,
        0x1.44e086061892dp+0, 0x1.46a41ed1d0057p+0, 0x1.486a2b5c13cd0p+0, 0x1.4a32af0d7d3dep+0,
        0x1.4bfdad5362a27p+0, 0x1.4dcb299fddd0dp+0, 0x1.4f9b2769d2ca7p+0, 0x1.516daa2cf6642p+0,
        0x1.5342b569d4f82p+0, 0x1.551a4ca5d920fp+0, 0x1.56f4736b527dap+0, 0x1.58d12d497c7fdp+0,
        0x1.5ab07dd485429p+0, 0x1.5c9268a5946b7p+0, 0x1.5e76f15ad2148p+0, 0x1.605e1b976dc09p+0,
        0x1.6247eb03a5585p+0, 0x1.6434634ccc320p+0, 0x1.6623882552225p+0, 0x1.68155d44ca973p+0,
        0x1.6a09e667f3bcdp+0, 0x1.6c012750bdabfp+0, 0x1.6dfb23c651a2fp+0, 0x1.6ff7df9519484p+0,
        0x1.71f75e8ec5f74p+0, 0x1.73f9a48a58174p+0, 0x1.75feb564267c9p+0, 0x1.780694fde5d3fp+0,
        0x1.7a11473eb0187p+0, 0x1.7c1ed0130c132p+0, 0x1.7e2f336cf4e62p+0, 0x1.80427543e1a12p+0,
        0x1.82589994cce13p+0, 0x1.8471a4623c7adp+0, 0x1.868d99b4492edp+0, 0x1.88ac7d98a6699p+0,
        0x1.8ace5422aa0dbp+0, 0x1.8cf3216b5448cp+0, 0x1.8f1ae99157736p+0, 0x1.9145b0b91ffc6p+0,
        0x1.93737b0cdc5e5p+0, 0x1.95a44cbc8520fp+0, 0x1.97d829fde4e50p+0, 0x1.9a0f170ca07bap+0,
        0x1.9c49182a3f090p+0, 0x1.9e86319e32323p+0, 0x1.a0c667b5de565p+0, 0x1.a309bec4a2d33p+0,
        0x1.a5503b23e255dp+0, 0x1.a799e1330b358p+0, 0x1.a9e6b5579fdbfp+0, 0x1.ac36bbfd3f37ap+0,
        0x1.ae89f995ad3adp+0, 0x1.b0e07298db666p+0, 0x1.b33a2b84f15fbp+0, 0x1.b59728de5593ap+0,
        0x1.b7f76f2fb5e47p+0, 0x1.ba5b030a1064ap+0, 0x1.bcc1e904bc1d2p+0, 0x1.bf2c25bd71e09p+0,
        0x1.c199bdd85529cp+0, 0x1.c40ab5fffd07ap+0, 0x1.c67f12e57d14bp+0, 0x1.c8f6d9406e7b5p+0,
        0x1.cb720dcef9069p+0, 0x1.cdf0b555dc3fap+0, 0x1.d072d4a07897cp+0, 0x1.d2f87080d89f2p+0,
        0x1.d5818dcfba487p+0, 0x1.d80e316c98398p+0, 0x1.da9e603db3285p+0, 0x1.dd321f301b460p+0,
        0x1.dfc97337b9b5fp+0, 0x1.e264614f5a129p+0, 0x1.e502ee78b3ff6p+0, 0x1.e7a51fbc74c83p+0,
        0x1.ea4afa2a490dap+0, 0x1.ecf482d8e67f1p+0, 0x1.efa1bee615a27p+0, 0x1.f252b376bba97p+0,
        0x1.f50765b6e4540p+0, 0x1.f7bfdad9cbe14p+0, 0x1.fa7c1819e90d8p+0, 0x1.fd3c22b8f71f1p+0,
    };

    /** 2<sup>j/128</sup> − EXP_TABLE_HI[j], rounded: the table's low parts. */
    static final double[] EXP_TABLE_LO = {
        0x0.0p+0, 0x1.b61299ab8cdb7p-54, -0x1.19083535b085dp-56, -0x1.0a31c1977c96ep-54,
        0x1.d73e2a475b465p-55, -0x1.c91dfe2b13c27p-55, 0x1.186be4bb284ffp-57, 0x1.1487818316136p-54,
        0x1.8a62e4adc610bp-54, 0x1.01edc16e24f71p-54, 0x1.03a1727c57b53p-59, -0x1.b9bedc44ebd7bp-57,
        -0x1.6c51039449b3ap-54, -0x1.1b514b36ca5c7p-58, -0x1.32fbf9af1369ep-54, 0x1.2406ab9eeab0ap-55,
        -0x1.19041b9d78a76p-55, -0x1.11023d1970f6cp-54, 0x1.e5b4c7b4968e4p-55, -0x1.95386352ef607p-54,
        0x1.e016e00a2643cp-54, -0x1.1df98027bb78cp-54, 0x1.dc775814a8495p-55, 0x1.2a97e9494a5eep-55,
        0x1.9b07eb6c70573p-54, 0x1.ac155bef4f4a4p-55, 0x1.2bd339940e9d9p-55, -0x1.a4c3a8c3f0d7ep-54,
        0x1.612e8afad1255p-55, -0x1.10adcd6381aa4p-59, 0x1.0024754db41d5p-54, 0x1.1ca0f45d52383p-56,
        0x1.6f46ad23182e4p-55, 0x1.a9ce78e18047cp-55, 0x1.32721843659a6p-54, -0x1.b5cee5c4e4628p-55,
        -0x1.63aeabf42eae2p-54, -0x1.e958d3c9904bdp-54, -0x1.5e436d661f5e3p-56, -0x1.efff8375d29c3p-54,
        0x1.ada0911f09ebcp-55, -0x1.7d023f956f9f3p-54, -0x1.ef3691c309278p-58, -0x1.1c7dde35f7999p-55,
        0x1.89b7a04ef80d0p-59, 0x1.c944bd1648a76p-54, 0x1.3c1a3b69062f0p-56, 0x1.9cb62f3d1be56p-54,
        0x1.d4397afec42e2p-56, 0x1.8ecdbbc6a7833p-54, -0x1.4b309d25957e3p-54, -0x1.f768569bd93efp-55,
        -0x1.07abe1db13cadp-55, -0x1.d689cefede59bp-55, 0x1.9bb2c011d93adp-54, 0x1.295e15b9a1de8p-55,
        0x1.6324c054647adp-54, 0x1.c4b1b816986a2p-60, 0x1.ba6f93080e65ep-54, -0x1.3e2429b56de47p-54,
        -0x1.383c17e40b497p-54, -0x1.c483c759d8933p-55, -0x1.bb60987591c34p-54, 0x1.038ae44f73e65p-57,
        -0x1.bdd3413b26456p-54, -0x1.2895667ff0b0dp-56, -0x1.bbe3a683c88abp-57, -0x1.83c0f25860ef6p-55,
        -0x1.16e4786887a99p-55, -0x1.0a8d96c65d53cp-54, -0x1.0245957316dd3p-54, 0x1.866b80a02162dp-54,
        -0x1.41577ee04992fp-55, 0x1.f124cd1164dd6p-54, 0x1.05d02ba15797ep-56, -0x1.27c86626d972bp-54,
        -0x1.d4c1dd41532d8p-54, -0x1.8d684a341cdfbp-55, -0x1.fc6f89bd4f6bap-54, 0x1.994c2f37cb53ap-54,
        0x1.6e9f156864b27p-54, -0x1.0d55e32e9e3aap-56, 0x1.5cc13a2e3976cp-55, -0x1.dd6792e582524p-54,
        -0x1.75fc781b57ebcp-57, -0x1.64b7c96a5f039p-56, -0x1.d185b7c1b85d1p-54, -0x1.173bd91cee632p-54,
        0x1.c7c46b071f2bep-56, 0x1.824ca78e64c6ep-56, -0x1.359495d1cd533p-54, 0x1.6305c7ddc36abp-54,
        -0x1.d2f6edb8d41e1p-54, 0x1.bcb7ecac563c7p-54, 0x1.0fac90ef7fd31p-54, -0x1.f9234cae76cd0p-55,
        0x1.7a1cd345dcc81p-54, -0x1.bdef54c80e425p-54, -0x1.2805e3084d708p-57, -0x1.c71dfbbba6de3p-54,
        -0x1.5584f7e54ac3bp-56, -0x1.efcd30e54292ep-54, 0x1.23dd07a2d9e84p-55, -0x1.efdca3f6b9c73p-54,
        0x1.11065895048ddp-55, 0x1.b4537e083c60ap-54, 0x1.2884dff483cadp-54, 0x1.1acbc48805c44p-56,
        0x1.503cbd1e949dbp-56, -0x1.dd83b53829d72p-55, -0x1.cbc3743797a9cp-54, -0x1.d487b719d8578p-54,
        0x1.2ed02d75b3707p-55, -0x1.11ec18beddfe8p-54, 0x1.c2300696db532p-54, 0x1.2da5778f018c3p-54,
        -0x1.1a5cd4f184b5cp-54, -0x1.7b627817a1496p-54, 0x1.39e8980a9cc8fp-55, 0x1.2d522ca0c8de2p-54,
        -0x1.e9c23179c2893p-54, -0x1.c93f3b411ad8cp-54, 0x1.dc7f486a4b6b0p-54, 0x1.3a1a5bf0d8e43p-54,
        0x1.9d3e12dd8a18bp-54, -0x1.dbb12d006350ap-54, 0x1.74853f3a5931ep-55, 0x1.2eb74966579e7p-57,
    };

    /** R = Σ LOG_R[j]·w^(j+1), w = s², LOG_R[j] = 2/(2j+3): atanh's Taylor series. */
    static final double[] LOG_R = {
        2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21,
    };

    private KernelMath() {}

    /** e<sup>x</sup>; see the class comment. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN_ARGUMENT), EXP_MAX_ARGUMENT);
        double t = Math.fma(xc, EXP_TABLE_SCALE, ROUND_SHIFT);
        double md = t - ROUND_SHIFT;
        long m = Double.doubleToRawLongBits(t) - ROUND_SHIFT_BITS;
        double negMd = -md;
        double r = Math.fma(negMd, LN2_LO_TABLE, Math.fma(negMd, LN2_HI_TABLE, xc));
        double q = Math.fma(Math.fma(Math.fma(EXP_Q[3], r, EXP_Q[2]), r, EXP_Q[1]), r, EXP_Q[0]);
        double expm1 = Math.fma(r * r, q, r);
        int j = (int) (m & EXP_TABLE_MASK);
        double hi = EXP_TABLE_HI[j];
        double p = hi + Math.fma(hi, expm1, EXP_TABLE_LO[j]);
        long k = m >> EXP_TABLE_BITS;
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
