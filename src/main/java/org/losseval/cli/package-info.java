/**
 * The command line: the only package that imports picocli, and it imports neither {@code io} nor
 * {@code kernel} (it talks to {@code app}). {@link org.losseval.cli.EvalCommand} gathers the options of
 * {@code losseval eval} in one class per family, each a headed section of {@code --help} and the man page
 * ({@code InputOptions}, {@code ColumnOptions} built from the {@link org.losseval.loss.Role} table,
 * {@code LossOptions}, {@code ContributionOptions}, {@code GateOptions}, {@code OutputOptions}); its
 * {@code call()} converts them into a plain {@link org.losseval.app.EvalRequest} and hands it to
 * {@code EvalRun}, which evaluates, writes the report and maps what happened to an exit code with pure
 * functions ({@link org.losseval.cli.Outcome}, {@code Failure}, {@link org.losseval.cli.ExitCodes}).
 * Range rules live in the value records the options become (their messages name the options); this
 * package only turns a refusal into a usage error. Gates are worded by {@link org.losseval.format.GateWording}.
 */
package org.losseval.cli;
