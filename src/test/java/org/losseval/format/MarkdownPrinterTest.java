package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ColumnRole;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

class MarkdownPrinterTest {
    @Test
    void twoInputsWithASkippedRowAndNaNMatchTheGoldenFile() throws IOException {
        assertEquals(GoldenFiles.read("houses-and-empty.md"),
                GoldenFiles.render(new MarkdownPrinter(6), SampleReports.housesAndEmpty()));
    }

    @Test
    void oneWeightedInputIsASingleTable() {
        String expected = """
                ## losseval

                houses.csv (csv): 3 rows read, 3 used, 0 skipped

                | loss                                   |   value | rows | weight sum |
                | :------------------------------------- | ------: | ---: | ---------: |
                | mse                                    |   16200 |    3 |          3 |
                | mae                                    |      80 |    3 |          3 |
                | huber:delta=15                         | 1095.83 |    3 |          3 |
                | robust (huber:delta=mad)  (delta = 20) | 1433.33 |    3 |          3 |
                """;
        assertEquals(expected, GoldenFiles.render(new MarkdownPrinter(6), SampleReports.weightedHouses()));
    }

    @Test
    void userTextCannotBreakTheTableOrStartMarkup() {
        var loss = SampleReports.loss("a|b *c* _d_ `e` <f> [g]\nh\\", "mse", "mse", Map.of(), List.of(), 1, 1, 1);
        Report report = SampleReports.oneInput("x|y.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(loss));
        String text = GoldenFiles.render(new MarkdownPrinter(6), report);
        assertTrue(text.contains("| a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\] h\\\\ (mse) |"), text);
        assertTrue(text.contains("x\\|y.csv (csv): 1 row read"), text);
        for (String line : text.split("\n")) {
            if (line.startsWith("|")) {
                // Three cells: four unescaped pipes.
                assertEquals(3, line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count() - 1, line);
            }
        }
    }

    @Test
    void anInputNameCannotTurnTheInputsLineIntoAHeadingOrList() {
        assertEquals("\\# a.csv", MarkdownPrinter.escapeBlockStart("# a.csv"));
        assertEquals("\\- a.csv", MarkdownPrinter.escapeBlockStart("- a.csv"));
        assertEquals("\\> a.csv", MarkdownPrinter.escapeBlockStart("> a.csv"));
        assertEquals("2024\\. a.csv", MarkdownPrinter.escapeBlockStart("2024. a.csv"));
        assertEquals("7\\) a.csv", MarkdownPrinter.escapeBlockStart("7) a.csv"));
        assertEquals("2 inputs: a.csv (csv)", MarkdownPrinter.escapeBlockStart("2 inputs: a.csv (csv)"));
        assertEquals("a.csv", MarkdownPrinter.escapeBlockStart("a.csv"));

        var loss = SampleReports.loss(null, "mse", "mse", Map.of(), List.of(), 1, 1, 1);
        Report report = SampleReports.oneInput("# notes.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(loss));
        String text = GoldenFiles.render(new MarkdownPrinter(6), report);
        assertTrue(text.contains("\n\\# notes.csv (csv): 1 row read, 1 used, 0 skipped\n"), text);
    }
}
