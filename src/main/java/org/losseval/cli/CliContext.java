package org.losseval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a command may touch of the outside world, passed in by the entry point so tests can substitute
 * every stream.
 *
 * @param stdin       read for the input "-"
 * @param out         results
 * @param err         diagnostics
 * @param stdoutError the first error met writing {@code out} so far, or null: asked after printing, since
 *                    {@code out} itself swallows it
 * @param progress    whether {@code err} is a terminal that can show a progress line ({@link ProgressLine}): decided
 *                    by the entry point, which alone may look at the process's streams and environment
 * @param nanoClock   a monotonic clock in nanoseconds, for the progress line's timing ({@code System::nanoTime};
 *                    tests give a fake one)
 */
record CliContext(InputStream stdin, PrintWriter out, PrintWriter err, Supplier<IOException> stdoutError,
                  boolean progress, LongSupplier nanoClock) {
    /** A context whose {@code err} is not a terminal: no progress line. */
    CliContext(InputStream stdin, PrintWriter out, PrintWriter err, Supplier<IOException> stdoutError) {
        this(stdin, out, err, stdoutError, false, System::nanoTime);
    }
}
