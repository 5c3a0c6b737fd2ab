package org.losseval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
 */
record CliContext(InputStream stdin, PrintWriter out, PrintWriter err, Supplier<IOException> stdoutError) {}
