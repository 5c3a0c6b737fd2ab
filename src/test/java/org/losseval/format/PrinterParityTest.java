package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every printer ({@link OutputFormat#values()}) gets the same edge reports and must write well-formed
 * output for each, carrying every figure ({@link ReportFigures#of}) where it promises to:
 * <ul>
 *   <li>json parses (TinyJson) and carries every figure with its exact value, brackets with both ends;</li>
 *   <li>csv parses (Commons CSV, RFC 4180, CRLF), has the schema-1 header and 8 fields per record, one loss
 *       row per loss and input, and its figure rows are the figures, in order, with their values;</li>
 *   <li>junit parses (the JDK's DOM parser), counts its test cases and failures right, and its properties
 *       are the figures, in order, with their values;</li>
 *   <li>markdown has no empty table (every table a header, a delimiter row and at least one row, all with
 *       the same cells) and no empty section (every heading followed by content);</li>
 *   <li>table has no header line without rows, and shows exactly the tables Markdown shows, with the same
 *       headers and rows: the two printers for people have the same sections;</li>
 *   <li>html is well-formed XML, fetches nothing, has no empty table or section, and its figures table is
 *       every figure, in order, with its exact value and both ends of a bracket.</li>
 * </ul>
 * Each format is also rendered at --precision 3, which must stay well formed (figure values are compared
 * only where the output is exact).
 */
class PrinterParityTest {
    private static final int PRECISION = 3;

    /** The edge reports, by what makes each one an edge. */
    private static final Map<String, Supplier<Report>> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("one input with every section, gates passed and failed", SampleReports::housesFull);
        REPORTS.put("curves with a bracket and undefined shares, a residual histogram", SampleReports::housesWithPlots);
        REPORTS.put("two inputs, a skipped row, NaN losses, no contributions", SampleReports::housesAndEmpty);
        REPORTS.put("weighted, --no-contrib", SampleReports::weightedHouses);
        REPORTS.put("brackets and undefined shares", SampleReports::largeRun);
        REPORTS.put("no losses, only quantiles and intervals", SampleReports::quantilesOnly);
        REPORTS.put("no losses, two inputs", SampleReports::quantilesOnlyTwoInputs);
        REPORTS.put("two quantile columns: crps and crossings", SampleReports::quantileSet);
        REPORTS.put("contributions covering no loss", SampleReports::contributionsOfNoLoss);
        REPORTS.put("inf, -inf and NaN figures, gates failing closed", SampleReports::nonFinite);
        REPORTS.put("a comparison with a baseline: intervals, none, NaN; a margin", SampleReports::housesCompared);
        REPORTS.put("groups compared with a baseline: a bracket, an unranked group, no worst delta",
                SampleReports::housesComparedInGroups);
    }

    @TestFactory
    Stream<DynamicTest> everyPrinterWritesEveryEdgeReportWellFormed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Report>> edge : REPORTS.entrySet()) {
            for (OutputFormat format : OutputFormat.values()) {
                tests.add(DynamicTest.dynamicTest(format.name().toLowerCase() + ": " + edge.getKey(),
                        () -> check(format, edge.getValue().get())));
            }
        }
        return tests.stream();
    }

    private static void check(OutputFormat format, Report report) throws Exception {
        String exact = GoldenFiles.render(format.printer(null), report);
        String rounded = GoldenFiles.render(format.printer(PRECISION), report);
        switch (format) {
            case JSON -> {
                assertEquals(ReportFigures.of(report), JsonFigures.of(TinyJson.parse(exact)));
                assertEquals(exact, rounded, "JSON is always exact");
            }
            case CSV -> {
                checkCsv(report, exact, true);
                checkCsv(report, rounded, false);
            }
            case JUNIT -> {
                checkJunit(report, exact);
                checkJunit(report, rounded);
            }
            case MARKDOWN -> {
                checkMarkdown(exact);
                checkMarkdown(rounded);
            }
            case TABLE -> {
                checkTableAgainstMarkdown(exact, GoldenFiles.render(OutputFormat.MARKDOWN.printer(null), report));
                checkTableAgainstMarkdown(rounded, GoldenFiles.render(OutputFormat.MARKDOWN.printer(PRECISION), report));
            }
            case HTML -> {
                checkHtml(report, exact);
                checkHtml(report, rounded);
            }
        }
    }

    // --- HTML

    /**
     * Well-formed (the JDK's XML parser, after the HTML5 doctype), no script and no reference to anything
     * outside the page, every table with a header row and at least one row of as many cells, every section's
     * heading followed by content, and the figures table the figures, in order, with their exact values
     * (value, from and to). The curve and histogram tables against the report, and the page in a browser:
     * cli.HtmlReportBrowserTest.
     */
    private static void checkHtml(Report report, String html) throws Exception {
        String doctype = "<!DOCTYPE html>\n";
        assertTrue(html.startsWith(doctype), "starts with the HTML5 doctype");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element page = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.substring(doctype.length()).getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals("html", page.getTagName());
        assertEquals(List.of(), elements(page, "script"), "no script");
        for (String attribute : List.of("src", "href")) {
            assertEquals("", allElements(page).stream().map(e -> e.getAttribute(attribute)).collect(
                    java.util.stream.Collectors.joining()), "nothing fetched: no " + attribute);
        }
        for (Element table : elements(page, "table")) {
            List<Element> rows = elements(table, "tr");
            assertTrue(rows.size() >= 2, "a table without rows: " + table.getAttribute("id"));
            int cells = elements(rows.get(0), "th").size();
            for (Element row : rows.subList(1, rows.size())) {
                assertEquals(cells, elements(row, "td").size(), "same cells as the header in " + table.getAttribute("id"));
            }
        }
        for (Element section : elements(page, "section")) {
            assertTrue(elements(section, "h2").size() == 1 && elements(section, "*").size() > 1,
                    "a section with a heading and content: " + section.getAttribute("id"));
        }
        Map<String, org.losseval.report.Range> figures = new LinkedHashMap<>();
        Element figureTable = elements(page, "table").stream().filter(t -> t.getAttribute("id").equals("figures"))
                .findFirst().orElseThrow();
        List<Element> rows = elements(figureTable, "tr");
        for (Element row : rows.subList(1, rows.size())) {
            List<Element> cells = elements(row, "td");
            org.losseval.report.Range range = new org.losseval.report.Range(number(cells.get(2).getTextContent()),
                    number(cells.get(3).getTextContent()));
            assertEquals(range.mid(), number(cells.get(1).getTextContent()), "the value is the midpoint");
            figures.put(cells.get(0).getTextContent(), range);
        }
        assertEquals(ReportFigures.of(report), figures, "the figures table is every figure, exact");
    }

    private static List<Element> allElements(Element parent) {
        List<Element> all = new ArrayList<>(elements(parent, "*"));
        all.add(parent);
        return all;
    }

    // --- CSV

    private static void checkCsv(Report report, String csv, boolean exactValues) throws IOException {
        assertTrue(csv.endsWith("\r\n"), "the last record ends with CRLF");
        assertFalse(csv.replace("\r\n", "").contains("\n"), "every record ends with CRLF, none with a bare LF");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertEquals(List.of(CsvPrinter.HEADER.split(",")), records.get(0).toList());
        for (CSVRecord record : records) assertEquals(8, record.size(), record.toString());
        List<CSVRecord> data = records.subList(1, records.size());
        assertEquals(report.losses().stream().map(l -> l.spec()).toList(), specs(data, "total"));
        assertEquals(report.inputs().stream().flatMap(i -> i.losses().stream()).map(l -> l.spec()).toList(),
                specs(data, "input"));
        List<CSVRecord> figures = data.stream().filter(r -> r.get(0).equals("figure")).toList();
        assertEquals(data.size(), specs(data, "total").size() + specs(data, "input").size() + figures.size(),
                "every record is a loss or a figure");
        assertEquals(List.copyOf(ReportFigures.values(report).keySet()), figures.stream().map(r -> r.get(4)).toList());
        if (exactValues) {
            assertEquals(List.copyOf(ReportFigures.values(report).values()),
                    figures.stream().map(r -> number(r.get(5))).toList());
        }
    }

    private static List<String> specs(List<CSVRecord> records, String scope) {
        return records.stream().filter(r -> r.get(0).equals(scope)).map(r -> r.get(3)).toList();
    }

    // --- JUnit XML

    private static void checkJunit(Report report, String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        List<Element> cases = elements(suite, "testcase");
        assertEquals(Integer.toString(cases.size()), suite.getAttribute("tests"));
        assertEquals(Long.toString(report.gates().stream().filter(g -> !g.passed()).count()),
                suite.getAttribute("failures"));
        assertEquals(elements(suite, "failure").size(), Integer.parseInt(suite.getAttribute("failures")));
        List<Element> properties = elements(suite, "property");
        assertEquals(List.copyOf(ReportFigures.values(report).keySet()),
                properties.stream().map(p -> p.getAttribute("name")).toList());
        assertEquals(List.copyOf(ReportFigures.values(report).values()),
                properties.stream().map(p -> number(p.getAttribute("value"))).toList(), "properties are exact");
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    /** A number as {@code Numbers.exact} writes it: NaN, inf and -inf for the non-finite ones. */
    private static Double number(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    // --- Markdown and table

    /** A GitHub table's delimiter row: a colon and hyphens per cell. */
    private static final Pattern DELIMITER_ROW = Pattern.compile("\\|( :?-+:? \\|)+");
    /**
     * The header line of every plain table the printers for people write (LossTables, FigureTables): its
     * first cell and the two-space gap that separates columns. The inputs line and the notes have single
     * spaces after their first word. A table not matched here still fails the comparison with Markdown.
     */
    private static final Pattern PLAIN_HEADER = Pattern.compile("(loss|figure|quantile|interval|skipped because|rank)  +\\S.*");

    private record Table(List<String> header, int rows) {}

    private static void checkMarkdown(String markdown) {
        List<String> lines = markdown.lines().toList();
        for (Table table : markdownTables(lines)) assertTrue(table.rows() > 0, "a table without rows: " + table);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#")) continue;
            assertTrue(i + 2 < lines.size(), "a heading at the end: " + lines.get(i));
            assertEquals("", lines.get(i + 1), lines.get(i));
            assertFalse(lines.get(i + 2).isBlank() || lines.get(i + 2).startsWith("#"), "an empty section: " + lines.get(i));
        }
    }

    /** The tables: runs of lines starting with '|', each a header, a delimiter row and its rows. */
    private static List<Table> markdownTables(List<String> lines) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("|")) continue;
            int start = i;
            while (i + 1 < lines.size() && lines.get(i + 1).startsWith("|")) i++;
            List<String> block = lines.subList(start, i + 1);
            assertTrue(block.size() >= 2 && DELIMITER_ROW.matcher(block.get(1)).matches(),
                    "a table starts with a header and a delimiter row: " + block);
            long cells = pipes(block.get(0));
            for (String line : block) {
                assertTrue(line.endsWith(" |"), line);
                assertEquals(cells, pipes(line), "same cells as the header: " + line);
            }
            String header = block.get(0);
            tables.add(new Table(Stream.of(header.substring(1, header.length() - 1).split("\\|")).map(String::trim)
                    .toList(), block.size() - 2));
        }
        return tables;
    }

    /** Unescaped pipes, i.e. cell borders. */
    private static long pipes(String line) {
        return line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count();
    }

    private static void checkTableAgainstMarkdown(String text, String markdown) {
        List<String> lines = text.lines().toList();
        List<Table> markdownTables = markdownTables(markdown.lines().toList());
        List<List<String>> headers = new ArrayList<>();
        int table = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!PLAIN_HEADER.matcher(lines.get(i)).matches()) continue;
            headers.add(List.of(lines.get(i).trim().split(" {2,}")));
            assertTrue(table < markdownTables.size(), "a table Markdown does not show: " + lines.get(i));
            int rows = markdownTables.get(table++).rows();
            assertTrue(rows > 0 && i + rows < lines.size(), "a header without rows: " + lines.get(i));
            for (int r = 1; r <= rows; r++) assertFalse(lines.get(i + r).isBlank(), "row " + r + " of " + lines.get(i));
        }
        assertEquals(markdownTables.stream().map(Table::header).toList(), headers,
                "the same tables, with the same headers, as Markdown");
    }
}
