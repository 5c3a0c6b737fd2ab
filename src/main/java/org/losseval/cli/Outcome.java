package org.losseval.cli;

import java.io.IOException;
import org.losseval.app.DataException;
import org.losseval.app.InvalidRequestException;
import org.losseval.app.OutputException;
import org.losseval.loss.LossSpecException;
import org.losseval.report.Report;

/**
 * How a run ended, derived by pure functions from what it produced or threw; {@link ExitCodes#of} turns it
 * into the exit code.
 */
public enum Outcome {
    SUCCESS, GATE_FAILED, USAGE_ERROR, INPUT_ERROR, OUTPUT_ERROR, OUT_OF_MEMORY, INTERNAL_ERROR;

    /**
     * A report was written: its gates decide, unless writing it to stdout failed. A closed pipe
     * ({@code losseval ... | head -1}) is not a failure: the reader has all it wanted.
     *
     * @param gatesPassed {@link Report#gatesPassed()} of the report
     * @param stdoutError the first error writing stdout, or null (also null when the report went to a file)
     */
    static Outcome of(boolean gatesPassed, IOException stdoutError) {
        Outcome written = of(stdoutError);
        if (written != SUCCESS) return written;
        return gatesPassed ? SUCCESS : GATE_FAILED;
    }

    /** Output was written to stdout: success, or an output error unless the error is a closed pipe. */
    static Outcome of(IOException stdoutError) {
        return stdoutError == null || isClosedPipe(stdoutError) ? SUCCESS : OUTPUT_ERROR;
    }

    /** What a failure thrown by the conversion, the evaluation or the printing means. */
    static Outcome of(Throwable failure) {
        if (failure instanceof UsageException || failure instanceof LossSpecException
                || failure instanceof InvalidRequestException) {
            return USAGE_ERROR;
        }
        if (failure instanceof DataException) return INPUT_ERROR;
        if (failure instanceof ReportFile.WriteException || failure instanceof OutputException) return OUTPUT_ERROR;
        // A big input is not a bug: the user can give the JVM more memory or ask for less.
        if (failure instanceof OutOfMemoryError) return OUT_OF_MEMORY;
        return INTERNAL_ERROR;
    }

    /**
     * Whether a write failed because the reading end of a pipe was closed (EPIPE). The JVM ignores SIGPIPE, so
     * the write returns the error, which the JDK reports by its strerror text on Linux and macOS.
     */
    static boolean isClosedPipe(IOException e) {
        String message = e.getMessage();
        return message != null && message.startsWith("Broken pipe");
    }
}
