package org.losseval.accumulate;

import org.losseval.loss.Moments;

/**
 * The exact sums behind the ratio-of-sums figures (r2, explained variance) and the maximum behind
 * max_error: the mergeable state that gives {@link Moments}.
 *
 * <p>Formula. With r = pred - target (one rounding, as every residual here) and w the sample weight (1
 * without {@code --weight}), it keeps Σ w, Σ w y, Σ w y², Σ w r, Σ w r² and max |r|, then
 * <pre>
 *   Σ w (y - ȳ)² = (Σ w y² · Σ w - (Σ w y)²) / Σ w          (and the same for r)
 * </pre>
 * evaluated exactly from the exact sums ({@link Dyadic}) and rounded once (to 40 digits, then to the nearest
 * double: {@link Dyadic#quotient}). Why not the textbook two-pass or Welford update: the first needs the mean before the rows, the
 * second rounds at every row in an order that depends on the split, so a merged result would differ in its
 * last bits from a single pass. Why the expansion is safe here although it is the classic cancellation
 * trap: every product is added exactly, as an error-free pair from {@link Math#fma} (w·y = p + e exactly;
 * w·y² = p·y + e·y, each again a pair), so the sums are the exact real sums of the rows and the subtraction
 * cancels nothing that was rounded. The result is then the same bits however the rows were split or merged.
 *
 * <p>Edge cases: no rows give count 0 (the figures are NaN). A product that overflows makes its sum infinite
 * and the spread NaN or infinite (no error term is added for it). A product whose error term would be
 * subnormal (below about 1e-292) loses those bits: the sums are then exact but for that tail.
 *
 * <p>Cost: five exact sums (about 1.3 KiB each for values spanning 2^-30..2^30, at most 17 KiB: see {@link ExactSum}), and per row 5 to 9 exact additions and 2 to 4 fma; no
 * store of rows. Not thread-safe; combine per-thread states.
 */
public final class MomentSums implements MergeableState<MomentSums, Moments> {

    private final boolean weighted;
    private final ExactSum weights = new ExactSum();
    private final ExactSum targets = new ExactSum();
    private final ExactSum targetSquares = new ExactSum();
    private final ExactSum residuals = new ExactSum();
    private final ExactSum residualSquares = new ExactSum();
    private long count;
    private double maxAbsResidual;

    /** @param weighted whether rows come with sample weights */
    public MomentSums(boolean weighted) {
        this.weighted = weighted;
    }

    /**
     * Adds rows {@code [0, n)}.
     *
     * @param weight the sample weights, or null exactly when the state is not weighted
     */
    public void accept(double[] pred, double[] target, double[] weight, int n) {
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(weighted ? "sample weights missing for a weighted state"
                    : "unexpected sample weights");
        }
        for (int i = 0; i < n; i++) {
            double y = target[i];
            double r = pred[i] - target[i];
            double w = weight == null ? 1.0 : weight[i];
            maxAbsResidual = Math.max(maxAbsResidual, Math.abs(r));
            if (weight == null) {
                targets.add(y);
                addSquare(targetSquares, y);
                residuals.add(r);
                addSquare(residualSquares, r);
            } else {
                weights.add(w);
                addWeightedPowers(targets, targetSquares, w, y);
                addWeightedPowers(residuals, residualSquares, w, r);
            }
        }
        count += n;
    }

    /** Adds x² exactly, as the pair (p, e) with p + e = x·x. (Also {@link MeanSums}' error-free square.) */
    static void addSquare(ExactSum sum, double x) {
        double p = x * x;
        sum.add(p);
        if (Double.isFinite(p)) sum.add(Math.fma(x, x, -p));
    }

    /** Adds w·x to {@code first} and w·x² to {@code second}, both exactly. */
    private static void addWeightedPowers(ExactSum first, ExactSum second, double w, double x) {
        double p = w * x;
        if (!Double.isFinite(p)) {
            first.add(p);
            second.add(p * x);
            return;
        }
        double e = Math.fma(w, x, -p);
        first.add(p);
        first.add(e);
        addProduct(second, p, x);
        addProduct(second, e, x);
    }

    /** Adds a·b exactly, as the pair (p, e) with p + e = a·b. (Also {@link MeanSums}' error-free product.) */
    static void addProduct(ExactSum sum, double a, double b) {
        double p = a * b;
        sum.add(p);
        if (Double.isFinite(p)) sum.add(Math.fma(a, b, -p));
    }

    /** Adds another state of the same weighting; checks before changing anything. */
    @Override
    public void combine(MomentSums other) {
        if (other.weighted != weighted) {
            throw new IllegalArgumentException("cannot combine sample-weighted and unweighted moment sums");
        }
        weights.combine(other.weights);
        targets.combine(other.targets);
        targetSquares.combine(other.targetSquares);
        residuals.combine(other.residuals);
        residualSquares.combine(other.residualSquares);
        count += other.count;
        maxAbsResidual = Math.max(maxAbsResidual, other.maxAbsResidual);
    }

    @Override
    public Moments result() {
        Dyadic w = weighted ? weights.dyadic() : Dyadic.of(count);
        double weightSum = weighted ? weights.value() : count;
        return new Moments(count, weightSum, residualSquares.value(), spread(w, targets, targetSquares),
                spread(w, residuals, residualSquares), maxAbsResidual);
    }

    /** (S2·W - S1²) / W from the exact sums, rounded once; NaN when a sum is not finite or W is 0. */
    private static double spread(Dyadic w, ExactSum first, ExactSum second) {
        Dyadic s1 = first.dyadic();
        Dyadic s2 = second.dyadic();
        if (w == null || s1 == null || s2 == null || w.signum() == 0) {
            // Not finite, or no weight: the plain double formula gives the NaN or infinity it deserves.
            double wv = w == null ? Double.NaN : w.doubleValue();
            return second.value() - first.value() * first.value() / wv;
        }
        return spread(w, s1, s2);
    }

    /** (S2·W - S1²) / W from exact sums, W &gt; 0, rounded once (also {@link BootstrapMoments}' replicates). */
    static double spread(Dyadic w, Dyadic s1, Dyadic s2) {
        Dyadic numerator = s2.multiply(w).subtract(s1.multiply(s1));
        if (numerator.signum() == 0) return 0.0;
        return Dyadic.quotient(numerator, w);
    }
}
