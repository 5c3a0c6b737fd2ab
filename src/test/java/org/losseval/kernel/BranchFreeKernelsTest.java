package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Huber and pinball choose their formula with {@link ScalarRegressionKernels#select} instead of a branch: the
 * same bits as the branch they replace (written here as the class comment states it), on ties, signed zeros
 * (a residual of −0.0 takes the {@code d >= 0} side), NaN, infinities, subnormals and random residuals.
 */
class BranchFreeKernelsTest {
    private static double huberBranch(double pred, double target, double delta) {
        double a = Math.abs(pred - target);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    private static double pinballBranch(double pred, double target, double q) {
        double d = target - pred;
        return d >= 0.0 ? q * d : (q - 1.0) * d;
    }

    private static List<double[]> pairs() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-310, -1e-310, Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 3.0, 1.0 + 0x1p-52};
        List<double[]> pairs = new ArrayList<>();
        for (double pred : values) for (double target : values) pairs.add(new double[] {pred, target});
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double target = 40 + 10 * random.nextGaussian();
            pairs.add(new double[] {target + random.nextGaussian() * Math.scalb(1.0, random.nextInt(8) - 4), target});
        }
        return pairs;
    }

    @Test
    void huberIsTheBranchingFormulaBitForBit() {
        for (double delta : new double[] {1.0, 0.5, 2.0, 1e-300, Double.MIN_VALUE, 1e300}) {
            for (double[] p : pairs()) {
                assertEquals(Double.doubleToRawLongBits(huberBranch(p[0], p[1], delta)),
                        Double.doubleToRawLongBits(ScalarRegressionKernels.huber(p[0], p[1], delta)),
                        () -> "huber(" + p[0] + ", " + p[1] + ", " + delta + ")");
            }
        }
    }

    @Test
    void pinballIsTheBranchingFormulaBitForBit() {
        for (double q : new double[] {0.9, 0.5, 0.1, 0.0, 1.0, 0.3}) {
            for (double[] p : pairs()) {
                assertEquals(Double.doubleToRawLongBits(pinballBranch(p[0], p[1], q)),
                        Double.doubleToRawLongBits(ScalarRegressionKernels.pinball(p[0], p[1], q)),
                        () -> "pinball(" + p[0] + ", " + p[1] + ", " + q + ")");
            }
        }
        // The tie at zero: d = −0.0 is on the d >= 0 side, q·(−0.0) = −0.0 (the mask is not the sign bit).
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ScalarRegressionKernels.pinball(0.0, -0.0, 0.9)));
    }

    @Test
    void selectChoosesBitsNotValues() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(ScalarRegressionKernels.select(true, -0.0, 0.0)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(ScalarRegressionKernels.select(false, -0.0, 0.0)));
        long payload = 0x7ff8_0000_0000_1234L;
        assertEquals(payload, Double.doubleToRawLongBits(ScalarRegressionKernels.select(false, 1.0, Double.longBitsToDouble(payload))));
    }
}
