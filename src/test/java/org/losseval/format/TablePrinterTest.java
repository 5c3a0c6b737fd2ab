package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertFalse(GoldenFiles.render(new TablePrinter(6), unweighted).contains("weight sum"));
    }

    @Test
    void precisionChangesTheDigits() {
        String text = GoldenFiles.render(new TablePrinter(2), SampleReports.weightedHouses());
        assertTrue(text.contains("\nmse                                     16000     3           3\n"), text);
        assertTrue(text.contains("\nhuber:delta=15                           1100     3           3\n"), text);
        assertTrue(text.contains("\nrobust (huber:delta=mad)  (delta = 20)   1400     3           3\n"), text);
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
        assertTrue(text.contains("\nmse                99.59%"), text);
        assertTrue(text.contains("\nmae                91.67%"), text);
        assertTrue(text.contains("\nhuber:delta=15     96.96%"), text);
    }

    @Test
    void approximateSharesAreMarkedAndExplainedAndUndefinedOnesNamed() {
        String text = GoldenFiles.render(new TablePrinter(6), SampleReports.largeRun());
        String expected = """
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
        assertTrue(text.endsWith(expected), text);
    }

    @Test
    void exactSharesHaveNoApproximationNote() {
        assertFalse(GoldenFiles.render(new TablePrinter(6), SampleReports.housesFull()).contains("~"));
    }

    @Test
    void weightedWorstRowsShowTheWeightAndTheContribution() {
        Report houses = SampleReports.housesFull();
        Report weighted = new Report(houses.schemaVersion(), houses.toolVersion(), houses.kernel(),
                SampleReports.weightedHouses().columns(), houses.inputs(), houses.rows(), houses.losses(),
                houses.contributions(), List.of(), List.of(), List.of());
        String text = GoldenFiles.render(new TablePrinter(6), weighted);
        assertTrue(text.contains("""
                loss            row           pred  target  residual  row loss  weight  contribution
                mse             houses.csv:3   400     180       220     48400       1         48400
                """), text);
    }

    @Test
    void withoutContributionsThereIsNoConcentrationSection() {
        String text = GoldenFiles.render(new TablePrinter(6), SampleReports.weightedHouses());
        assertFalse(text.contains("worst rows"), text);
        assertFalse(text.contains("outliers"), text);
    }

    @Test
    void gatesComeLastWithASummaryAndAVerdictPerGate() {
        Report houses = SampleReports.housesFull();
        String text = GoldenFiles.render(new TablePrinter(6), houses);
        assertTrue(text.endsWith("""

                1 of 3 gates failed
                FAIL  mse > 200 (mse = 16200)
                PASS  share_top1[mae] > 0.95 (share_top1[mae] = 0.916667)
                PASS  coverage[p10:p90] < 0.5 (coverage[p10:p90] = 0.666667)
                """), text);
        assertTrue(GoldenFiles.render(new TablePrinter(6), houses.withGates(houses.gates().subList(1, 3)))
                .contains("\nAll 2 gates passed\n"));
        assertTrue(GoldenFiles.render(new TablePrinter(6), houses.withGates(houses.gates().subList(0, 1)))
                .contains("\n1 gate failed\nFAIL  mse > 200"));
    }

    @Test
    void aGateValueGetsTheDigitsItsVerdictNeeds() {
        Report houses = SampleReports.housesFull();
        Report close = houses.withGates(List.of(
                new GateOutcome("mse > 16200", "mse", 16200.4, Comparison.GREATER, 16200, false),
                new GateOutcome("mae > 100", "mae", 80.0000001, Comparison.GREATER, 100, true)));
        String text = GoldenFiles.render(new TablePrinter(6), close);
        assertTrue(text.contains("FAIL  mse > 16200 (mse = 16200.4)"), text);
        assertTrue(text.contains("PASS  mae > 100 (mae = 80)"), text);
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
        String text = GoldenFiles.render(new TablePrinter(6), topOne);
        assertTrue(text.contains("\nloss            top 1 row  top 1% (1 row)  top 5% (1 row)  outliers\n"), text);
    }
}
