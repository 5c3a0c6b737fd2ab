package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzing of the loss-spec grammar ({@link LossSpecs}): any {@code -l} value is either a usage error
 * ({@link LossSpecException}, with a one-line message) or valid requests, never another exception. A valid
 * request is checked further: its normalized spec (with its label) parses back to the same request, so what
 * the report names a loss can be typed again. Inputs: {@code src/test/resources/org/losseval/loss/LossSpecFuzzTestInputs/}.
 */
public class LossSpecFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void usageErrorOrValidRequest(byte[] bytes) {
        // Bytes as UTF-8 (malformed sequences become U+FFFD), as the JVM decodes a command-line argument.
        String value = new String(bytes, StandardCharsets.UTF_8);
        List<LossRequest> requests;
        try {
            requests = LossSpecs.parse(List.of(value), LossRegistry.builtIn());
        } catch (LossSpecException e) {
            assertOneLine(e.getMessage(), value);
            return;
        }
        List<String> typedAgain = new ArrayList<>();
        for (LossRequest r : requests) typedAgain.add(r.label() == null ? r.loss().spec() : r.label() + "=" + r.loss().spec());
        List<LossRequest> again;
        try {
            again = LossSpecs.parse(typedAgain, LossRegistry.builtIn());
        } catch (LossSpecException e) {
            throw new AssertionError("'" + value + "' was valid, its normal form " + typedAgain + " is not: " + e.getMessage(), e);
        }
        assertEquals(requests.size(), again.size(), value);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(requests.get(i).label(), again.get(i).label(), value);
            assertEquals(requests.get(i).loss().spec(), again.get(i).loss().spec(), value);
        }
    }

    /** A message for stderr: not blank, and no line break other than one echoed from the user's own text. */
    public static void assertOneLine(String message, String typed) {
        boolean typedBreak = typed.indexOf('\n') >= 0 || typed.indexOf('\r') >= 0;
        if (message == null || message.isBlank()
                || (!typedBreak && (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0))) {
            throw new AssertionError("not a one-line message: " + message);
        }
    }
}
