package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.BootstrapEce;
import org.losseval.accumulate.BootstrapMedae;
import org.losseval.accumulate.BootstrapMoments;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.accumulate.ContributionState;
import org.losseval.accumulate.IntervalState;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.PairedDifference;
import org.losseval.accumulate.QuantileState;
import org.losseval.accumulate.ShareBootstrap;
import org.losseval.batch.ColumnBatch;
import org.losseval.kernel.Kernels;
import org.losseval.loss.Ece;
import org.losseval.loss.MomentLoss;
import org.losseval.loss.Pinball;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.ColumnRole;
import org.losseval.report.ComparisonReport;
import org.losseval.report.ContributionResult;
import org.losseval.report.DifferenceInference;
import org.losseval.report.FractionShare;
import org.losseval.report.LossContribution;
import org.losseval.report.Range;
import org.losseval.report.FigureComparison;
import org.losseval.report.FigureNames;
import org.losseval.report.IntervalReport;
import org.losseval.report.LossResult;
import org.losseval.report.PairedFigures;
import org.losseval.report.QuantileReport;

/**
 * The states of a comparison with a baseline in the same rows, kept for the run as a whole: the baseline's
 * own state of every compared figure (its value), and the paired state of each figure
 * ({@link PairedDifference}: the interval of Δ and the win counts). The candidate's figures are the run's
 * ordinary ones; this class reads their row values after the candidate's states accepted a batch.
 *
 * <p>How each figure is compared: a loss that is a weighted mean of its row losses (mse, mae, huber, ce,
 * ...), a --quantile's pinball loss and an --interval's interval score by the paired t interval; a function of
 * a mean (rmse) and a ratio of sums (r2, explained_variance, max_error: {@link BootstrapMoments}) by the
 * Poisson bootstrap; ece by the Poisson bootstrap of its bins' sums ({@link BootstrapEce}, streaming); medae by
 * the Poisson bootstrap of its rows ({@link BootstrapMedae}: each row's key and both models' absolute errors,
 * 24 bytes a row, 32 weighted, within a budget of the --exact-budget's size; beyond it values, Δ and win counts
 * only, and {@link ComparisonReport#sharesBeyondBudget} names it, as it names the shares). The
 * rule for losses is {@link DeltaMethod}'s.
 *
 * <p>A --quantile's calibration and an --interval's coverage are means of per-row indicators (1 when
 * y &lt; q̂, resp. when lower &le; y &le; upper; unweighted, as the run's figures are), so on the same rows their Δ
 * is the mean of the indicator differences d ∈ {-1, 0, 1}, and its interval the paired t interval of those
 * ({@link PairedDifference#ofMean}, exact sums, closed form): no bootstrap is needed. Their verdict is on the
 * distance from the nominal ({@link FigureComparison#ofNominal}), and their win counts count rows where the
 * candidate's indicator is 0 and the baseline's 1 (a target below the baseline's quantile but not the
 * candidate's; covered by the baseline's interval only), which is no judgement of either.
 *
 * <p>Loss shares (with contribution figures, i.e. without --no-contrib): per loss share_top1, share_topK and
 * each --top-fraction share. The baseline's values come from a {@link ContributionState} of its own row
 * losses, with the candidate's settings (so the same definitions, and the same switch to brackets at the same
 * row count: both are charged 8 (1 + losses) bytes a row); the interval of Δ from {@link ShareBootstrap}
 * (re-ranked Poisson bootstrap, the same counts as every bootstrapped figure), which keeps 8 (1 + 2 losses)
 * bytes a row within a budget of the contribution budget's size. Beyond that budget the shares get values
 * and Δ without an interval, and a top-fraction share whose values have become brackets is not compared;
 * {@link ComparisonReport#sharesBeyondBudget} names them, so the report says so. outlier_share is not
 * compared: each model's outliers are its own rows (median and MAD of its own residuals), so its Δ mixes a
 * change of the row set with a change of concentration, and a bootstrap of it would re-estimate both
 * models' median and MAD in every replicate (their residuals kept too, 16 bytes a row more); a baseline given
 * as --baseline-logits or --baseline-probs has no residuals at all.
 */
