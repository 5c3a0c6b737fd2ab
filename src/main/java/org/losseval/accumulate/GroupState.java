package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losseval.loss.LossInputs;
import org.losseval.loss.RowLoss;
import org.losseval.report.IntervalResult;
import org.losseval.report.MeanEstimate;
import org.losseval.report.PairedFigures;
import org.losseval.report.QuantileResult;

/**
 * The states of one {@code --group-by} group: for each streamed loss a {@link LossState} (and, for a loss
 * that is a mean of its row losses, the {@link MeanSums} that give its confidence interval), for each
 * {@code --quantile} a {@link QuantileState}, for each {@code --interval} an {@link IntervalState}, and the
 * group's row count. Each is a new instance of the run's own, so a group's figures are computed exactly as
 * the run's are, on the group's rows only.
 *
 * <p><b>Intervals of a loss.</b> For a loss whose value is {@code finish(Σ w·l / Σ w)}
 * ({@link RowLoss#meanOfRowLosses()}) with no row weights of its own ({@link RowLoss#weighsRows()} false),
 * {@link MeanSums} keeps the sums of the row losses (weighted by the sample weight when there is one) for the
 * t-interval of their mean; the caller maps its ends through the loss's finish. Other losses (r2, explained
 * variance, max error, ece, medae, a loss with class weights or ignore_index) get no interval here; medae
 * still gets its value per group (exact within the run's --exact-budget per group, a bracket beyond it).
 *
 * <p><b>Cost per group</b>: the working arrays of batch size are shared by every group ({@link #emptyCopy});
 * per loss a {@link LossState} (two exact sums) and, for a mean loss, a
 * {@link MeanSums} (two exact sums unweighted, five with --weight; unweighted, a regression loss's Σ l is its
 * MeanSums' Σx, the same exact sum, kept once); per quantile two and per interval a few. The row losses of a
 * regression loss that weighs no rows come from the run's state ({@link Batch#rowLosses}), not computed again.
 * Exact sums hold only the exponents they see ({@link ExactSum}), about 1 to 2 KiB each, plus lanes once
 * 16 or more of a group's rows arrive in one batch. Measured (10,000 groups, mse and mae, heap before and
 * after filling them): about 12 KiB per group per loss with 60 rows per batch, 4 KiB with 10, 19 KiB with
 * --weight; so 10,000 groups with two losses take about 250 MB (380 MB weighted). medae keeps each group's
 * errors as the run's state does ({@link AbsoluteErrorMedian}: 8 bytes a row, 16 weighted, up to the run's
 * exact budget per group), so all groups together hold at most as many rows again as the run. A loss
 * {@link #twin}ned with another (rmse with mse, whose row losses are the same bits) keeps its states but does no
 * work until the caller parts them. Not thread-safe.
 *
 * <p><b>With a baseline</b> (a state made with {@code pairedT} non-null): per streamed loss the baseline's own
 * {@link LossState} on the group's rows (its value) and a {@link PairedDifference} of the row losses: the paired
 * t interval of Δ ({@link PairedDifference#ofMean}, from {@link MeanSums}) where {@code pairedT} says so (the
 * caller's rule, the same as the run's comparison), else the win counts only: no bootstrap per group, which
 * would keep every replicate's sums in every group. The baseline's states share a second set of working arrays,
 * so the candidate's row losses of a batch stay valid while the baseline's are computed. Cost: as much again
 * per loss as the candidate's, plus the paired sums (two exact sums, five weighted) and a difference array of
 * the largest piece of a batch the group received.
 *
 * <p>Batch view ({@link Batch}): the group's rows, gathered by the caller into arrays that start at 0.
 */
public final class GroupState implements MergeableState<GroupState, GroupState.Figures> {
    /**
     * A group's rows of one batch.
     *
     * @param inputs       the rows through the run's role binding (their size is the row count)
     * @param sampleWeight the sample weights, or null exactly when the run has none
     * @param target       the targets, or null when the run has none (then there are no quantiles or intervals)
     * @param quantiles    per --quantile, its column
     * @param lowers       per --interval, its lower bounds
     * @param uppers       per --interval, its upper bounds
     * @param baseline     the same rows through the baseline's binding, or null exactly when the state compares
     *                     nothing
     * @param rowLosses    per loss the run's row losses of these rows ({@link LossState#plainRowLosses()} of the
     *                     run's state, gathered), which the group's states then add instead of computing them
     *                     again; null, or a null entry, where the state computes them from {@code inputs}. Given
     *                     only for a loss that {@link LossState#reusesRowLosses}; {@code inputs} need then carry
     *                     no column for it, only the row count and the kernels
     */
    public record Batch(LossInputs inputs, double[] sampleWeight, double[] target, double[][] quantiles,
                        double[][] lowers, double[][] uppers, LossInputs baseline, double[][] rowLosses) {
        /** A batch whose row losses the states compute. */
        public Batch(LossInputs inputs, double[] sampleWeight, double[] target, double[][] quantiles,
                     double[][] lowers, double[][] uppers, LossInputs baseline) {
            this(inputs, sampleWeight, target, quantiles, lowers, uppers, baseline, null);
        }

        /** A batch of a run without a baseline. */
        public Batch(LossInputs inputs, double[] sampleWeight, double[] target, double[][] quantiles,
                     double[][] lowers, double[][] uppers) {
            this(inputs, sampleWeight, target, quantiles, lowers, uppers, null);
        }
    }

