package org.losseval.cli;

import java.io.IOException;

/**
 * A run that ended with an exception: its outcome and the one line that says what happened (printed after
 * "losseval: "). A pure function of the exception, so every mapping is unit-tested.
 *
 * @param outcome what the failure means for the exit code
 * @param message one line for stderr, without the "losseval: " prefix
 */
record Failure(Outcome outcome, String message) {
    /** What to change when the heap runs out, for the launcher's users (bin/losseval reads LOSSEVAL_JAVA_OPTS). */
    static final String OUT_OF_MEMORY_ADVICE = "give Java more memory (e.g. LOSSEVAL_JAVA_OPTS=-Xmx8g), lower "
            + "--exact-budget, or leave out the contribution figures with --no-contrib";

    static Failure of(Throwable failure) {
        Outcome outcome = Outcome.of(failure);
        String message = switch (outcome) {
            case OUT_OF_MEMORY -> "out of memory" + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                    + ": " + OUT_OF_MEMORY_ADVICE;
            // A bug: its class and message are what a report needs; --debug adds the stack trace.
            case INTERNAL_ERROR -> "internal error: " + failure;
            default -> failure.getMessage();
        };
        return new Failure(outcome, message);
    }

    /** A write to stdout that failed, other than a closed pipe: "cannot write the report to stdout: No space left on device". */
    static Failure ofStdout(String what, IOException e) {
        return new Failure(Outcome.OUTPUT_ERROR, "cannot write " + what + " to stdout: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
