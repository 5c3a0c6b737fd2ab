package org.losseval.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RegressionKernels} on the Vector API ({@code jdk.incubator.vector}); the only class that
 * imports it. Gives exactly the bits of {@link ScalarRegressionKernels}: every lane uses only correctly
 * rounded operations (sub, mul, div, abs, max, compare, blend) in the scalar formula's order, a branch
 * becomes "compute both sides, blend by the scalar test", and the tail after the last full vector is
 * the scalar formula itself. No FMA, because the scalar code rounds each product.
 *
 * <p>logCosh and squaredLogError need exp and log1p. The Vector API's transcendental lane operations
 * are not specified to match {@link StrictMath}'s bits (they may use different approximations per
 * platform), so those two delegate to the scalar code.
 *
 * <p>Arrays shorter than twice the lane count stay scalar: setting up vectors would cost more than it
 * saves. Works with any species (128-bit SSE/NEON up to 512-bit AVX-512). Only instantiate it once
 * {@code jdk.incubator.vector} is loaded (see {@link VectorModule}). Stateless and thread-safe.
 */
final class VectorRegressionKernels extends VectorKernelBase implements RegressionKernels {

    /** The platform's preferred shape. */
    VectorRegressionKernels() {
        this(DoubleVector.SPECIES_PREFERRED);
    }

    /** A given shape; tests use it to cover shapes this machine does not prefer. */
    VectorRegressionKernels(VectorSpecies<Double> species) {
        super(species);
    }

    /**
     * The platform's preferred shape, for {@link KernelSelection} (called reflectively).
     *
     * @throws UnsupportedOperationException if a vector holds fewer than two doubles
     */
    static RegressionKernels createPreferred() {
        return requireTwoLanes(new VectorRegressionKernels());
    }

    /** A given vector size in bits (64 to 512), so tests need not import the Vector API. */
    static VectorRegressionKernels ofBitSize(int bits) {
        return new VectorRegressionKernels(speciesOfBitSize(bits));
    }


    @Override
    public void residual(double[] pred, double[] target, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            load(pred, i).sub(load(target, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = pred[i] - target[i];
        }
    }

    @Override
    public void squaredError(double[] pred, double[] target, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector r = load(pred, i).sub(load(target, i));
            r.mul(r).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.squaredError(pred[i], target[i]);
        }
    }

    @Override
    public void absoluteError(double[] pred, double[] target, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            load(pred, i).sub(load(target, i)).abs().intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.absoluteError(pred[i], target[i]);
        }
    }

    @Override
    public void huber(double[] pred, double[] target, double delta, double[] out, int n) {
        double halfDelta = 0.5 * delta;
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector a = load(pred, i).sub(load(target, i)).abs();
            DoubleVector quadratic = a.mul(0.5).mul(a);
            DoubleVector linear = a.sub(halfDelta).mul(delta);
            VectorMask<Double> inside = a.compare(VectorOperators.LE, delta);
            linear.blend(quadratic, inside).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.huber(pred[i], target[i], delta);
        }
    }

    @Override
    public void smoothL1(double[] pred, double[] target, double beta, double[] out, int n) {
        double halfBeta = 0.5 * beta;
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector a = load(pred, i).sub(load(target, i)).abs();
            // The quadratic side is 0/0 in lanes where beta == 0, but the mask never picks it there.
            DoubleVector quadratic = a.mul(0.5).mul(a).div(beta);
            DoubleVector linear = a.sub(halfBeta);
            VectorMask<Double> inside = a.compare(VectorOperators.LT, beta);
            linear.blend(quadratic, inside).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.smoothL1(pred[i], target[i], beta);
        }
    }

    @Override
    public void logCosh(double[] pred, double[] target, double[] out, int n) {
        // Needs expm1/log1p/exp: lanewise EXP/LOG1P are not guaranteed to match StrictMath's bits.
        ScalarRegressionKernels.logCoshFrom(0, pred, target, out, n);
    }

    @Override
    public void pinball(double[] pred, double[] target, double q, double[] out, int n) {
        double qMinusOne = q - 1.0;
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector d = load(target, i).sub(load(pred, i));
            VectorMask<Double> under = d.compare(VectorOperators.GE, 0.0);
            d.mul(qMinusOne).blend(d.mul(q), under).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.pinball(pred[i], target[i], q);
        }
    }

    @Override
    public void absolutePercentageError(double[] pred, double[] target, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector t = load(target, i);
            DoubleVector numerator = load(pred, i).sub(t).abs();
            numerator.div(t.abs().max(ScalarRegressionKernels.MAPE_EPSILON)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = ScalarRegressionKernels.absolutePercentageError(pred[i], target[i]);
        }
    }

    @Override
    public void squaredLogError(double[] pred, double[] target, double[] out, int n) {
        // Needs log1p: lanewise LOG1P is not guaranteed to match StrictMath's bits.
        ScalarRegressionKernels.squaredLogErrorFrom(0, pred, target, out, n);
    }

    @Override
    public void multiply(double[] a, double[] b, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            load(a, i).mul(load(b, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }
}