final class ComparisonStates {
    private final RunPlan plan;
    private final BaselineRequest baseline;
    private final LossState[] baselineLosses;
    private final PairedDifference[] lossPairs;
    /** Per loss, the bootstrap of a ratio-of-sums loss (r2, explained_variance, max_error); null for the others. */
    private final BootstrapMoments[] momentBootstraps;
    /** Per loss, the bootstrap of ece; null for the others. */
    private final BootstrapEce[] eceBootstraps;
    /** Per loss, the bootstrap of medae; null for the others. */
    private final BootstrapMedae[] medaeBootstraps;
    private final QuantileState[] baselineQuantiles;
    private final Pinball[] pinballs;
    private final PairedDifference[] quantilePairs;
    private final IntervalState[] baselineIntervals;
    private final PairedDifference[] intervalPairs;
    private final PairedDifference[] calibrationPairs;
    private final PairedDifference[] coveragePairs;
    /** The losses with contribution figures (every loss: RunPlan refuses deferred ones), or empty with --no-contrib. */
    private final List<Integer> contributionLosses;
    /** The baseline's contribution figures, or null without contribution figures. */
    private final ContributionState baselineContributions;
    /** The bootstrap of the shares' Δ, or null without contribution figures. */
    private final ShareBootstrap shares;
    private transient double[] candidateScratch = new double[0];
    private transient double[] baselineScratch = new double[0];
    private transient boolean[] candidateHits = new boolean[0];
    private transient boolean[] baselineHits = new boolean[0];

    ComparisonStates(RunPlan plan) {
        this.plan = plan;
        EvalRequest request = plan.request;
        baseline = request.baseline();
        boolean weighted = request.weightColumn() != null;
        List<RowLoss> losses = plan.streamed; // RunPlan refuses deferred losses with a baseline
        baselineLosses = new LossState[losses.size()];
        lossPairs = new PairedDifference[losses.size()];
        momentBootstraps = new BootstrapMoments[losses.size()];
        eceBootstraps = new BootstrapEce[losses.size()];
        medaeBootstraps = new BootstrapMedae[losses.size()];
        for (int l = 0; l < losses.size(); l++) {
            RowLoss loss = losses.get(l);
            String figure = RunFigures.key(request.losses().get(l));
            // the run's budget, as the candidate's state (InputStates): medae is exact or a bracket for both alike
            baselineLosses[l] = new LossState(loss, weighted, plan.exactBudgetBytes);
            boolean rowWeighted = weighted || loss.weighsRows();
            switch (DeltaMethod.of(loss)) {
                case BOOTSTRAP_MOMENTS -> {
                    lossPairs[l] = PairedDifference.ofWinsOnly(figure);
                    momentBootstraps[l] = new BootstrapMoments((MomentLoss) loss, weighted, baseline.seed(),
                            baseline.replicates(), baseline.confidence());
                }
                case BOOTSTRAP_ECE -> {
                    lossPairs[l] = PairedDifference.ofWinsOnly(figure);
                    eceBootstraps[l] = new BootstrapEce(baseline.seed(), baseline.replicates(), baseline.confidence());
                }
                case BOOTSTRAP_MEDAE -> {
                    lossPairs[l] = PairedDifference.ofWinsOnly(figure);
                    medaeBootstraps[l] = new BootstrapMedae(weighted, plan.exactBudgetBytes, baseline.seed(),
                            baseline.replicates(), baseline.confidence());
                }
                case WINS_ONLY -> lossPairs[l] = PairedDifference.ofWinsOnly(figure);
                case BOOTSTRAP_FINISHED_MEAN -> lossPairs[l] = PairedDifference.ofFinishedMean(figure, rowWeighted,
                        loss::finish, baseline.seed(), baseline.replicates(), baseline.confidence());
                case PAIRED_T -> lossPairs[l] = PairedDifference.ofMean(figure, rowWeighted, baseline.confidence());
            }
        }
        int quantiles = request.quantiles().size();
        baselineQuantiles = new QuantileState[quantiles];
        pinballs = new Pinball[quantiles];
        quantilePairs = new PairedDifference[quantiles];
        for (int q = 0; q < quantiles; q++) {
            QuantileColumn column = request.quantiles().get(q);
            baselineQuantiles[q] = new QuantileState(column.level(), weighted);
            pinballs[q] = new Pinball(column.level());
            quantilePairs[q] = PairedDifference.ofMean(FigureNames.pinball(column.column()), weighted, baseline.confidence());
        }
        calibrationPairs = new PairedDifference[quantiles];
        for (int q = 0; q < quantiles; q++) {
            calibrationPairs[q] = PairedDifference.ofMean(FigureNames.calibration(request.quantiles().get(q).column()),
                    false, baseline.confidence());
        }
        int intervals = request.intervals().size();
        baselineIntervals = new IntervalState[intervals];
        intervalPairs = new PairedDifference[intervals];
        for (int i = 0; i < intervals; i++) {
            baselineIntervals[i] = new IntervalState(plan.nominals.get(i));
            // interval scores are unweighted, as IntervalState's
            intervalPairs[i] = PairedDifference.ofMean(FigureNames.intervalScore(request.intervals().get(i).name()), false,
                    baseline.confidence());
        }
        contributionLosses = RunFigures.comparedShareLosses(request);
        if (contributionLosses.isEmpty()) {
            baselineContributions = null;
            shares = null;
        } else {
            List<String> keys = new ArrayList<>();
            for (int l : contributionLosses) keys.add(RunFigures.key(request.losses().get(l)));
            ContributionSettings settings = RunStates.contributionSettings(plan);
            baselineContributions = ContributionState.withoutResiduals(keys, weighted, settings);
            shares = new ShareBootstrap(keys, weighted, settings, baseline.seed(), baseline.replicates(),
                    baseline.confidence());
        }
        coveragePairs = new PairedDifference[intervals];
        for (int i = 0; i < intervals; i++) {
            coveragePairs[i] = PairedDifference.ofMean(FigureNames.coverage(request.intervals().get(i).name()), false,
                    baseline.confidence());
        }
    }

