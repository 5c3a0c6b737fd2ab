/**
 * The command line: the only package that imports picocli. Options become a plain
 * {@link org.losseval.app.EvalRequest}; commands delegate to the evaluator, pick a printer, and map the
 * outcome to an exit code with a pure function ({@link org.losseval.cli.ExitCodes}).
 */
package org.losseval.cli;
