package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * {@code rowLosses} must give exactly the bits of {@code rowLoss}, with the scalar reference kernels and
 * with the active (vector, where available) ones: the loss classes and the kernels are written
 * independently, so this checks each formula twice. Sizes are chosen around vector widths and the
 * inputs include thresholds, ties, zeros, tiny and huge residuals.
 */
class KernelAgreementTest {

    private static final int[] AWKWARD_SIZES = {0, 1, 7, 8, 9, 63, 65, 1023, 4099};

    /** Every regression loss, with its defaults and with other parameter values. */
    private static final List<String> SPECS = List.of(
            "mse", "rmse", "mae", "huber", "huber:delta=15", "huber:delta=0.5", "huber:delta=1e-300",
            "smooth_l1", "smooth_l1:beta=0", "smooth_l1:beta=15", "log_cosh",
            "pinball", "pinball:q=0.1", "pinball:q=0.9", "pinball:q=0.3", "mape", "msle",
            "r2", "explained_variance", "bias", "max_error", "medae", "smape", "poisson", "gamma", "tweedie",
            "tweedie:power=1.5", "tweedie:power=-0.5", "tweedie:power=3");

    @Test
    void specsCoverEveryRegressionLoss() {
        for (LossDefinition d : RegressionLossReferenceTest.regressionDefinitions()) {
            assertTrue(SPECS.stream().anyMatch(s -> s.split(":")[0].equals(d.name())), d.name());
        }
    }

    @Test
    void scalarKernelsGiveTheBitsOfRowLoss() throws LossSpecException {
        checkAgreement(Kernels.scalar());
    }

    /**
     * The build runs the suite once with the vector kernels active and once with
     * {@code -Dlosseval.kernel=scalar}; the report entry says which ran.
     */
    @Test
    void activeKernelsGiveTheBitsOfRowLoss(TestReporter reporter) throws LossSpecException {
        RegressionKernels active = Kernels.regression();
        reporter.publishEntry("kernels", active.description());
        checkAgreement(active);
    }

    private static void checkAgreement(RegressionKernels kernels) throws LossSpecException {
        for (String spec : SPECS) {
            RegressionLoss loss = RegressionLossReferenceTest.regression(spec);
            boolean nonNegative = loss.name().equals("msle");
            for (int n : AWKWARD_SIZES) {
                double[] pred = new double[n];
                double[] target = new double[n];
                fill(pred, target, new SplittableRandom(n * 31L + spec.hashCode()), nonNegative);
                double[] out = new double[n + 1];
                out[n] = 12345.0;  // sentinel: kernels write [0, n) only
                loss.rowLosses(kernels, pred, target, out, n);
                for (int i = 0; i < n; i++) {
                    double expected = loss.rowLoss(pred[i], target[i]);
                    if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(out[i])) {
                        throw new AssertionError(kernels.description() + " " + spec + " n=" + n + " row " + i
                                + ": pred " + pred[i] + ", target " + target[i] + ": rowLoss " + expected
                                + " but rowLosses " + out[i]);
                    }
                }
                assertEquals(12345.0, out[n], spec + " wrote past n=" + n);
            }
        }
    }

    /** Random rows mixed with boundary rows: ties at 1, 15, 0.5 and 0, zero targets, tiny and huge residuals. */
    private static void fill(double[] pred, double[] target, SplittableRandom random, boolean nonNegative) {
        List<double[]> special = new ArrayList<>(List.of(
                new double[] {1, 0}, new double[] {0, 1}, new double[] {16, 1}, new double[] {-14, 1},
                new double[] {2.5, 2}, new double[] {3, 3}, new double[] {0, 0}, new double[] {1e-10, 0},
                new double[] {1e150, 0}, new double[] {-1e150, 0}, new double[] {0.9999999999999999, 0},
                new double[] {1.0000000000000002, 0}, new double[] {1, 1e-300}, new double[] {5e-324, 0},
                new double[] {800, 0}, new double[] {0, 1e-20}));
        for (int i = 0; i < pred.length; i++) {
            double p;
            double t;
            if (random.nextInt(4) == 0) {
                double[] row = special.get(random.nextInt(special.size()));
                p = row[0];
                t = row[1];
            } else {
                t = random.nextDouble(-100, 100);
                p = t + random.nextGaussian() * Math.pow(10, random.nextInt(-6, 4));
            }
            pred[i] = nonNegative ? Math.abs(p) : p;
            target[i] = nonNegative ? Math.abs(t) : t;
        }
    }
}
