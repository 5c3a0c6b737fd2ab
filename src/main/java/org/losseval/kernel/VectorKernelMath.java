package org.losseval.kernel;

import static org.losseval.kernel.KernelMath.EXPONENT_BIAS;
import static org.losseval.kernel.KernelMath.EXP_MAX_ARGUMENT;
import static org.losseval.kernel.KernelMath.EXP_MIN_ARGUMENT;
import static org.losseval.kernel.KernelMath.EXP_Q;
import static org.losseval.kernel.KernelMath.EXP_TABLE_BITS;
import static org.losseval.kernel.KernelMath.EXP_TABLE_HI;
import static org.losseval.kernel.KernelMath.EXP_TABLE_LO;
import static org.losseval.kernel.KernelMath.EXP_TABLE_MASK;
import static org.losseval.kernel.KernelMath.EXP_TABLE_SCALE;
import static org.losseval.kernel.KernelMath.LN2_HI;
import static org.losseval.kernel.KernelMath.LN2_HI_TABLE;
import static org.losseval.kernel.KernelMath.LN2_LO;
import static org.losseval.kernel.KernelMath.LN2_LO_TABLE;
import static org.losseval.kernel.KernelMath.LOG_R;
import static org.losseval.kernel.KernelMath.MANTISSA_BITS;
import static org.losseval.kernel.KernelMath.ROUND_SHIFT;
import static org.losseval.kernel.KernelMath.ROUND_SHIFT_BITS;
import static org.losseval.kernel.KernelMath.SQRT_HALF_BITS;
import static org.losseval.kernel.KernelMath.SUBNORMAL_K_ADJUSTMENT;
import static org.losseval.kernel.KernelMath.TWO_TO_52;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelMath}'s exp, log and log1p over array ranges, a vector at a time: the same constants and
 * the same operation sequence, lane by lane, so every lane gives {@link KernelMath}'s bits for its
 * argument at any vector width. Read side by side with {@link KernelMath}: each line here is the line
 * there.
 *
 * <p>Each function is a whole loop, {@code out[outFrom + j] = f(x[xFrom + j])} for {@code j <
 * length} (a multiple of the lane count; {@code out} may be {@code x}), rather than a function of one
 * vector: C2 does not inline a method this large into its caller (it is compiled on its own first and
 * then "already compiled into a big method"), and a vector passed to or returned from a method that is
 * not inlined is boxed on the heap, which made such code slower than the scalar loop. A loop body with
 * only the Vector API's own force-inlined calls compiles to straight SIMD code.
 *
 * <p>Translation rules: {@code Math.fma(a, b, c)} is {@code a.lanewise(FMA, b, c)} (both exactly
 * rounded); {@code Math.min/max} are MIN/MAX (same NaN and ±0 rules); the bit tricks run on
 * {@code viewAsIntegralLanes()}, a reinterpretation, not a conversion; a scalar {@code if} that returns
 * a special value is a blend of that value, which the scalar code's tests make mutually exclusive; exp's
 * table lookups are gathers by the lanes' indexes (the same entries, so the same bits). No
 * lanewise EXP/LOG: those are not specified to match {@link StrictMath} or each other across platforms.
 */
final class VectorKernelMath {

    private VectorKernelMath() {}

