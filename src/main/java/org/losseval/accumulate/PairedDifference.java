package org.losseval.accumulate;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToLongFunction;
import org.losseval.report.DifferenceInference;
import org.losseval.report.MeanEstimate;
import org.losseval.report.PairedFigures;
import org.losseval.report.WinCounts;

/**
 * The paired comparison of one figure, candidate against baseline on the same rows: the win counts of
 * the row values ({@link WinTally}) and the inference on Δ, in closed form for a figure that is a weighted
 * mean of row values (the paired t interval of d = x<sub>cand</sub> - x<sub>base</sub>, {@link MeanSums}) or
 * by a Poisson bootstrap for a function of such a mean ({@link BootstrapDifference}).
 *
 * <p>Batch view: the input's index and row numbers (for the bootstrap's weights), both models' row values
 * and the row weights w (the sample weight times a loss's own row weight, as {@link LossState} combines
 * them; null when no weight applies). Rows of weight 0 are not covered. Not thread-safe.
 */
public final class PairedDifference implements MergeableState<PairedDifference, PairedFigures> {
    private final String figure;
    private final double confidence;
    private final MeanSums mean;
    private final BootstrapDifference bootstrap;
    private final WinTally wins = new WinTally();
    private transient double[] difference = new double[0];

    private PairedDifference(String figure, double confidence, MeanSums mean, BootstrapDifference bootstrap) {
        this.figure = figure;
        this.confidence = confidence;
        this.mean = mean;
        this.bootstrap = bootstrap;
    }

    /** For a figure that is the weighted mean of its row values (mse, mae, a pinball loss, a coverage). */
    public static PairedDifference ofMean(String figure, boolean weighted, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        return new PairedDifference(figure, confidence, new MeanSums(weighted), null);
    }

    /** For finish(weighted mean of the row values), such as rmse; see {@link BootstrapDifference}. */
    public static PairedDifference ofFinishedMean(String figure, boolean weighted, DoubleUnaryOperator finish, long seed,
                                                  int replicates, double confidence) {
        return new PairedDifference(figure, confidence, null,
                new BootstrapDifference(figure, weighted, finish, seed, replicates, confidence));
    }

    /**
     * For a figure that is neither a mean nor a function of one (ece; r2, explained_variance and max_error,
     * whose interval {@link BootstrapMoments} gives): the win counts of its row losses only, without an interval.
     */
    public static PairedDifference ofWinsOnly(String figure) {
        return new PairedDifference(figure, MeanSums.DEFAULT_CONFIDENCE, null, null);
    }

    public void accept(int input, IntToLongFunction rowNumber, double[] cand, double[] base, double[] w, int n) {
        wins.accept(cand, base, w, n);
        if (mean != null) {
            if (difference.length < n) difference = new double[n];
            for (int i = 0; i < n; i++) difference[i] = cand[i] - base[i];
            mean.accept(difference, w, n);
        } else if (bootstrap != null) {
            bootstrap.accept(input, rowNumber, cand, base, w, n);
        }
    }

    /** Adds another state of the same figure, method and settings; checks before changing anything. */
    @Override
    public void combine(PairedDifference other) {
        if (!other.figure.equals(figure) || (other.mean == null) != (mean == null)
                || (other.bootstrap == null) != (bootstrap == null) || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the comparison of " + other.figure + " with " + figure);
        }
        // Each part checks its own compatibility (weighting, seed, replicates) before it changes anything,
        // and is the first to change: the win tally combines with any other.
        if (mean != null) mean.combine(other.mean);
        else if (bootstrap != null) bootstrap.combine(other.bootstrap);
        wins.combine(other.wins);
    }

    @Override
    public PairedFigures result() {
        WinCounts counts = wins.result();
        if (bootstrap != null) return new PairedFigures(bootstrap.result(), counts);
        if (mean == null) return new PairedFigures(null, counts);
        MeanEstimate e = mean.result(confidence);
        return new PairedFigures(new DifferenceInference(DifferenceInference.PAIRED_T, e.interval(), e.pValue(), e.count()),
                counts);
    }
}
