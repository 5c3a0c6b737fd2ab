package org.losseval.loss.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seed's numbers, the edge cases the design names, the clamp counts and the batch forms. */
class BinaryLossesTest {

    /** The seed prints its values rounded to 4 decimals (2 or 3 for focal). */
    private static final double SEED_ROUNDING = 5e-5;

    @Test
    void seedEmails() {
        // seed: -log(0.95) = 0.05, -log(0.90) = 0.11, -log(0.03) = 3.51; torch F.binary_cross_entropy
        // gives 0.0513, 0.1054, 3.5066 (make_reference.py check_seed)
        assertEquals(0.0513, BinaryCrossEntropy.fromProbability(0.95, 1), SEED_ROUNDING);
        assertEquals(0.1054, BinaryCrossEntropy.fromProbability(0.10, 0), SEED_ROUNDING);
        assertEquals(3.5066, BinaryCrossEntropy.fromProbability(0.03, 1), SEED_ROUNDING);
    }

    @Test
    void seedFocal() {
        // seed: p_t = 0.95 → 0.0025 × 0.0513 = 0.000128; p_t = 0.10 → 0.81 × 2.303 = 1.865 (γ = 2, α off)
        assertEquals(0.0025 * -Math.log(0.95), BinaryFocal.fromProbability(0.95, 1, 2, BinaryFocal.NO_ALPHA), 1e-15);
        assertEquals(0.000128, BinaryFocal.fromProbability(0.95, 1, 2, BinaryFocal.NO_ALPHA), 5e-7);
        assertEquals(1.865, BinaryFocal.fromProbability(0.10, 1, 2, BinaryFocal.NO_ALPHA), 5e-4);
        // the same row from its logit: log(0.95 / 0.05)
        assertEquals(0.000128, BinaryFocal.fromLogit(Math.log(19), 1, 2, BinaryFocal.NO_ALPHA), 5e-7);
    }

    @Test
    void focalWithGammaZeroAndNoAlphaIsBce() {
        for (double z : new double[] {-1e4, -40, -3, 0, 0.5, 36.7, 100}) {
            for (double y : new double[] {0, 1}) {
                assertEquals(BinaryCrossEntropy.fromLogit(z, y), BinaryFocal.fromLogit(z, y, 0, BinaryFocal.NO_ALPHA));
            }
        }
        assertEquals(100.0, BinaryFocal.fromProbability(0, 1, 0, BinaryFocal.NO_ALPHA));
    }

    @Test
    void logit100WithLabel0IsExactly100() {
        // sigmoid(100) rounds to 1 and log(1 - 1) = -inf; the fused form gives 100 (seed, DESIGN.md)
        assertEquals(100.0, BinaryCrossEntropy.fromLogit(100, 0));
        assertEquals(1e4, BinaryCrossEntropy.fromLogit(-1e4, 1));
        assertEquals(0.0, BinaryCrossEntropy.fromLogit(1e4, 1));
        assertEquals(Double.POSITIVE_INFINITY, -Math.log(1 - BinaryCrossEntropy.sigmoid(100)));
    }

    @Test
    void tinyLossesKeepTheirDigits() {
        // log1p(exp(-40)) = 4.248354255291589e-18 (mpmath); PyTorch's log(exp(0) + exp(-40)) gives 0
        assertEquals(4.248354255291589e-18, BinaryCrossEntropy.fromLogit(-40, 0), 1e-33);
        // -log(1 - 1e-10) = 1.00000000005e-10 (mpmath); PyTorch's log(1 - p) gives 1.000000082790371e-10
        assertEquals(1.00000000005e-10, BinaryCrossEntropy.fromProbability(1e-10, 0), 1e-25);
    }

    @Test
    void probabilityClampAt100() {
        assertEquals(100.0, BinaryCrossEntropy.fromProbability(0, 1));
        assertEquals(100.0, BinaryCrossEntropy.fromProbability(1, 0));
        assertEquals(100.0, BinaryCrossEntropy.fromProbability(1e-300, 1));
        assertTrue(BinaryCrossEntropy.clamps(0, 1));
        assertTrue(BinaryCrossEntropy.clamps(1, 0));
        assertTrue(BinaryCrossEntropy.clamps(1e-44, 1));   // log = -101.3
        assertFalse(BinaryCrossEntropy.clamps(4e-44, 1));  // log = -99.93: just above the clamp
        // a clamped term with weight 0 does not change the value: not counted, and +0.0 rather than NaN
        assertFalse(BinaryCrossEntropy.clamps(0, 0));
        assertFalse(BinaryCrossEntropy.clamps(1, 1));
        assertEquals(0.0, BinaryCrossEntropy.fromProbability(0, 0)); // JUnit compares bits: +0.0, not -0.0
    }

