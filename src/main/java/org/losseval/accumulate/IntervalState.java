package org.losseval.accumulate;

import org.losseval.report.ConfidenceInterval;
import org.losseval.report.IntervalResult;

/**
 * The mergeable state of a prediction interval [lower, upper] with a nominal coverage (e.g. 0.8 for a
 * p10&ndash;p90 interval): counts of targets below, inside and above, and exact sums of widths and
 * interval scores.
 *
 * <p>Definitions, for n rows:
 * <ul>
 *   <li>coverage = #(lower &le; y &le; upper) / n: a target on a bound is inside (DESIGN.md);</li>
 *   <li>below = #(y &lt; lower) / n, above = #(y &gt; upper) / n (so below + coverage + above = 1);</li>
 *   <li>mean width = &Sigma;(upper - lower) / n;</li>
 *   <li>interval (Winkler) score, &alpha; = 1 - nominal: width + (2/&alpha;)(lower - y) if y &lt; lower,
 *       width + (2/&alpha;)(y - upper) if y &gt; upper, else width; its mean over the rows (Gneiting &amp;
 *       Raftery 2007, eq. 43; lower is better);</li>
 *   <li>a Clopper&ndash;Pearson 95% confidence interval of the coverage and the exact two-sided binomial
 *       p-value of the covered count against the nominal coverage ({@link BinomialInference}).</li>
 * </ul>
 * Rows are counted, never weighted: the binomial test and its interval are about counts of rows, and
 * weighting the other figures only would make them disagree with the coverage beside them.
 *
 * <p>A crossed interval (lower &gt; upper) is invalid input: the caller checks {@link #isValid} (the row
 * validator's job) and this state refuses such rows, before it counts any row of the batch. With no rows
 * every figure is NaN.
 *
 * <p>Batch view: {@link #accept} reads the lower bounds, upper bounds and targets of rows {@code [0, n)}.
 * Cost: three counts, two exact sums and one scratch array of the largest batch. Not thread-safe; combine
 * per-thread states.
 */
public final class IntervalState implements MergeableState<IntervalState, IntervalResult> {
    /** The confidence level of the coverage interval. */
    public static final double CONFIDENCE = 0.95;

    private final double nominal;
    private final double penalty;
    private long count;
    private long below;
    private long above;
    private final ExactSum widthSum = new ExactSum();
    private final ExactSum scoreSum = new ExactSum();
    private final Scratch scratch;

    /** @param nominal the nominal coverage, in (0, 1) */
    public IntervalState(double nominal) {
        this(nominal, new Scratch());
    }

    /** A state whose working array is {@code scratch}'s (shared by the states of a run's groups). */
    IntervalState(double nominal, Scratch scratch) {
        this.scratch = scratch;
        Levels.nominalCoverage(nominal);
        this.nominal = nominal;
        this.penalty = 2 / (1 - nominal);
    }

    /** True when the interval is not crossed ({@code lower <= upper}); NaN bounds are not valid. */
    public static boolean isValid(double lower, double upper) {
        return lower <= upper;
    }

    /** Adds rows {@code [0, n)}; every interval must be valid. */
    public void accept(double[] lower, double[] upper, double[] target, int n) {
        for (int i = 0; i < n; i++) {
            if (!isValid(lower[i], upper[i])) {
                throw new IllegalArgumentException("crossed interval at index " + i + ": [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        double[] width = scratch.doubles(Scratch.INTERVAL, n);
        for (int i = 0; i < n; i++) width[i] = upper[i] - lower[i];
        widthSum.addAll(width, n);
        for (int i = 0; i < n; i++) {
            double y = target[i];
            if (y < lower[i]) below++;
            else if (y > upper[i]) above++;
        }
        rowScores(lower, upper, target, width, n);
        scoreSum.addAll(width, n);
        count += n;
    }

    /**
     * Each row's interval (Winkler) score into {@code out[0, n)}: the width, plus (2/&alpha;) times the
     * distance to the interval of a target outside it; the figure {@code interval_score} is their mean.
     */
    public void rowScores(double[] lower, double[] upper, double[] target, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double y = target[i];
            double score = upper[i] - lower[i];
            if (y < lower[i]) score += penalty * (lower[i] - y);
            else if (y > upper[i]) score += penalty * (y - upper[i]);
            out[i] = score;
        }
    }

    /** Adds another state of the same nominal coverage; checks before changing anything. */
    @Override
    public void combine(IntervalState other) {
        if (Double.compare(other.nominal, nominal) != 0) {
            throw new IllegalArgumentException("cannot combine intervals of nominal coverage " + other.nominal + " and " + nominal);
        }
        count += other.count;
        below += other.below;
        above += other.above;
        widthSum.combine(other.widthSum);
        scoreSum.combine(other.scoreSum);
    }

    @Override
    public IntervalResult result() {
        long covered = count - below - above;
        double n = count;
        ConfidenceInterval interval = BinomialInference.clopperPearson(covered, count, CONFIDENCE);
        double pValue = count == 0 ? Double.NaN : BinomialInference.twoSidedPValue(covered, count, nominal);
        return new IntervalResult(nominal, count, covered, below, above, covered / n, below / n, above / n,
                widthSum.value() / n, scoreSum.value() / n, interval, pValue);
    }
}
