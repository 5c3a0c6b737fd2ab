package org.losseval.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.app.BaselineRequest;
import org.losseval.app.EvalRequest;
import org.losseval.app.Evaluation;
import org.losseval.app.GroupingRequest;
import org.losseval.app.PairedColumns;
import org.losseval.app.PairingRequest;
import org.losseval.app.RowsOutRequest;
import org.losseval.app.IntervalColumns;
import org.losseval.app.QuantileColumn;
import org.losseval.gate.Gate;
import org.losseval.loss.LossRequest;
import org.losseval.loss.LossSpecException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code losseval eval}: the options of an evaluation, by family, each family a section of {@code --help}.
 * Parsing only collects them; {@link #job()} converts them into a plain request and {@link EvalRun} acts.
 */
@Command(name = "eval",
        // No @Command methods here: without this picocli looks for them among all methods at every start.
        addMethodSubcommands = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Evaluates losses of predictions against targets over one or more CSV, TSV or Parquet files "
                    + "(evaluated together; each file's own figures are reported too).",
            "",
            "Loss specs are name[:key=value,...], e.g. huber:delta=15, pinball:q=0.9, huber:delta=mad. "
                    + "Give -l once per loss, or a comma list: -l mse,huber:delta=2,mae (a token with '=' "
                    + "belongs to the loss before it). 'losseval losses' lists every loss and its parameters.",
            "",
            "Row numbers in messages count data rows from 1 (a CSV header is not a row)."
        })
final class EvalCommand implements Callable<Integer> {
    /** The order of the help sections; the column roles are added by {@link #commandLine}. */
    private static final int INPUTS = 1, COLUMNS = 2, LOSSES = 3, CONTRIBUTIONS = 4, COMPARISON = 5, GROUPS = 6,
            GATES = 7, OUTPUT = 8;

    private final CliContext context;
    /** What runs the request: null for the command line's own reader ({@link org.losseval.app.Evaluator}). */
    private final Evaluation engine;

    EvalCommand(CliContext context, Evaluation engine) {
        this.context = context;
        this.engine = engine;
    }

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files: CSV or TSV (optionally .gz) with a header row, or Parquet. '-' reads stdin.")
    List<String> inputs;

    @ArgGroup(validate = false, exclusive = false, heading = InputOptions.HEADING, order = INPUTS)
    InputOptions input = new InputOptions();

    final ColumnOptions columns = new ColumnOptions();

    @ArgGroup(validate = false, exclusive = false, heading = LossOptions.HEADING, order = LOSSES)
    LossOptions losses = new LossOptions();

    @ArgGroup(validate = false, exclusive = false, heading = ContributionOptions.HEADING, order = CONTRIBUTIONS)
    ContributionOptions contributions = new ContributionOptions();

    @ArgGroup(validate = false, exclusive = false, heading = CompareOptions.HEADING, order = COMPARISON)
    CompareOptions compare = new CompareOptions();

    @ArgGroup(validate = false, exclusive = false, heading = GroupOptions.HEADING, order = GROUPS)
    GroupOptions groups = new GroupOptions();

    /** Its own help section, after the comparison's. */
    @ArgGroup(validate = false, exclusive = false, heading = PairingOptions.HEADING, order = COMPARISON)
    PairingOptions pairing = new PairingOptions();

    @ArgGroup(validate = false, exclusive = false, heading = GateOptions.HEADING, order = GATES)
    GateOptions gates = new GateOptions();

    @ArgGroup(validate = false, exclusive = false, heading = OutputOptions.HEADING, order = OUTPUT)
    OutputOptions output = new OutputOptions();

    /** The command with its generated role options. */
    static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /** The command with its generated role options, run by {@code engine} (null: the command line's own). */
    static CommandLine commandLine(CliContext context, Evaluation engine) {
        EvalCommand command = new EvalCommand(context, engine);
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().addArgGroup(command.columns.group(COLUMNS));
        return commandLine;
    }

    /**
     * The options as a plain request and destination, before any data is read. The rules live in what the
     * values become (EvalRequest, ContributionSettings, the printer, the spec parsers); a refusal is a usage error.
     */
    EvalJob job() throws UsageException, LossSpecException {
        List<LossRequest> lossRequests = losses.losses();
        List<QuantileColumn> quantiles = losses.quantiles();
        List<IntervalColumns> intervals = losses.intervals();
        ContributionSettings settings = contributions.settings();
        List<Gate> gateList = gates.gates();
        Character delimiter = input.delimiter();
        ReportOutput reportOutput = output.output();
        PairingRequest pairingRequest = pairing.pairing();
        BaselineRequest baseline = compare.baseline(pairingRequest != null);
        if (baseline != null && baseline.shares() && settings == null) {
            throw new UsageException("--compare-shares compares contribution figures: leave out --no-contrib");
        }
        if (pairingRequest != null) {
            // The baseline's columns are its files': named as the paired batches hold them.
            baseline = PairedColumns.forBaselineFiles(baseline, columns.roles(), quantiles, intervals);
        }
        GroupingRequest grouping = groups.grouping();
        RowsOutRequest rows = output.rows.rowsOut();
        // Both are renamed over their file at the end: the report would silently replace the rows.
        if (rows != null && reportOutput.file() != null
                && rows.path().toAbsolutePath().normalize().equals(reportOutput.file().toAbsolutePath().normalize())) {
            throw new UsageException("--rows-out and -o name the same file '" + rows.path() + "'");
        }
        try {
            return new EvalJob(new EvalRequest(inputs, columns.roles(), columns.weight(), lossRequests, quantiles, intervals,
                    settings, gateList, input.policy(), delimiter, input.threads(), baseline, pairingRequest, grouping,
                    rows, contributions.exactBudgetBytes()), reportOutput);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    @Override
    public Integer call() {
        return EvalRun.of(context, output.quiet, engine).execute(this::job, output.debug);
    }
}
