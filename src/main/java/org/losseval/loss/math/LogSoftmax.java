package org.losseval.loss.math;

/**
 * Log-softmax of one row of logits without overflow and without losing the small losses of confident
 * rows.
 *
 * <p>With {@code k} the index of the largest logit and {@code s} a scale (1, or 1/T for a temperature):
 * <pre>
 *   log softmax(z·s)_c = (z_c − z_k)·s − rest,   rest = log1p( Σ_{c≠k} exp((z_c − z_k)·s) )
 *   logsumexp(z·s)     = z_k·s + rest
 * </pre>
 * Every exponent is ≤ 0, so nothing overflows (logits of ±1e4 are fine). Keeping {@code rest} apart and
 * taking {@code log1p} of the sum without the leading 1 is what PyTorch's {@code x − max − log(Σ exp(x −
 * max))} does not do: for a confident correct row (loss 1e-18, say) PyTorch returns 0 or a value with few
 * correct digits, while here the loss keeps full relative precision. Ties for the maximum take the first
 * index; any choice gives the same value.
 *
 * <p>Reference: the log-sum-exp trick as in PyTorch {@code torch.log_softmax} (aten/src/ATen/native/cpu/
 * SoftMaxKernel.cpp), refined with log1p.
 */
public final class LogSoftmax {
    private LogSoftmax() {}

    /** Index of the largest {@code cols[k][row]}; the first one on ties. */
    public static int argmax(double[][] cols, int row) {
        int best = 0;
        double max = cols[0][row];
        for (int k = 1; k < cols.length; k++) {
            if (cols[k][row] > max) {
                max = cols[k][row];
                best = k;
            }
        }
        return best;
    }

    /** {@code log1p(Σ_{c≠k} exp((z_c − z_k)·scale))} where {@code k} is the row's {@link #argmax}. */
    public static double rest(double[][] cols, int row, int k, double scale) {
        double top = cols[k][row];
        double sum = 0;
        for (int c = 0; c < cols.length; c++) {
            if (c != k) sum += StrictMath.exp((cols[c][row] - top) * scale);
        }
        return StrictMath.log1p(sum);
    }

    /** {@code log softmax(z·scale)_c}, given the row's {@link #argmax} {@code k} and its {@link #rest}. */
    public static double logProbability(double[][] cols, int row, int c, int k, double rest, double scale) {
        return (cols[c][row] - cols[k][row]) * scale - rest;
    }

    /** {@code log Σ_c exp(z_c)} of one row. */
    public static double logSumExp(double[][] cols, int row) {
        int k = argmax(cols, row);
        return cols[k][row] + rest(cols, row, k, 1.0);
    }
}
