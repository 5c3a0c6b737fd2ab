package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ColumnRole;
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
                "input,empty.parquet,robust,huber:delta=mad,huber,NaN,0,0") + "\r\n";
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
        assertEquals("", records[5]);
    }

    @Test
    void plainFieldsAreNotQuoted() {
        assertEquals("houses.csv", CsvPrinter.field("houses.csv"));
        assertEquals("it's ok; fine", CsvPrinter.field("it's ok; fine"));
        assertEquals("\"a\nb\"", CsvPrinter.field("a\nb"));
        assertEquals("\"\"\"\"", CsvPrinter.field("\""));
    }
}
