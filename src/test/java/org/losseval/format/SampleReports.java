package org.losseval.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.losseval.report.ColumnRole;
import org.losseval.report.InputReport;
import org.losseval.report.LossResult;
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
                List.of(housesInput, emptyInput), new RowCounts(4, 3, Map.of(SKIP_REASON, 1L)), houses);
    }

    /** One input read with a weight column whose weights are all 1, so weight sums equal counts. */
    static Report weightedHouses() {
        List<LossResult> houses = houseLosses(3, 3);
        InputReport input = new InputReport("houses.csv", "csv", new RowCounts(3, 3, Map.of()), houses);
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "vector (256-bit, 4 doubles)",
                List.of(new ColumnRole("pred", "predicted"), new ColumnRole("target", "price"),
                        new ColumnRole("weight", "w")),
                List.of(input), new RowCounts(3, 3, Map.of()), houses);
    }

    static Report withLosses(List<LossResult> losses) {
        InputReport input = new InputReport("x.csv", "csv", new RowCounts(losses.size(), losses.size(), Map.of()),
                losses);
        return new Report(Report.SCHEMA_VERSION, "0.1.0", "scalar",
                List.of(new ColumnRole("pred", "p"), new ColumnRole("target", "t")),
                List.of(input), new RowCounts(losses.size(), losses.size(), Map.of()), losses);
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
        return new LossResult(label, spec, name, new LinkedHashMap<>(params), resolved, value, count, weightSum);
    }
}
