package org.losseval.kernel;

/**
 * Per-row regression losses over primitive arrays. Each method reads {@code [0, n)} of its inputs and
 * writes {@code out[0, n)}; {@code out} may be one of the inputs.
 *
 * <p>Two implementations: a scalar reference and a Vector API one. They must give the same bits for
 * every input, so the vector implementation uses only correctly rounded operations (add, subtract,
 * multiply, divide, abs, min, max, sqrt) in the same order as the scalar one; a loss needing exp or log
 * computes those with {@link Math}/{@link StrictMath} in both.
 */
public interface RegressionKernels {

    /** Which implementation this is, for {@code --version}, e.g. "scalar" or "vector (256-bit, 4 doubles)". */
    String description();

    /** out = pred - target (the seed's "error": positive when the prediction is too high). */
    void residual(double[] pred, double[] target, double[] out, int n);

    /** out = (pred - target)^2 */
    void squaredError(double[] pred, double[] target, double[] out, int n);

    /** out = |pred - target| */
    void absoluteError(double[] pred, double[] target, double[] out, int n);

    /** PyTorch HuberLoss: 0.5 r^2 if |r| <= delta, else delta (|r| - 0.5 delta). */
    void huber(double[] pred, double[] target, double delta, double[] out, int n);

    /** PyTorch SmoothL1Loss: 0.5 r^2 / beta if |r| < beta, else |r| - 0.5 beta; beta = 0 gives |r|. */
    void smoothL1(double[] pred, double[] target, double beta, double[] out, int n);

    /**
     * log(cosh(r)): for |r| >= 1 computed as |r| + log1p(exp(-2|r|)) - log(2) so it does not overflow;
     * below 1 as log1p(m^2 / (2 (1 + m))) with m = expm1(|r|), which keeps tiny residuals accurate.
     */
    void logCosh(double[] pred, double[] target, double[] out, int n);

    /** scikit-learn pinball: q (y - p) if y >= p, else (1 - q)(p - y). */
    void pinball(double[] pred, double[] target, double q, double[] out, int n);

    /** scikit-learn MAPE term: |y - p| / max(|y|, 2.220446049250313e-16). */
    void absolutePercentageError(double[] pred, double[] target, double[] out, int n);

    /** scikit-learn MSLE term: (log1p(y) - log1p(p))^2. */
    void squaredLogError(double[] pred, double[] target, double[] out, int n);

    /** out = a * b, elementwise (weights times row losses). */
    void multiply(double[] a, double[] b, double[] out, int n);
}
