package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ContributionResult;
import org.losseval.report.LossContribution;
import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.Report;

class TablePrinterTest {
    @Test
    void twoInputsWithASkippedRowAndNaNMatchTheGoldenFile() throws IOException {
        assertEquals(GoldenFiles.read("houses-and-empty.table.txt"),
                GoldenFiles.render(new TablePrinter(6), SampleReports.housesAndEmpty()));
    }

    @Test
    void oneWeightedInputShowsTheWeightSumAndNoPerInputOrSkippedSection() {
        String expected = """
                houses.csv (csv): 3 rows read, 3 used, 0 skipped

                loss                                      value  rows  weight sum
                mse                                       16200     3           3
                mae                                          80     3           3
                huber:delta=15                          1095.83     3           3
                robust (huber:delta=mad)  (delta = 20)  1433.33     3           3
                """;
        assertEquals(expected, GoldenFiles.render(new TablePrinter(6), SampleReports.weightedHouses()));
    }

    @Test
    void weightSumIsShownOnlyWhenAWeightColumnWasRead() {
        // Without a weight column, a weight sum different from the count is still not shown: the column
        // list, not the numbers, says whether the run was weighted.
        Report unweighted = SampleReports.withLosses(List.of(
                SampleReports.loss(null, "mse", "mse", Map.of(), List.of(), 1, 3, 2.5)));
        assertEquals("""
                x.csv (csv): 1 row read, 1 used, 0 skipped

                loss  value  rows
                mse       1     3
                """, GoldenFiles.render(new TablePrinter(6), unweighted));
    }

    @Test
    void precisionChangesTheDigits() {
        assertEquals("""
                houses.csv (csv): 3 rows read, 3 used, 0 skipped

                loss                                    value  rows  weight sum
                mse                                     16000     3           3
                mae                                        80     3           3
                huber:delta=15                           1100     3           3
                robust (huber:delta=mad)  (delta = 20)   1400     3           3
                """, GoldenFiles.render(new TablePrinter(2), SampleReports.weightedHouses()));
    }

    @Test
    void numbersAreRightAlignedAndNoLineHasTrailingSpaces() {
        Report report = SampleReports.withLosses(List.of(
                SampleReports.loss(null, "mse", "mse", Map.of(), List.of(), 1.23e-7, 1, 1),
                SampleReports.loss("a longer label", "mae", "mae", Map.of(), List.of(), 16200, 123456, 1)));
        String expected = """
                x.csv (csv): 2 rows read, 2 used, 0 skipped

                loss                     value    rows
                mse                   1.23e-07       1
                a longer label (mae)     16200  123456
                """;
        String text = GoldenFiles.render(new TablePrinter(6), report);
        assertEquals(expected, text);
        for (String line : text.split("\n")) assertFalse(line.endsWith(" "), "'" + line + "'");
    }

    @Test
    void tableWithOnlyQuantilesHasNoEmptyLossTable() {
        String expected = """
                2 inputs: houses.csv (csv), empty.parquet (parquet); 4 rows read, 3 used, 1 skipped

                quantile    q  pinball  y < pred  y <= pred  rows
                p10       0.1  2.33333         0          0     3
                p90       0.9       12  0.666667   0.666667     3

                interval  nominal  coverage           95% CI  p-value  below   above  mean width  interval score  rows
                p10:p90    80.00%    66.67%  [9.43%, 99.16%]    0.488  0.00%  33.33%         110         143.333     3

                skipped because  rows
                non-finite pred     1
                """;
        assertEquals(expected, GoldenFiles.render(new TablePrinter(6), SampleReports.quantilesOnlyTwoInputs()));
    }

