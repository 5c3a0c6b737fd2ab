package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * {@link KernelMath}'s exp table against an independent computation: 2<sup>j/128</sup> from seven square roots
 * of 2 and a power, in {@link BigDecimal} at 60 digits (the committed constants came from Python's decimal exp at
 * 80 digits). Each high part must be the nearest double, and each low part the nearest double to what remains,
 * which is what the class comment's 2<sup>−106</sup> relies on.
 */
class KernelMathTableTest {

    private static final MathContext DIGITS = new MathContext(60);

    @Test
    void everyEntryIsTheRoundedPowerAndItsRoundedRemainder() {
        BigDecimal root = BigDecimal.valueOf(2);
        for (int i = 0; i < KernelMath.EXP_TABLE_BITS; i++) root = root.sqrt(DIGITS); // 2^(1/128)
        assertEquals(1 << KernelMath.EXP_TABLE_BITS, KernelMath.EXP_TABLE_HI.length);
        assertEquals(KernelMath.EXP_TABLE_HI.length, KernelMath.EXP_TABLE_LO.length);
        for (int j = 0; j < KernelMath.EXP_TABLE_HI.length; j++) {
            BigDecimal exact = root.pow(j, DIGITS);
            double hi = exact.doubleValue();
            double lo = exact.subtract(new BigDecimal(hi)).doubleValue();
            assertEquals(Double.doubleToRawLongBits(hi), Double.doubleToRawLongBits(KernelMath.EXP_TABLE_HI[j]), "hi " + j);
            assertEquals(Double.doubleToRawLongBits(lo), Double.doubleToRawLongBits(KernelMath.EXP_TABLE_LO[j]), "lo " + j);
        }
    }

    @Test
    void theReductionConstantsAreExactScalings() {
        assertEquals(KernelMath.LN2_HI, KernelMath.LN2_HI_TABLE * 128);
        assertEquals(KernelMath.LN2_LO, KernelMath.LN2_LO_TABLE * 128);
        assertEquals(KernelMath.LOG2_E, KernelMath.EXP_TABLE_SCALE / 128);
        // A significand of 32 bits (21 of the 52 stored are zero): m·LN2_HI_TABLE is exact for |m| < 2^21, and
        // |m| ≤ 746·128/ln 2 < 2^18 here.
        assertEquals(21, Long.numberOfTrailingZeros(Double.doubleToRawLongBits(KernelMath.LN2_HI_TABLE)));
    }
}
