package org.losseval.accumulate;

import java.math.BigInteger;

/**
 * An exact dyadic rational m · 2<sup>e</sup> (m a {@link BigInteger}, e an int): what an {@link ExactSum} holds,
 * and what sums, differences and products of such sums are, exactly. The figures that combine several exact sums
 * before rounding once ({@link MeanSums}, {@link MomentSums}, {@link BootstrapMoments}) compute in this form.
 *
 * <p>Why not {@link java.math.BigDecimal}, which these figures used before: on JDK 25 its class initialisation
 * computes 5<sup>2<sup>k</sup></sup> up to 5<sup>65536</sup> (about 150M instructions, more than the rest of a
 * small run), and a run with {@code --baseline-pred} or {@code --group-by} paid it at every start
 * (src/bench/README.md, start-up, fifth round). {@code BigInteger} has no such cost.
 *
 * <p>{@link #quotient} keeps the figures' bits: it rounds a quotient exactly as
 * {@code a.divide(b, new MathContext(40)).doubleValue()} did (to 40 significant decimal digits, half up, then to
 * the nearest double, ties to even), both steps in integers. The 40-digit step is kept, not replaced by one
 * correct rounding, because the two differ when the 40-digit value is a midpoint between two doubles (for example
 * 2<sup>53</sup> + 1 + 10<sup>-30</sup>): the same bits as before, not better ones. {@code DyadicTest} checks both
 * against BigDecimal on random and constructed values.
 *
 * <p>Values are kept with m odd (or m = 0, e = 0), so that sums of numbers of very different scale stay small,
 * as {@link ExactSum#exactly} did for the decimal form. Immutable.
 */
final class Dyadic {
    static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);

    /** 40 significant decimal digits: the rounding of {@link #quotient}'s first step. */
    private static final int DIGITS = 40;
    private static final BigInteger LOW = BigInteger.TEN.pow(DIGITS - 1);
    private static final BigInteger HIGH = BigInteger.TEN.pow(DIGITS);
    /** log10(2), to estimate a quotient's decimal exponent from bit lengths (then corrected exactly). */
    private static final double LOG10_2 = 0.30102999566398120;

    private final BigInteger m;
    private final int e;

    private Dyadic(BigInteger m, int e) {
        this.m = m;
        this.e = e;
    }

    /** m · 2<sup>e</sup>, exactly. */
    static Dyadic of(BigInteger m, int e) {
        if (m.signum() == 0) return ZERO;
        int zeros = m.getLowestSetBit();
        return new Dyadic(m.shiftRight(zeros), e + zeros);
    }

    /** The integer n, exactly. */
    static Dyadic of(long n) {
        return of(BigInteger.valueOf(n), 0);
    }

    int signum() { return m.signum(); }

    Dyadic add(Dyadic other) {
        if (other.m.signum() == 0) return this;
        if (m.signum() == 0) return other;
        int low = Math.min(e, other.e);
        return of(m.shiftLeft(e - low).add(other.m.shiftLeft(other.e - low)), low);
    }

    Dyadic subtract(Dyadic other) {
        return add(other.negate());
    }

    Dyadic negate() {
        return new Dyadic(m.negate(), e);
    }

    Dyadic multiply(Dyadic other) {
        return of(m.multiply(other.m), e + other.e);
    }

    /** The value times 2<sup>k</sup>, exactly. */
    Dyadic timesPowerOfTwo(int k) {
        return m.signum() == 0 ? ZERO : new Dyadic(m, e + k);
    }

    /** The value rounded to the nearest double, ties to even (as {@code BigDecimal.doubleValue} of it). */
    double doubleValue() {
        if (m.signum() == 0) return 0.0;
        BigInteger magnitude = m.abs();
        double value = e >= 0 ? nearest(magnitude.shiftLeft(e), BigInteger.ONE) : nearest(magnitude, BigInteger.ONE.shiftLeft(-e));
        return m.signum() < 0 ? -value : value;
    }

    /**
     * {@code a / b} (b ≠ 0) rounded to 40 significant decimal digits, half up, and that to the nearest double, ties
     * to even: the bits of {@code a.divide(b, new MathContext(40)).doubleValue()} with a and b as BigDecimals.
     */
    static double quotient(Dyadic a, Dyadic b) {
        if (b.m.signum() == 0) throw new ArithmeticException("division by zero");
        if (a.m.signum() == 0) return 0.0;
        int shift = a.e - b.e;
        BigInteger p = a.m.abs();
        BigInteger q = b.m.abs();
        if (shift >= 0) p = p.shiftLeft(shift); else q = q.shiftLeft(-shift);
        // p/q = d · 10^-k with 10^39 <= d < 10^40 after rounding (k may be negative).
        int k = DIGITS - 1 - (int) Math.floor((p.bitLength() - q.bitLength()) * LOG10_2);
        BigInteger[] division;
        while (true) {
            division = scaled(p, q, k);
            if (division[0].compareTo(LOW) < 0) {
                k++;
            } else if (division[0].compareTo(HIGH) >= 0) {
                k--;
            } else {
                break;
            }
        }
        BigInteger d = division[0];
        BigInteger denominator = division[2];
        if (division[1].shiftLeft(1).compareTo(denominator) >= 0) d = d.add(BigInteger.ONE); // half up
        // d = 10^40 after rounding up is 10^39 · 10^-(k-1): the same value, so the next step needs no case for it.
        double value = k >= 0 ? nearest(d, BigInteger.TEN.pow(k)) : nearest(d.multiply(BigInteger.TEN.pow(-k)), BigInteger.ONE);
        boolean negative = a.m.signum() != b.m.signum();
        return negative ? -value : value;
    }

    /** {floor(p · 10^k / q), the remainder, the divisor} for p, q > 0. */
    private static BigInteger[] scaled(BigInteger p, BigInteger q, int k) {
        BigInteger numerator = k >= 0 ? p.multiply(BigInteger.TEN.pow(k)) : p;
        BigInteger denominator = k >= 0 ? q : q.multiply(BigInteger.TEN.pow(-k));
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return new BigInteger[] {qr[0], qr[1], denominator};
    }

    /**
     * p / q (p, q > 0) rounded to the nearest double, ties to even, subnormals and overflow to infinity included
     * (IEEE 754 round to nearest).
     */
    static double nearest(BigInteger p, BigInteger q) {
        // A quotient of 55 or 56 bits, the rest as a sticky remainder: value = (quotient + fraction) · 2^-s.
        int s = 55 - (p.bitLength() - q.bitLength());
        BigInteger[] qr = s >= 0 ? p.shiftLeft(s).divideAndRemainder(q) : p.divideAndRemainder(q.shiftLeft(-s));
        long quotient = qr[0].longValueExact();
        boolean sticky = qr[1].signum() != 0;
        int bits = 64 - Long.numberOfLeadingZeros(quotient);
        int exponent = bits - 1 - s; // 2^exponent <= value < 2^(exponent + 1)
        // Significant bits the double keeps: 53, fewer below the normal range (2^-1022).
        int kept = exponent >= -1022 ? 53 : 53 - (-1022 - exponent);
        int drop = bits - kept;
        if (drop >= 64) return 0.0; // below 2^-1075, half the smallest subnormal
        long mantissa = quotient >>> drop;
        long rest = quotient & ((1L << drop) - 1);
        long half = 1L << (drop - 1);
        if (rest > half || (rest == half && (sticky || (mantissa & 1) == 1))) mantissa++;
        // mantissa <= 2^53 and its exponent is a double's: exact, or infinity beyond the largest finite double.
        return Math.scalb((double) mantissa, drop - s);
    }
}