    @Test
    void badPrecisionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TablePrinter(0));
    }

    @Test
    void theHousesWithEverySectionMatchTheGoldenFile() throws IOException {
        // The shares the seed quotes for house C: MSE 99.6% ("99.59%"), MAE 92% ("91.67%"), and Huber
        // 3187.5 / 3287.5 ("96.96%"); see SampleReports for the hand computation of every figure.
        String text = GoldenFiles.render(new TablePrinter(6), SampleReports.housesFull());
        assertEquals(GoldenFiles.read("houses-full.table.txt"), text);
        assertEquals(List.of(
                "loss            top 1 row  top 5 rows  top 1% (1 row)  top 5% (1 row)  outliers",
                "mse                99.59%     100.00%          99.59%          99.59%    99.59%",
                "mae                91.67%     100.00%          91.67%          91.67%    91.67%",
                "huber:delta=15     96.96%     100.00%          96.96%          96.96%    96.96%"),
                GoldenFiles.block(text, "share of each loss's total from its worst rows:").subList(1, 5));
    }

    @Test
    void approximateSharesAreMarkedAndExplainedAndUndefinedOnesNamed() {
        String text = GoldenFiles.render(new TablePrinter(6), SampleReports.largeRun());
        String expected = """
                big.parquet (parquet): 20000000 rows read, 20000000 used, 0 skipped

                loss             value      rows
                mse                  5  20000000
                signed (odd)        -1  20000000
                medae         ~3.00391  20000000
                ~ marks an approximate figure: the run had more rows than the exact memory budget holds, so it is the midpoint of a bracket around the exact value (--format json gives both ends)

                share of each loss's total from its worst rows:
                loss    top 1 row  top 5 rows  top 1% (200000 rows)  outliers
                mse        25.00%      30.00%               ~41.50%   ~50.00%
                signed        NaN         NaN                   NaN       NaN
                robust outliers: between 10 and 12 rows with |r - median| > 3 x 1.4826 x MAD = ~20.0151 (median ~0.625, MAD ~2.25)
                shares of signed are undefined: 2 rows have a negative or non-finite contribution
                ~ marks an approximate figure: the run had more rows than the exact memory budget holds, so it is the midpoint of a bracket around the exact value (--format json gives both ends)

                worst rows:
                loss  row                  pred  target  residual  row loss
                mse   big.parquet:123456  10001       1     10000  25000000
                """;
        assertEquals(expected, text);
    }

    @Test
    void exactSharesHaveNoApproximationNote() {
        // The section ends with the outlier definition: no note on approximate figures follows.
        assertEquals(List.of(
                "share of each loss's total from its worst rows:",
                "loss            top 1 row  top 5 rows  top 1% (1 row)  top 5% (1 row)  outliers",
                "mse                99.59%     100.00%          99.59%          99.59%    99.59%",
                "mae                91.67%     100.00%          91.67%          91.67%    91.67%",
                "huber:delta=15     96.96%     100.00%          96.96%          96.96%    96.96%",
                "robust outliers: 1 row with |r - median| > 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)"),
                GoldenFiles.block(GoldenFiles.render(new TablePrinter(6), SampleReports.housesFull()),
                        "share of each loss's total from its worst rows:"));
    }

    @Test
    void weightedWorstRowsShowTheWeightAndTheContribution() {
        Report houses = SampleReports.housesFull();
        Report weighted = new Report(houses.schemaVersion(), houses.toolVersion(), houses.kernel(),
                SampleReports.weightedHouses().columns(), houses.inputs(), houses.rows(), houses.losses(),
                houses.contributions(), List.of(), List.of(), List.of());
        assertEquals(List.of(
                "worst rows:",
                "loss            row           pred  target  residual  row loss  weight  contribution",
                "mse             houses.csv:3   400     180       220     48400       1         48400",
                "                houses.csv:1   210     200        10       100       1           100",
                "mae             houses.csv:3   400     180       220       220       1           220",
                "                houses.csv:1   210     200        10        10       1            10",
                "huber:delta=15  houses.csv:3   400     180       220    3187.5       1        3187.5",
                "                houses.csv:1   210     200        10        50       1            50"),
                GoldenFiles.block(GoldenFiles.render(new TablePrinter(6), weighted), "worst rows:"));
    }

    @Test
    void withoutContributionsThereIsNoConcentrationSection() {
        // The full houses with --no-contrib: houses-full.table.txt without its shares and worst rows.
        Report houses = SampleReports.housesFull();
        Report noContrib = new Report(houses.schemaVersion(), houses.toolVersion(), houses.kernel(), houses.columns(),
                houses.inputs(), houses.rows(), houses.losses(), null, houses.quantiles(), houses.intervals(),
                houses.gates());
        assertEquals("""
                houses.csv (csv): 3 rows read, 3 used, 0 skipped

                loss                                      value  rows
                mse                                       16200     3
                mae                                          80     3
                huber:delta=15                          1095.83     3
                robust (huber:delta=mad)  (delta = 20)  1433.33     3

                quantile    q  pinball  y < pred  y <= pred  rows
                p10       0.1  2.33333         0          0     3
                p90       0.9       12  0.666667   0.666667     3

                interval  nominal  coverage           95% CI  p-value  below   above  mean width  interval score  rows
                p10:p90    80.00%    66.67%  [9.43%, 99.16%]    0.488  0.00%  33.33%         110         143.333     3

                1 of 3 gates failed
                FAIL  mse > 200 (mse = 16200)
                PASS  share_top1[mae] > 0.95 (share_top1[mae] = 0.916667)
                PASS  coverage[p10:p90] < 0.5 (coverage[p10:p90] = 0.666667)
                """, GoldenFiles.render(new TablePrinter(6), noContrib));
    }

    @Test
    void gatesComeLastWithASummaryAndAVerdictPerGate() {
        Report houses = SampleReports.housesFull();
        assertEquals(List.of(
                "",
                "1 of 3 gates failed",
                "FAIL  mse > 200 (mse = 16200)",
                "PASS  share_top1[mae] > 0.95 (share_top1[mae] = 0.916667)",
                "PASS  coverage[p10:p90] < 0.5 (coverage[p10:p90] = 0.666667)"),
                GoldenFiles.lastLines(GoldenFiles.render(new TablePrinter(6), houses), 5));
        assertEquals(List.of(
                "",
                "All 2 gates passed",
                "PASS  share_top1[mae] > 0.95 (share_top1[mae] = 0.916667)",
                "PASS  coverage[p10:p90] < 0.5 (coverage[p10:p90] = 0.666667)"),
                GoldenFiles.lastLines(GoldenFiles.render(new TablePrinter(6),
                        houses.withGates(houses.gates().subList(1, 3))), 4));
        assertEquals(List.of("", "1 gate failed", "FAIL  mse > 200 (mse = 16200)"),
                GoldenFiles.lastLines(GoldenFiles.render(new TablePrinter(6),
                        houses.withGates(houses.gates().subList(0, 1))), 3));
    }

    @Test
    void aGateValueGetsTheDigitsItsVerdictNeeds() {
        Report houses = SampleReports.housesFull();
        Report close = houses.withGates(List.of(
                new GateOutcome("mse > 16200", "mse", 16200.4, Comparison.GREATER, 16200, false),
                new GateOutcome("mae > 100", "mae", 80.0000001, Comparison.GREATER, 100, true)));
        assertEquals(List.of("1 of 2 gates failed", "FAIL  mse > 16200 (mse = 16200.4)", "PASS  mae > 100 (mae = 80)"),
                GoldenFiles.lastLines(GoldenFiles.render(new TablePrinter(6), close), 3));
    }

    @Test
    void topKOfOneIsNotAColumnOfItsOwn() {
        Report houses = SampleReports.housesFull();
        ContributionResult c = houses.contributions();
        var losses = c.losses().stream().map(l -> new LossContribution(l.loss(), l.total(),
                l.shareTop1(), 1, l.shareTop1(), l.topFractions(), l.worstRows(), l.outlierShare(), l.undefinedRows()))
                .toList();
        Report topOne = new Report(houses.schemaVersion(), houses.toolVersion(), houses.kernel(), houses.columns(),
                houses.inputs(), houses.rows(), houses.losses(),
                new ContributionResult(c.rows(), c.exact(), c.outliers(), losses), List.of(),
                List.of(), List.of());
        assertEquals(List.of(
                "share of each loss's total from its worst rows:",
                "loss            top 1 row  top 1% (1 row)  top 5% (1 row)  outliers",
                "mse                99.59%          99.59%          99.59%    99.59%",
                "mae                91.67%          91.67%          91.67%    91.67%",
                "huber:delta=15     96.96%          96.96%          96.96%    96.96%",
                "robust outliers: 1 row with |r - median| > 3 x 1.4826 x MAD = 88.956 (median 10, MAD 20)"),
                GoldenFiles.block(GoldenFiles.render(new TablePrinter(6), topOne),
                        "share of each loss's total from its worst rows:"));
    }
}