    @Test
    void posWeightScalesThePositiveTermOnly() {
        // PyTorch: (1 - y) z + (1 + (pw - 1) y) softplus(-z); for y = 1 that is pw softplus(-z)
        assertEquals(3 * BinaryCrossEntropy.softplus(-0.7), BinaryCrossEntropy.fromLogit(0.7, 1, 3), 1e-16);
        assertEquals(BinaryCrossEntropy.fromLogit(0.7, 0), BinaryCrossEntropy.fromLogit(0.7, 0, 3));
    }

    @Test
    void batchFormsMatchTheRowFormsAndCountClampedRows() {
        double[] p = {0.95, 0.10, 0.03, 0, 1, 1e-50, 0, 0.5};
        double[] y = {1, 0, 1, 1, 0, 1, 0, 1};
        double[] out = new double[p.length];
        assertEquals(3, BinaryCrossEntropy.fromProbability(p, y, out, p.length));
        for (int i = 0; i < p.length; i++) assertEquals(BinaryCrossEntropy.fromProbability(p[i], y[i]), out[i]);
        assertEquals(3, BinaryFocal.fromProbability(p, y, 2, 0.25, out, p.length));
        for (int i = 0; i < p.length; i++) assertEquals(BinaryFocal.fromProbability(p[i], y[i], 2, 0.25), out[i]);
        // only the first n rows are read and written
        double[] partial = new double[p.length];
        assertEquals(0, BinaryCrossEntropy.fromProbability(p, y, partial, 3));
        assertEquals(0.0, partial[3]);

        double[] z = {100, -100, 0, 3, -1e4};
        double[] zy = {0, 0, 1, 1, 1};
        double[] zOut = new double[z.length];
        BinaryCrossEntropy.fromLogit(z, zy, 2.5, zOut, z.length);
        for (int i = 0; i < z.length; i++) assertEquals(BinaryCrossEntropy.fromLogit(z[i], zy[i], 2.5), zOut[i]);
        BinaryFocal.fromLogit(z, zy, 5, BinaryFocal.NO_ALPHA, zOut, z.length);
        for (int i = 0; i < z.length; i++) assertEquals(BinaryFocal.fromLogit(z[i], zy[i], 5, -1), zOut[i]);
    }

    @Test
    void outputMayBeTheInputColumn() {
        double[] p = {0.95, 0.10, 0};
        double[] expected = {BinaryCrossEntropy.fromProbability(0.95, 1), BinaryCrossEntropy.fromProbability(0.10, 0), 100};
        assertEquals(1, BinaryCrossEntropy.fromProbability(p, new double[] {1, 0, 1}, p, 3));
        assertArrayEquals(expected, p);
    }

    @Test
    void hingeMapsLabelsAndSquares() {
        assertEquals(-1.0, MarginLosses.signedLabel(0));
        assertEquals(1.0, MarginLosses.signedLabel(1));
        assertEquals(0.0, MarginLosses.hinge(2, 1));
        assertEquals(3.0, MarginLosses.hinge(2, -1));
        assertEquals(9.0, MarginLosses.squaredHinge(2, -1));
        assertEquals(0.5, MarginLosses.hinge(0.5, 1));
        assertEquals(0.0025, Brier.of(0.95, 1), 1e-17);
    }

    @Test
    void rowChecks() {
        assertNull(RowChecks.probability(0));
        assertNull(RowChecks.probability(1));
        assertEquals(RowChecks.NOT_A_PROBABILITY, RowChecks.probability(1.0000000000000002));
        assertEquals(RowChecks.NOT_A_PROBABILITY, RowChecks.probability(-0.1));
        assertEquals(RowChecks.NOT_A_PROBABILITY, RowChecks.probability(Double.NaN));
        assertNull(RowChecks.binaryLabel(0));
        assertNull(RowChecks.binaryLabel(1));
        assertEquals(RowChecks.NOT_A_BINARY_LABEL, RowChecks.binaryLabel(-1));
        assertEquals(RowChecks.NOT_A_BINARY_LABEL, RowChecks.binaryLabel(0.5));
        assertEquals(RowChecks.NOT_A_BINARY_LABEL, RowChecks.binaryLabel(Double.NaN));
    }
}
