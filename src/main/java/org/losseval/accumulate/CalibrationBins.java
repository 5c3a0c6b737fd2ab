package org.losseval.accumulate;

import org.losseval.report.Calibration;

/**
 * Expected calibration error over {@value #BINS} equal-width confidence bins, TorchMetrics'
 * {@code calibration_error(n_bins=15, norm='l1')}:
 * <pre>
 *   ECE = Σ_b (n_b / n) |acc_b - conf_b|,   acc_b, conf_b the mean hit and mean confidence of bin b
 * </pre>
 * Bin b holds the confidences c with b/15 &le; c &lt; (b+1)/15, and c = 1 has a bin of its own, as
 * TorchMetrics' {@code bucketize(right=True)} over the 16 boundaries gives. Which confidence and hit the
 * caller passes decides the variant: the top-label one (confidence = the largest class probability, hit =
 * the argmax is the label; TorchMetrics' multiclass form) or the binary one (confidence = P(class 1), hit =
 * the label; TorchMetrics' binary form).
 *
 * <p>Boundaries are b/15 in double; TorchMetrics builds them with float32 {@code linspace}, so a
 * confidence within about 1e-7 of a boundary can fall in the neighbouring bin there. Empty bins count 0.
 *
 * <p>Bounded memory and exact merges: per bin a row count, a hit count and an exact sum of confidences
 * (16 {@link ExactSum}s, each sized by the exponents it holds: see {@link ExactSum}; allocated on first use of a bin), whatever the row count. Not
 * thread-safe; combine per-thread states.
 */
public final class CalibrationBins implements MergeableState<CalibrationBins, Calibration> {
    /** TorchMetrics' default n_bins. */
    public static final int BINS = 15;

    private final long[] rows = new long[BINS + 1];
    private final long[] hits = new long[BINS + 1];
    private final ExactSum[] confidence = new ExactSum[BINS + 1];

    /** The bin of a confidence in [0, 1]: b with b/15 &le; c &lt; (b+1)/15, or {@value #BINS} for c = 1. */
    static int bin(double c) {
        int b = (int) Math.min(BINS, Math.max(0, Math.floor(c * BINS)));
        // c * 15 is rounded: correct by the exact boundary comparisons bucketize makes
        while (b < BINS && c >= (b + 1) / (double) BINS) b++;
        while (b > 0 && c < b / (double) BINS) b--;
        return b;
    }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param confidences each row's confidence, in [0, 1]
     * @param hit         whether each row's outcome counts as correct
     */
    public void accept(double[] confidences, boolean[] hit, int n) {
        for (int i = 0; i < n; i++) {
            int b = bin(confidences[i]);
            rows[b]++;
            if (hit[i]) hits[b]++;
            if (confidence[b] == null) confidence[b] = new ExactSum();
            confidence[b].add(confidences[i]);
        }
    }

    @Override
    public void combine(CalibrationBins other) {
        for (int b = 0; b <= BINS; b++) {
            rows[b] += other.rows[b];
            hits[b] += other.hits[b];
            if (other.confidence[b] != null) {
                if (confidence[b] == null) confidence[b] = new ExactSum();
                confidence[b].combine(other.confidence[b]);
            }
        }
    }

    @Override
    public Calibration result() {
        long n = 0;
        long allHits = 0;
        ExactSum allConfidence = new ExactSum();
        for (int b = 0; b <= BINS; b++) {
            n += rows[b];
            allHits += hits[b];
            if (confidence[b] != null) allConfidence.combine(confidence[b]);
        }
        if (n == 0) return new Calibration(0, Double.NaN, Double.NaN, Double.NaN);
        // Σ_b (n_b/n) |hits_b/n_b - conf_b/n_b| = Σ_b |hits_b - conf_b| / n: one division per bin, none by n_b
        ExactSum gaps = new ExactSum();
        for (int b = 0; b <= BINS; b++) {
            if (rows[b] > 0) gaps.add(Math.abs(hits[b] - confidence[b].value()));
        }
        return new Calibration(n, gaps.value() / n, allConfidence.value() / n, allHits / (double) n);
    }
}
