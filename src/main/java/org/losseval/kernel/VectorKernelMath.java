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

/**
 * {@link KernelMath}'s exp, log and log1p on whole vectors: the same constants and the same operation
 * sequence, lane by lane, so every lane gives {@link KernelMath}'s bits for its argument at any vector
 * width. Read side by side with {@link KernelMath}: each line here is the line there.
 *
 * <p>Translation rules: {@code Math.fma(a, b, c)} is {@code a.lanewise(FMA, b, c)} (both exactly
 * rounded); {@code Math.min/max} are MIN/MAX (same NaN and ±0 rules); the bit tricks run on
 * {@code viewAsIntegralLanes()}, a reinterpretation, not a conversion; a scalar {@code if} that returns
 * a special value is a blend of that value, which the scalar code's tests make mutually exclusive. No
 * lanewise EXP/LOG: those are not specified to match {@link StrictMath} or each other across platforms.
 */
final class VectorKernelMath {

    private VectorKernelMath() {}

    static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(EXP_MIN_ARGUMENT).min(EXP_MAX_ARGUMENT);
        DoubleVector t = xc.lanewise(VectorOperators.FMA, LOG2_E, ROUND_SHIFT);
        DoubleVector kd = t.sub(ROUND_SHIFT);
        LongVector k = t.viewAsIntegralLanes().sub(ROUND_SHIFT_BITS);
        DoubleVector negKd = kd.neg();
        DoubleVector r = negKd.lanewise(VectorOperators.FMA, LN2_LO, negKd.lanewise(VectorOperators.FMA, LN2_HI, xc));
        DoubleVector q = x.broadcast(EXP_Q[EXP_Q.length - 1]);
        for (int j = EXP_Q.length - 2; j >= 0; j--) {
            q = q.lanewise(VectorOperators.FMA, r, EXP_Q[j]);
        }
        DoubleVector p = r.mul(r).lanewise(VectorOperators.FMA, q, r).add(1.0);
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        LongVector k2 = k.sub(k1);
        DoubleVector scale1 = k1.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).viewAsFloatingLanes();
        DoubleVector scale2 = k2.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS).viewAsFloatingLanes();
        return p.mul(scale1).mul(scale2);
    }

    static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector scaled = x.blend(x.mul(TWO_TO_52), subnormal);
        DoubleVector kAdjustment = x.broadcast(0.0).blend(SUBNORMAL_K_ADJUSTMENT, subnormal);
        DoubleVector y = logOfPositive(scaled, kAdjustment, x.broadcast(0.0));
        return y.blend(Double.NaN, x.compare(VectorOperators.GE, 0.0).not())
                .blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
    }

    static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        DoubleVector xPart = u.sub(1.0);
        DoubleVector onePart = u.sub(xPart);
        DoubleVector c = x.broadcast(1.0).sub(onePart).add(x.sub(xPart));
        DoubleVector y = logOfPositive(u, x.broadcast(0.0), c.div(u));
        return y.blend(Double.NaN, x.compare(VectorOperators.GE, -1.0).not())
                .blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, -1.0))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                .blend(x, x.compare(VectorOperators.EQ, 0.0));
    }

    private static DoubleVector logOfPositive(DoubleVector x, DoubleVector kAdjustment, DoubleVector correction) {
        LongVector bits = x.viewAsIntegralLanes();
        LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, MANTISSA_BITS);
        DoubleVector z = bits.sub(k.lanewise(VectorOperators.LSHL, MANTISSA_BITS)).viewAsFloatingLanes();
        DoubleVector kd = k.add(ROUND_SHIFT_BITS).viewAsFloatingLanes().sub(ROUND_SHIFT).add(kAdjustment);
        DoubleVector f = z.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector w = s.mul(s);
        DoubleVector q = x.broadcast(LOG_R[LOG_R.length - 1]);
        for (int j = LOG_R.length - 2; j >= 0; j--) {
            q = q.lanewise(VectorOperators.FMA, w, LOG_R[j]);
        }
        DoubleVector r = w.mul(q);
        DoubleVector halfFSquared = f.mul(0.5).mul(f);
        DoubleVector low = s.lanewise(VectorOperators.FMA, halfFSquared.add(r), kd.lanewise(VectorOperators.FMA, LN2_LO, correction));
        return kd.mul(LN2_HI).sub(halfFSquared.sub(low).sub(f));
    }
}
