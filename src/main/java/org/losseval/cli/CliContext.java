package org.losseval.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What a command may touch of the outside world, passed in by the entry point so tests can substitute
 * every stream.
 *
 * @param stdin read for the input "-"
 * @param out   results
 * @param err   diagnostics
 */
record CliContext(InputStream stdin, PrintWriter out, PrintWriter err) {}