    /**
     * Adds a validated batch of input {@code source}, after the candidate's states ({@code input}) accepted it.
     *
     * @param candidate the batch through the candidate's binding
     * @param base      the batch through the baseline's binding
     */
    void accept(int source, ColumnBatch batch, BatchInputs candidate, BatchInputs base, double[] sampleWeight,
                InputStates input) {
        int n = batch.size();
        for (int l = 0; l < baselineLosses.length; l++) {
            LossState candidateState = input.rowLossState(l);
            baselineLosses[l].accept(base, sampleWeight);
            // The loss's own row weights come from the target (class weights, ignore_index): the same for both.
            lossPairs[l].accept(source, batch::rowNumber, candidateState.plainRowLosses(),
                    baselineLosses[l].plainRowLosses(), candidateState.rowWeights(), n);
            if (momentBootstraps[l] != null) {
                momentBootstraps[l].accept(source, batch::rowNumber, candidate.column(Role.PRED), base.column(Role.PRED),
                        candidate.column(Role.TARGET), sampleWeight, n);
            }
            if (eceBootstraps[l] != null) acceptEce(eceBootstraps[l], source, batch, candidate, base, n);
            if (medaeBootstraps[l] != null) {
                // medae's row losses are the absolute errors; it weighs rows by the sample weight alone
                medaeBootstraps[l].accept(source, batch::rowNumber, candidateState.plainRowLosses(),
                        baselineLosses[l].plainRowLosses(), sampleWeight, n);
            }
        }
        if (shares != null) {
            double[][] candidateLosses = input.rowLosses(contributionLosses);
            double[][] baselineRowLosses = new double[contributionLosses.size()][];
            for (int k = 0; k < baselineRowLosses.length; k++) {
                baselineRowLosses[k] = baselineLosses[contributionLosses.get(k)].rowLosses();
            }
            baselineContributions.accept(new ContributionState.Batch(source, batch::rowNumber, null, null, sampleWeight,
                    baselineRowLosses, n));
            shares.accept(source, batch::rowNumber, sampleWeight, candidateLosses, baselineRowLosses, n);
        }
        if (baselineQuantiles.length == 0 && baselineIntervals.length == 0) return;
        ensureScratch(n);
        double[] target = candidate.column(Role.TARGET);
        for (int q = 0; q < baselineQuantiles.length; q++) {
            double[] cand = batch.column(plan.request.quantiles().get(q).column());
            double[] base0 = batch.column(baseline.quantiles().get(q));
            baselineQuantiles[q].accept(base0, target, sampleWeight, n);
            // The formula of QuantileState's pinball loss: loss.Pinball with the scalar kernels.
            pinballs[q].rowLosses(Kernels.scalar(), cand, target, candidateScratch, n);
            pinballs[q].rowLosses(Kernels.scalar(), base0, target, baselineScratch, n);
            quantilePairs[q].accept(source, batch::rowNumber, candidateScratch, baselineScratch, sampleWeight, n);
            // calibration: QuantileState's #(y < q̂), as indicators
            for (int r = 0; r < n; r++) {
                candidateScratch[r] = target[r] < cand[r] ? 1 : 0;
                baselineScratch[r] = target[r] < base0[r] ? 1 : 0;
            }
            calibrationPairs[q].accept(source, batch::rowNumber, candidateScratch, baselineScratch, null, n);
        }
        for (int i = 0; i < baselineIntervals.length; i++) {
            IntervalColumns cand = plan.request.intervals().get(i);
            IntervalColumns base0 = baseline.intervals().get(i);
            double[] lower = batch.column(base0.lower());
            double[] upper = batch.column(base0.upper());
            baselineIntervals[i].accept(lower, upper, target, n);
            baselineIntervals[i].rowScores(batch.column(cand.lower()), batch.column(cand.upper()), target, candidateScratch, n);
            baselineIntervals[i].rowScores(lower, upper, target, baselineScratch, n);
            intervalPairs[i].accept(source, batch::rowNumber, candidateScratch, baselineScratch, null, n);
            // coverage: IntervalState's lower <= y <= upper (a bound is inside), as indicators
            double[] candLower = batch.column(cand.lower());
            double[] candUpper = batch.column(cand.upper());
            for (int r = 0; r < n; r++) {
                candidateScratch[r] = candLower[r] <= target[r] && target[r] <= candUpper[r] ? 1 : 0;
                baselineScratch[r] = lower[r] <= target[r] && target[r] <= upper[r] ? 1 : 0;
            }
            coveragePairs[i].accept(source, batch::rowNumber, candidateScratch, baselineScratch, null, n);
        }
    }