    static void exp(VectorSpecies<Double> species, double[] in, int inFrom, double[] out, int outFrom, int length) {
        // The table's indexes for a gather: a long lane each, narrowed into an int species of the same shape
        // (twice the lanes; the first half holds them).
        VectorSpecies<Integer> indexSpecies = species.withLanes(int.class);
        int[] index = new int[indexSpecies.length()];
        for (int j = 0; j < length; j += species.length()) {
            DoubleVector x = DoubleVector.fromArray(species, in, inFrom + j);
            DoubleVector xc = x.max(EXP_MIN_ARGUMENT).min(EXP_MAX_ARGUMENT);
            DoubleVector t = xc.lanewise(VectorOperators.FMA, EXP_TABLE_SCALE, ROUND_SHIFT);
            DoubleVector md = t.sub(ROUND_SHIFT);
            LongVector m = t.viewAsIntegralLanes().sub(ROUND_SHIFT_BITS);
            DoubleVector negMd = md.neg();
            DoubleVector r = negMd.lanewise(VectorOperators.FMA, LN2_LO_TABLE, negMd.lanewise(VectorOperators.FMA, LN2_HI_TABLE, xc));
            DoubleVector q = r.lanewise(VectorOperators.FMA, EXP_Q[3], EXP_Q[2])
                    .lanewise(VectorOperators.FMA, r, EXP_Q[1])
                    .lanewise(VectorOperators.FMA, r, EXP_Q[0]);
            DoubleVector expm1 = r.mul(r).lanewise(VectorOperators.FMA, q, r);
            ((IntVector) m.and(EXP_TABLE_MASK).castShape(indexSpecies, 0)).intoArray(index, 0);
            DoubleVector hi = DoubleVector.fromArray(species, EXP_TABLE_HI, 0, index, 0);
            DoubleVector lo = DoubleVector.fromArray(species, EXP_TABLE_LO, 0, index, 0);
            DoubleVector p = hi.add(hi.lanewise(VectorOperators.FMA, expm1, lo));
            LongVector k = m.lanewise(VectorOperators.ASHR, EXP_TABLE_BITS);
            LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
            LongVector k2 = k.sub(k1);
            DoubleVector scale1 = k1.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).viewAsFloatingLanes();
            DoubleVector scale2 = k2.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).viewAsFloatingLanes();
            p.mul(scale1).mul(scale2).intoArray(out, outFrom + j);
        }
    }

    static void log(VectorSpecies<Double> species, double[] in, int inFrom, double[] out, int outFrom, int length) {
        for (int j = 0; j < length; j += species.length()) {
            DoubleVector x = DoubleVector.fromArray(species, in, inFrom + j);
            VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
            DoubleVector scaled = x.blend(x.mul(TWO_TO_52), subnormal);
            DoubleVector kAdjustment = x.broadcast(0.0).blend(SUBNORMAL_K_ADJUSTMENT, subnormal);
            // logOfPositive(scaled, kAdjustment, x.broadcast(0.0)) of KernelMath, written out here: see the class comment.
            LongVector bits = scaled.viewAsIntegralLanes();
            LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, MANTISSA_BITS);
            DoubleVector z = bits.sub(k.lanewise(VectorOperators.LSHL, MANTISSA_BITS)).viewAsFloatingLanes();
            DoubleVector kd = k.add(ROUND_SHIFT_BITS).viewAsFloatingLanes().sub(ROUND_SHIFT).add(kAdjustment);
            DoubleVector f = z.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector w = s.mul(s);
            DoubleVector q = x.broadcast(LOG_R[LOG_R.length - 1]);
            for (int i = LOG_R.length - 2; i >= 0; i--) {
                q = q.lanewise(VectorOperators.FMA, w, LOG_R[i]);
            }
            DoubleVector r = w.mul(q);
            DoubleVector halfFSquared = f.mul(0.5).mul(f);
            DoubleVector low = s.lanewise(VectorOperators.FMA, halfFSquared.add(r), kd.lanewise(VectorOperators.FMA, LN2_LO, x.broadcast(0.0)));
            DoubleVector y = kd.mul(LN2_HI).sub(halfFSquared.sub(low).sub(f));
            y.blend(Double.NaN, x.compare(VectorOperators.GE, 0.0).not())
                    .blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                    .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                    .intoArray(out, outFrom + j);
        }
    }

    static void log1p(VectorSpecies<Double> species, double[] in, int inFrom, double[] out, int outFrom, int length) {
        for (int j = 0; j < length; j += species.length()) {
            DoubleVector x = DoubleVector.fromArray(species, in, inFrom + j);
            DoubleVector u = x.add(1.0);
            DoubleVector xPart = u.sub(1.0);
            DoubleVector onePart = u.sub(xPart);
            DoubleVector c = x.broadcast(1.0).sub(onePart).add(x.sub(xPart));
            // logOfPositive(u, 0, c.div(u)) of KernelMath, written out here: see the class comment.
            LongVector bits = u.viewAsIntegralLanes();
            LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, MANTISSA_BITS);
            DoubleVector z = bits.sub(k.lanewise(VectorOperators.LSHL, MANTISSA_BITS)).viewAsFloatingLanes();
            DoubleVector kd = k.add(ROUND_SHIFT_BITS).viewAsFloatingLanes().sub(ROUND_SHIFT);
            DoubleVector f = z.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector w = s.mul(s);
            DoubleVector q = x.broadcast(LOG_R[LOG_R.length - 1]);
            for (int i = LOG_R.length - 2; i >= 0; i--) {
                q = q.lanewise(VectorOperators.FMA, w, LOG_R[i]);
            }
            DoubleVector r = w.mul(q);
            DoubleVector halfFSquared = f.mul(0.5).mul(f);
            DoubleVector low = s.lanewise(VectorOperators.FMA, halfFSquared.add(r), kd.lanewise(VectorOperators.FMA, LN2_LO, c.div(u)));
            DoubleVector y = kd.mul(LN2_HI).sub(halfFSquared.sub(low).sub(f));
            y.blend(Double.NaN, x.compare(VectorOperators.GE, -1.0).not())
                    .blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, -1.0))
                    .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                    .blend(x, x.compare(VectorOperators.EQ, 0.0))
                    .intoArray(out, outFrom + j);
        }
    }
}
