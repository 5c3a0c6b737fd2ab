package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The classification kernels against known values and against the textbook formulas evaluated with
 * {@link StrictMath}, for the scalar reference and the active kernels (vector or scalar, depending on
 * the suite's run), on batches long enough for the vector loop.
 */
class ClassificationReferenceValuesTest {

    /** KernelMath is within 1 ulp of StrictMath; a formula adds a few roundings. */
    private static final double RELATIVE_TOLERANCE = 8 * Math.ulp(1.0);
    /**
     * For results near 0 formed from terms near 1 (log Σ exp with a dominant class): the StrictMath
     * reference takes log(1 + tiny) and is itself only this accurate, absolutely.
     */
    private static final double ABSOLUTE_TOLERANCE = 4 * Math.ulp(1.0);
    private static final int BATCH = 64;
    private static final int RANDOM_ROWS = 4096;

    private static List<ClassificationKernels> kernels() {
        return List.of(Kernels.scalarClassification(), Kernels.classification());
    }

    @Test
    void pytorchKnownValues() {
        for (ClassificationKernels k : kernels()) {
            // torch.nn.functional.binary_cross_entropy_with_logits(tensor([100.]), tensor([0.])) == 100.
            assertEquals(100.0, unary(k, (x, out, n) -> k.bceWithLogits(x, filled(0.0), 1.0, out, n), 100.0));
            // torch.logsumexp(tensor([1e4, 1e4], dtype=float64), 0) == 10000.693147180559
            assertEquals(1e4 + StrictMath.log(2.0), logSumExp(k, 1e4, 1e4));
            // torch.nn.functional.softplus(tensor([-1e4])) == 0 (not NaN), and softplus(1e4) == 1e4
            assertEquals(0.0, unary(k, k::softplus, -1e4));
            assertEquals(1e4, unary(k, k::softplus, 1e4));
            // torch.sigmoid: 0 and 1 at ±1e4, 0.5 at 0
            assertEquals(0.0, unary(k, k::sigmoid, -1e4));
            assertEquals(1.0, unary(k, k::sigmoid, 1e4));
            assertEquals(0.5, unary(k, k::sigmoid, -0.0));
            // torch.logsumexp of [-inf, -inf] is -inf; of [inf, 1] is inf (max replaced by 0)
            assertEquals(Double.NEGATIVE_INFINITY, logSumExp(k, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
            assertEquals(Double.POSITIVE_INFINITY, logSumExp(k, Double.POSITIVE_INFINITY, 1.0));
            // bce(-30, 0) = log1p(e^-30) = 9.357622968839737e-14 (mpmath, 50 digits); PyTorch 1.13 float64 gives
            // 9.348077867343381e-14: its literal formula cancels (-30 + 30.00000000000009)
            assertEquals(9.357622968839737e-14, unary(k, (x, out, n) -> k.bceWithLogits(x, filled(0.0), 1.0, out, n), -30.0),
                    RELATIVE_TOLERANCE * 9.357622968839737e-14);
        }
    }

    @Test
    void bceWithLogitsMatchesTheTextbookFormula() {
        SplittableRandom random = new SplittableRandom(11);
        double[] z = new double[RANDOM_ROWS];
        double[] y = new double[RANDOM_ROWS];
        for (int i = 0; i < RANDOM_ROWS; i++) {
            z[i] = random.nextDouble(-40.0, 40.0);
            y[i] = random.nextBoolean() ? random.nextInt(2) : random.nextDouble();
        }
        for (double posWeight : new double[] {1.0, 0.3, 4.0}) {
            for (ClassificationKernels k : kernels()) {
                double[] out = new double[RANDOM_ROWS];
                k.bceWithLogits(z, y, posWeight, out, RANDOM_ROWS);
                for (int i = 0; i < RANDOM_ROWS; i++) {
                    // PyTorch's form: (1 - y) z + (1 + (pw - 1) y) softplus(-z); it cancels, so ulp(|z|) slack.
                    double softplusMinusZ = StrictMath.log1p(StrictMath.exp(-Math.abs(z[i]))) + Math.max(-z[i], 0.0);
                    double expected = (1 - y[i]) * z[i] + (1 + (posWeight - 1) * y[i]) * softplusMinusZ;
                    assertClose(k.description() + " bce z=" + z[i] + " y=" + y[i], expected, out[i],
                            4 * Math.ulp(Math.abs(z[i]) + softplusMinusZ));
                }
            }
        }
    }

    @Test
    void softplusAndSigmoidMatchStrictMath() {
        SplittableRandom random = new SplittableRandom(12);
        double[] x = new double[RANDOM_ROWS];
        for (int i = 0; i < RANDOM_ROWS; i++) {
            x[i] = random.nextBoolean() ? random.nextDouble(-50.0, 50.0) : random.nextDouble(-800.0, 800.0);
        }
        for (ClassificationKernels k : kernels()) {
            double[] softplus = new double[RANDOM_ROWS];
            double[] sigmoid = new double[RANDOM_ROWS];
            k.softplus(x, softplus, RANDOM_ROWS);
            k.sigmoid(x, sigmoid, RANDOM_ROWS);
            for (int i = 0; i < RANDOM_ROWS; i++) {
                double e = StrictMath.exp(-Math.abs(x[i]));
                assertClose("softplus " + x[i], StrictMath.log1p(e) + Math.max(x[i], 0.0), softplus[i], 0.0);
                assertClose("sigmoid " + x[i], x[i] >= 0 ? 1 / (1 + e) : e / (1 + e), sigmoid[i], 0.0);
            }
        }
    }

    @Test
    void multiClassMatchesStrictMath() {
        SplittableRandom random = new SplittableRandom(13);
        for (int classes : new int[] {1, 2, 5, 17}) {
            double[][] logits = new double[classes][RANDOM_ROWS];
            double[][] target = new double[classes][RANDOM_ROWS];
            double[] labels = new double[RANDOM_ROWS];
            for (int i = 0; i < RANDOM_ROWS; i++) {
                double scale = random.nextBoolean() ? 5.0 : 500.0;
                double total = 0.0;
                for (int c = 0; c < classes; c++) {
                    logits[c][i] = random.nextDouble(-scale, scale);
                    target[c][i] = random.nextDouble();
                    total += target[c][i];
                }
                for (int c = 0; c < classes; c++) {
                    target[c][i] /= total;
                }
                labels[i] = random.nextInt(classes);
            }
            for (ClassificationKernels k : kernels()) {
                double[] lse = new double[RANDOM_ROWS];
                double[] atLabel = new double[RANDOM_ROWS];
                double[] soft = new double[RANDOM_ROWS];
                double[][] all = new double[classes][RANDOM_ROWS];
                k.logSumExp(logits, classes, lse, RANDOM_ROWS);
                k.logSoftmaxAt(logits, classes, labels, atLabel, RANDOM_ROWS);
                k.crossEntropySoft(logits, target, classes, soft, RANDOM_ROWS);
                k.logSoftmax(logits, classes, all, RANDOM_ROWS);
                SoftmaxRows rows = new SoftmaxRows(RANDOM_ROWS);
                k.softmaxRows(logits, classes, rows, RANDOM_ROWS);
                double[] atLabelFromRows = new double[RANDOM_ROWS];
                k.logSoftmaxAt(rows, logits, classes, labels, atLabelFromRows, RANDOM_ROWS);
                for (int i = 0; i < RANDOM_ROWS; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        max = Math.max(max, logits[c][i]);
                    }
                    double sum = 0.0;
                    for (int c = 0; c < classes; c++) {
                        sum += StrictMath.exp(logits[c][i] - max);
                    }
                    double logSum = StrictMath.log(sum);
                    double expectedSoft = 0.0;
                    for (int c = 0; c < classes; c++) {
                        double logProbability = (logits[c][i] - max) - logSum;
                        expectedSoft -= target[c][i] * logProbability;
                        assertClose(k.description() + " logSoftmax C=" + classes, logProbability, all[c][i], ABSOLUTE_TOLERANCE);
                    }
                    String what = k.description() + " C=" + classes + " row " + i;
                    assertClose(what + " logSumExp", max + logSum, lse[i], ABSOLUTE_TOLERANCE);
                    assertClose(what + " logSoftmaxAt", (logits[(int) labels[i]][i] - max) - logSum, atLabel[i], ABSOLUTE_TOLERANCE);
                    assertClose(what + " crossEntropySoft", expectedSoft, soft[i], ABSOLUTE_TOLERANCE * classes);
                    // The shared parts: the shift is the maximum itself, the log-sum the kernel's, the top
                    // probability 1 / Σ exp(x_c − max) within a few roundings of StrictMath's, and the
                    // log-softmax formed from them the very bits of logSoftmaxAt's own (the loss's bits).
                    assertEquals(max, rows.shift()[i], what + " shift");
                    assertClose(what + " logSum", logSum, rows.logSum()[i], ABSOLUTE_TOLERANCE);
                    assertClose(what + " topProbability", 1.0 / sum, rows.topProbability()[i], RELATIVE_TOLERANCE / sum);
                    assertEquals(Double.doubleToRawLongBits(atLabel[i]), Double.doubleToRawLongBits(atLabelFromRows[i]),
                            what + " logSoftmaxAt from softmaxRows");
                }
            }
        }
    }

    @Test
    void topProbabilityKnownValues() {
        for (ClassificationKernels k : kernels()) {
            for (int classes : new int[] {2, 4, 8, 10}) {
                // equal logits: every class has 1/C, and 1/C is the one rounding of 1 / (1 + (C − 1))
                double[][] logits = new double[classes][];
                for (int c = 0; c < classes; c++) logits[c] = filled(3.5);
                assertEquals(1.0 / classes, topProbability(k, logits), k.description() + " C=" + classes);
            }
            // softmax([0, -1e4])[0] = 1 / (1 + e^-1e4) = 1 exactly in doubles; softmax([ln 3, 0]) = 3/4
            assertEquals(1.0, topProbability(k, new double[][] {filled(0.0), filled(-1e4)}));
            assertEquals(0.75, topProbability(k, new double[][] {filled(StrictMath.log(3.0)), filled(0.0)}), 2 * Math.ulp(0.75));
            // two classes tied at the top count 1 each: softmax([2, 2, 2 − ln 2]) = 1 / 2.5 = 0.4
            assertEquals(0.4, topProbability(k, new double[][] {filled(2.0), filled(2.0), filled(2.0 - StrictMath.log(2.0))}),
                    2 * Math.ulp(0.4));
        }
    }

    /** The top probability of row 0 of a batch of equal rows, checking every row agrees. */
    private static double topProbability(ClassificationKernels k, double[][] logits) {
        SoftmaxRows rows = new SoftmaxRows(BATCH);
        k.softmaxRows(logits, logits.length, rows, BATCH);
        for (int i = 1; i < BATCH; i++) assertEquals(rows.topProbability()[0], rows.topProbability()[i]);
        return rows.topProbability()[0];
    }

    @Test
    void confidentRightAnswerKeepsItsPrecision() {
        // -log softmax([20, 0])[0] = log1p(e^-20) = 2.061153620314381e-09 (mpmath, 50 digits); the
        // log(1 + tiny) form would be off by up to 1e-16 absolute, i.e. 5e-8 relative.
        for (ClassificationKernels k : kernels()) {
            double[][] logits = {filled(20.0), filled(0.0)};
            double[] out = new double[BATCH];
            k.logSoftmaxAt(logits, 2, filled(0.0), out, BATCH);
            assertEquals(-2.061153620314381e-09, out[BATCH - 1], RELATIVE_TOLERANCE * 2.061153620314381e-09);
        }
    }

    @Test
    void labelsMustBeClassIndices() {
        double[][] logits = {filled(1.0), filled(2.0)};
        for (ClassificationKernels k : kernels()) {
            double[] bad = {2.0, -1.0, 0.5, Double.NaN};
            String[] shown = {"2.0", "-1.0", "0.5", "NaN"};
            for (int b = 0; b < bad.length; b++) {
                double[] labels = filled(1.0);
                labels[BATCH - 1] = bad[b];
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> k.logSoftmaxAt(logits, 2, labels, new double[BATCH], BATCH));
                assertEquals("row 63: label " + shown[b] + " is not a class in [0, 2)", e.getMessage(), k.description());
            }
            assertThrows(IllegalArgumentException.class, () -> k.logSumExp(logits, 3, new double[BATCH], BATCH));
        }
    }

    interface Unary {
        void run(double[] x, double[] out, int n);
    }

    /** Runs a unary kernel on a batch filled with x, checks that all rows agree, returns one. */
    private static double unary(ClassificationKernels k, Unary kernel, double x) {
        double[] out = new double[BATCH];
        kernel.run(filled(x), out, BATCH);
        for (int i = 1; i < BATCH; i++) {
            assertEquals(Double.doubleToLongBits(out[0]), Double.doubleToLongBits(out[i]), k.description() + " row " + i);
        }
        return out[BATCH - 1];
    }

    private static double logSumExp(ClassificationKernels k, double a, double b) {
        double[] out = new double[BATCH];
        k.logSumExp(new double[][] {filled(a), filled(b)}, 2, out, BATCH);
        return out[BATCH - 1];
    }

    private static double[] filled(double value) {
        double[] array = new double[BATCH];
        java.util.Arrays.fill(array, value);
        return array;
    }

    private static void assertClose(String what, double expected, double actual, double absolute) {
        assertEquals(expected, actual, RELATIVE_TOLERANCE * Math.abs(expected) + absolute, what);
    }
}
