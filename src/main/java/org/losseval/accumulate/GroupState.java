package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losseval.loss.LossInputs;
import org.losseval.loss.RowLoss;
import org.losseval.report.IntervalResult;
import org.losseval.report.MeanEstimate;
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
 * {@link MeanSums} (two exact sums unweighted, five with --weight); per quantile two and per interval a few.
 * Exact sums hold only the exponents they see ({@link ExactSum}), about 1 to 2 KiB each, plus lanes once
 * 16 or more of a group's rows arrive in one batch. Measured (10,000 groups, mse and mae, heap before and
 * after filling them): about 12 KiB per group per loss with 60 rows per batch, 4 KiB with 10, 19 KiB with
 * --weight; so 10,000 groups with two losses take about 250 MB (380 MB weighted). medae keeps each group's
 * errors as the run's state does ({@link AbsoluteErrorMedian}: 8 bytes a row, 16 weighted, up to the run's
 * exact budget per group), so all groups together hold at most as many rows again as the run. Not thread-safe.
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
     */
    public record Batch(LossInputs inputs, double[] sampleWeight, double[] target, double[][] quantiles,
                        double[][] lowers, double[][] uppers) {}

    /**
     * @param rows      rows of the group
     * @param losses    per streamed loss its figures; null for a deferred loss
     * @param lossSums  per loss Σ w·l of its row losses (for its share of the total); NaN for a deferred loss
     * @param means     per loss the inference on the mean of its row losses; null where none (see above)
     * @param quantiles per --quantile its figures
     * @param intervals per --interval its figures
     */
    public record Figures(long rows, List<LossFigures> losses, List<Double> lossSums, List<MeanEstimate> means,
                          List<QuantileResult> quantiles, List<IntervalResult> intervals) {}

    private final List<RowLoss> losses;
    private final boolean sampleWeighted;
    private final double[] levels;
    private final double[] nominals;
    private final double confidence;
    private final long exactBudgetBytes;
    /** The working arrays of every state of every group made from one another by {@link #emptyCopy}. */
    private final Scratch scratch;
    private final LossState[] lossStates;
    private final MeanSums[] means;
    private final QuantileState[] quantiles;
    private final IntervalState[] intervals;
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
        this(losses, sampleWeighted, levels, nominals, confidence, exactBudgetBytes, new Scratch());
    }

    private GroupState(List<RowLoss> losses, boolean sampleWeighted, double[] levels, double[] nominals,
                       double confidence, long exactBudgetBytes, Scratch scratch) {
        this.scratch = scratch;
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
            lossStates[l] = new LossState(loss, sampleWeighted, exactBudgetBytes, scratch);
            if (hasMeanInterval(loss)) means[l] = new MeanSums(sampleWeighted);
        }
        quantiles = new QuantileState[levels.length];
        for (int q = 0; q < levels.length; q++) quantiles[q] = new QuantileState(levels[q], sampleWeighted, scratch);
        intervals = new IntervalState[nominals.length];
        for (int i = 0; i < nominals.length; i++) intervals[i] = new IntervalState(nominals[i], scratch);
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
        return new GroupState(losses, sampleWeighted, levels, nominals, confidence, exactBudgetBytes, scratch);
    }

    /** Adds a group's rows of one batch. */
    public void accept(Batch batch) {
        int n = batch.inputs().size();
        for (int l = 0; l < lossStates.length; l++) {
            if (lossStates[l] == null) continue;
            lossStates[l].accept(batch.inputs(), batch.sampleWeight());
            // Row losses of a loss without row weights are l itself: their (weighted) mean is the loss.
            if (means[l] != null) means[l].accept(lossStates[l].rowLosses(), batch.sampleWeight(), n);
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
                || other.confidence != confidence || other.exactBudgetBytes != exactBudgetBytes) {
            throw new IllegalArgumentException("cannot combine group states of different runs");
        }
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
        }
        for (int q = 0; q < quantiles.length; q++) quantiles[q].combine(other.quantiles[q]);
        for (int i = 0; i < intervals.length; i++) intervals[i].combine(other.intervals[i]);
        rows += other.rows;
    }

    @Override
    public Figures result() {
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
        return new Figures(rows, java.util.Collections.unmodifiableList(lossFigures), List.copyOf(sums),
                java.util.Collections.unmodifiableList(estimates), List.copyOf(quantileResults), List.copyOf(intervalResults));
    }

    /** Rows accepted or combined so far. */
    public long rows() { return rows; }
}
