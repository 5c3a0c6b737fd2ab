package org.losseval.accumulate;

import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.Ece;
import org.losseval.loss.LossInputs;
import org.losseval.loss.Medae;
import org.losseval.loss.RegressionLoss;
import org.losseval.loss.MomentLoss;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.Range;

/**
 * The mergeable state of one loss: the exact sum of weighted row losses, the exact sum of weights, the
 * rows covered and the rows clamped.
 *
 * <p>Formula: {@code finish(Σ w·l / Σ w)}, scikit-learn's weighted mean, where l is the row loss and
 * w = s &times; v: s the sample weight ({@code --weight}, 1 without it) and v the loss's own row weight
 * ({@link RowLoss#rowWeights}: PyTorch's class weight w<sub>y</sub>, 0 for an ignored label; 1 for a loss
 * that does not {@linkplain RowLoss#weighsRows weigh rows}). Without any weight every w is 1 and this is
 * the plain mean. A row with v = 0 is not covered: it counts in neither sum nor in {@code count}, as in
 * PyTorch's {@code ignore_index}. The products are s &times; v first, then l &times; (s &times; v), each
 * rounded once by the batch's kernels, so the figures do not depend on which kernels ran.
 *
 * <p>Edge cases: no covered rows, or a total weight of 0 (every row ignored), give NaN, as PyTorch does.
 * A mean is never stored; both sums are exact ({@link ExactSum}), so the value is the same bits whatever
 * the batch sizes, chunking, order of merges or vector width.
 *
 * <p>Batch view: {@link #accept} reads the batch through the run's role binding ({@link LossInputs}: the
 * columns of each role the loss reads, and the kernels chosen for the batch) and the sample weights. It
 * leaves the batch's row losses times v in {@link #rowLosses()}: a row's contribution before the sample
 * weight, which the contribution figures read.
 *
 * <p>A {@link MomentLoss} (r2, explained variance, max_error) is a function of sums of the residuals and
 * targets rather than a mean of its row losses: its state also keeps {@link MomentSums}, and its value is
 * {@link MomentLoss#value} of them. Its row losses (the squared or absolute error) still go to the mean and
 * to the contribution figures. {@link Ece} keeps {@link CalibrationBins} the same way, and {@link Medae}
 * an {@link AbsoluteErrorMedian} of its row losses (|pred - target|) and sample weights: exact within the
 * exact-memory budget the state is given, a bracket beyond it ({@link LossFigures#range()}).
 *
 * <p>Cost: two exact sums (about 1.3 KiB each, plus 5 KiB of lanes once a batch of 16 rows or more was added, for values spanning 2^-30..2^30; at most 85 KiB: see {@link ExactSum}) and five scratch arrays of the largest batch (shared by the states of a run's groups: {@link Scratch}); for medae also
 * 8 bytes a row (16 weighted) up to its budget ({@link AbsoluteErrorMedian}). Not
 * thread-safe; combine per-thread states.
 */
public final class LossState implements MergeableState<LossState, LossFigures> {
    private final RowLoss loss;
    private final boolean sampleWeighted;
    /** Σ w·l; for a group's mean loss, the same exact sum as its {@link MeanSums}' Σx, which adds to it. */
    private final ExactSum lossSum;
    /** Whether {@link #lossSum} is another state's (added to and combined by it, not by this one). */
    private final boolean sharedLossSum;
    private final ExactSum weightSum = new ExactSum();
    private long count;
    private long clamped;
    /** The moments of a {@link MomentLoss}; null for every other loss. */
    private final MomentSums moments;
    /** The bins of {@link Ece}; null for every other loss. */
    private final CalibrationBins calibration;
    /** The errors of {@link Medae}; null for every other loss. */
    private final AbsoluteErrorMedian median;
    private final Scratch scratch;
    private transient double[] rowLoss = new double[0];
    private transient double[] ownWeight = new double[0];
    private transient double[] weight = new double[0];
    private transient double[] product = new double[0];
    /** The last batch's l × v (the contribution figures' row losses) for a loss that weighs rows. */
    private transient double[] weightedRowLoss = new double[0];
    /** The last batch's row weights w (see the class comment), or null when no weight applies. */
    private transient double[] lastWeight;

