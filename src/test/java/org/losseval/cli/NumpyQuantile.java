package org.losseval.cli;

/** NumPy's quantile, written out for the comparison tests' percentile intervals of bootstrap replicates. */
final class NumpyQuantile {
    private NumpyQuantile() {}

    /**
     * {@code numpy.quantile(values, q, method="linear")} of {@code sorted} (ascending, not empty): at index
     * h = (n - 1)·q, the value below it plus (h - floor h) of the step to the next one.
     */
    static double linear(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
