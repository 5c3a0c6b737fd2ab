package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ColumnRole;
import org.losseval.report.FigureNames;
import org.losseval.report.LossResult;
import org.losseval.report.Report;
import org.losseval.report.RowCounts;

class CsvPrinterTest {
    @Test
    void oneRecordPerLossForTheTotalThenPerInputWithExactNumbers() {
        String expected = String.join("\r\n",
                "scope,input,label,spec,name,value,count,weight_sum",
                "total,,,mse,mse,16200,3,3",
                "total,,,mae,mae,80,3,3",
                "total,,,huber:delta=15,huber,1095.8333333333333,3,3",
                "total,,robust,huber:delta=mad,huber,1433.3333333333333,3,3",
                "input,houses.csv,,mse,mse,16200,3,3",
                "input,houses.csv,,mae,mae,80,3,3",
                "input,houses.csv,,huber:delta=15,huber,1095.8333333333333,3,3",
                "input,houses.csv,robust,huber:delta=mad,huber,1433.3333333333333,3,3",
                "input,empty.parquet,,mse,mse,NaN,0,0",
                "input,empty.parquet,,mae,mae,NaN,0,0",
                "input,empty.parquet,,huber:delta=15,huber,NaN,0,0",
                "input,empty.parquet,robust,huber:delta=mad,huber,NaN,0,0",
                // No contributions, quantiles or intervals in this run: the figures are rows and losses.
                "figure,,,,rows_read,4,,",
                "figure,,,,rows_used,3,,",
                "figure,,,,rows_skipped,1,,",
                "figure,,,,mse,16200,,",
                "figure,,,,clamped[mse],0,,",
                "figure,,,,mae,80,,",
                "figure,,,,clamped[mae],0,,",
                "figure,,,,huber:delta=15,1095.8333333333333,,",
                "figure,,,,clamped[huber:delta=15],0,,",
                "figure,,,,robust,1433.3333333333333,,",
                "figure,,,,clamped[robust],0,,") + "\r\n";
        assertEquals(expected, GoldenFiles.render(new CsvPrinter(), SampleReports.housesAndEmpty()));
    }