    /**
     * @param rows      rows of the group
     * @param losses    per streamed loss its figures; null for a deferred loss
     * @param lossSums  per loss Σ w·l of its row losses (for its share of the total); NaN for a deferred loss
     * @param means     per loss the inference on the mean of its row losses; null where none (see above)
     * @param quantiles per --quantile its figures
     * @param intervals per --interval its figures
     * @param baselines per loss the baseline's figures on the group's rows; empty without a baseline, null for
     *                  a deferred loss
     * @param deltas    per loss the paired comparison (the interval of Δ where there is one, the win counts);
     *                  empty without a baseline, null for a deferred loss
     */
    public record Figures(long rows, List<LossFigures> losses, List<Double> lossSums, List<MeanEstimate> means,
                          List<QuantileResult> quantiles, List<IntervalResult> intervals, List<LossFigures> baselines,
                          List<PairedFigures> deltas) {}

    private final List<RowLoss> losses;
    private final boolean sampleWeighted;
    private final double[] levels;
    private final double[] nominals;
    private final double confidence;
    private final long exactBudgetBytes;
    /** The working arrays of every state of every group made from one another by {@link #emptyCopy}. */
    private final Scratch scratch;
    /** The working arrays of the baseline's loss states, shared likewise; null without a baseline. */
    private final Scratch baselineScratch;
    /** Per loss whether Δ gets the paired t interval; null exactly when the state compares nothing. */
    private final boolean[] pairedT;
    private final LossState[] lossStates;
    private final LossState[] baselineStates;
    private final PairedDifference[] deltas;
    private final MeanSums[] means;
    private final QuantileState[] quantiles;
    private final IntervalState[] intervals;
    /**
     * Per loss, the loss whose states stand in for it ({@link #twin}), or its own index. Per state: a group made
     * after its run stopped twinning two losses was never twinned.
     */
    private final int[] standIn;
    private long rows;

    /**
     * @param losses         per requested loss its streamed form, or null for a deferred one
     * @param sampleWeighted whether rows come with sample weights
     * @param levels         per --quantile its level
     * @param nominals       per --interval its nominal coverage
     * @param confidence     the level of the loss intervals, in (0, 1)
     */
    public GroupState(List<RowLoss> losses, boolean sampleWeighted, double[] levels, double[] nominals,
                      double confidence) {
        this(losses, sampleWeighted, levels, nominals, confidence, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES);
    }

    /**
     * @param exactBudgetBytes the memory each group's order statistic ({@code medae}) may keep rows in before
     *                         its value becomes a bracket ({@link AbsoluteErrorMedian}): the run's own budget
     */
    public GroupState(List<RowLoss> losses, boolean sampleWeighted, double[] levels, double[] nominals,
                      double confidence, long exactBudgetBytes) {
        this(losses, sampleWeighted, levels, nominals, confidence, exactBudgetBytes, null);
    }

    /**
     * @param pairedT per loss whether its Δ gets the paired t interval (a mean of row losses: the rule of the
     *                run's comparison), or null for a run without a baseline; its entries for deferred losses
     *                are ignored
     */
    public GroupState(List<RowLoss> losses, boolean sampleWeighted, double[] levels, double[] nominals,
                      double confidence, long exactBudgetBytes, boolean[] pairedT) {
        this(losses, sampleWeighted, levels, nominals, confidence, exactBudgetBytes, pairedT, new Scratch(),
                pairedT == null ? null : new Scratch());
    }

