package org.losseval.report;

/**
 * One figure of the candidate against the baseline on the same rows.
 *
 * @param figure         the figure's name: a loss key (mse, huber:delta=2), pinball[COL] of a --quantile
 *                       column, interval_score[L:U] of an --interval, calibration[COL], coverage[L:U] (the
 *                       candidate's columns), or a loss share share_top1[LOSS], share_topK[LOSS], share_topP%[LOSS]
 * @param baseline       the baseline's value
 * @param candidate      the candidate's value (the report's ordinary figure)
 * @param delta          candidate - baseline
 * @param relativeDelta  delta / |baseline|; NaN when the baseline is 0
 * @param higherIsBetter whether a larger value is better (r2, explained_variance), which turns the verdict
 * @param inference      the interval of delta and its p-value, or null when the figure has none (medae or a share beyond the budget; see
 *                       {@code docs/json-schema.md})
 * @param wins           rows where the candidate's row value is lower, equal, higher
 * @param verdict        what the interval says
 * @param nonInferior    whether the candidate is non-inferior at {@link ComparisonReport#margin()}, or null
 *                       without a margin, and for a coverage or calibration ({@link #ofNominal}) or a share
 *                       ({@link #ofShare})
 */
public record FigureComparison(String figure, double baseline, double candidate, double delta, double relativeDelta,
                               boolean higherIsBetter, DifferenceInference inference, WinCounts wins, Verdict verdict,
                               Boolean nonInferior) {

    /** Builds the comparison: delta, relative delta and the verdicts follow from the values and the inference. */
    public static FigureComparison of(String figure, double baseline, double candidate, boolean higherIsBetter,
                                      DifferenceInference inference, WinCounts wins, Double margin) {
        double delta = candidate - baseline;
        double relative = relative(baseline, delta);
        ConfidenceInterval interval = interval(inference);
        return new FigureComparison(figure, baseline, candidate, delta, relative, higherIsBetter, inference, wins,
                Verdict.of(interval, higherIsBetter), Verdict.nonInferior(interval, higherIsBetter, margin));
    }

    /**
     * The comparison of a coverage or a calibration, a mean of per-row indicators whose target is {@code nominal}
     * (the interval's nominal coverage, the quantile's level): the verdict is {@link Verdict#ofNominal} and there
     * is no non-inferiority (a margin on a distance from the nominal is not what --margin states).
     */
    public static FigureComparison ofNominal(String figure, double baseline, double candidate, double nominal,
                                             DifferenceInference inference, WinCounts wins) {
        double delta = candidate - baseline;
        double relative = relative(baseline, delta);
        ConfidenceInterval interval = interval(inference);
        return new FigureComparison(figure, baseline, candidate, delta, relative, false, inference, wins,
                Verdict.ofNominal(interval, baseline, candidate, nominal), null);
    }

    /**
     * The comparison of a loss share (share_top1[mse], share_top5[mse], share_top1%[mse]): its verdict is
     * {@link Verdict#ofShare}, there is no non-inferiority (--margin is in the loss's units) and no win counts
     * (a share is a figure of the worst rows, not a mean of row values; all three counts are 0).
     *
     * @param inference the interval of delta, or null when the paired rows exceeded the budget
     */
    public static FigureComparison ofShare(String figure, double baseline, double candidate, DifferenceInference inference) {
        double delta = candidate - baseline;
        double relative = relative(baseline, delta);
        ConfidenceInterval interval = interval(inference);
        return new FigureComparison(figure, baseline, candidate, delta, relative, false, inference, new WinCounts(0, 0, 0),
                Verdict.ofShare(interval), null);
    }

    /** The interval of delta; NaN ends when the figure has none. */
    public ConfidenceInterval deltaInterval() {
        return interval(inference);
    }

    /** delta relative to the baseline's magnitude; NaN for a zero baseline. */
    private static double relative(double baseline, double delta) {
        return baseline == 0 ? Double.NaN : delta / Math.abs(baseline);
    }

    /** The inference's interval, or one of NaN ends without an inference. */
    private static ConfidenceInterval interval(DifferenceInference inference) {
        return inference == null ? new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN) : inference.interval();
    }

    /** The p-value of "delta = 0"; NaN when the figure has none. */
    public double pValue() { return inference == null ? Double.NaN : inference.pValue(); }
}
