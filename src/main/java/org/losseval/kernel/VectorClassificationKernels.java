package org.losseval.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ClassificationKernels} on the Vector API: gives exactly the bits of
 * {@link ScalarClassificationKernels}. Each lane is one row, and multi-class methods loop over the
 * classes (column-major data makes {@code cols[c][i..i+lanes)} one contiguous load). exp, log and log1p
 * are {@link VectorKernelMath}'s, the lane-by-lane copy of {@link KernelMath}; a scalar branch becomes
 * "compute both sides, blend by the scalar test"; sums and maxima run in class order, as in the scalar
 * code.
 *
 * <p>Rows are processed in chunks of {@value #CHUNK} (a few KiB per buffer, so they stay in L1), each
 * formula as a series of passes over the chunk: a plain vector loop, or one of {@link VectorKernelMath}'s
 * loops. Passes, rather than one loop calling exp per vector, because C2 does not inline the large math
 * methods and would box every vector crossing such a call (see {@link VectorKernelMath}). Storing an
 * intermediate in a buffer and loading it back changes no bits.
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
final class VectorClassificationKernels extends VectorKernelBase implements ClassificationKernels {

    /** Rows per chunk: a multiple of every lane count (2 to 8 doubles). */
    static final int CHUNK = 512;

    /** The platform's preferred shape. */
    VectorClassificationKernels() {
        this(DoubleVector.SPECIES_PREFERRED);
    }

    /** A given shape; tests use it to cover shapes this machine does not prefer. */
    VectorClassificationKernels(VectorSpecies<Double> species) {
        super(species);
    }

    /**
     * The platform's preferred shape, for {@link KernelSelection} (called reflectively).
     *
     * @throws UnsupportedOperationException if a vector holds fewer than two doubles
     */
    static ClassificationKernels createPreferred() {
        return requireTwoLanes(new VectorClassificationKernels());
    }

    /** A given vector size in bits (64 to 512), so tests need not import the Vector API. */
    static VectorClassificationKernels ofBitSize(int bits) {
        return new VectorClassificationKernels(speciesOfBitSize(bits));
    }


    /** Buffers of one chunk, allocated per call (a few KiB; kernels run on batches of thousands of rows). */
    private static double[] buffer(int end) {
        return new double[Math.min(CHUNK, end)];
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        int end = vectorEnd(n);
        VectorKernelMath.exp(species, x, 0, out, 0, end);
        ScalarClassificationKernels.expFrom(end, x, out, n);
    }

    @Override
    public void log(double[] x, double[] out, int n) {
        int end = vectorEnd(n);
        VectorKernelMath.log(species, x, 0, out, 0, end);
        ScalarClassificationKernels.logFrom(end, x, out, n);
    }

    @Override
    public void log1p(double[] x, double[] out, int n) {
        int end = vectorEnd(n);
        VectorKernelMath.log1p(species, x, 0, out, 0, end);
        ScalarClassificationKernels.log1pFrom(end, x, out, n);
    }

    @Override
    public void softplus(double[] x, double[] out, int n) {
        int end = vectorEnd(n);
        double[] l = buffer(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            logOnePlusExpMinusAbs(x, from, l, length);
            for (int j = 0; j < length; j += lanes) {
                load(l, j).add(load(x, from + j).max(0.0)).intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.softplusFrom(end, x, out, n);
    }

    @Override
    public void sigmoid(double[] x, double[] out, int n) {
        int end = vectorEnd(n);
        double[] e = buffer(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            expMinusAbs(x, from, e, length);
            for (int j = 0; j < length; j += lanes) {
                DoubleVector v = load(x, from + j);
                DoubleVector ev = load(e, j);
                DoubleVector denominator = ev.add(1.0);
                DoubleVector positive = v.broadcast(1.0).div(denominator);
                DoubleVector negative = ev.div(denominator);
                negative.blend(positive, v.compare(VectorOperators.GE, 0.0)).intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.sigmoidFrom(end, x, out, n);
    }

    @Override
    public void bceWithLogits(double[] z, double[] y, double posWeight, double[] out, int n) {
        double posWeightMinusOne = posWeight - 1.0;
        int end = vectorEnd(n);
        double[] l = buffer(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            logOnePlusExpMinusAbs(z, from, l, length);
            for (int j = 0; j < length; j += lanes) {
                DoubleVector zv = load(z, from + j);
                DoubleVector yv = load(y, from + j);
                DoubleVector positive = zv.broadcast(1.0).sub(yv).mul(zv);
                DoubleVector negative = yv.mul(posWeight).mul(zv.neg());
                DoubleVector linear = negative.blend(positive, zv.compare(VectorOperators.GE, 0.0));
                DoubleVector weight = yv.mul(posWeightMinusOne).add(1.0);
                linear.add(weight.mul(load(l, j))).intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.bceWithLogitsFrom(end, z, y, posWeight, out, n);
    }

    @Override
    public void logSumExp(double[][] cols, int classes, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        int end = vectorEnd(n);
        RowSums rows = new RowSums(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            rows.compute(cols, classes, from, length);
            for (int j = 0; j < length; j += lanes) {
                load(rows.shift, j).add(load(rows.logSum, j)).intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.logSumExpFrom(end, cols, classes, out, n);
    }

    @Override
    public void logSoftmaxAt(double[][] cols, int classes, double[] labels, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        ScalarClassificationKernels.checkLabels(labels, classes, n);
        int end = vectorEnd(n);
        RowSums rows = new RowSums(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            rows.compute(cols, classes, from, length);
            for (int j = 0; j < length; j += lanes) {
                DoubleVector label = load(labels, from + j);
                DoubleVector picked = load(cols[0], from + j);
                for (int c = 1; c < classes; c++) {
                    picked = picked.blend(load(cols[c], from + j), label.compare(VectorOperators.EQ, (double) c));
                }
                picked.sub(load(rows.shift, j)).sub(load(rows.logSum, j)).intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.logSoftmaxAtFrom(end, cols, classes, labels, out, n);
    }

    @Override
    public void softmaxRows(double[][] cols, int classes, SoftmaxRows out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        out.requireRows(n);
        int end = vectorEnd(n);
        RowSums rows = new RowSums(end);
        double[] top = out.topProbability();
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            rows.compute(cols, classes, from, length, top);
            System.arraycopy(rows.shift, 0, out.shift(), from, length);
            System.arraycopy(rows.logSum, 0, out.logSum(), from, length);
            System.arraycopy(rows.ones, 0, out.classesAtShift(), from, length);
        }
        ScalarClassificationKernels.softmaxRowsFrom(end, cols, classes, out, n);
    }

    @Override
    public void logSoftmaxAt(SoftmaxRows rows, double[][] cols, int classes, double[] labels, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        ScalarClassificationKernels.checkLabels(labels, classes, n);
        rows.requireRows(n);
        int end = vectorEnd(n);
        double[] shift = rows.shift();
        double[] logSum = rows.logSum();
        for (int i = 0; i < end; i += lanes) {
            DoubleVector label = load(labels, i);
            DoubleVector picked = load(cols[0], i);
            for (int c = 1; c < classes; c++) {
                picked = picked.blend(load(cols[c], i), label.compare(VectorOperators.EQ, (double) c));
            }
            picked.sub(load(shift, i)).sub(load(logSum, i)).intoArray(out, i);
        }
        ScalarClassificationKernels.logSoftmaxAtFrom(end, rows, cols, labels, out, n);
    }

    @Override
    public void logSoftmax(double[][] cols, int classes, double[][] outCols, int n) {
        ScalarClassificationKernels.checkClasses(cols, classes, "cols");
        ScalarClassificationKernels.checkClasses(outCols, classes, "outCols");
        int end = vectorEnd(n);
        RowSums rows = new RowSums(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            rows.compute(cols, classes, from, length);
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < length; j += lanes) {
                    load(cols[c], from + j).sub(load(rows.shift, j)).sub(load(rows.logSum, j)).intoArray(outCols[c], from + j);
                }
            }
        }
        ScalarClassificationKernels.logSoftmaxFrom(end, cols, classes, outCols, n);
    }

    @Override
    public void crossEntropySoft(double[][] logits, double[][] target, int classes, double[] out, int n) {
        ScalarClassificationKernels.checkClasses(logits, classes, "logits");
        ScalarClassificationKernels.checkClasses(target, classes, "target");
        int end = vectorEnd(n);
        RowSums rows = new RowSums(end);
        for (int from = 0; from < end; from += CHUNK) {
            int length = Math.min(CHUNK, end - from);
            rows.compute(logits, classes, from, length);
            for (int j = 0; j < length; j += lanes) {
                DoubleVector shift = load(rows.shift, j);
                DoubleVector logSum = load(rows.logSum, j);
                DoubleVector sum = DoubleVector.zero(species);
                for (int c = 0; c < classes; c++) {
                    DoubleVector logProbability = load(logits[c], from + j).sub(shift).sub(logSum);
                    sum = load(target[c], from + j).lanewise(VectorOperators.FMA, logProbability, sum);
                }
                sum.neg().intoArray(out, from + j);
            }
        }
        ScalarClassificationKernels.crossEntropySoftFrom(end, logits, target, classes, out, n);
    }

    /** e[j] = exp(−|x[from + j]|). */
    private void expMinusAbs(double[] x, int from, double[] e, int length) {
        for (int j = 0; j < length; j += lanes) {
            load(x, from + j).abs().neg().intoArray(e, j);
        }
        VectorKernelMath.exp(species, e, 0, e, 0, length);
    }

    /** l[j] = log1p(exp(−|x[from + j]|)). */
    private void logOnePlusExpMinusAbs(double[] x, int from, double[] l, int length) {
        expMinusAbs(x, from, l, length);
        VectorKernelMath.log1p(species, l, 0, l, 0, length);
    }

    /**
     * Per-row shift and log Σ exp(x − shift) of one chunk, as
     * {@link ScalarClassificationKernels#shift} and {@link ScalarClassificationKernels#logSumOfShiftedExps}
     * compute them; the buffers are reused from chunk to chunk.
     */
    private final class RowSums {
        final double[] shift;
        final double[] logSum;
        private final double[] ones;
        private final double[] difference;
        private final double[] exp;

        RowSums(int end) {
            shift = buffer(end);
            logSum = buffer(end);
            ones = buffer(end);
            difference = buffer(end);
            exp = buffer(end);
        }

        void compute(double[][] cols, int classes, int from, int length) {
            compute(cols, classes, from, length, null);
        }

        /**
         * As {@link #compute(double[][], int, int, int)}, and with {@code top} not null also the top class's
         * probability {@code 1 / (1 + S')} into {@code top[from, from + length)}
         * ({@link ScalarClassificationKernels#topProbability}).
         */
        void compute(double[][] cols, int classes, int from, int length, double[] top) {
            System.arraycopy(cols[0], from, shift, 0, length);
            for (int c = 1; c < classes; c++) {
                for (int j = 0; j < length; j += lanes) {
                    load(shift, j).max(load(cols[c], from + j)).intoArray(shift, j);
                }
            }
            for (int j = 0; j < length; j += lanes) {
                DoubleVector max = load(shift, j);
                VectorMask<Double> infinite = max.abs().compare(VectorOperators.EQ, Double.POSITIVE_INFINITY);
                max.blend(0.0, infinite).intoArray(shift, j);
            }
            // logSum holds "others" until the log1p pass.
            java.util.Arrays.fill(ones, 0, length, 0.0);
            java.util.Arrays.fill(logSum, 0, length, 0.0);
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < length; j += lanes) {
                    load(cols[c], from + j).sub(load(shift, j)).intoArray(difference, j);
                }
                VectorKernelMath.exp(species, difference, 0, exp, 0, length);
                for (int j = 0; j < length; j += lanes) {
                    VectorMask<Double> atShift = load(difference, j).compare(VectorOperators.EQ, 0.0);
                    load(ones, j).add(load(ones, j).broadcast(0.0).blend(1.0, atShift)).intoArray(ones, j);
                    load(logSum, j).add(load(exp, j).blend(0.0, atShift)).intoArray(logSum, j);
                }
            }
            for (int j = 0; j < length; j += lanes) {
                load(ones, j).sub(1.0).add(load(logSum, j)).intoArray(logSum, j);
            }
            if (top != null) {
                for (int j = 0; j < length; j += lanes) {
                    DoubleVector beyondOne = load(logSum, j);
                    beyondOne.broadcast(1.0).div(beyondOne.add(1.0)).intoArray(top, from + j);
                }
            }
            VectorKernelMath.log1p(species, logSum, 0, logSum, 0, length);
        }
    }
}
