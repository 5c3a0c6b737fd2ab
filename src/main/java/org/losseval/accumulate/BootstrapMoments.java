package org.losseval.accumulate;

import java.util.function.IntToLongFunction;
import org.losseval.loss.MomentLoss;
import org.losseval.loss.Moments;
import org.losseval.report.DifferenceInference;

/**
 * The Poisson bootstrap of Δ for a ratio-of-sums figure ({@link MomentLoss}: r2, explained_variance,
 * max_error), which is neither a mean nor a function of one: each replicate keeps, for both models, the sums
 * {@link MomentSums} keeps, with each row's weight multiplied by its count k<sub>ib</sub>
 * ({@link PoissonBootstrap}, the same draws as {@link BootstrapDifference}):
 * <pre>
 *   Σ k w,  Σ k w y,  Σ k w y²,  and per model  Σ k w r,  Σ k w r²,  max over rows with k w ≠ 0 of |r|
 *   Δ*_b = value(candidate's Moments_b) - value(baseline's Moments_b)
 * </pre>
 * with r = pred - y rounded once, each product added as an error-free pair ({@link Math#fma}) and every sum
 * exact ({@link ReplicateSums}), the spreads computed from the exact sums and rounded once as in
 * {@link MomentSums}; so a replicate's moments are exactly MomentSums' of the rows repeated k times. The
 * interval and p-value are {@link BootstrapDifference}'s (percentile interval, Davison &amp; Hinkley's p).
 *
 * <p>Cost: 9 (unweighted) to 19 (weighted) exact multiply-add passes over the replicates a row, and a max for
 * max_error: about three times {@link BootstrapDifference}'s. Not thread-safe.
 */
public final class BootstrapMoments implements MergeableState<BootstrapMoments, DifferenceInference> {
    private final MomentLoss loss;
    private final boolean weighted;
    private final long seed;
    private final int replicates;
    private final double confidence;
    /** Σ k w (weighted only; unweighted it is {@link #counts}). */
    private final ReplicateSums weights;
    /** Σ k per replicate, an integer held exactly in a double (as {@link BootstrapDifference}'s). */
    private final double[] counts;
    private final ReplicateSums targets;
    private final ReplicateSums targetSquares;
    private final ReplicateSums[] residuals = new ReplicateSums[2];
    private final ReplicateSums[] residualSquares = new ReplicateSums[2];
    private final double[][] maxAbs;
    private long rows;
    /** One row's counts: scratch of accept (transient: not encoded). */
    private final transient double[] rowCounts;

    public BootstrapMoments(MomentLoss loss, boolean weighted, long seed, int replicates, double confidence) {
        if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        this.loss = loss;
        this.weighted = weighted;
        this.seed = seed;
        this.replicates = replicates;
        this.confidence = confidence;
        weights = weighted ? new ReplicateSums(replicates) : null;
        counts = new double[replicates];
        targets = new ReplicateSums(replicates);
        targetSquares = new ReplicateSums(replicates);
        for (int m = 0; m < 2; m++) {
            residuals[m] = new ReplicateSums(replicates);
            residualSquares[m] = new ReplicateSums(replicates);
        }
        maxAbs = new double[2][replicates];
        rowCounts = new double[replicates];
    }

    /**
     * Adds rows {@code [0, n)} of one input.
     *
     * @param w the sample weights, or null exactly when the state is not weighted
     */
    public void accept(int input, IntToLongFunction rowNumber, double[] candidatePred, double[] baselinePred,
                       double[] target, double[] w, int n) {
        if (weighted != (w != null)) throw new IllegalArgumentException(weighted ? "weights missing" : "unexpected weights");
        for (int i = 0; i < n; i++) {
            // Rows of weight 0 count, as in MomentSums: they add 0 to every sum but take part in max_error.
            double wi = w == null ? 1.0 : w[i];
            rows++;
            long key = PoissonBootstrap.key(seed, input, rowNumber.applyAsLong(i));
            PoissonBootstrap.counts(key, rowCounts, replicates);
            for (int r = 0; r < replicates; r++) counts[r] += rowCounts[r];
            double y = target[i];
            addPowers(targets, targetSquares, wi, y, w == null);
            if (w != null) weights.add(wi, rowCounts);
            double rc = candidatePred[i] - y;
            double rb = baselinePred[i] - y;
            addPowers(residuals[0], residualSquares[0], wi, rc, w == null);
            addPowers(residuals[1], residualSquares[1], wi, rb, w == null);
            double ac = Math.abs(rc);
            double ab = Math.abs(rb);
            for (int r = 0; r < replicates; r++) {
                if (rowCounts[r] == 0) continue;
                if (ac > maxAbs[0][r]) maxAbs[0][r] = ac;
                if (ab > maxAbs[1][r]) maxAbs[1][r] = ab;
            }
        }
    }