    private GroupState(List<RowLoss> losses, boolean sampleWeighted, double[] levels, double[] nominals,
                       double confidence, long exactBudgetBytes, boolean[] pairedT, Scratch scratch,
                       Scratch baselineScratch) {
        if (pairedT != null && pairedT.length != losses.size()) throw new IllegalArgumentException("one pairedT per loss");
        this.scratch = scratch;
        this.baselineScratch = baselineScratch;
        this.pairedT = pairedT == null ? null : pairedT.clone();
        this.exactBudgetBytes = exactBudgetBytes;
        this.losses = new ArrayList<>(losses);
        this.sampleWeighted = sampleWeighted;
        this.levels = levels.clone();
        this.nominals = nominals.clone();
        this.confidence = confidence;
        lossStates = new LossState[losses.size()];
        means = new MeanSums[losses.size()];
        for (int l = 0; l < lossStates.length; l++) {
            RowLoss loss = losses.get(l);
            if (loss == null) continue;
            if (hasMeanInterval(loss)) means[l] = new MeanSums(sampleWeighted, scratch);
            // Unweighted, the loss's Σ l and the interval's Σx are one exact sum of the same row losses: kept once.
            ExactSum shared = means[l] != null && LossState.reusesRowLosses(loss) ? means[l].valueSum() : null;
            lossStates[l] = new LossState(loss, sampleWeighted, exactBudgetBytes, scratch, shared);
        }
        baselineStates = new LossState[pairedT == null ? 0 : losses.size()];
        deltas = new PairedDifference[baselineStates.length];
        for (int l = 0; l < baselineStates.length; l++) {
            RowLoss loss = losses.get(l);
            if (loss == null) continue;
            baselineStates[l] = new LossState(loss, sampleWeighted, exactBudgetBytes, baselineScratch);
            // The loss's own row weights (class weights, ignore_index) come from the target: the same for both.
            deltas[l] = pairedT[l] ? PairedDifference.ofMean(loss.spec(), sampleWeighted || loss.weighsRows(), confidence)
                    : PairedDifference.ofWinsOnly(loss.spec());
        }
        quantiles = new QuantileState[levels.length];
        for (int q = 0; q < levels.length; q++) quantiles[q] = new QuantileState(levels[q], sampleWeighted, scratch);
        intervals = new IntervalState[nominals.length];
        for (int i = 0; i < nominals.length; i++) intervals[i] = new IntervalState(nominals[i], scratch);
        standIn = new int[losses.size()];
        for (int l = 0; l < standIn.length; l++) standIn[l] = l;
    }

    /**
     * Whether losses {@code l} and {@code m} may be {@link #twin}ned: both plain means of row losses given by the
     * caller ({@link LossState#reusesRowLosses}, {@link #hasMeanInterval}), in a state that compares nothing.
     */
    public boolean twinnable(int l, int m) {
        return pairedT == null && l != m && losses.get(l) != null && losses.get(m) != null
                && LossState.reusesRowLosses(losses.get(l)) && LossState.reusesRowLosses(losses.get(m))
                && hasMeanInterval(losses.get(l)) && hasMeanInterval(losses.get(m)) && standIn[m] == m;
    }

    /**
     * From now on, and until {@link #untwin}, loss {@code l}'s states are not fed: the caller promises that every
     * batch it gives has the same row losses, bit for bit, for {@code l} and {@code m} (mse and rmse both sum the
     * squared errors), so {@code l}'s sums would be {@code m}'s; they are taken from {@code m}'s when needed. Saves
     * a group a third of its work on the default losses (mse, rmse, mae). Only on an empty state.
     */
    public void twin(int l, int m) {
        if (rows != 0 || !twinnable(l, m) || standIn[l] != l) throw new IllegalStateException("cannot twin " + l + " with " + m);
        standIn[l] = m;
    }

    /**
     * Gives loss {@code l} its own states again, holding what they would hold had they been fed (a copy of its
     * stand-in's sums); {@code l}'s batches are then accepted as any loss's. Nothing when {@code l} is not twinned.
     */
    public void untwin(int l) {
        int m = standIn[l];
        if (m == l) return;
        // The interval's sums first: unweighted, they hold the loss state's Σ l (LossState's shared sum).
        means[l].combine(means[m]);
        lossStates[l].absorb(lossStates[m]);
        standIn[l] = l;
    }

    private void untwinAll() {
        for (int l = 0; l < standIn.length; l++) untwin(l);
    }

    /** Whether a loss's interval comes from the t-interval of the mean of its row losses (see the class doc). */
    public static boolean hasMeanInterval(RowLoss loss) {
        return !loss.weighsRows() && loss.meanOfRowLosses();
    }

    /**
     * A new, empty state of the same configuration that shares this one's working arrays: the states of a
     * run's groups, fed one after the other on one thread, keep one set of batch-sized arrays between them
     * (not one per group). Such states must not be fed from two threads.
     */
    public GroupState emptyCopy() {
        return new GroupState(losses, sampleWeighted, levels, nominals, confidence, exactBudgetBytes, pairedT, scratch,
                baselineScratch);
    }