    @Test
    void aPrecisionRoundsTheNumbers() {
        String text = GoldenFiles.render(new CsvPrinter(3), SampleReports.housesAndEmpty());
        assertEquals("total,,,huber:delta=15,huber,1100,3,3", text.split("\r\n")[3]);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedPerRfc4180() {
        LossResult loss = SampleReports.loss("say \"hi\", then\r\nleave", "huber:delta=2,x=1", "huber", Map.of(),
                List.of(), Double.NEGATIVE_INFINITY, 1, 1e-300);
        Report report = SampleReports.oneInput("a,b \"c\".csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(loss));
        String[] records = GoldenFiles.render(new CsvPrinter(), report).split("\r\n", -1);
        assertEquals("total,,\"say \"\"hi\"\", then", records[1]);
        assertEquals("leave\",\"huber:delta=2,x=1\",huber,-inf,1,1e-300", records[2]);
        assertEquals("input,\"a,b \"\"c\"\".csv\",\"say \"\"hi\"\", then", records[3]);
        // The loss's figures are named by its key, the label, quoted the same way.
        assertEquals("figure,,,,\"say \"\"hi\"\", then", records[8]);
        assertEquals("leave\",-inf,,", records[9]);
        assertEquals("figure,,,,\"clamped[say \"\"hi\"\", then", records[10]);
        assertEquals("leave]\",0,,", records[11]);
        assertEquals("", records[12]);
    }

    @Test
    void plainFieldsAreNotQuoted() {
        assertEquals("houses.csv", CsvPrinter.field("houses.csv"));
        assertEquals("it's ok; fine", CsvPrinter.field("it's ok; fine"));
        assertEquals("\"a\nb\"", CsvPrinter.field("a\nb"));
        assertEquals("\"\"\"\"", CsvPrinter.field("\""));
    }

    @Test
    void everyFigureOfTheHousesIsOneRowNamedAsGatesNameIt() {
        Map<String, String> figures = figureRows(GoldenFiles.render(new CsvPrinter(), SampleReports.housesFull()));
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(FigureNames.ROWS_READ, 3.0);
        expected.put(FigureNames.ROWS_USED, 3.0);
        expected.put(FigureNames.ROWS_SKIPPED, 0.0);
        expected.put("mse", SampleReports.MSE);
        expected.put("clamped[mse]", 0.0);
        expected.put("robust", SampleReports.HUBER_MAD);
        // Hand-computed in SampleReports: house C's part of each total.
        expected.put("share_top1[mse]", 48400 / 48600.0);
        expected.put("share_top5[mse]", 1.0);
        expected.put("share_top1%[mse]", 48400 / 48600.0);
        expected.put("share_top5%[mse]", 48400 / 48600.0);
        expected.put("outlier_share[mse]", 48400 / 48600.0);
        expected.put("share_top1[mae]", 220 / 240.0);
        expected.put("share_top1[huber:delta=15]", 3187.5 / 3287.5);
        expected.put("outliers", 1.0);
        expected.put("pinball[p10]", 7.0 / 3);
        expected.put("calibration[p10]", 0.0);
        expected.put("pinball[p90]", 12.0);
        expected.put("calibration[p90]", 2.0 / 3);
        expected.put("coverage[p10:p90]", 2.0 / 3);
        expected.put("below[p10:p90]", 0.0);
        expected.put("above[p10:p90]", 1.0 / 3);
        expected.put("width[p10:p90]", 110.0);
        expected.put("interval_score[p10:p90]", 430.0 / 3);
        expected.put("coverage_p_value[p10:p90]", 0.488);
        for (Map.Entry<String, Double> figure : expected.entrySet()) {
            assertTrue(figures.containsKey(figure.getKey()), figure.getKey() + " in " + figures.keySet());
            // Exact numbers read back bit for bit.
            assertEquals(figure.getValue(), Double.parseDouble(figures.get(figure.getKey())), 0, figure.getKey());
        }
        // 3 row counts, 2 per loss, 5 shares per loss but robust (delta from the data: no contributions), the
        // outlier count, 2 per quantile, 6 per interval.
        assertEquals(3 + 4 * 2 + 3 * 5 + 1 + 2 * 2 + 6, figures.size(), figures.keySet().toString());
        assertFalse(figures.containsKey("share_top1[robust]"));
    }

    @Test
    void aBracketedFigureIsItsMidpoint() {
        Report report = SampleReports.largeRun();
        Map<String, String> figures = figureRows(GoldenFiles.render(new CsvPrinter(), report));
        assertEquals(0.5, Double.parseDouble(figures.get("outlier_share[mse]")), 0, "midpoint of [0.4, 0.6]");
        assertEquals(11, Double.parseDouble(figures.get("outliers")), 0, "midpoint of [10, 12]");
    }

    @Test
    void aPrecisionRoundsTheFiguresToo() {
        Map<String, String> figures = figureRows(GoldenFiles.render(new CsvPrinter(3), SampleReports.housesFull()));
        assertEquals("0.996", figures.get("share_top1[mse]"));
        assertEquals("143", figures.get("interval_score[p10:p90]"));
    }

    /** name to value text of the scope=figure records, which have no quoted fields in these reports. */
    private static Map<String, String> figureRows(String csv) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String record : csv.split("\r\n")) {
            String[] fields = record.split(",", -1);
            if (!fields[0].equals("figure")) continue;
            assertEquals(8, fields.length, record);
            assertEquals(List.of("", "", "", ""), List.of(fields[1], fields[2], fields[3], fields[6]), record);
            assertEquals("", fields[7], record);
            assertEquals(null, figures.put(fields[4], fields[5]), "one row per figure: " + fields[4]);
        }
        return figures;
    }

    @Test
    void ofTwoFiguresWithOneNameTheFirstIsWritten() {
        // A loss labelled "rows_read" would shadow the row count: the row count, listed first, wins.
        Report report = SampleReports.oneInput("x.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(7, 6, Map.of("empty pred", 1L)),
                List.of(SampleReports.loss("rows_read", "mse", "mse", Map.of(), List.of(), 0.5, 6, 6)));
        Map<String, String> figures = figureRows(GoldenFiles.render(new CsvPrinter(), report));
        assertEquals(List.of("rows_read", "rows_used", "rows_skipped", "clamped[rows_read]"),
                List.copyOf(figures.keySet()));
        assertEquals("7", figures.get("rows_read"));
    }
}