    /** Adds k·w·x to {@code first} and k·w·x² to {@code second}, exactly (products as error-free pairs). */
    private void addPowers(ReplicateSums first, ReplicateSums second, double w, double x, boolean unweighted) {
        if (unweighted) {
            first.add(x, rowCounts);
            addProduct(second, x, x);
            return;
        }
        double p = w * x;
        if (!Double.isFinite(p)) {
            first.add(p, rowCounts);
            second.add(p * x, rowCounts);
            return;
        }
        double e = Math.fma(w, x, -p);
        first.add(p, rowCounts);
        first.add(e, rowCounts);
        addProduct(second, p, x);
        addProduct(second, e, x);
    }

    private void addProduct(ReplicateSums sum, double a, double b) {
        double p = a * b;
        sum.add(p, rowCounts);
        if (Double.isFinite(p)) sum.add(Math.fma(a, b, -p), rowCounts);
    }

    /** Adds another state of the same loss, weighting, seed, replicates and level; checks first. */
    @Override
    public void combine(BootstrapMoments other) {
        if (!other.loss.spec().equals(loss.spec()) || other.weighted != weighted || other.seed != seed
                || other.replicates != replicates || other.confidence != confidence) {
            throw new IllegalArgumentException("cannot combine the bootstrap of " + other.loss.spec() + " with "
                    + loss.spec());
        }
        if (weighted) weights.combine(other.weights);
        targets.combine(other.targets);
        targetSquares.combine(other.targetSquares);
        for (int m = 0; m < 2; m++) {
            residuals[m].combine(other.residuals[m]);
            residualSquares[m].combine(other.residualSquares[m]);
            for (int r = 0; r < replicates; r++) maxAbs[m][r] = Math.max(maxAbs[m][r], other.maxAbs[m][r]);
        }
        for (int r = 0; r < replicates; r++) counts[r] += other.counts[r];
        rows += other.rows;
    }

    /** The replicates' Δ*, in replicate order (NaN where a replicate drew no row). */
    public double[] replicateDeltas() {
        double[] deltas = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            if (counts[r] == 0) {
                deltas[r] = Double.NaN;
                continue;
            }
            deltas[r] = loss.value(moments(0, r)) - loss.value(moments(1, r));
        }
        return deltas;
    }

    /** Model m's moments in replicate r: MomentSums' result for the rows repeated k times. */
    private Moments moments(int m, int r) {
        Dyadic w = weighted ? weights.exact(r) : Dyadic.of((long) counts[r]);
        double weightSum = weighted ? weights.value(r) : counts[r];
        Dyadic y1 = targets.exact(r);
        Dyadic y2 = targetSquares.exact(r);
        Dyadic r1 = residuals[m].exact(r);
        Dyadic r2 = residualSquares[m].exact(r);
        boolean finite = w != null && y1 != null && y2 != null && r1 != null && r2 != null && w.signum() > 0;
        double targetSpread = finite ? MomentSums.spread(w, y1, y2) : Double.NaN;
        double residualSpread = finite ? MomentSums.spread(w, r1, r2) : Double.NaN;
        return new Moments((long) counts[r], weightSum, residualSquares[m].value(r), targetSpread, residualSpread, maxAbs[m][r]);
    }

    @Override
    public DifferenceInference result() {
        return BootstrapDifference.percentile(replicateDeltas(), confidence, rows);
    }
}
