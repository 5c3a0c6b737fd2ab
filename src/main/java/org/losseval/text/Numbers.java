package org.losseval.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place where numbers become text. Everything is written with {@link java.util.Locale#ROOT}
 * conventions by construction (the digits come from {@link Long#toString(long)} of the shortest decimal's digits,
 * never from a locale-aware formatter): a '.' decimal point, no grouping separators.
 *
 * <p>Two styles:
 * <ul>
 *   <li>{@link #human(double, int)} for people: rounded to a number of significant digits, trailing zeros
 *       stripped: {@code 16200}, {@code 1095.83}, {@code 0.0513}.</li>
 *   <li>{@link #exact(double)} for machines: the shortest decimal that reads back as the same double
 *       through {@link Double#parseDouble(String)}, valid as a JSON number: {@code 0.30000000000000004},
 *       {@code 5e-324}, {@code 1.7976931348623157e+308}, {@code 16200}.</li>
 * </ul>
 *
 * <p>Layout, shared by both styles, decided on the value after rounding: plain notation when
 * {@code 1e-4 <= |v| < 1e15}; otherwise exponent notation {@code d.ddde±XX} with at least two exponent
 * digits ({@code 1.23e-07}, {@code 2.5e+15}). Zero is {@code 0}. Non-finite values are {@code NaN},
 * {@code inf} and {@code -inf} in both styles; these are what Python's {@code float()}, NumPy, pandas, R
 * and Go read, but not {@code Double.parseDouble} (which wants {@code Infinity}): the round-trip promise of
 * {@code exact} is for finite values. JSON has no non-finite numbers; the JSON printer writes them as
 * {@code null} with a text sibling.
 *
 * <p><b>Shortest round trip.</b> {@link Double#toString(double)} is not suitable: it writes {@code 1.0E10}
 * style, always writes at least two digits ({@code 4.9E-324} where {@code 5e-324} suffices), and before
 * JDK 19 it is not always shortest (JDK-4511638). On JDK 17, {@code 1e23} prints as
 * {@code 9.999999999999999E22} and {@code 2.82879384806159e17} as {@code 2.82879384806159008E17}; JDK 25
 * (Schubfach, JDK 19+) prints {@code 1.0E23} and {@code 2.82879384806159E17}, so its output differs
 * between the two JDKs we run on. This class does not rely on it (it uses its digits on JDK 19+ only where its
 * specification makes them the same decimal, {@link #shortestFromToString}); by definition
 * it rounds the exact binary value of {@code v} down and up to p significant digits and finds the smallest p
 * where one of the two reads back as {@code v} (by binary search over 1..17), keeping the nearer one if both
 * do. Any p-digit decimal inside the round-trip interval of {@code v} lies between those two neighbours,
 * so p is minimal; 17 digits always suffice. The result depends only on {@link BigDecimal} and the correctly rounded
 * {@code Double.parseDouble}, so JDK 17 and JDK 25 write the same text (the test suite, whose fixture comes
 * from Python's {@code repr}, passes on both). Negative zero is written {@code -0.0}, not {@code -0}, because
 * JSON readers such as Python's read {@code -0} as the integer 0 and lose the sign.
 *
 * <p><b>Human rounding</b> starts from that shortest decimal and rounds half up, as Java's
 * {@code String.format} does, so a person who sees {@code 0.15} in full sees {@code 0.2} at one digit
 * (rounding the binary value, 0.1499999…, would give 0.1). Negative zero is shown as {@code 0}.
 *
 * <p>Stateless and thread-safe. Cost: on JDK 17 one {@code BigDecimal} rounding and a few parses per number
 * (about 1 us; see {@link #shortest} for how), on JDK 19+ mostly one {@code Double.toString}.
 */
public final class Numbers {
    /** Significant digits of the human formats when {@code --precision} is not given. */
    public static final int DEFAULT_SIGNIFICANT_DIGITS = 6;
    public static final int MIN_SIGNIFICANT_DIGITS = 1;
    /** 17 significant digits identify every double, so more would only add noise. */
    public static final int MAX_SIGNIFICANT_DIGITS = 17;

    /** Plain notation for decimal exponents (of the leading digit) -4..14, that is 1e-4 <= |v| < 1e15. */
    private static final int PLAIN_FROM_EXPONENT = -4;
    private static final int PLAIN_BELOW_EXPONENT = 15;

    private Numbers() {}

    /**
     * {@code v} for people: rounded half up to {@code significantDigits} significant digits, trailing zeros
     * stripped, plain notation for {@code 1e-4 <= |v| < 1e15} and exponent notation outside.
     *
     * @throws IllegalArgumentException when {@code significantDigits} is outside 1..17
     */
    public static String human(double v, int significantDigits) {
        checkSignificantDigits(significantDigits);
        if (!Double.isFinite(v)) return nonFinite(v);
        if (v == 0) return "0";
        return layout(v < 0, shortestDecimal(Math.abs(v)).roundHalfUp(significantDigits));
    }

    /**
     * {@code v} for machines: the shortest decimal that {@link Double#parseDouble(String)} reads back as
     * exactly {@code v} (nearest to {@code v} among equally short ones), valid as a JSON number.
     * Non-finite values give {@code NaN}, {@code inf}, {@code -inf}, which are not JSON numbers.
     */
    public static String exact(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        if (v == 0) return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0.0";
        return layout(v < 0, shortestDecimal(Math.abs(v)));
    }

    /**
     * A fraction for people as a percentage with two decimals: {@code 0.99588} gives {@code 99.59%},
     * {@code 1} gives {@code 100.00%}. Like {@link #human}, it rounds the shortest decimal half up, so
     * {@code 0.00005} is {@code 0.01%}. Non-finite fractions give {@code NaN}, {@code inf}, {@code -inf}.
     */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return nonFinite(fraction);
        if (fraction == 0) return "0.00%";
        Decimal d = shortestDecimal(Math.abs(fraction));
        // The percentage is digits x 10^-(scale - 2); in hundredths of a percent, digits x 10^(4 - scale).
        int drop = d.scale - 4;
        // exact when no digit is dropped (the zeros appended as text: a long would overflow from 1e15)
        String hundredths = drop <= 0 ? d.digits + "0".repeat(-drop) : Long.toString(d.dropHalfUp(drop));
        if (hundredths.length() < 3) hundredths = "0".repeat(3 - hundredths.length()) + hundredths;
        int point = hundredths.length() - 2;
        // -0.001% rounds to -0.00%, which would read as a sign error: no sign on zero.
        String sign = fraction < 0 && !hundredths.equals("000") ? "-" : "";
        return sign + hundredths.substring(0, point) + "." + hundredths.substring(point) + "%";
    }

    /**
     * A fraction as the exact percentage it stands for, without a % sign or trailing zeros, from its
     * shortest decimal: {@code 0.01} gives {@code 1}, {@code 0.005} gives {@code 0.5}, {@code 0.05} gives
     * {@code 5} (where {@code 0.05 * 100} in binary is 5.000000000000001). For headers such as
     * {@code top 5%}; {@code fraction} must be finite.
     */
    public static String percentNumber(double fraction) {
        if (!Double.isFinite(fraction)) throw new IllegalArgumentException("not a finite fraction: " + fraction);
        if (fraction == 0) return "0";
        Decimal d = shortestDecimal(Math.abs(fraction));
        StringBuilder text = new StringBuilder(24);
        if (fraction < 0) text.append('-');
        return plain(text, Long.toString(d.digits), d.scale - 2).toString();
    }

    /**
     * ceil({@code v} &times; {@code n}) with {@code v} read as its shortest decimal ({@link #decimal}), so that
     * 0.07 &times; 100 is 7 (in doubles it is 7.000000000000001, whose ceiling would be 8); {@code v} finite,
     * {@code n} not negative. Long arithmetic when the product fits, else {@link BigDecimal}.
     *
     * @throws ArithmeticException when the result does not fit a long
     */
    public static long ceilTimes(double v, long n) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        if (v > 0 && n > 0) {
            Decimal d = shortestDecimal(v);
            long product = d.digits * n;
            if (d.scale >= 0 && d.scale <= TRUNCATED_DIGITS && Math.multiplyHigh(d.digits, n) == 0 && product >= 0) {
                long k = POWERS_OF_TEN[d.scale];
                return product / k + (product % k == 0 ? 0 : 1);
            }
        }
        return decimal(v).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * The one range rule for a number of significant digits (--precision and every printer's constructor call
     * it; the command line shows its message after the option's name).
     *
     * @throws IllegalArgumentException when {@code significantDigits} is outside 1..17
     */
    public static void checkSignificantDigits(int significantDigits) {
        if (significantDigits < MIN_SIGNIFICANT_DIGITS || significantDigits > MAX_SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException("significant digits must be between " + MIN_SIGNIFICANT_DIGITS
                    + " and " + MAX_SIGNIFICANT_DIGITS + ", got " + significantDigits);
        }
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) return "NaN";
        return v > 0 ? "inf" : "-inf";
    }

    /**
     * The shortest decimal that reads back as {@code v}, as a number to compute with (a fraction the user
     * typed, read as the decimal they meant: 0.07 of 100 rows is 7 rows); {@code v} finite.
     */
    public static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        return v == 0 ? BigDecimal.ZERO : shortest(v);
    }

    /**
     * The shortest decimal that reads back as {@code v}, the nearer of two (the even one in a tie); {@code v}
     * finite and not zero. The same decimal as {@link #shortestByRounding} (the definition, in the class
     * Javadoc), found with one {@link BigDecimal} rounding instead of about ten, because {@code --rows-out}
     * writes millions of numbers (5 us a number took 150 s for 10^7 rows of three numbers):
     * <ol>
     *   <li>the exact value of |v| is truncated once to 18 significant digits, an integer m below 10^18
     *       (a long) times a power of ten, and whether the truncation was exact is remembered;</li>
     *   <li>at p &le; 17 digits, with k = 10^(18 - p), the p-digit decimal at or below |v| is m / k, the one
     *       at or above is m / k + 1 unless |v| is exactly m / k (truncation toward zero keeps the floor at
     *       every coarser precision), so each probe of the search is long arithmetic and one or two parses,
     *       the nearer candidate first (the answer when it reads back);</li>
     *   <li>the nearer of the two: with r = m mod k, the lower one is at r + e and the upper one at k - r - e
     *       (units of the 18th digit, 0 &le; e &lt; 1 the truncated rest, 0 exactly when the truncation was
     *       exact); k is even, so 2r &lt; k means lower, 2r &gt; k upper, and 2r = k upper unless e = 0, a
     *       tie, which goes to the even one as half-even rounding does;</li>
     *   <li>the search starts at the digit count of {@link Double#toString(double)} (which reads back, so p
     *       is at most that; on JDK 17 it is sometimes longer than needed, on 19+ never), probing it and one
     *       digit fewer, and falls back to a binary search below it. The hint only orders the probes; the
     *       result is the same on every JDK.</li>
     * </ol>
     * On JDK 19+ all this is skipped when {@link Double#toString(double)}'s digits are already the answer
     * ({@link #shortestFromToString}: all but some one- and two-digit values), so no {@link BigDecimal} is
     * rounded there.
     * NumbersTest checks it against {@link #shortestByRounding} on a quarter of a million doubles of every kind.
     */
    static BigDecimal shortest(double v) {
        BigDecimal magnitude = shortestDecimal(Math.abs(v)).toBigDecimal();
        return v < 0 ? magnitude.negate() : magnitude;
    }

    /**
     * {@link #shortest} of {@code magnitude} (positive, finite) as digits and a scale. On JDK 19+ from
     * {@link Double#toString(double)} where that is the answer ({@link #shortestFromToString}), without touching
     * {@link BigDecimal}: on JDK 25 the first use of {@code BigDecimal} runs its class initialisation, which
     * computes 5<sup>65536</sup> (its {@code FIVE_TO_2_TO} table) and cost a three-row run about 150M of its
     * 470M instructions, with the compilations of {@code BigInteger}'s loops it sets off.
     */
    static Decimal shortestDecimal(double magnitude) {
        String text = Double.toString(magnitude);
        if (TO_STRING_IS_SHORTEST) {
            Decimal fromText = shortestFromToString(text, magnitude);
            if (fromText != null) return fromText;
        }
        return shortestByTruncation(magnitude, text);
    }

    /** {@link #shortest} of {@code magnitude} (positive, finite) as steps 1-4 above; {@code text} is its toString. */
    private static Decimal shortestByTruncation(double magnitude, String text) {
        BigDecimal exactValue = new BigDecimal(magnitude);
        BigDecimal truncated = exactValue.round(new MathContext(TRUNCATED_DIGITS, RoundingMode.DOWN));
        boolean exact = truncated.compareTo(exactValue) == 0;
        long m = truncated.unscaledValue().longValueExact();
        int scale = truncated.scale();
        for (int missing = TRUNCATED_DIGITS - truncated.precision(); missing > 0; missing--) {
            m *= 10;
            scale++;
        }
        Digits digits = new Digits(m, scale, exact, magnitude);
        int hint = Math.min(MAX_SIGNIFICANT_DIGITS, significantDigits(text));
        int fewest = MIN_SIGNIFICANT_DIGITS;
        int enough = MAX_SIGNIFICANT_DIGITS;
        Decimal best = digits.candidate(hint);
        if (best != null) {
            enough = hint;
            Decimal shorter = hint > fewest ? digits.candidate(hint - 1) : null;
            if (shorter == null) {
                fewest = hint;
            } else {
                best = shorter;
                enough = hint - 1;
            }
        }
        while (fewest < enough) {
            int p = (fewest + enough) >>> 1;
            Decimal candidate = digits.candidate(p);
            if (candidate != null) {
                best = candidate;
                enough = p;
            } else {
                fewest = p + 1;
            }
        }
        if (best == null) best = digits.candidate(MAX_SIGNIFICANT_DIGITS);
        return best;
    }

    /**
     * A positive decimal, {@code digits} &times; 10<sup>-scale</sup>, {@code digits} without trailing zeros and
     * of at most 17 digits: what {@link #shortest} finds, in a form the layout reads with long arithmetic.
     */
    record Decimal(long digits, int scale) {
        Decimal {
            if (digits <= 0 || digits % 10 == 0) throw new IllegalArgumentException("not stripped: " + digits);
        }

        /** Trailing zeros of {@code digits} moved into the scale. */
        static Decimal stripped(long digits, int scale) {
            while (digits % 10 == 0) {
                digits /= 10;
                scale--;
            }
            return new Decimal(digits, scale);
        }

        int length() {
            int length = 1;
            while (length < POWERS_OF_TEN.length && digits >= POWERS_OF_TEN[length]) length++;
            return length;
        }

        /** Rounded half up (away from zero at a tie) to {@code significantDigits}, as MathContext HALF_UP. */
        Decimal roundHalfUp(int significantDigits) {
            int drop = length() - significantDigits;
            return drop <= 0 ? this : stripped(dropHalfUp(drop), scale - drop);
        }

        /**
         * {@code digits} without its last {@code drop} (positive) digits, rounded half up (away from zero at a
         * tie): the one rounding of {@link #roundHalfUp} and {@link #percent}. 0 when more digits are dropped
         * than there are, as 18 or more always are ({@code digits} &lt; 10<sup>17</sup>: below half a unit).
         */
        long dropHalfUp(int drop) {
            if (drop >= POWERS_OF_TEN.length) return 0;
            long k = POWERS_OF_TEN[drop];
            long rest = digits % k;
            return digits / k + (rest >= k - rest ? 1 : 0);
        }

        BigDecimal toBigDecimal() {
            return BigDecimal.valueOf(digits, scale);
        }
    }

    /**
     * Whether {@link Double#toString(double)} gives the shortest decimal, nearest to the value among the
     * shortest (the even one in a tie), as its specification promises from JDK 19 (Raffaello Giulietti's
     * Schubfach, JDK-4511638) when that decimal has at least two digits.
     */
    private static final boolean TO_STRING_IS_SHORTEST = Runtime.version().feature() >= 19;

    /**
     * The decimal of {@code text}, {@link Double#toString(double)} of {@code magnitude} (positive and finite) on
     * JDK 19+, when it is {@link #shortest}'s decimal; else null (then the caller computes it). No
     * {@link BigDecimal} arithmetic: a three-row run's compilers spent much of their work on the rounding.
     *
     * <p>Why it is the same decimal: from JDK 19 the specification of {@code Double.toString} picks, of the
     * decimals that round to the value, those of the minimal length p, and of these the one closest to the value,
     * the one with the even significand in a tie; that is {@link #shortestByRounding}'s definition (the
     * p-digit decimals closest to the value either side are its floor and ceiling at p digits, and the decimals
     * that round to the value form an interval around it). The one exception is p = 1: then
     * {@code Double.toString} chooses among the decimals of length 1 <em>or 2</em> ({@code 4.9E-324} for
     * {@link Double#MIN_VALUE}, where {@code 5e-324} reads back too). So a one-digit result is ours (the closest
     * of a larger set, and itself of one digit), and a two-digit one is ours unless one of the two one-digit
     * decimals either side of it reads back as the value (then null). NumbersTest checks this, on JDK 19+,
     * against the definition on a quarter of a million doubles.
     */
    static Decimal shortestFromToString(String text, double magnitude) {
        long m = 0;
        int fractionDigits = 0;
        boolean afterPoint = false;
        int end = text.indexOf('E');
        if (end < 0) end = text.length();
        // At most 17 significant digits and a trailing "0" ("125.0"): m stays below 10^18.
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                afterPoint = true;
            } else {
                m = 10 * m + (c - '0');
                if (afterPoint) fractionDigits++;
            }
        }
        Decimal decimal = Decimal.stripped(m, fractionDigits
                - (end < text.length() ? Integer.parseInt(text.substring(end + 1)) : 0));
        if (decimal.length() == 2) {
            long lower = decimal.digits / 10;
            String exponent = "E" + (1 - decimal.scale);
            if (Double.parseDouble(lower + exponent) == magnitude
                    || Double.parseDouble((lower + 1) + exponent) == magnitude) {
                return null;
            }
        }
        return decimal;
    }

    /** Digits kept by the truncation of {@link #shortest}: 10^18 - 1 fits a long, and k = 10^(18 - p) is even. */
    private static final int TRUNCATED_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = new long[TRUNCATED_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }

    /** The significant digits of Double.toString's text (1.25E-5, 0.00125, 125.0): trailing zeros excluded. */
    private static int significantDigits(String text) {
        int end = text.indexOf('E');
        if (end < 0) end = text.length();
        int first = -1;
        int last = -1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return MAX_SIGNIFICANT_DIGITS;
        int count = 0;
        for (int i = first; i <= last; i++) {
            if (text.charAt(i) != '.') count++;
        }
        return count;
    }

    /** |v| truncated to 18 digits: m x 10^-scale, and whether that is |v| exactly. */
    private record Digits(long m, int scale, boolean exact, double magnitude) {
        /**
         * Of the p-digit decimals below and above |v|, the nearer that reads back as |v| (the even one in a
         * tie), or null when neither does. The nearer is tried first, so a probe that succeeds usually costs
         * one parse, and |v| that is itself a p-digit decimal none.
         */
        Decimal candidate(int p) {
            long k = POWERS_OF_TEN[TRUNCATED_DIGITS - p];
            long lower = m / k;
            long rest = m % k;
            int exponent = TRUNCATED_DIGITS - p - scale;
            if (exact && rest == 0) return Decimal.stripped(lower, -exponent);
            long twice = 2 * rest;
            boolean upperNearer = twice > k || (twice == k && (!exact || (lower & 1) == 1));
            long nearer = upperNearer ? lower + 1 : lower;
            long farther = upperNearer ? lower : lower + 1;
            if (parses(nearer, exponent)) return Decimal.stripped(nearer, -exponent);
            if (parses(farther, exponent)) return Decimal.stripped(farther, -exponent);
            return null;
        }

        private boolean parses(long digits, int exponent) {
            return Double.parseDouble(digits + "E" + exponent) == magnitude;
        }
    }

    /**
     * The definition of {@link #shortest}, kept as its reference: the smallest p where the p-digit rounding
     * of v down or up reads back (binary search over 1..17, each probe two {@link BigDecimal} roundings).
     */
    static BigDecimal shortestByRounding(double v) {
        BigDecimal exactValue = new BigDecimal(v);
        // Whether some p-digit decimal reads back is monotone in p (a p-digit decimal is also a
        // (p+1)-digit one), and 17 digits always do: binary search takes 4 or 5 tries instead of up to 17.
        int fewest = MIN_SIGNIFICANT_DIGITS;
        int enough = MAX_SIGNIFICANT_DIGITS;
        while (fewest < enough) {
            int digits = (fewest + enough) >>> 1;
            if (nearestThatReadsBack(exactValue, digits, v) != null) {
                enough = digits;
            } else {
                fewest = digits + 1;
            }
        }
        return nearestThatReadsBack(exactValue, enough, v);
    }

    /**
     * Of the two {@code digits}-digit decimals either side of {@code exactValue}, the one that reads back as
     * {@code v}, the nearer if both do, or null if neither does. Any {@code digits}-digit decimal inside the
     * round-trip interval of {@code v} lies between them, and the interval contains {@code v}.
     */
    private static BigDecimal nearestThatReadsBack(BigDecimal exactValue, int digits, double v) {
        BigDecimal down = exactValue.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal up = exactValue.round(new MathContext(digits, RoundingMode.CEILING));
        boolean downReadsBack = readsBackAs(down, v);
        boolean upReadsBack = readsBackAs(up, v);
        if (downReadsBack && upReadsBack) {
            // Half-even rounding picks the nearer of the two, or the even one in a tie.
            return exactValue.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        }
        if (downReadsBack) return down;
        return upReadsBack ? up : null;
    }

    private static boolean readsBackAs(BigDecimal candidate, double v) {
        return Double.parseDouble(candidate.toString()) == v;
    }

    /**
     * Plain or exponent notation for a non-zero decimal (the sign apart): plain when the leading digit's
     * decimal exponent is -4..14, else {@code d.ddde±XX}; the digits are {@link BigDecimal#toPlainString}'s
     * and {@code stripTrailingZeros}' (the decimal has no trailing zeros).
     */
    private static String layout(boolean negative, Decimal d) {
        String digits = Long.toString(d.digits);
        int exponent = digits.length() - 1 - d.scale;
        StringBuilder text = new StringBuilder(digits.length() + 24);
        if (negative) text.append('-');
        if (exponent >= PLAIN_FROM_EXPONENT && exponent < PLAIN_BELOW_EXPONENT) return plain(text, digits, d.scale).toString();
        text.append(digits.charAt(0));
        if (digits.length() > 1) text.append('.').append(digits, 1, digits.length());
        text.append('e').append(exponent < 0 ? '-' : '+');
        int absExponent = Math.abs(exponent);
        if (absExponent < 10) text.append('0');
        return text.append(absExponent).toString();
    }

    /** {@code digits} &times; 10<sup>-scale</sup> in plain notation, as {@link BigDecimal#toPlainString}. */
    private static StringBuilder plain(StringBuilder text, String digits, int scale) {
        int n = digits.length();
        if (scale <= 0) return text.append(digits).append("0".repeat(-scale));
        if (scale < n) return text.append(digits, 0, n - scale).append('.').append(digits, n - scale, n);
        return text.append("0.").append("0".repeat(scale - n)).append(digits);
    }
}
