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
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code losseval eval}: the options of an evaluation, by family, each family a section of {@code --help}.
 * Parsing only collects them; {@link #job()} converts them into a plain request and {@link EvalRun} acts.
 *
 * <p>The command and its options are built with picocli's programmatic model (each family's {@code options()} method
 * is the one definition of its options), not from annotations: reading annotations reflectively was about half
 * of a three-row run's main thread (src/bench/README.md, start-up).
 */
final class EvalCommand implements Callable<Integer> {
    /** The order of the help sections. */
    private static final int INPUTS = 1, COLUMNS = 2, LOSSES = 3, CONTRIBUTIONS = 4, COMPARISON = 5, GROUPS = 6,
            GATES = 7, OUTPUT = 8;

    private static final String[] DESCRIPTION = {
        "Evaluates losses of predictions against targets over one or more CSV, TSV or Parquet files "
                + "(evaluated together; each file's own figures are reported too).",
        "",
        "Loss specs are name[:key=value,...], e.g. huber:delta=15, pinball:q=0.9, huber:delta=mad. "
                + "Give -l once per loss, or a comma list: -l mse,huber:delta=2,mae (a token with '=' "
                + "belongs to the loss before it). 'losseval losses' lists every loss and its parameters.",
        "",
        "Row numbers in messages count data rows from 1 (a CSV header is not a row)."
    };

    private final CliContext context;
    /** What runs the request: null for the command line's own reader ({@link org.losseval.app.Evaluator}). */
    private final Evaluation engine;

    EvalCommand(CliContext context, Evaluation engine) {
        this.context = context;
        this.engine = engine;
    }

    final OptionValue<List<String>> inputs = new OptionValue<>(null);
    final InputOptions input = new InputOptions();
    final ColumnOptions columns = new ColumnOptions();
    final LossOptions losses = new LossOptions();
    final ContributionOptions contributions = new ContributionOptions();
    final CompareOptions compare = new CompareOptions();
    final GroupOptions groups = new GroupOptions();
    final PairingOptions pairing = new PairingOptions();
    final GateOptions gates = new GateOptions();
    final OutputOptions output = new OutputOptions();

    /**
     * The command with its options, run by {@code engine} (null: the command line's own); in help sections, or,
     * without {@code sections}, as plain options, which parse the same and faster ({@link CommandSpecs#addFamily}):
     * a run's command line, whose help, when asked for, is printed from one with sections ({@link Cli}).
     */
    static CommandLine commandLine(CliContext context, Evaluation engine, boolean sections) {
        EvalCommand command = new EvalCommand(context, engine);
        CommandSpec spec = CommandSpecs.command(command, "eval", DESCRIPTION);
        if (!sections) {
            // A run's command line prints no help (the whole tree does), and no name, label or default of an option
            // holds a '$' ("${DEFAULT-VALUE}" is in descriptions only): picocli's interpolation of every name as it
            // is added and of every default as it is applied changes nothing there, and was 5-8% of a three-row
            // run's main thread (src/bench/README.md, start-up, fifth round). Set before the options are added.
            spec.interpolateVariables(false);
        }
        spec.addPositional(InputOptions.files(command.inputs));
        // In this order: the comparison's and the baseline files' sections share an order, and picocli keeps
        // the order of addition between them.
        CommandSpecs.addFamily(spec, sections, InputOptions.HEADING, INPUTS, command.input.options());
        CommandSpecs.addFamily(spec, sections, LossOptions.HEADING, LOSSES, command.losses.options());
        CommandSpecs.addFamily(spec, sections, ContributionOptions.HEADING, CONTRIBUTIONS,
                command.contributions.options());
        CommandSpecs.addFamily(spec, sections, CompareOptions.HEADING, COMPARISON, command.compare.options());
        CommandSpecs.addFamily(spec, sections, GroupOptions.HEADING, GROUPS, command.groups.options());
        CommandSpecs.addFamily(spec, sections, PairingOptions.HEADING, COMPARISON, command.pairing.options());
        CommandSpecs.addFamily(spec, sections, GateOptions.HEADING, GATES, command.gates.options());
        CommandSpecs.addFamily(spec, sections, OutputOptions.HEADING, OUTPUT, command.output.options(),
                command.output.rows.options());
        CommandSpecs.addFamily(spec, sections, ColumnOptions.HEADING, COLUMNS, command.columns.options());
        return CommandSpecs.commandLine(spec, sections);
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
            return new EvalJob(new EvalRequest(inputs.value(), columns.roles(), columns.weight(), lossRequests, quantiles,
                    intervals, settings, gateList, input.policy(), delimiter, input.threads(), baseline, pairingRequest,
                    grouping, rows, contributions.exactBudgetBytes()), reportOutput);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    @Override
    public Integer call() {
        return EvalRun.of(context, output.quiet.value(), engine).execute(this::job, output.debug.value());
    }
}