    /** Each model's confidences and hits as ece reads them ({@link Ece#confidences}), into the bootstrap. */
    private void acceptEce(BootstrapEce state, int source, ColumnBatch batch, BatchInputs candidate, BatchInputs base,
                           int n) {
        ensureScratch(n);
        Ece.confidences(candidate, candidateScratch, candidateHits, n);
        Ece.confidences(base, baselineScratch, baselineHits, n);
        state.accept(source, batch::rowNumber, candidateScratch, candidateHits, baselineScratch, baselineHits, n);
    }

    private void ensureScratch(int n) {
        if (candidateScratch.length < n) {
            candidateScratch = new double[n];
            baselineScratch = new double[n];
        }
        if (candidateHits.length < n) {
            candidateHits = new boolean[n];
            baselineHits = new boolean[n];
        }
    }

    /** Adds another part of the run's comparison (a later range of a split file, or a Spark partition's), made from the same plan; {@code other} is not changed. */
    void combine(ComparisonStates other) {
        for (int l = 0; l < baselineLosses.length; l++) {
            baselineLosses[l].combine(other.baselineLosses[l]);
            if (lossPairs[l] != null) lossPairs[l].combine(other.lossPairs[l]);
            if (momentBootstraps[l] != null) momentBootstraps[l].combine(other.momentBootstraps[l]);
            if (eceBootstraps[l] != null) eceBootstraps[l].combine(other.eceBootstraps[l]);
            if (medaeBootstraps[l] != null) medaeBootstraps[l].combine(other.medaeBootstraps[l]);
        }
        for (int q = 0; q < baselineQuantiles.length; q++) {
            baselineQuantiles[q].combine(other.baselineQuantiles[q]);
            quantilePairs[q].combine(other.quantilePairs[q]);
            calibrationPairs[q].combine(other.calibrationPairs[q]);
        }
        for (int i = 0; i < baselineIntervals.length; i++) {
            baselineIntervals[i].combine(other.baselineIntervals[i]);
            intervalPairs[i].combine(other.intervalPairs[i]);
            coveragePairs[i].combine(other.coveragePairs[i]);
        }
        if (baselineContributions != null) baselineContributions.combine(other.baselineContributions);
        if (shares != null) shares.combine(other.shares);
    }

