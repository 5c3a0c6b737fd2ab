package org.losseval.kernel;

import static org.losseval.kernel.KernelMath.EXPONENT_BIAS;
import static org.losseval.kernel.KernelMath.EXP_MAX_ARGUMENT;
import static org.losseval.kernel.KernelMath.EXP_MIN_ARGUMENT;
import static org.losseval.kernel.KernelMath.EXP_Q;
import static org.losseval.kernel.KernelMath.LN2_HI;
import static org.losseval.kernel.KernelMath.LN2_LO;
import static org.losseval.kernel.KernelMath.LOG2_E;
import static org.losseval.kernel.KernelMath.LOG_R;
import static org.losseval.kernel.KernelMath.MANTISSA_BITS;
import static org.losseval.kernel.KernelMath.ROUND_SHIFT;
import static org.losseval.kernel.KernelMath.ROUND_SHIFT_BITS;
import static org.losseval.kernel.KernelMath.SQRT_HALF_BITS;
import static org.losseval.kernel.KernelMath.SUBNORMAL_K_ADJUSTMENT;
import static org.losseval.kernel.KernelMath.TWO_TO_52;

import jdk.incubator.vector.DoubleVector;
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
 * a special value is a blend of that value, which the scalar code's tests make mutually exclusive. No
 * lanewise EXP/LOG: those are not specified to match {@link StrictMath} or each other across platforms.
 */
final class VectorKernelMath {

    private VectorKernelMath() {}

    static void exp(VectorSpecies<Double> species, double[] in, int inFrom, double[] out, int outFrom, int length) {
        for (int j = 0; j < length; j += species.length()) {
            DoubleVector x = DoubleVector.fromArray(species, in, inFrom + j);
            DoubleVector xc = x.max(EXP_MIN_ARGUMENT).min(EXP_MAX_ARGUMENT);
            DoubleVector t = xc.lanewise(VectorOperators.FMA, LOG2_E, ROUND_SHIFT);
            DoubleVector kd = t.sub(ROUND_SHIFT);
            LongVector k = t.viewAsIntegralLanes().sub(ROUND_SHIFT_BITS);
            DoubleVector negKd = kd.neg();
            DoubleVector r = negKd.lanewise(VectorOperators.FMA, LN2_LO, negKd.lanewise(VectorOperators.FMA, LN2_HI, xc));
            DoubleVector q = x.broadcast(EXP_Q[EXP_Q.length - 1]);
            for (int i = EXP_Q.length - 2; i >= 0; i--) {
                q = q.lanewise(VectorOperators.FMA, r, EXP_Q[i]);
            }
            DoubleVector p = r.mul(r).lanewise(VectorOperators.FMA, q, r).add(1.0);
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
