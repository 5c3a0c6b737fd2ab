package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void eachFormatHasItsPrinter() {
        assertInstanceOf(TablePrinter.class, OutputFormat.TABLE.printer(null));
        assertInstanceOf(JsonPrinter.class, OutputFormat.JSON.printer(null));
        assertInstanceOf(CsvPrinter.class, OutputFormat.CSV.printer(null));
        assertInstanceOf(MarkdownPrinter.class, OutputFormat.MARKDOWN.printer(null));
        assertInstanceOf(JunitPrinter.class, OutputFormat.JUNIT.printer(null));
    }

    @Test
    void defaultsAreSixDigitsForPeopleAndExactForMachines() {
        String huber = "1095.8333333333333";
        assertTrue(render(OutputFormat.TABLE, null).contains(" 1095.83 "));
        assertTrue(render(OutputFormat.MARKDOWN, null).contains(" 1095.83 |"));
        assertTrue(render(OutputFormat.CSV, null).contains("," + huber + ","));
        assertTrue(render(OutputFormat.JSON, null).contains("\"value\": " + huber + ","));
        assertTrue(render(OutputFormat.JUNIT, null).contains("value=\"" + huber + "\""), "properties are exact");
    }

    @Test
    void precisionAppliesToEveryFormatButJson() {
        assertTrue(render(OutputFormat.TABLE, 3).contains(" 1100 "));
        assertTrue(render(OutputFormat.MARKDOWN, 3).contains(" 1100 |"));
        assertTrue(render(OutputFormat.CSV, 3).contains(",1100,"));
        assertEquals(render(OutputFormat.JSON, null), render(OutputFormat.JSON, 3));
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

    private static String render(OutputFormat format, Integer precision) {
        return GoldenFiles.render(format.printer(precision), SampleReports.housesAndEmpty());
    }
}
