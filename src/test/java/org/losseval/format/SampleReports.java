package org.losseval.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losseval.report.ConfidenceInterval;
import org.losseval.report.ContributionResult;
import org.losseval.report.CurvePoint;
import org.losseval.report.HistogramBin;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;
import org.losseval.report.ResidualHistogram;
import org.losseval.report.FractionShare;
import org.losseval.report.IntervalResult;
import org.losseval.report.LossContribution;
import org.losseval.report.OutlierResult;
import org.losseval.report.QuantileResult;
import org.losseval.report.GroupReport;
import org.losseval.report.Range;
import org.losseval.report.WorstRow;
import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.ColumnRole;
import org.losseval.report.ComparisonReport;
import org.losseval.report.DifferenceInference;
import org.losseval.report.FigureComparison;
import org.losseval.report.WinCounts;
import org.losseval.report.InputReport;
import org.losseval.report.IntervalReport;
import org.losseval.report.LossResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

/**
 * Reports built by hand for the printer tests. The figures are the seed's three houses (targets 200, 350,
 * 180; predictions 210, 340, 400, in $k), worked out in the seed text and checked by hand:
 * <ul>
 *   <li>MSE = (100 + 100 + 48400) / 3 = 16200</li>
 *   <li>MAE = (10 + 10 + 220) / 3 = 80</li>
 *   <li>Huber, delta = 15: (50 + 50 + 3187.5) / 3 = 1095.8333333333333</li>
 *   <li>Huber, delta = 20 (the median absolute deviation of the residuals 10, -10, 220 about their median
 *       10: |0|, |-20|, |210| → 20): (50 + 50 + 20 · (220 − 10)) / 3 = 4300 / 3 = 1433.3333333333333</li>
 * </ul>
 * A second input, {@code empty.parquet}, has one row whose prediction is NaN: it is skipped, so that input
 * used no row and its losses are NaN.
 */
final class SampleReports {
    static final double MSE = 16200;
    static final double MAE = 80;
    static final double HUBER_15 = 1095.8333333333333;
    static final double HUBER_MAD = 4300.0 / 3;
    static final String SKIP_REASON = "non-finite pred";

    private SampleReports() {}