    /** Adds a group's rows of one batch. */
    public void accept(Batch batch) {
        if ((batch.baseline() != null) != (pairedT != null)) {
            throw new IllegalArgumentException(pairedT != null ? "baseline rows missing" : "unexpected baseline rows");
        }
        int n = batch.inputs().size();
        for (int l = 0; l < lossStates.length; l++) {
            if (lossStates[l] == null || standIn[l] != l) continue;
            double[] given = batch.rowLosses() == null ? null : batch.rowLosses()[l];
            double[] rowLosses;
            if (given != null) {
                lossStates[l].acceptRowLosses(given, batch.sampleWeight(), n, batch.inputs().kernels());
                rowLosses = given;
            } else {
                lossStates[l].accept(batch.inputs(), batch.sampleWeight());
                rowLosses = lossStates[l].plainRowLosses();
            }
            // Row losses of a loss without row weights are l itself: their (weighted) mean is the loss.
            if (means[l] != null) means[l].accept(given != null ? given : lossStates[l].rowLosses(), batch.sampleWeight(), n);
            if (baselineStates.length > 0) {
                // The candidate's row losses stay valid: the baseline's state writes to its own scratch.
                baselineStates[l].accept(batch.baseline(), batch.sampleWeight());
                deltas[l].accept(0, i -> i, rowLosses, baselineStates[l].plainRowLosses(),
                        given != null ? batch.sampleWeight() : lossStates[l].rowWeights(), n);
            }
        }
        for (int q = 0; q < quantiles.length; q++) {
            quantiles[q].accept(batch.quantiles()[q], batch.target(), batch.sampleWeight(), n);
        }
        for (int i = 0; i < intervals.length; i++) {
            intervals[i].accept(batch.lowers()[i], batch.uppers()[i], batch.target(), n);
        }
        rows += n;
    }

    /** Adds another group state of the same losses, weighting, levels and coverages; checks first. */
    @Override
    public void combine(GroupState other) {
        if (other.lossStates.length != lossStates.length || other.sampleWeighted != sampleWeighted
                || !Arrays.equals(other.levels, levels) || !Arrays.equals(other.nominals, nominals)
                || other.confidence != confidence || other.exactBudgetBytes != exactBudgetBytes
                || !Arrays.equals(other.pairedT, pairedT)) {
            throw new IllegalArgumentException("cannot combine group states of different runs");
        }
        // Twins are the same either way; their own sums make the combine simple (and other's sums stay the same).
        untwinAll();
        other.untwinAll();
        for (int l = 0; l < lossStates.length; l++) {
            if ((lossStates[l] == null) != (other.lossStates[l] == null)
                    || (lossStates[l] != null && !lossStates[l].loss().spec().equals(other.lossStates[l].loss().spec()))) {
                throw new IllegalArgumentException("cannot combine group states of different losses");
            }
        }
        for (int l = 0; l < lossStates.length; l++) {
            if (lossStates[l] == null) continue;
            lossStates[l].combine(other.lossStates[l]);
            if (means[l] != null) means[l].combine(other.means[l]);
            if (baselineStates.length > 0) {
                baselineStates[l].combine(other.baselineStates[l]);
                deltas[l].combine(other.deltas[l]);
            }
        }
        for (int q = 0; q < quantiles.length; q++) quantiles[q].combine(other.quantiles[q]);
        for (int i = 0; i < intervals.length; i++) intervals[i].combine(other.intervals[i]);
        rows += other.rows;
    }

    /** The figures; a twinned loss gets its own states first ({@link #untwin}), the same sums. */
    @Override
    public Figures result() {
        untwinAll();
        List<LossFigures> lossFigures = new ArrayList<>();
        List<MeanEstimate> estimates = new ArrayList<>();
        List<Double> sums = new ArrayList<>();
        for (int l = 0; l < lossStates.length; l++) {
            lossFigures.add(lossStates[l] == null ? null : lossStates[l].result());
            sums.add(lossStates[l] == null ? Double.NaN : lossStates[l].lossSum());
            estimates.add(means[l] == null ? null : means[l].result(confidence));
        }
        List<QuantileResult> quantileResults = new ArrayList<>();
        for (QuantileState q : quantiles) quantileResults.add(q.result());
        List<IntervalResult> intervalResults = new ArrayList<>();
        for (IntervalState i : intervals) intervalResults.add(i.result());
        List<LossFigures> baselineFigures = new ArrayList<>();
        List<PairedFigures> paired = new ArrayList<>();
        for (int l = 0; l < baselineStates.length; l++) {
            baselineFigures.add(baselineStates[l] == null ? null : baselineStates[l].result());
            paired.add(deltas[l] == null ? null : deltas[l].result());
        }
        return new Figures(rows, java.util.Collections.unmodifiableList(lossFigures), List.copyOf(sums),
                java.util.Collections.unmodifiableList(estimates), List.copyOf(quantileResults), List.copyOf(intervalResults),
                java.util.Collections.unmodifiableList(baselineFigures), java.util.Collections.unmodifiableList(paired));
    }

    /** Rows accepted or combined so far. */
    public long rows() { return rows; }
}
