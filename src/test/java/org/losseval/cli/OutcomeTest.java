package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.app.InvalidRequestException;
import org.losseval.loss.LossSpecException;

/** The exit code as a pure function: what a run produced or threw, to an outcome, to a code and a message. */
class OutcomeTest {
    private static final IOException FULL = new IOException("No space left on device");
    private static final IOException PIPE = new IOException("Broken pipe");

    @Test
    void everyOutcomeHasItsDocumentedCode() {
        Map<Outcome, Integer> codes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) codes.put(outcome, ExitCodes.of(outcome));
        assertEquals(Map.of(Outcome.SUCCESS, 0, Outcome.GATE_FAILED, 1, Outcome.USAGE_ERROR, 2, Outcome.INPUT_ERROR, 3,
                Outcome.OUTPUT_ERROR, 3, Outcome.OUT_OF_MEMORY, 3, Outcome.INTERNAL_ERROR, 70), codes);
    }

    @Test
    void aWrittenReportIsJudgedByItsGatesUnlessStdoutFailed() {
        assertEquals(Outcome.SUCCESS, Outcome.of(true, null));
        assertEquals(Outcome.GATE_FAILED, Outcome.of(false, null));
        assertEquals(Outcome.OUTPUT_ERROR, Outcome.of(true, FULL));
        assertEquals(Outcome.OUTPUT_ERROR, Outcome.of(false, FULL), "the report did not arrive: that outranks the gates");
    }

    @Test
    void aClosedPipeIsNotAFailure() {
        assertEquals(Outcome.SUCCESS, Outcome.of(true, PIPE));
        assertEquals(Outcome.GATE_FAILED, Outcome.of(false, PIPE));
        assertEquals(Outcome.SUCCESS, Outcome.of(new IOException("Broken pipe (Write failed)")), "JDK 8-11 wording");
        assertEquals(Outcome.OUTPUT_ERROR, Outcome.of(new IOException((String) null)));
    }

    @Test
    void eachFailureHasItsOutcomeAndOneLine() {
        assertEquals(new Failure(Outcome.USAGE_ERROR, "--top must be at least 1, got 0"),
                Failure.of(new UsageException("--top must be at least 1, got 0")));
        assertEquals(new Failure(Outcome.USAGE_ERROR, "unknown loss 'hubr'"), Failure.of(new LossSpecException("unknown loss 'hubr'")));
        assertEquals(new Failure(Outcome.USAGE_ERROR, "mae needs --pred and --target"),
                Failure.of(new InvalidRequestException("mae needs --pred and --target")));
        assertEquals(new Failure(Outcome.OUTPUT_ERROR, "cannot write 'r.json': permission denied"),
                Failure.of(new ReportFile.WriteException("cannot write 'r.json': permission denied", FULL)));
        assertEquals(new Failure(Outcome.INTERNAL_ERROR, "internal error: java.lang.IllegalStateException: oops"),
                Failure.of(new IllegalStateException("oops")));
        assertEquals(new Failure(Outcome.INTERNAL_ERROR, "internal error: java.io.UncheckedIOException: disk"),
                Failure.of(new UncheckedIOException("disk", FULL)));
        assertEquals(new Failure(Outcome.INTERNAL_ERROR, "internal error: java.lang.StackOverflowError"),
                Failure.of(new StackOverflowError()));
    }

    @Test
    void outOfMemoryIsNeverAnInternalErrorAndSaysWhatToChange() {
        Failure failure = Failure.of(new OutOfMemoryError("Java heap space"));
        assertEquals(Outcome.OUT_OF_MEMORY, failure.outcome());
        assertEquals(3, ExitCodes.of(failure.outcome()));
        assertEquals("out of memory (Java heap space): give Java more memory (e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g), lower "
                + "--exact-budget, or leave out the contribution figures with --no-contrib", failure.message());
        assertEquals("out of memory: give Java more memory (e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g), lower --exact-budget, or "
                + "leave out the contribution figures with --no-contrib", Failure.of(new OutOfMemoryError()).message());
    }

    @Test
    void aFailedWriteToStdoutSaysWhatAndWhy() {
        assertEquals(new Failure(Outcome.OUTPUT_ERROR, "cannot write the report to stdout: No space left on device"),
                Failure.ofStdout("the report", FULL));
    }
}
