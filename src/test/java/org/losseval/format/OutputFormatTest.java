package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void eachFormatHasItsPrinter() {
        assertInstanceOf(TablePrinter.class, OutputFormat.TABLE.printer(null));
        assertInstanceOf(JsonPrinter.class, OutputFormat.JSON.printer(null));
        assertInstanceOf(CsvPrinter.class, OutputFormat.CSV.printer(null));
        assertInstanceOf(MarkdownPrinter.class, OutputFormat.MARKDOWN.printer(null));
        assertInstanceOf(JunitPrinter.class, OutputFormat.JUNIT.printer(null));
        assertInstanceOf(HtmlPrinter.class, OutputFormat.HTML.printer(null));
    }

    @Test
    void aFileNamePicksTheFormatOfItsExtensionCaseInsensitivelyElseTable() {
        java.util.Map<String, OutputFormat> expected = new java.util.LinkedHashMap<>();
        expected.put("report.json", OutputFormat.JSON);
        expected.put("out/figures.CSV", OutputFormat.CSV);
        expected.put("summary.md", OutputFormat.MARKDOWN);
        expected.put("summary.markdown", OutputFormat.MARKDOWN);
        expected.put("gates.xml", OutputFormat.JUNIT);
        expected.put("report.html", OutputFormat.HTML);
        expected.put("REPORT.HTM", OutputFormat.HTML);
        expected.put("report.txt", OutputFormat.TABLE);
        expected.put("report", OutputFormat.TABLE);
        expected.put("json", OutputFormat.TABLE);
        expected.put(".json", OutputFormat.TABLE); // a hidden file named json, not an extension
        expected.put("report.json.txt", OutputFormat.TABLE);
        expected.put("/dev/stdout", OutputFormat.TABLE);
        expected.put("/", OutputFormat.TABLE);
        java.util.Map<String, OutputFormat> actual = new java.util.LinkedHashMap<>();
        expected.keySet().forEach(name -> actual.put(name, OutputFormat.forFile(java.nio.file.Path.of(name))));
        assertEquals(expected, actual);
    }

    @Test
    void defaultsAreSixDigitsForPeopleAndExactForMachines() throws IOException {
        // huber:delta=15 = 1095.8333333333333, the third loss of housesAndEmpty.
        assertEquals(GoldenFiles.read("houses-and-empty.table.txt"), render(OutputFormat.TABLE, null));
        assertEquals(GoldenFiles.read("houses-and-empty.md"), render(OutputFormat.MARKDOWN, null));
        assertEquals("total,,,huber:delta=15,huber,1095.8333333333333,3,3", line(OutputFormat.CSV, null, 3));
        assertEquals("1095.8333333333333",
                ((TinyJson.Num) TinyJson.at(TinyJson.parse(render(OutputFormat.JSON, null)), "losses", 2, "value")).text());
        assertEquals("    <property name=\"huber:delta=15\" value=\"1095.8333333333333\"/>",
                line(OutputFormat.JUNIT, null, 10), "properties are exact");
    }

    @Test
    void precisionAppliesToEveryFormatButJson() {
        assertEquals("huber:delta=15                           1100     3", line(OutputFormat.TABLE, 3, 5));
        assertEquals("| huber:delta=15                         |  1100 |    3 |", line(OutputFormat.MARKDOWN, 3, 8));
        assertEquals("total,,,huber:delta=15,huber,1100,3,3", line(OutputFormat.CSV, 3, 3));
        assertEquals(render(OutputFormat.JSON, null), render(OutputFormat.JSON, 3));
        // The JUnit properties stay exact; the precision is for the failure messages (JunitPrinterTest).
        assertEquals(render(OutputFormat.JUNIT, null), render(OutputFormat.JUNIT, 3));
    }

    @Test
    void precisionOutsideOneToSeventeenIsRejectedForEveryFormat() {
        for (OutputFormat format : OutputFormat.values()) {
            assertThrows(IllegalArgumentException.class, () -> format.printer(0), format.name());
            assertThrows(IllegalArgumentException.class, () -> format.printer(18), format.name());
            format.printer(1);
            format.printer(17);
        }
    }

    /** Line {@code index} (from 0) of the output. */
    private static String line(OutputFormat format, Integer precision, int index) {
        return render(format, precision).lines().toList().get(index);
    }

    private static String render(OutputFormat format, Integer precision) {
        return GoldenFiles.render(format.printer(precision), SampleReports.housesAndEmpty());
    }
}
