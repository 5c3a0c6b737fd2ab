package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /**
     * Defect 1: with only --quantile/--interval columns Markdown printed a loss table header without rows
     * (the guard lived in TablePrinter only; Sections now decides for both).
     */
    @Test
    void markdownWithOnlyQuantilesHasNoEmptyLossTable() {
        String expected = """
                ## losseval

                houses.csv (csv): 3 rows read, 3 used, 0 skipped

                ### Quantiles

                | quantile |   q | pinball | y < pred | y <= pred | rows |
                | :------- | --: | ------: | -------: | --------: | ---: |
                | p10      | 0.1 | 2.33333 |        0 |         0 |    3 |
                | p90      | 0.9 |      12 | 0.666667 |  0.666667 |    3 |

                ### Intervals

                | interval | nominal | coverage |          95% CI | p-value | below |  above | mean width | interval score | rows |
                | :------- | ------: | -------: | --------------: | ------: | ----: | -----: | ---------: | -------------: | ---: |
                | p10:p90  |  80.00% |   66.67% | [9.43%, 99.16%] |   0.488 | 0.00% | 33.33% |        110 |        143.333 |    3 |
                """;
        assertEquals(expected, GoldenFiles.render(new MarkdownPrinter(6), SampleReports.quantilesOnly()));
    }

    /** Defect 1 over two inputs: the sections per input list losses, so without losses there are none. */
    @Test
    void markdownWithOnlyQuantilesOverTwoInputsHasNoEmptySectionPerInput() {
        String expected = """
                ## losseval

                2 inputs: houses.csv (csv), empty.parquet (parquet); 4 rows read, 3 used, 1 skipped

                ### Quantiles

                | quantile |   q | pinball | y < pred | y <= pred | rows |
                | :------- | --: | ------: | -------: | --------: | ---: |
                | p10      | 0.1 | 2.33333 |        0 |         0 |    3 |
                | p90      | 0.9 |      12 | 0.666667 |  0.666667 |    3 |

                ### Intervals

                | interval | nominal | coverage |          95% CI | p-value | below |  above | mean width | interval score | rows |
                | :------- | ------: | -------: | --------------: | ------: | ----: | -----: | ---------: | -------------: | ---: |
                | p10:p90  |  80.00% |   66.67% | [9.43%, 99.16%] |   0.488 | 0.00% | 33.33% |        110 |        143.333 |    3 |

                ### Skipped rows

                | skipped because | rows |
                | :-------------- | ---: |
                | non-finite pred |    1 |
                """;
        assertEquals(expected, GoldenFiles.render(new MarkdownPrinter(6), SampleReports.quantilesOnlyTwoInputs()));
    }

    @Test
    void userTextCannotBreakTheTableOrStartMarkup() {
        var loss = SampleReports.loss("a|b *c* _d_ `e` <f> [g]\nh\\", "mse", "mse", Map.of(), List.of(), 1, 1, 1);
        Report report = SampleReports.oneInput("x|y.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(loss));
        String text = GoldenFiles.render(new MarkdownPrinter(6), report);
        assertEquals("""
                ## losseval

                x\\|y.csv (csv): 1 row read, 1 used, 0 skipped

                | loss                                         | value | rows |
                | :------------------------------------------- | ----: | ---: |
                | a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\] h\\\\ (mse) |     1 |    1 |
                """, text);
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
        assertEquals(List.of("## losseval", "", "\\# notes.csv (csv): 1 row read, 1 used, 0 skipped", ""),
                GoldenFiles.firstLines(GoldenFiles.render(new MarkdownPrinter(6), report), 4));
    }

    @Test
    void theHousesWithEverySectionMatchTheGoldenFile() throws IOException {
        String text = GoldenFiles.render(new MarkdownPrinter(6), SampleReports.housesFull());
        assertEquals(GoldenFiles.read("houses-full.md"), text);
        assertEquals(List.of(
                "| loss           | top 1 row | top 5 rows | top 1% (1 row) | top 5% (1 row) | outliers |",
                "| :------------- | --------: | ---------: | -------------: | -------------: | -------: |",
                "| mse            |    99.59% |    100.00% |         99.59% |         99.59% |   99.59% |",
                "| mae            |    91.67% |    100.00% |         91.67% |         91.67% |   91.67% |",
                "| huber:delta=15 |    96.96% |    100.00% |         96.96% |         96.96% |   96.96% |"),
                GoldenFiles.block(text, "| loss           | top 1 row | top 5 rows | top 1% (1 row) | top 5% (1 row) | outliers |"));
    }

    @Test
    void theGateSummaryComesFirst() {
        Report houses = SampleReports.housesFull();
        assertEquals(List.of("## losseval", "", "**❌ 1 of 3 gates failed**", "",
                "- ❌ `mse > 200` (`mse` = 16200)",
                "- ✅ `share_top1[mae] > 0.95` (`share_top1[mae]` = 0.916667)",
                "- ✅ `coverage[p10:p90] < 0.5` (`coverage[p10:p90]` = 0.666667)", "",
                "houses.csv (csv): 3 rows read, 3 used, 0 skipped"),
                GoldenFiles.firstLines(GoldenFiles.render(new MarkdownPrinter(6), houses), 9));
        String passed = GoldenFiles.render(new MarkdownPrinter(6), houses.withGates(houses.gates().subList(1, 3)));
        assertEquals(List.of("## losseval", "", "**✅ All 2 gates passed**", "",
                "- ✅ `share_top1[mae] > 0.95` (`share_top1[mae]` = 0.916667)",
                "- ✅ `coverage[p10:p90] < 0.5` (`coverage[p10:p90]` = 0.666667)", "",
                "houses.csv (csv): 3 rows read, 3 used, 0 skipped"), GoldenFiles.firstLines(passed, 8));
        // Without gates the inputs line follows the title.
        assertEquals(List.of("## losseval", "", "houses.csv (csv): 3 rows read, 3 used, 0 skipped"),
                GoldenFiles.firstLines(GoldenFiles.render(new MarkdownPrinter(6), SampleReports.weightedHouses()), 3));
    }

    @Test
    void approximateSharesEscapeTheTildeSoItCannotStrikeThrough() {
        String text = GoldenFiles.render(new MarkdownPrinter(6), SampleReports.largeRun());
        assertEquals(List.of(
                "### How concentrated each loss is",
                "",
                "Share of each loss's total from its worst rows.",
                "",
                "| loss   | top 1 row | top 5 rows | top 1% (200000 rows) | outliers |",
                "| :----- | --------: | ---------: | -------------------: | -------: |",
                "| mse    |    25.00% |     30.00% |             \\~41.50% | \\~50.00% |",
                "| signed |       NaN |        NaN |                  NaN |      NaN |",
                "",
                // Notes are one paragraph with hard line breaks (a trailing backslash).
                "robust outliers: between 10 and 12 rows with \\|r - median\\| \\> 3 x 1.4826 x MAD = \\~20.0151"
                        + " (median \\~0.625, MAD \\~2.25)\\",
                "shares of signed are undefined: 2 rows have a negative or non-finite contribution\\",
                "\\~ marks an approximate figure: the run had more rows than the exact memory budget holds, so it is"
                        + " the midpoint of a bracket around the exact value (--format json gives both ends)",
                ""),
                GoldenFiles.between(text, "### How concentrated each loss is", "### Worst rows"));
    }

    @Test
    void aGateIsACodeSpanLongerThanAnyBacktickRunInIt() {
        assertEquals("`mse > 1`", MarkdownPrinter.codeSpan("mse > 1"));
        assertEquals("``a`b > 1``", MarkdownPrinter.codeSpan("a`b > 1"));
        assertEquals("``` ``x`` ```", MarkdownPrinter.codeSpan("``x``"));
        assertEquals("`a b`", MarkdownPrinter.codeSpan("a\nb"));
    }
}
