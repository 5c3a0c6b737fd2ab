package org.losseval.format;

import org.losseval.text.Numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.ColumnRole;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;
import org.losseval.report.RowCounts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses the JUnit XML back with the JDK's DOM parser, as a CI reporter would, and checks it element by element. */
class JunitPrinterTest {

    private static Element parse(Report report) throws Exception {
        String xml = GoldenFiles.render(new JunitPrinter(Numbers.DEFAULT_SIGNIFICANT_DIGITS), report);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The document is ours, but a test parser should not fetch anything either.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static Map<String, String> properties(Element suite) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element property : children(suite, "property")) {
            assertEquals(null, properties.put(property.getAttribute("name"), property.getAttribute("value")));
        }
        return properties;
    }

    @Test
    void oneTestCasePerGateWithAFailureForEachFailedGate() throws Exception {
        Element suite = parse(SampleReports.housesFull());
        assertEquals("testsuite", suite.getTagName());
        assertEquals("losseval", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));

        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("mse > 200", "share_top1[mae] > 0.95", "coverage[p10:p90] < 0.5"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        for (Element testCase : cases) assertEquals("losseval.gates", testCase.getAttribute("classname"));

        List<Element> failures = children(suite, "failure");
        assertEquals(1, failures.size());
        assertEquals(cases.get(0), failures.get(0).getParentNode(), "the mse gate failed: 16200 > 200");
        assertEquals("mse = 16200 > 200", failures.get(0).getAttribute("message"));
        assertEquals("gate", failures.get(0).getAttribute("type"));
    }

    @Test
    void propertiesHoldEveryFigureExactly() throws Exception {
        Map<String, String> properties = properties(parse(SampleReports.housesFull()));
        assertEquals("16200", properties.get("mse"));
        assertEquals("1095.8333333333333", properties.get("huber:delta=15"));
        assertEquals("1433.3333333333333", properties.get("robust"), "a labelled loss goes by its label");
        assertEquals(48400 / 48600.0, Double.parseDouble(properties.get("share_top1[mse]")), 0);
        assertEquals(2.0 / 3, Double.parseDouble(properties.get("coverage[p10:p90]")), 0);
        assertEquals(ReportFigures.values(SampleReports.housesFull()).keySet(), properties.keySet());
    }

    @Test
    void aRunOfOnlyQuantilesAndIntervalsIsNotAnEmptySuite() throws Exception {
        Element suite = parse(SampleReports.quantilesOnly());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("losseval.quantiles p10", "losseval.quantiles p90", "losseval.intervals p10:p90"),
                cases.stream().map(c -> c.getAttribute("classname") + " " + c.getAttribute("name")).toList());
        for (Element testCase : cases) assertEquals(0, testCase.getChildNodes().getLength(), "passing: no failure inside");
    }

    @Test
    void withoutGatesEachLossIsAPassingTestCase() throws Exception {
        Element suite = parse(SampleReports.housesAndEmpty());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("mse", "mae", "huber:delta=15", "robust"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        for (Element testCase : cases) {
            assertEquals("losseval.losses", testCase.getAttribute("classname"));
            assertEquals(0, testCase.getChildNodes().getLength(), "passing: no failure inside");
        }
        Map<String, String> properties = properties(suite);
        assertEquals("4", properties.get("rows_read"));
        assertEquals("16200", properties.get("mse"), "the values live in the properties, not in the test names");
    }

    @Test
    void aGateOnAFigureThatCouldNotBeComputedFailsClosedAndSaysSo() throws Exception {
        Report report = SampleReports.housesFull().withGates(List.of(
                new GateOutcome("share_top1[nope] < 0.5", "share_top1[nope]", Double.NaN, Comparison.LESS, 0.5, false)));
        Element failure = children(parse(report), "failure").get(0);
        assertEquals("share_top1[nope] = NaN: not computed or undefined, so the gate fails closed",
                failure.getAttribute("message"));
    }

    @Test
    void aValueIsShownWithEnoughDigitsToAgreeWithTheVerdict() throws Exception {
        // 200.0000004 rounds to 200 at six digits, and "200 > 200" would contradict the failure.
        Report report = SampleReports.housesFull().withGates(List.of(
                new GateOutcome("mse > 200", "mse", 200.0000004, Comparison.GREATER, 200, false),
                new GateOutcome("mae > 100", "mae", 123.456789, Comparison.GREATER, 100, false)));
        List<Element> failures = children(parse(report), "failure");
        assertEquals("mse = 200.0000004 > 200", failures.get(0).getAttribute("message"));
        assertEquals("mae = 123.457 > 100", failures.get(1).getAttribute("message"));
    }

    @Test
    void userTextIsEscapedAndReadsBackUnchanged() throws Exception {
        String label = "a<b & \"c\" 'd' >\t\n\r é 😀";
        Report report = SampleReports.oneInput("x.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(SampleReports.loss(label, "mse", "mse", Map.of(), List.of(), 1, 1, 1)));
        Element suite = parse(report);
        assertEquals(label, children(suite, "testcase").get(0).getAttribute("name"));
        assertTrue(properties(suite).containsKey("clamped[" + label + "]"));

        String expression = "share_top1[" + label + "] > 0.5";
        Element failure = children(parse(report.withGates(List.of(new GateOutcome(expression,
                "share_top1[" + label + "]", 1, Comparison.GREATER, 0.5, false)))), "failure").get(0);
        assertEquals("share_top1[" + label + "] = 1 > 0.5", failure.getAttribute("message"));
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() throws Exception {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFDd", JunitPrinter.attribute("a\u0000b\u001fc\uFFFE\ud800d"));
        assertEquals("😀", JunitPrinter.attribute("😀"), "a surrogate pair is one character, kept");
        assertEquals("&amp;&lt;&gt;&quot;&apos;&#9;&#10;&#13;", JunitPrinter.attribute("&<>\"'\t\n\r"));

        Report report = SampleReports.oneInput("x.csv", List.of(new ColumnRole("pred", "p")),
                new RowCounts(1, 1, Map.of()), List.of(SampleReports.loss("bell\u0007", "mse", "mse", Map.of(), List.of(),
                        1, 1, 1)));
        assertEquals("bell\uFFFD", children(parse(report), "testcase").get(0).getAttribute("name"));
    }
}