    /**
     * A state with the default exact-memory budget ({@link ContributionSettings#DEFAULT_EXACT_BUDGET_BYTES}),
     * which only an order statistic ({@code medae}) uses.
     *
     * @param sampleWeighted whether rows come with sample weights ({@code --weight})
     */
    public LossState(RowLoss loss, boolean sampleWeighted) {
        this(loss, sampleWeighted, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES);
    }

    /**
     * @param sampleWeighted   whether rows come with sample weights ({@code --weight})
     * @param exactBudgetBytes the memory an order statistic ({@code medae}) may keep rows in before its value
     *                         becomes a bracket ({@link AbsoluteErrorMedian}); states that combine must agree
     */
    public LossState(RowLoss loss, boolean sampleWeighted, long exactBudgetBytes) {
        this(loss, sampleWeighted, exactBudgetBytes, new Scratch());
    }

    /** A state whose working arrays are {@code scratch}'s (shared by the states of a run's groups). */
    LossState(RowLoss loss, boolean sampleWeighted, long exactBudgetBytes, Scratch scratch) {
        this(loss, sampleWeighted, exactBudgetBytes, scratch, null);
    }

    /**
     * A state whose Σ l is {@code lossSum}, kept by its owner (a group's unweighted {@link MeanSums}, whose Σx
     * is the same exact sum of the same rows, its owner adds them), or its own when null. Only for an unweighted
     * state of a loss that {@link #reusesRowLosses} (so every w is 1 and Σ w·l is Σ l).
     */
    LossState(RowLoss loss, boolean sampleWeighted, long exactBudgetBytes, Scratch scratch, ExactSum lossSum) {
        if (lossSum != null && (sampleWeighted || !reusesRowLosses(loss))) {
            throw new IllegalArgumentException("only an unweighted state of a plain regression loss shares its sum");
        }
        this.lossSum = lossSum == null ? new ExactSum() : lossSum;
        this.sharedLossSum = lossSum != null;
        this.scratch = scratch;
        this.loss = loss;
        this.sampleWeighted = sampleWeighted;
        this.moments = loss instanceof MomentLoss ? new MomentSums(sampleWeighted) : null;
        this.calibration = loss instanceof Ece ? new CalibrationBins() : null;
        this.median = loss instanceof Medae ? new AbsoluteErrorMedian(sampleWeighted, exactBudgetBytes) : null;
    }

    public RowLoss loss() { return loss; }

    /** Whether any weight applies: the sample weight, or the loss's own row weights. */
    private boolean weighted() { return sampleWeighted || loss.weighsRows(); }

    /**
     * Adds the {@code rows.size()} rows of a batch.
     *
     * @param rows         the batch through the run's role binding, with the kernels to compute with
     * @param sampleWeight the sample weights, or null exactly when the state is not sample-weighted
     */
    public void accept(LossInputs rows, double[] sampleWeight) {
        if (sampleWeighted != (sampleWeight != null)) {
            throw new IllegalArgumentException(sampleWeighted ? "sample weights missing for a weighted state"
                    : "unexpected sample weights");
        }
        int n = rows.size();
        ensureScratch(n);
        RegressionKernels kernels = rows.kernels();
        clamped += loss.rowLosses(rows, rowLoss, n);
        double[] w = sampleWeight;
        long covered = n;
        if (loss.weighsRows()) {
            loss.rowWeights(rows, ownWeight, n);
            covered = 0;
            for (int i = 0; i < n; i++) {
                if (ownWeight[i] != 0) covered++;
            }
            w = ownWeight;
            if (sampleWeight != null) {
                kernels.multiply(ownWeight, sampleWeight, weight, n);
                w = weight;
            }
        }
        if (w != null) {
            kernels.multiply(rowLoss, w, product, n);
            weightSum.addAll(w, n);
            lossSum.addAll(product, n);
        } else if (!sharedLossSum) {
            lossSum.addAll(rowLoss, n);
        }
        count += covered;
        if (moments != null) moments.accept(rows.column(Role.PRED), rows.column(Role.TARGET), sampleWeight, n);
        if (calibration != null) {
            // the product scratch array has been summed above and is free until the next batch
            boolean[] hit = scratch.booleans(n);
            Ece.confidences(rows, product, hit, n);
            calibration.accept(product, hit, n);
        }
        if (median != null) median.accept(rowLoss, sampleWeight, n); // medae does not weigh rows itself
        // What the contribution figures read: l × v (PyTorch's numerator for ce), before the sample weight.
        if (loss.weighsRows()) kernels.multiply(rowLoss, ownWeight, weightedRowLoss, n);
        lastWeight = w;
    }

