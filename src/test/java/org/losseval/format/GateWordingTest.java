package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.losseval.report.Comparison;
import org.losseval.report.GateOutcome;
import org.losseval.report.Report;
import org.losseval.text.Numbers;

/**
 * One wording of a gate: the words themselves, and every printer (table, Markdown, JUnit) and the stderr line
 * using them, for a failed gate, a passed one and one on a figure that could not be computed.
 */
class GateWordingTest {
    private static final DoubleFunction<String> SIX = v -> Numbers.human(v, 6);
    private static final GateOutcome FAILED = new GateOutcome("mse > 200", "mse", 16200, Comparison.GREATER, 200, false);
    private static final GateOutcome PASSED =
            new GateOutcome("share_top1[mae] > 0.95", "share_top1[mae]", 11.0 / 12, Comparison.GREATER, 0.95, true);
    private static final GateOutcome MISSING =
            new GateOutcome("share_top1[nope] < 0.5", "share_top1[nope]", Double.NaN, Comparison.LESS, 0.5, false);
    /** 16200.4 rounds to 16200 at five digits, which beside "> 16200" would contradict the failed verdict. */
    private static final GateOutcome CLOSE =
            new GateOutcome("mse > 16200", "mse", 16200.4, Comparison.GREATER, 16200, false);

    @Test
    void theVerdictSaysWhyAGateFailed() {
        assertEquals("mse = 16200 > 200", GateWording.verdict(FAILED, SIX));
        assertEquals("share_top1[nope] = NaN: not computed or undefined, so the gate fails closed",
                GateWording.verdict(MISSING, SIX));
        GateOutcome infinite = new GateOutcome("mse > 1", "mse", Double.POSITIVE_INFINITY, Comparison.GREATER, 1, false);
        assertEquals("mse = inf: not computed or undefined, so the gate fails closed", GateWording.verdict(infinite, SIX));
    }

    @Test
    void aValueIsRoundedUnlessTheRoundingWouldContradictTheVerdict() {
        assertEquals("mse = 16200.4 > 16200", GateWording.verdict(CLOSE, v -> Numbers.human(v, 5)));
        assertEquals("0.916667", GateWording.value(PASSED, SIX));
        assertEquals("0.9166666666666666", GateWording.value(PASSED, Numbers::exact));
    }

    @Test
    void theStderrLineIsTheVerdictWithExactNumbers() {
        assertEquals("gate failed: mse = 16200 > 200", GateWording.failedLine(FAILED));
        assertEquals("gate failed: mse = 16200.4 > 16200", GateWording.failedLine(CLOSE));
        assertEquals("gate failed: share_top1[nope] = NaN: not computed or undefined, so the gate fails closed",
                GateWording.failedLine(MISSING));
    }

    @Test
    void judgedNamesTheGateAndTheValueItJudged() {
        assertEquals("mse > 200 (mse = 16200)", GateWording.judged(FAILED, SIX, UnaryOperator.identity()));
        assertEquals("`mse > 200` (`mse` = 16200)", GateWording.judged(FAILED, SIX, MarkdownPrinter::codeSpan));
        assertEquals("share_top1[nope] < 0.5 (share_top1[nope] = NaN: not computed or undefined, so the gate fails closed)",
                GateWording.judged(MISSING, SIX, UnaryOperator.identity()));
    }

    @Test
    void summaryCountsTheGates() {
        assertEquals("1 gate failed", GateWording.summary(List.of(FAILED)));
        assertEquals("1 gate passed", GateWording.summary(List.of(PASSED)));
        assertEquals("2 of 3 gates failed", GateWording.summary(List.of(FAILED, PASSED, MISSING)));
        assertEquals("All 2 gates passed", GateWording.summary(List.of(PASSED, PASSED)));
    }

    private static Report withGates() {
        return SampleReports.housesFull().withGates(List.of(FAILED, PASSED, MISSING));
    }

    @Test
    void theTableEndsWithTheJudgedGates() {
        String table = GoldenFiles.render(new TablePrinter(6), withGates());
        assertTrue(table.endsWith("""

                2 of 3 gates failed
                FAIL  mse > 200 (mse = 16200)
                PASS  share_top1[mae] > 0.95 (share_top1[mae] = 0.916667)
                FAIL  share_top1[nope] < 0.5 (share_top1[nope] = NaN: not computed or undefined, so the gate fails closed)
                """), table);
    }

    @Test
    void markdownStartsWithTheJudgedGates() {
        String markdown = GoldenFiles.render(new MarkdownPrinter(6), withGates());
        assertTrue(markdown.startsWith("""
                ## losseval

                **❌ 2 of 3 gates failed**

                - ❌ `mse > 200` (`mse` = 16200)
                - ✅ `share_top1[mae] > 0.95` (`share_top1[mae]` = 0.916667)
                - ❌ `share_top1[nope] < 0.5` (`share_top1[nope]` = NaN: not computed or undefined, so the gate fails closed)

                """), markdown);
    }

    @Test
    void junitFailureMessagesAreTheVerdicts() {
        String xml = GoldenFiles.render(new JunitPrinter(6), withGates());
        assertTrue(xml.contains("""
                  <testcase classname="losseval.gates" name="mse &gt; 200" time="0">
                    <failure message="mse = 16200 &gt; 200" type="gate"/>
                  </testcase>
                  <testcase classname="losseval.gates" name="share_top1[mae] &gt; 0.95" time="0"/>
                  <testcase classname="losseval.gates" name="share_top1[nope] &lt; 0.5" time="0">
                    <failure message="share_top1[nope] = NaN: not computed or undefined, so the gate fails closed" type="gate"/>
                  </testcase>
                </testsuite>
                """), xml);
    }
}