    /** Two inputs, a skipped row, a labelled loss with a data-resolved parameter, NaN values, no weights. */
    static Report housesAndEmpty() {
        List<LossResult> houses = houseLosses(3, 3);
        List<LossResult> empty = List.of(
                loss(null, "mse", "mse", Map.of(), List.of(), Double.NaN, 0, 0),
                loss(null, "mae", "mae", Map.of(), List.of(), Double.NaN, 0, 0),
                loss(null, "huber:delta=15", "huber", Map.of("delta", 15.0), List.of(), Double.NaN, 0, 0),
                loss("robust", "huber:delta=mad", "huber", Map.of("delta", 20.0), List.of("delta"), Double.NaN, 0, 0));
        InputReport housesInput = new InputReport("houses.csv", "csv", new RowCounts(3, 3, Map.of()), houses);
        InputReport emptyInput = new InputReport("empty.parquet", "parquet",
                new RowCounts(1, 0, Map.of(SKIP_REASON, 1L)), empty);
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "predicted"), new ColumnRole("target", "price")),
                List.of(housesInput, emptyInput), new RowCounts(4, 3, Map.of(SKIP_REASON, 1L)), houses, null, List.of(),
                List.of(), List.of());
    }

    /** One input read with a weight column whose weights are all 1, so weight sums equal counts. */
    static Report weightedHouses() {
        List<LossResult> houses = houseLosses(3, 3);
        InputReport input = new InputReport("houses.csv", "csv", new RowCounts(3, 3, Map.of()), houses);
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "vector (256-bit, 4 doubles)",
                List.of(new ColumnRole("pred", "predicted"), new ColumnRole("target", "price"),
                        new ColumnRole("weight", "w")),
                List.of(input), new RowCounts(3, 3, Map.of()), houses, null, List.of(), List.of(), List.of());
    }

    static Report withLosses(List<LossResult> losses) {
        InputReport input = new InputReport("x.csv", "csv", new RowCounts(losses.size(), losses.size(), Map.of()),
                losses);
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "p"), new ColumnRole("target", "t")),
                List.of(input), new RowCounts(losses.size(), losses.size(), Map.of()), losses, null, List.of(),
                List.of(), List.of());
    }

    /** A report of one input and these losses, and nothing else. */
    static Report oneInput(String inputName, List<ColumnRole> columns, RowCounts rows, List<LossResult> losses) {
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar", columns,
                List.of(new InputReport(inputName, "csv", rows, losses)), rows, losses, null, List.of(), List.of(),
                List.of());
    }

    static List<LossResult> houseLosses(long count, double weightSum) {
        return List.of(
                loss(null, "mse", "mse", Map.of(), List.of(), MSE, count, weightSum),
                loss(null, "mae", "mae", Map.of(), List.of(), MAE, count, weightSum),
                loss(null, "huber:delta=15", "huber", Map.of("delta", 15.0), List.of(), HUBER_15, count, weightSum),
                loss("robust", "huber:delta=mad", "huber", Map.of("delta", 20.0), List.of("delta"), HUBER_MAD, count,
                        weightSum));
    }

    static LossResult loss(String label, String spec, String name, Map<String, Double> params,
                           List<String> resolved, double value, long count, double weightSum) {
        return new LossResult(label, spec, name, new LinkedHashMap<>(params), resolved, value, count, weightSum, 0);
    }

    // The contributions of the three houses, weight x row loss with weight 1 (rows A, B, C = 1, 2, 3;
    // residuals pred - target = 10, -10, 220):
    //   mse:            100, 100, 48400    total 48600
    //   mae:             10,  10,   220    total 240
    //   huber:delta=15:  50,  50, 3187.5   (0.5 r^2 when |r| <= 15, else 15 (|r| - 7.5))  total 3287.5
    // The fourth loss, robust = huber:delta=mad, resolves its delta from the data and so has no contribution
    // figures (the evaluator leaves such losses out of the contributions).
    // House C is the worst row of every loss. With --top 5 the worst 5 rows are all 3 (share 1); the worst 1%
    // and 5% are ceil(0.03) = ceil(0.15) = 1 row, house C. Robust outliers: the median of the residuals is
    // 10, MAD = median(0, 20, 210) = 20, threshold 3 x 1.4826 x 20 = 88.956; only |220 - 10| = 210 exceeds
    // it, so the outliers are house C alone and their share is the top-1 share.
    static final double MSE_TOTAL = 100 + 100 + 48400;
    static final double MAE_TOTAL = 10 + 10 + 220;
    static final double HUBER_15_TOTAL = 50 + 50 + 15 * (220 - 7.5);
    static final double MSE_SHARE_C = 48400 / MSE_TOTAL;            // 0.9958847736625515, "99.59%"
    static final double MAE_SHARE_C = 220 / MAE_TOTAL;              // 0.9166666666666666, "91.67%"
    static final double HUBER_15_SHARE_C = 3187.5 / HUBER_15_TOTAL; // 0.9695817490494296, "96.96%"
    static final double OUTLIER_THRESHOLD = 3 * OutlierResult.NORMAL_MAD_SCALE * 20;

    // Quantile columns invented for the houses: p10 = 190, 300, 170 and p90 = 230, 340, 420.
    //   p90 pinball (scikit-learn convention): y >= pred ? 0.9 (y - pred) : 0.1 (pred - y)
    //     = (0.1 * 30 + 0.9 * 10 + 0.1 * 240) / 3 = (3 + 9 + 24) / 3 = 12; y < pred for A and C: 2/3.
    //   p10 pinball: every target is above: 0.1 * (10 + 50 + 10) / 3 = 7/3; y < pred for none: 0.
    // The interval p10:p90 (nominal 0.8 = 0.9 - 0.1): A 190..230 holds 200, B 300..340 misses 350 above,
    // C 170..420 holds 180: coverage 2/3, below 0, above 1/3; widths 40, 40, 250, mean 110; interval score
    // (alpha = 0.2) adds 2 / 0.2 x (350 - 340) = 100 for B: (40 + 140 + 250) / 3 = 430/3.
    // scipy 1.10 binomtest(2, 3, 0.8): p-value 0.488 (exactly P(X <= 2) = 0.008 + 0.096 + 0.384), and
    // proportion_ci(0.95, 'exact') (Clopper-Pearson) = [0.09429932405071303, 0.9915962413403874].
    static final double P90_PINBALL = 12;
    static final double P10_PINBALL = 7.0 / 3;
    static final double COVERAGE = 2.0 / 3;
    static final double MEAN_WIDTH = 110;
    static final double INTERVAL_SCORE = 430.0 / 3;
    static final double COVERAGE_P_VALUE = 0.488;
    static final double CI_LOW = 0.09429932405071303;
    static final double CI_HIGH = 0.9915962413403874;

    /**
     * {@link #housesFull} with what the HTML report plots: each loss's concentration curve (1, 2 and 3 rows;
     * mae's middle point a bracket, huber's shares undefined) and a residual histogram of the three residuals
     * -10, 10 and 220 (an octave each, and an empty one between 16 and 128 drawn as no bar), and a
     * reliability diagram with empty bins (NaN means) beside full ones.
     */
    static Report housesWithPlots() {
        Report full = housesFull();
        ContributionResult c = full.contributions();
        List<List<CurvePoint>> curves = List.of(
                List.of(new CurvePoint(1, 1 / 3.0, Range.of(48400.0 / MSE_TOTAL)),
                        new CurvePoint(2, 2 / 3.0, Range.of(48500.0 / MSE_TOTAL)), new CurvePoint(3, 1, Range.of(1))),
                List.of(new CurvePoint(1, 1 / 3.0, Range.of(220.0 / MAE_TOTAL)),
                        new CurvePoint(2, 2 / 3.0, new Range(0.95, 0.96)), new CurvePoint(3, 1, Range.of(1))),
                List.of(new CurvePoint(1, 1 / 3.0, Range.of(Double.NaN)), new CurvePoint(2, 2 / 3.0, Range.of(Double.NaN)),
                        new CurvePoint(3, 1, Range.of(Double.NaN))));
        List<LossContribution> losses = new java.util.ArrayList<>();
        for (int l = 0; l < c.losses().size(); l++) {
            LossContribution x = c.losses().get(l);
            losses.add(new LossContribution(x.loss(), x.total(), x.shareTop1(), x.topK(), x.shareTopK(), x.topFractions(),
                    x.worstRows(), x.outlierShare(), x.undefinedRows(), curves.get(l)));
        }
        ResidualHistogram histogram = new ResidualHistogram(3, 12, List.of(new HistogramBin(-16, -8, 1),
                new HistogramBin(-8, -4, 0), new HistogramBin(-4, 4, 0), new HistogramBin(4, 8, 0),
                new HistogramBin(8, 16, 1), new HistogramBin(16, 128, 0), new HistogramBin(128, 256, 1)));
        return new Report(full.schemaVersion(), full.toolVersion(), full.kernel(), full.columns(), full.inputs(),
                full.rows(), full.losses(), new ContributionResult(c.rows(), c.exact(), c.outliers(), losses, histogram),
                full.quantiles(), full.intervals(), full.gates(), null, reliability());
    }

    private static ReliabilityDiagram reliability() {
        List<ReliabilityBin> bins = new java.util.ArrayList<>();
        for (int b = 0; b < 10; b++) {
            long count = b % 3 == 0 ? 0 : b;
            bins.add(new ReliabilityBin(b * 0.1, b == 9 ? 1 : (b + 1) * 0.1, count, count == 0 ? Double.NaN : b * 0.1 + 0.05,
                    count == 0 ? Double.NaN : 1.0 / count));
        }
        return new ReliabilityDiagram(ReliabilityDiagram.BINARY, 1 + 2 + 4 + 5 + 7 + 8, bins);
    }

    /**
     * The houses with every schema-2 section: contributions (--top 5, --top-fraction 0.01,0.05, --worst 2),
     * the quantiles p10 and p90, the interval p10:p90 and three gates, one of which failed:
     * {@code mse > 200} (16200 > 200 holds: FAIL), {@code share_top1[mae] > 0.95} and
     * {@code coverage[p10:p90] < 0.5} (neither holds: PASS).
     */
    static Report housesFull() {
        List<LossResult> losses = houseLosses(3, 3);
        InputReport input = new InputReport("houses.csv", "csv", new RowCounts(3, 3, Map.of()), losses);
        ContributionResult contributions = new ContributionResult(3, true,
                new OutlierResult(3, Range.of(10), Range.of(20), Range.of(OUTLIER_THRESHOLD), Range.of(1)), List.of(
                        houseContribution("mse", MSE_TOTAL, 48400, 100),
                        houseContribution("mae", MAE_TOTAL, 220, 10),
                        houseContribution("huber:delta=15", HUBER_15_TOTAL, 3187.5, 50)));
        List<QuantileReport> quantiles = houseQuantiles();
        List<IntervalReport> intervals = houseIntervals();
        List<GateOutcome> gates = List.of(
                new GateOutcome("mse > 200", "mse", MSE, Comparison.GREATER, 200, false),
                new GateOutcome("share_top1[mae] > 0.95", "share_top1[mae]", MAE_SHARE_C, Comparison.GREATER, 0.95,
                        true),
                new GateOutcome("coverage[p10:p90] < 0.5", "coverage[p10:p90]", COVERAGE, Comparison.LESS, 0.5, true));
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "predicted"), new ColumnRole("target", "price")),
                List.of(input), new RowCounts(3, 3, Map.of()), losses, contributions, quantiles, intervals, gates);
    }

    /**
     * The full houses compared with a baseline "base" (--baseline-pred base --baseline-quantile b10 --baseline-quantile
     * b90 --baseline-interval b10:b90 --margin 100): mse by the paired t interval (worse, not non-inferior), mae by
     * it too with an interval that covers 0, huber:delta=15 without an interval (as ece has), a pinball loss
     * better by the bootstrap, an interval score with a NaN interval (one row), and an infinite relative delta's
     * neighbour, a relative delta of NaN (a baseline of 0). Hand-made figures: the printers only render them.
     */
    static Report housesCompared() {
        Report full = housesFull();
        WinCounts wins = new WinCounts(1, 1, 1);
        List<FigureComparison> figures = List.of(
                FigureComparison.of("mse", 16000, MSE, false, new DifferenceInference(DifferenceInference.PAIRED_T,
                        new ConfidenceInterval(0.9, 50, 350), 0.01, 3), wins, 100.0),
                FigureComparison.of("mae", 90, 80, false, new DifferenceInference(DifferenceInference.PAIRED_T,
                        new ConfidenceInterval(0.9, -40, 20), 0.5, 3), new WinCounts(2, 0, 1), 100.0),
                FigureComparison.of("huber:delta=15", 0, 1062.5, false, null, new WinCounts(0, 3, 0), 100.0),
                FigureComparison.of("pinball[p10]", 30, P10_PINBALL, false, new DifferenceInference(
                        DifferenceInference.BOOTSTRAP, new ConfidenceInterval(0.9, -12.5, -0.25), 0.002, 3),
                        wins, 100.0),
                FigureComparison.of("interval_score[p10:p90]", 300, 250, false, new DifferenceInference(
                        DifferenceInference.PAIRED_T, new ConfidenceInterval(0.9, Double.NaN, Double.NaN), Double.NaN, 1),
                        new WinCounts(0, 0, 0), 100.0),
                // no verdict of better or worse, no non-inferiority: the distance from the nominal
                FigureComparison.ofNominal("calibration[p90]", 1, 2.0 / 3, 0.9, new DifferenceInference(
                        DifferenceInference.PAIRED_T, new ConfidenceInterval(0.9, -0.5, -0.1), 0.04, 3), new WinCounts(1, 2, 0)),
                FigureComparison.ofNominal("coverage[p10:p90]", 1, COVERAGE, 0.8, new DifferenceInference(
                        DifferenceInference.PAIRED_T, new ConfidenceInterval(0.9, -0.9, 0.2), 0.4, 3), new WinCounts(1, 2, 0)));
        ComparisonReport comparison = new ComparisonReport(List.of(new ColumnRole("pred", "base"),
                new ColumnRole("quantile", "b10"), new ColumnRole("quantile", "b90"), new ColumnRole("interval", "b10:b90")),
                0.9, 100.0, 7, 200, figures, List.of());
        return new Report(full.schemaVersion(), full.toolVersion(), full.kernel(), full.columns(), full.inputs(),
                full.rows(), full.losses(), full.contributions(), full.quantiles(), full.intervals(), full.gates(),
                full.quantileSet(), full.reliability(), comparison, null);
    }

    /**
     * {@link #housesCompared} grouped by region: "north" (ranked) with a comparison per loss (mse with an interval
     * of delta, mae with an interval of NaN ends, huber:delta=15 with none), "south" (too small to rank) with a
     * bracketed mse; the worst group by delta of each loss, none for huber. Hand-made figures.
     */
    static Report housesComparedInGroups() {
        Report compared = housesCompared();
        WinCounts wins = new WinCounts(1, 0, 1);
        List<GroupReport.GroupLoss> north = List.of(
                new GroupReport.GroupLoss("mse", Range.of(MSE), new ConfidenceInterval(0.9, 100, 30000), 0.75,
                        FigureComparison.of("mse", 15000, MSE, false, new DifferenceInference(DifferenceInference.PAIRED_T,
                                new ConfidenceInterval(0.9, 200, 2200), 0.02, 2), wins, 100.0)),
                new GroupReport.GroupLoss("mae", Range.of(80), null, 0.5,
                        FigureComparison.of("mae", 85, 80, false, new DifferenceInference(DifferenceInference.PAIRED_T,
                                new ConfidenceInterval(0.9, Double.NaN, Double.NaN), Double.NaN, 2), wins, 100.0)),
                new GroupReport.GroupLoss("huber:delta=15", Range.of(1062.5), null, 0.5,
                        FigureComparison.of("huber:delta=15", 1000, 1062.5, false, null, wins, 100.0)));
        List<GroupReport.GroupLoss> south = List.of(
                new GroupReport.GroupLoss("mse", new Range(16000, 17000), null, 0.25,
                        FigureComparison.of("mse", 16000, 16500, false, null, new WinCounts(0, 1, 0), 100.0)),
                new GroupReport.GroupLoss("mae", Range.of(81), null, 0.5,
                        FigureComparison.of("mae", 81, 81, false, null, new WinCounts(0, 1, 0), 100.0)),
                new GroupReport.GroupLoss("huber:delta=15", Range.of(Double.NaN), null, 0.5,
                        FigureComparison.of("huber:delta=15", Double.NaN, Double.NaN, false, null, new WinCounts(0, 1, 0), 100.0)));
        GroupReport groups = new GroupReport(List.of("region"), 2, 10, 0.9, List.of(
                new GroupReport.Group(List.of("north"), 2, 2.0 / 3, 1, north, List.of(), List.of()),
                new GroupReport.Group(List.of("south"), 1, 1.0 / 3, 0, south, List.of(), List.of())),
                List.of(new GroupReport.WorstGroup("mse", List.of("north"), MSE, new ConfidenceInterval(0.9, 100, 30000), 2),
                        new GroupReport.WorstGroup("mae", List.of("north"), 80, null, 2),
                        new GroupReport.WorstGroup("huber:delta=15", List.of("north"), 1062.5, null, 2)),
                List.of(new GroupReport.WorstGroup("mse", List.of("north"), MSE - 15000, new ConfidenceInterval(0.9, 200, 2200), 2),
                        new GroupReport.WorstGroup("mae", List.of("north"), -5, null, 2),
                        new GroupReport.WorstGroup("huber:delta=15", List.of(), Double.NaN, null, 0)));
        return compared.withGroups(groups);
    }

    /** The houses' quantiles p10 and p90 (see above). */
    static List<QuantileReport> houseQuantiles() {
        return List.of(
                new QuantileReport("p10", new QuantileResult(0.1, 3, P10_PINBALL, 0, 0)),
                new QuantileReport("p90", new QuantileResult(0.9, 3, P90_PINBALL, 2.0 / 3, 2.0 / 3)));
    }

    /** The houses' interval p10:p90 (see above). */
    static List<IntervalReport> houseIntervals() {
        return List.of(new IntervalReport("p10", "p90", true,
                new IntervalResult(0.8, 3, 2, 0, 1, COVERAGE, 0, 1.0 / 3, MEAN_WIDTH, INTERVAL_SCORE,
                        new ConfidenceInterval(0.95, CI_LOW, CI_HIGH), COVERAGE_P_VALUE)));
    }

    /**
     * A run of only {@code --quantile} and {@code --interval} columns (no --pred, so no loss and no
     * contributions, as the evaluator builds it): the houses' p10, p90 and p10:p90.
     */
    static Report quantilesOnly() {
        RowCounts rows = new RowCounts(3, 3, Map.of());
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar", List.of(new ColumnRole("target", "price")),
                List.of(new InputReport("houses.csv", "csv", rows, List.of())), rows, List.of(), null,
                houseQuantiles(), houseIntervals(), List.of());
    }

    /**
     * {@link #quantilesOnly()} with the figures of its two quantile columns together: CRPS 2 × the mean of
     * their pinball losses, and one of the three rows crossing.
     */
    static Report quantileSet() {
        Report q = quantilesOnly();
        double crps = org.losseval.report.QuantileSetResult.crps(q.quantiles().stream().map(QuantileReport::result).toList());
        return new Report(q.schemaVersion(), q.toolVersion(), q.kernel(), q.columns(), q.inputs(), q.rows(), q.losses(),
                null, q.quantiles(), q.intervals(), q.gates(),
                new org.losseval.report.QuantileSetResult(List.of("p10", "p90"), 3, crps, 1), null);
    }

    /**
     * {@link #quantilesOnly()} over two inputs, the second with a skipped row: the sections per input hold
     * only losses, so there are none.
     */
    static Report quantilesOnlyTwoInputs() {
        RowCounts empty = new RowCounts(1, 0, Map.of(SKIP_REASON, 1L));
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar", List.of(new ColumnRole("target", "price")),
                List.of(new InputReport("houses.csv", "csv", new RowCounts(3, 3, Map.of()), List.of()),
                        new InputReport("empty.parquet", "parquet", empty, List.of())),
                new RowCounts(4, 3, Map.of(SKIP_REASON, 1L)), List.of(), null, houseQuantiles(), houseIntervals(),
                List.of());
    }

    /**
     * Contributions on but covering no loss: the losses all resolve a parameter from the data (such losses
     * have no contribution figures), so the shares table would have no row. Made-up outlier figures.
     */
    static Report contributionsOfNoLoss() {
        LossResult robust = loss("robust", "huber:delta=mad", "huber", Map.of("delta", 20.0), List.of("delta"),
                HUBER_MAD, 3, 3);
        RowCounts rows = new RowCounts(3, 3, Map.of());
        ContributionResult contributions = new ContributionResult(3, true,
                new OutlierResult(3, Range.of(10), Range.of(20), Range.of(OUTLIER_THRESHOLD), Range.of(1)), List.of());
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "predicted"), new ColumnRole("target", "price")),
                List.of(new InputReport("houses.csv", "csv", rows, List.of(robust))), rows, List.of(robust),
                contributions, List.of(), List.of(), List.of());
    }

    /**
     * Non-finite figures everywhere (made up): loss values NaN, inf and -inf, an infinite weight sum and
     * parameter, an infinite contribution total with NaN shares, a quantile with an infinite pinball loss,
     * an interval that covered no row (all NaN), and three gates: one on an infinite figure and one on a NaN
     * figure, which both fail closed, and one that passed.
     */
    static Report nonFinite() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        List<LossResult> losses = List.of(
                loss(null, "mse", "mse", Map.of(), List.of(), inf, 2, inf),
                loss(null, "mae", "mae", Map.of(), List.of(), nan, 0, 0),
                loss("gain", "huber:delta=inf", "huber", Map.of("delta", inf), List.of(), -inf, 2, 2));
        RowCounts rows = new RowCounts(2, 2, Map.of());
        ContributionResult contributions = new ContributionResult(2, true,
                new OutlierResult(3, Range.of(nan), Range.of(nan), Range.of(nan), Range.of(0)), List.of(
                        new LossContribution("mse", inf, nan, 5, nan, List.of(new FractionShare(0.01, 1, Range.of(nan))),
                                List.of(new WorstRow(0, 2, 1e308, -1e308, inf, inf, 1, inf)), Range.of(nan), 2)));
        List<QuantileReport> quantiles = List.of(new QuantileReport("p90", new QuantileResult(0.9, 2, inf, 0.5, 0.5)));
        List<IntervalReport> intervals = List.of(new IntervalReport("lo", "hi", false,
                new IntervalResult(0.9, 0, 0, 0, 0, nan, nan, nan, nan, nan, new ConfidenceInterval(0.95, nan, nan), nan)));
        List<GateOutcome> gates = List.of(
                new GateOutcome("mse > 1", "mse", inf, Comparison.GREATER, 1, false),
                new GateOutcome("calibration[p90] > 0.95", "calibration[p90]", 0.5, Comparison.GREATER, 0.95, true),
                new GateOutcome("coverage[lo:hi] < 0.5", "coverage[lo:hi]", nan, Comparison.LESS, 0.5, false));
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "p"), new ColumnRole("target", "t")),
                List.of(new InputReport("inf.csv", "csv", rows, losses)), rows, losses, contributions, quantiles,
                intervals, gates);
    }

    /** Worst rows C (row 3) then A (row 1: A and B tie, the smaller row wins). */
    private static LossContribution houseContribution(String key, double total, double lossC, double lossA) {
        double shareC = lossC / total;
        return new LossContribution(key, total, shareC, 5, 1.0,
                List.of(new FractionShare(0.01, 1, Range.of(shareC)), new FractionShare(0.05, 1, Range.of(shareC))),
                List.of(new WorstRow(0, 3, 400, 180, 220, lossC, 1, lossC), new WorstRow(0, 1, 210, 200, 10, lossA, 1, lossA)),
                Range.of(shareC), 0);
    }

    /**
     * A run too large for the exact-memory budget (20 million rows of one Parquet file, made-up figures):
     * the top-1% share, the outlier share and the outlier statistics are brackets. A second loss, labelled
     * {@code signed}, has two rows with a negative contribution, so its shares are undefined (NaN). A third,
     * medae, is itself a bracket (an order statistic beyond its budget) and has no contribution figures.
     */
    static Report largeRun() {
        long rows = 20_000_000;
        Range medae = new Range(3, 3.0078125);
        List<LossResult> losses = List.of(loss(null, "mse", "mse", Map.of(), List.of(), 5, rows, rows),
                loss("signed", "odd", "odd", Map.of(), List.of(), -1, rows, rows),
                new LossResult(null, "medae", "medae", Map.of(), List.of(), medae.mid(), rows, rows, 0, medae));
        InputReport input = new InputReport("big.parquet", "parquet", new RowCounts(rows, rows, Map.of()), losses);
        double nan = Double.NaN;
        ContributionResult contributions = new ContributionResult(rows, false,
                new OutlierResult(3, new Range(0.5, 0.75), new Range(2, 2.5), new Range(17.7912, 22.239),
                        new Range(10, 12)), List.of(
                        new LossContribution("mse", 1e8, 0.25, 5, 0.3,
                                List.of(new FractionShare(0.01, 200_000, new Range(0.41, 0.42))),
                                List.of(new WorstRow(0, 123_456, 1e4 + 1, 1, 1e4, 1e8 / 4, 1, 1e8 / 4)),
                                new Range(0.4, 0.6), 0),
                        new LossContribution("signed", -2e7, nan, 5, nan,
                                List.of(new FractionShare(0.01, 200_000, Range.of(nan))), List.of(), Range.of(nan), 2)));
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "p"), new ColumnRole("target", "t")), List.of(input),
                new RowCounts(rows, rows, Map.of()), losses, contributions, List.of(), List.of(), List.of());
    }
}
