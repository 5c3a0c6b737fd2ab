package org.losseval.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ClassificationKernels} on the Vector API: gives exactly the bits of
 * {@link ScalarClassificationKernels}. Each lane is one row, and multi-class methods loop over the
 * classes (column-major data makes {@code cols[c][i..i+lanes)} one contiguous load). exp, log and log1p
 * are {@link VectorKernelMath}'s, the lane-by-lane copy of {@link KernelMath}; a scalar branch becomes
 * "compute both sides, blend by the scalar test"; sums and maxima run in class order, as in the scalar
 * code.
 *
 * <p>The label lookup of {@link #logSoftmaxAt} is a compare-and-blend per class
 * ({@code picked = labels == c ? x_c : picked}) rather than a gather: it needs no index arrays, uses the
 * class loads the row needs anyway, and selecting a value changes no bits. The labels are checked first,
 * so exactly one class matches in every lane.
 *
 * <p>The rows after the last full vector, and arrays shorter than twice the lane count, run the scalar
 * per-row formula, which is the same operation sequence, so the tail gets the same bits as a lane would
 * (a masked tail would be no more exact and, on JDK 17, is not compiled to masked instructions on
 * AVX2). Works with any species of at least two doubles. Stateless and thread-safe.
 */
final class VectorClassificationKernels implements ClassificationKernels {

    private final VectorSpecies<Double> species;
    private final int lanes;
    private final int minVectorLength;

    /** The platform's preferred shape. */
    VectorClassificationKernels() {
        this(DoubleVector.SPECIES_PREFERRED);
    }

    /** A given shape; tests use it to cover shapes this machine does not prefer. */
    VectorClassificationKernels(VectorSpecies<Double> species) {
        this.species = species;
        this.lanes = species.length();
        this.minVectorLength = 2 * lanes;
    }

    /**
     * The platform's preferred shape, for {@link KernelSelection} (called reflectively).
     *
     * @throws UnsupportedOperationException if a vector holds fewer than two doubles
     */
    static ClassificationKernels createPreferred() {
        VectorClassificationKernels kernels = new VectorClassificationKernels();
        if (kernels.lanes < 2) {
            throw new UnsupportedOperationException("the preferred vector shape holds one double");
        }
        return kernels;
    }

    /** A given vector size in bits (64 to 512), so tests need not import the Vector API. */
    static VectorClassificationKernels ofBitSize(int bits) {
        return new VectorClassificationKernels(VectorSpecies.of(double.class, VectorShape.forBitSize(bits)));
    }

    @Override
    public String description() {
        return "vector (" + species.vectorBitSize() + "-bit, " + lanes + " doubles)";
    }

    /** End of the part done with full vectors: 0 when n is too short to be worth it. */
    private int vectorEnd(int n) {
        return n >= minVectorLength ? species.loopBound(n) : 0;
    }

    private DoubleVector load(double[] array, int i) {
        return DoubleVector.fromArray(species, array, i);
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            VectorKernelMath.exp(load(x, i)).intoArray(out, i);
        }
        ScalarClassificationKernels.expFrom(i, x, out, n);
    }

    @Override
    public void log(double[] x, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            VectorKernelMath.log(load(x, i)).intoArray(out, i);
        }
        ScalarClassificationKernels.logFrom(i, x, out, n);
    }

    @Override
    public void log1p(double[] x, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            VectorKernelMath.log1p(load(x, i)).intoArray(out, i);
        }
        ScalarClassificationKernels.log1pFrom(i, x, out, n);
    }

    @Override
    public void softplus(double[] x, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector v = load(x, i);
            logOnePlusExpMinusAbs(v).add(v.max(0.0)).intoArray(out, i);
        }
        ScalarClassificationKernels.softplusFrom(i, x, out, n);
    }

    @Override
    public void sigmoid(double[] x, double[] out, int n) {
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector v = load(x, i);
            DoubleVector e = VectorKernelMath.exp(v.abs().neg());
            DoubleVector denominator = e.add(1.0);
            DoubleVector positive = v.broadcast(1.0).div(denominator);
            DoubleVector negative = e.div(denominator);
            negative.blend(positive, v.compare(VectorOperators.GE, 0.0)).intoArray(out, i);
        }
        ScalarClassificationKernels.sigmoidFrom(i, x, out, n);
    }

    @Override
    public void bceWithLogits(double[] z, double[] y, double posWeight, double[] out, int n) {
        double posWeightMinusOne = posWeight - 1.0;
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector zv = load(z, i);
            DoubleVector yv = load(y, i);
            DoubleVector positive = zv.broadcast(1.0).sub(yv).mul(zv);
            DoubleVector negative = yv.mul(posWeight).mul(zv.neg());
            DoubleVector linear = negative.blend(positive, zv.compare(VectorOperators.GE, 0.0));
            DoubleVector weight = yv.mul(posWeightMinusOne).add(1.0);
            linear.add(weight.mul(logOnePlusExpMinusAbs(zv))).intoArray(out, i);
        }
        ScalarClassificationKernels.bceWithLogitsFrom(i, z, y, posWeight, out, n);
    }

    @Override
    public void logSumExp(double[][] cols, int classes, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector shift = shift(cols, classes, i);
            shift.add(logSumOfShiftedExps(cols, classes, i, shift)).intoArray(out, i);
        }
        ScalarClassificationKernels.logSumExpFrom(i, cols, classes, out, n);
    }

    @Override
    public void logSoftmaxAt(double[][] cols, int classes, double[] labels, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        ScalarClassificationKernels.checkLabels(labels, classes, n);
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector label = load(labels, i);
            DoubleVector picked = load(cols[0], i);
            for (int c = 1; c < classes; c++) {
                picked = picked.blend(load(cols[c], i), label.compare(VectorOperators.EQ, (double) c));
            }
            DoubleVector shift = shift(cols, classes, i);
            picked.sub(shift).sub(logSumOfShiftedExps(cols, classes, i, shift)).intoArray(out, i);
        }
        ScalarClassificationKernels.logSoftmaxAtFrom(i, cols, classes, labels, out, n);
    }

    @Override
    public void logSoftmax(double[][] cols, int classes, double[][] outCols, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        ScalarClassificationKernels.checkClasses(outCols, classes, "outCols");
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector shift = shift(cols, classes, i);
            DoubleVector logSum = logSumOfShiftedExps(cols, classes, i, shift);
            for (int c = 0; c < classes; c++) {
                load(cols[c], i).sub(shift).sub(logSum).intoArray(outCols[c], i);
            }
        }
        ScalarClassificationKernels.logSoftmaxFrom(i, cols, classes, outCols, n);
    }

    @Override
    public void crossEntropySoft(double[][] logits, double[][] target, int classes, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(logits, classes, "logits");
        ScalarClassificationKernels.checkClasses(target, classes, "target");
        int i = 0;
        for (int end = vectorEnd(n); i < end; i += lanes) {
            DoubleVector shift = shift(logits, classes, i);
            DoubleVector logSum = logSumOfShiftedExps(logits, classes, i, shift);
            DoubleVector sum = DoubleVector.zero(species);
            for (int c = 0; c < classes; c++) {
                DoubleVector logProbability = load(logits[c], i).sub(shift).sub(logSum);
                sum = load(target[c], i).lanewise(VectorOperators.FMA, logProbability, sum);
            }
            sum.neg().intoArray(out, i);
        }
        ScalarClassificationKernels.crossEntropySoftFrom(i, logits, target, classes, out, n);
    }

    private static DoubleVector logOnePlusExpMinusAbs(DoubleVector x) {
        return VectorKernelMath.log1p(VectorKernelMath.exp(x.abs().neg()));
    }

    /** The rows' maxima over the classes, 0 where that is ±Inf. */
    private DoubleVector shift(double[][] cols, int classes, int i) {
        DoubleVector max = load(cols[0], i);
        for (int c = 1; c < classes; c++) {
            max = max.max(load(cols[c], i));
        }
        VectorMask<Double> infinite = max.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY);
        return max.blend(0.0, infinite);
    }

    /** See {@link ScalarClassificationKernels#logSumOfShiftedExps}: ones and others, then log1p. */
    private DoubleVector logSumOfShiftedExps(double[][] cols, int classes, int i, DoubleVector shift) {
        DoubleVector ones = DoubleVector.zero(species);
        DoubleVector others = DoubleVector.zero(species);
        for (int c = 0; c < classes; c++) {
            DoubleVector d = load(cols[c], i).sub(shift);
            VectorMask<Double> atShift = d.compare(VectorOperators.EQ, 0.0);
            ones = ones.add(d.broadcast(0.0).blend(1.0, atShift));
            others = others.add(VectorKernelMath.exp(d).blend(0.0, atShift));
        }
        return VectorKernelMath.log1p(ones.sub(1.0).add(others));
    }
}
