package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
    void badPrecisionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TablePrinter(0));
    }
}