    /**
     * Whether {@link #acceptRowLosses} can stand in for {@link #accept}: a regression loss (which never clamps a
     * row) that weighs no rows and whose state keeps nothing but the sums and, for medae, its row losses (not the
     * moments of r2 and its kind, which read the columns).
     */
    public static boolean reusesRowLosses(RowLoss loss) {
        return loss instanceof RegressionLoss && !loss.weighsRows() && !(loss instanceof MomentLoss);
    }

    /**
     * Whether states of losses {@code a} and {@code b} fed the same rows hold the same sums, so that one state can
     * be fed for both and the other take its sums ({@link #absorb}) when its figures are read: regression losses
     * that weigh no rows, whose row losses are the same bits on any rows ({@link RegressionLoss#rowLossesOf}: mse
     * and rmse; r2 and explained variance, the squared errors), and whose states keep the same things besides:
     * nothing, or both {@link MomentSums} (a function of the prediction, target and weight columns alone); never an
     * order statistic. The one home of that rule.
     */
    public static boolean sameSums(RowLoss a, RowLoss b) {
        return a instanceof RegressionLoss ra && b instanceof RegressionLoss rb && !a.weighsRows() && !b.weighsRows()
                && !(a instanceof Medae) && !(b instanceof Medae) && (a instanceof MomentLoss) == (b instanceof MomentLoss)
                && ra.rowLossesOf().sameLossAs(rb.rowLossesOf());
    }

    /**
     * Adds rows whose row losses another state of the same loss has computed ({@link #plainRowLosses()},
     * gathered: a group's rows of the run's batch), for a loss that {@link #reusesRowLosses}: the same sums as
     * {@link #accept} of those rows, since the row losses and the products l × s are the same bits (each rounded
     * once) and the sums are exact. Leaves no row losses of its own: the caller has them.
     *
     * @param rowLoss      the row losses, in {@code [0, n)}
     * @param sampleWeight the sample weights, or null exactly when the state is not sample-weighted
     * @param kernels      the kernels of the batch the row losses came from (for l × s)
     */
    public void acceptRowLosses(double[] rowLoss, double[] sampleWeight, int n, RegressionKernels kernels) {
        if (!reusesRowLosses(loss)) throw new IllegalStateException(loss.spec() + " needs its rows, not its row losses");
        if (sampleWeighted != (sampleWeight != null)) {
            throw new IllegalArgumentException(sampleWeighted ? "sample weights missing for a weighted state"
                    : "unexpected sample weights");
        }
        if (sampleWeight != null) {
            product = scratch.doubles(Scratch.LOSS_PRODUCTS, n);
            kernels.multiply(rowLoss, sampleWeight, product, n);
            weightSum.addAll(sampleWeight, n);
            lossSum.addAll(product, n);
        } else if (!sharedLossSum) {
            lossSum.addAll(rowLoss, n);
        }
        count += n;
        if (median != null) median.accept(rowLoss, sampleWeight, n);
        lastWeight = sampleWeight;
    }

    /**
     * The last batch's row losses, each times the loss's own row weight, in {@code [0, n)}: valid until
     * the next {@link #accept} (of any state sharing this one's scratch: a group's), and the caller must not
     * change them.
     */
    public double[] rowLosses() { return loss.weighsRows() ? weightedRowLoss : rowLoss; }

