package org.losseval.format;

import org.losseval.text.Numbers;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.losseval.report.GateOutcome;
import org.losseval.report.IntervalReport;
import org.losseval.report.LossResult;
import org.losseval.report.QuantileReport;
import org.losseval.report.Report;
import org.losseval.report.ReportFigures;

/**
 * JUnit XML for CI test reports, in the Ant/Surefire layout that Jenkins, GitLab and the GitHub test
 * reporters read:
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;testsuite name="losseval" tests="2" failures="1" errors="0" skipped="0" time="0"&gt;
 *   &lt;properties&gt;
 *     &lt;property name="rows_read" value="3"/&gt;
 *     &lt;property name="mse" value="16200"/&gt;
 *     ...
 *   &lt;/properties&gt;
 *   &lt;testcase classname="losseval.gates" name="mse &amp;gt; 200" time="0"&gt;
 *     &lt;failure message="mse = 16200 &amp;gt; 200" type="gate"/&gt;
 *   &lt;/testcase&gt;
 *   &lt;testcase classname="losseval.gates" name="mae &amp;gt; 100" time="0"/&gt;
 * &lt;/testsuite&gt;
 * </pre>
 * One test case per {@code --fail-if} gate, named by the gate's canonical expression, so a CI's test
 * history follows a gate from run to run; a failed gate has a {@code <failure type="gate">} whose message
 * is {@link GateWording#verdict}, the words stderr uses too: the figure, its value and the comparison that
 * held ({@code mse = 16200 > 200}), or, for a figure that could not be computed,
 * {@code share_top1[mse] = NaN: not computed or undefined, so the gate fails closed}.
 *
 * <p>Without gates there is nothing to judge, but an empty suite makes some CI steps fail (Jenkins'
 * {@code junit} step reports "None of the test reports contained any result"), so the suite then has one
 * always-passing test case per figure group computed: per loss ({@code classname="losseval.losses"}, named
 * by the loss key), per {@code --quantile} column ({@code losseval.quantiles}) and per {@code --interval}
 * ({@code losseval.intervals}, named {@code lower:upper}), so a run of only quantiles or intervals is not an
 * empty suite either: a record that the figures were computed, not a judgement. Values are not in test
 * names, which must stay stable.
 *
 * <p>The properties list every figure of {@link ReportFigures#values} (loss values included) under its
 * name ({@link org.losseval.report.FigureNames}), written exactly ({@link Numbers#exact}); the failure message uses the printer's
 * precision, with more digits when rounding would contradict the verdict. Times are 0: losseval does not
 * time gates, and a strict reader wants the attribute.
 *
 * <p>XML 1.0 escaping: {@code & < > " '} as entities; tab, LF and CR in attributes as character references
 * so attribute normalization keeps them; characters XML 1.0 cannot carry at all (other C0 controls,
 * U+FFFE, U+FFFF, unpaired surrogates) become U+FFFD. Lines end with '\n'; the caller's writer encodes UTF-8.
 */
public final class JunitPrinter implements Printer {
    static final String SUITE_NAME = "losseval";
    static final String GATE_CLASS = "losseval.gates";
    static final String LOSS_CLASS = "losseval.losses";
    static final String QUANTILE_CLASS = "losseval.quantiles";
    static final String INTERVAL_CLASS = "losseval.intervals";
    static final String FAILURE_TYPE = "gate";
    private static final char REPLACEMENT = '\uFFFD';

    private final DoubleFunction<String> number;

    /** @param significantDigits 1..17 for the numbers in failure messages, see {@link Numbers#human(double, int)} */
    public JunitPrinter(int significantDigits) {
        Numbers.checkSignificantDigits(significantDigits);
        this.number = v -> Numbers.human(v, significantDigits);
    }

    @Override
    public void print(Report report, PrintWriter out) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = report.gates().stream().filter(g -> !g.passed()).count();
        int tests = report.gates().isEmpty()
                ? report.losses().size() + report.quantiles().size() + report.intervals().size()
                : report.gates().size();
        xml.append("<testsuite name=\"").append(SUITE_NAME).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        xml.append("  <properties>\n");
        for (Map.Entry<String, Double> figure : ReportFigures.values(report).entrySet()) {
            xml.append("    <property name=\"").append(attribute(figure.getKey())).append("\" value=\"")
                    .append(Numbers.exact(figure.getValue())).append("\"/>\n");
        }
        xml.append("  </properties>\n");
        if (report.gates().isEmpty()) {
            for (LossResult loss : report.losses()) testCase(LOSS_CLASS, loss.key(), xml).append("/>\n");
            for (QuantileReport quantile : report.quantiles()) testCase(QUANTILE_CLASS, quantile.name(), xml).append("/>\n");
            for (IntervalReport interval : report.intervals()) testCase(INTERVAL_CLASS, interval.name(), xml).append("/>\n");
        } else {
            for (GateOutcome gate : report.gates()) {
                testCase(GATE_CLASS, gate.expression(), xml);
                if (gate.passed()) {
                    xml.append("/>\n");
                } else {
                    xml.append(">\n    <failure message=\"").append(attribute(GateWording.verdict(gate, number)))
                            .append("\" type=\"").append(FAILURE_TYPE).append("\"/>\n  </testcase>\n");
                }
            }
        }
        xml.append("</testsuite>\n");
        out.write(xml.toString());
        out.flush();
    }

    private static StringBuilder testCase(String className, String name, StringBuilder xml) {
        return xml.append("  <testcase classname=\"").append(className).append("\" name=\"").append(attribute(name))
                .append("\" time=\"0\"");
    }

    /** {@code text} escaped for a double-quoted XML 1.0 attribute value. */
    static String attribute(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\t' -> escaped.append("&#9;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                        escaped.append(REPLACEMENT);
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