    /**
     * The comparison, from the candidate's figures (the report's) and the states.
     *
     * @param candidateContributions the candidate's contribution figures, or null without them
     */
    ComparisonReport report(List<LossResult> candidateLosses, List<QuantileReport> candidateQuantiles,
                            List<IntervalReport> candidateIntervals, ContributionResult candidateContributions) {
        Double margin = baseline.margin();
        List<FigureComparison> figures = new ArrayList<>();
        List<String> beyondBudget = new ArrayList<>();
        for (int l = 0; l < baselineLosses.length; l++) {
            PairedFigures paired = lossPairs[l].result();
            if (medaeBootstraps[l] != null && !medaeBootstraps[l].exact()) beyondBudget.add(candidateLosses.get(l).key());
            figures.add(FigureComparison.of(candidateLosses.get(l).key(), baselineLosses[l].result().value(),
                    candidateLosses.get(l).value(), plan.streamed.get(l).higherIsBetter(),
                    inference(l, paired), paired.wins(), margin));
        }
        for (int q = 0; q < baselineQuantiles.length; q++) {
            PairedFigures paired = quantilePairs[q].result();
            figures.add(FigureComparison.of(FigureNames.pinball(candidateQuantiles.get(q).column()),
                    baselineQuantiles[q].result().pinball(), candidateQuantiles.get(q).result().pinball(), false,
                    paired.inference(), paired.wins(), margin));
        }
        for (int i = 0; i < baselineIntervals.length; i++) {
            PairedFigures paired = intervalPairs[i].result();
            figures.add(FigureComparison.of(FigureNames.intervalScore(candidateIntervals.get(i).name()),
                    baselineIntervals[i].result().meanScore(), candidateIntervals.get(i).result().meanScore(), false,
                    paired.inference(), paired.wins(), margin));
        }
        for (int q = 0; q < baselineQuantiles.length; q++) {
            PairedFigures paired = calibrationPairs[q].result();
            QuantileReport candidate = candidateQuantiles.get(q);
            figures.add(FigureComparison.ofNominal(FigureNames.calibration(candidate.column()),
                    baselineQuantiles[q].result().fractionBelow(), candidate.result().fractionBelow(),
                    candidate.result().level(), paired.inference(), paired.wins()));
        }
        for (int i = 0; i < baselineIntervals.length; i++) {
            PairedFigures paired = coveragePairs[i].result();
            IntervalReport candidate = candidateIntervals.get(i);
            figures.add(FigureComparison.ofNominal(FigureNames.coverage(candidate.name()),
                    baselineIntervals[i].result().coverage(), candidate.result().coverage(), plan.nominals.get(i),
                    paired.inference(), paired.wins()));
        }
        if (shares != null && candidateContributions != null) {
            addShares(candidateContributions, figures, beyondBudget);
        }
        return new ComparisonReport(columns(baseline), baseline.confidence(), margin, baseline.seed(),
                baseline.replicates(), figures, beyondBudget);
    }

    /** Loss l's interval of Δ: its bootstrap's when it has one, else the paired state's (null for wins only). */
    private DifferenceInference inference(int l, PairedFigures paired) {
        if (momentBootstraps[l] != null) return momentBootstraps[l].result();
        if (eceBootstraps[l] != null) return eceBootstraps[l].result();
        if (medaeBootstraps[l] != null) return medaeBootstraps[l].result(); // null beyond the budget
        return paired.inference();
    }

    /**
     * Per loss its shares in the order of {@link ShareBootstrap.LossShares#shares}: values from the two
     * contribution results, the interval from the bootstrap while its rows fit the budget.
     */
    private void addShares(ContributionResult candidate, List<FigureComparison> figures, List<String> beyondBudget) {
        ShareBootstrap.Result paired = shares.result();
        ContributionResult base = baselineContributions.result();
        for (int k = 0; k < contributionLosses.size(); k++) {
            LossContribution c = candidate.losses().get(k);
            LossContribution b = base.losses().get(k);
            List<String> names = new ArrayList<>(List.of(FigureNames.shareTop1(c.loss()),
                    FigureNames.shareTopK(c.topK(), c.loss())));
            List<Range> candidateValues = new ArrayList<>(List.of(Range.of(c.shareTop1()), Range.of(c.shareTopK())));
            List<Range> baselineValues = new ArrayList<>(List.of(Range.of(b.shareTop1()), Range.of(b.shareTopK())));
            for (int f = 0; f < c.topFractions().size(); f++) {
                FractionShare share = c.topFractions().get(f);
                names.add(FigureNames.shareTopFraction(share.fraction(), c.loss()));
                candidateValues.add(share.share());
                baselineValues.add(b.topFractions().get(f).share());
            }
            for (int s = 0; s < names.size(); s++) {
                DifferenceInference inference = null;
                if (paired.exact()) inference = paired.losses().get(k).shares().get(s).inference();
                else beyondBudget.add(names.get(s));
                // a bracket has no single value to take a delta of: not compared (and named in beyondBudget)
                if (!candidateValues.get(s).exact() || !baselineValues.get(s).exact()) continue;
                figures.add(FigureComparison.ofShare(names.get(s), baselineValues.get(s).low(),
                        candidateValues.get(s).low(), inference));
            }
        }
    }

    /** The baseline's columns by role, then its quantile and interval columns. */
    static List<ColumnRole> columns(BaselineRequest baseline) {
        List<ColumnRole> columns = new ArrayList<>();
        baseline.roles().forEach((role, spec) -> columns.add(new ColumnRole(role.reportName(), spec)));
        for (String q : baseline.quantiles()) columns.add(new ColumnRole("quantile", q));
        for (IntervalColumns i : baseline.intervals()) columns.add(new ColumnRole("interval", i.name()));
        return columns;
    }
}
