package org.losseval.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.losseval.loss.LossSpecFuzzTest;

/**
 * Fuzzing of the gate grammar ({@link GateExpression}): any {@code --fail-if} text is either a usage error
 * ({@link GateSyntaxException}, with a one-line message) or a gate with a finite threshold, never another
 * exception; a gate's canonical form ({@link Gate#expression()}, what reports print) parses back to the same
 * gate. Inputs: {@code src/test/resources/org/losseval/gate/GateExpressionFuzzTestInputs/}.
 */
class GateExpressionFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void usageErrorOrValidGate(byte[] bytes) {
        // Bytes as UTF-8 (malformed sequences become U+FFFD), as the JVM decodes a command-line argument.
        String text = new String(bytes, StandardCharsets.UTF_8);
        Gate gate;
        try {
            gate = GateExpression.parse(text);
        } catch (GateSyntaxException e) {
            LossSpecFuzzTest.assertOneLine(e.getMessage(), text);
            return;
        }
        if (!Double.isFinite(gate.threshold())) throw new AssertionError(text + ": threshold " + gate.threshold());
        if (gate.figure().isEmpty() || gate.comparison() == null) throw new AssertionError(text + ": " + gate);
        Gate again;
        try {
            again = GateExpression.parse(gate.expression());
        } catch (GateSyntaxException e) {
            throw new AssertionError("'" + text + "' was valid, its canonical form '" + gate.expression()
                    + "' is not: " + e.getMessage(), e);
        }
        assertEquals(gate, again, text);
    }
}
