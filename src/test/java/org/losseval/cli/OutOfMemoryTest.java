package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Running out of memory is not a bug in losseval but a run bigger than its heap: exit 3 and what to change,
 * never exit 70 "internal error". The evaluator is replaced by one that throws, as a huge input would.
 */
class OutOfMemoryTest {
    private record Run(int exitCode, String out, String err) {}

    private static Run run(boolean debug, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err), () -> null);
        EvalJob job = ParsedEval.of(args);
        int code = new EvalRun(context, request -> { throw new OutOfMemoryError("Java heap space"); })
                .execute(() -> job, debug);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void outOfMemoryIsExitThreeWithWhatToChange() throws Exception {
        Run run = run(false, "a.csv", "-p", "pred", "-t", "target");
        assertEquals("losseval: out of memory (Java heap space): give Java more memory (e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g), "
                + "lower --exact-budget, or leave out the contribution figures with --no-contrib\n", run.err());
        assertEquals(3, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Run run = run(true, "a.csv", "-p", "pred", "-t", "target");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().startsWith("losseval: out of memory (Java heap space): "), run.err());
        assertTrue(run.err().contains("\njava.lang.OutOfMemoryError: Java heap space\n\tat "), run.err());
    }
}