    /**
     * The last batch's row losses l themselves, in {@code [0, n)} (a paired comparison reads them with
     * {@link #rowWeights()}); valid until the next {@link #accept} (of any state sharing this one's scratch), and the caller must not change them.
     */
    public double[] plainRowLosses() { return rowLoss; }

    /**
     * The last batch's row weights w = s &times; v of the class comment, or null when no weight applies
     * (every w is 1); valid until the next {@link #accept} (of any state sharing this one's scratch), and the caller must not change them.
     */
    public double[] rowWeights() { return lastWeight; }

    /** Adds another state of the same loss, parameters and weighting; checks before changing anything. */
    @Override
    public void combine(LossState other) {
        if (!other.loss.sameLossAs(loss)) {
            throw new IllegalArgumentException("cannot combine " + loss.spec() + " with " + other.loss.spec());
        }
        if (other.sampleWeighted != sampleWeighted) {
            throw new IllegalArgumentException("cannot combine sample-weighted and unweighted states of " + loss.spec());
        }
        if (median != null) median.checkCombinable(other.median);
        if (sharedLossSum != other.sharedLossSum) throw new IllegalArgumentException("cannot combine a shared sum with an own one");
        if (!sharedLossSum) lossSum.combine(other.lossSum);
        weightSum.combine(other.weightSum);
        count += other.count;
        clamped += other.clamped;
        if (moments != null) moments.combine(other.moments);
        if (calibration != null) calibration.combine(other.calibration);
        if (median != null) median.combine(other.median);
    }

    /**
     * Adds the sums of {@code twin}, a state of another loss fed the same row losses bit for bit (mse's state
     * for rmse: both sum the squared errors), so that this state holds what it would hold had it been fed
     * them itself ({@link GroupState#twin}, {@link #sameSums}). Only for losses that are plain means of row
     * losses that it can be given ({@link #reusesRowLosses}, no order statistic), or whose states hold the same
     * sums by {@link #sameSums} (then also the moments); checks before changing anything.
     */
    public void absorb(LossState twin) {
        boolean plainMeans = reusesRowLosses(loss) && reusesRowLosses(twin.loss) && median == null && twin.median == null;
        if (!(plainMeans || sameSums(loss, twin.loss)) || twin.sampleWeighted != sampleWeighted
                || twin.sharedLossSum != sharedLossSum) {
            throw new IllegalArgumentException("cannot take the sums of " + twin.loss.spec() + " for " + loss.spec());
        }
        if (moments != null) moments.combine(twin.moments);
        if (!sharedLossSum) lossSum.combine(twin.lossSum);
        weightSum.combine(twin.weightSum);
        count += twin.count;
        clamped += twin.clamped;
    }

    /** Σ w·l, the exact sum of weighted row losses rounded once (the numerator of the mean; for shares). */
    public double lossSum() { return lossSum.value(); }

    @Override
    public LossFigures result() {
        double weights = weighted() ? weightSum.value() : count;
        if (median != null) {
            Range range = count == 0 ? Range.of(Double.NaN) : median.result();
            return new LossFigures(range.mid(), count, weights, clamped, range);
        }
        double value = count == 0 ? Double.NaN
                : moments != null ? ((MomentLoss) loss).value(moments.result())
                : calibration != null ? calibration.result().ece()
                : loss.finish(lossSum.value() / weights);
        return new LossFigures(value, count, weights, clamped);
    }

    private void ensureScratch(int n) {
        rowLoss = scratch.doubles(Scratch.LOSS_VALUES, n);
        ownWeight = scratch.doubles(Scratch.LOSS_OWN_WEIGHTS, n);
        weight = scratch.doubles(Scratch.LOSS_WEIGHTS, n);
        product = scratch.doubles(Scratch.LOSS_PRODUCTS, n);
        weightedRowLoss = scratch.doubles(Scratch.LOSS_WEIGHTED_VALUES, n);
    }
}
