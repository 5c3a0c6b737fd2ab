package org.losseval.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.losseval.app.AdviceRequest;
import org.losseval.app.Advisor;
import org.losseval.app.BuildInfo;
import org.losseval.format.AdvicePrinter;
import org.losseval.report.Advice;
import org.losseval.report.AdviceSettings;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code losseval advise}: which of the seed's five losses the data calls for, and why. Parsing only
 * collects the options; {@link #request()} converts them and {@link Advisor} decides.
 */
@Command(name = "advise",
        // No @Command methods here: without this picocli looks for them among all methods at every start.
        addMethodSubcommands = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reads the data once and says which loss fits it, and why, from the data: for a regression (-p and -t) "
                    + "a Gaussian against a Laplace fit of the residuals, their tail weight and robust outliers "
                    + "(-> mse, mae or huber with a suggested delta); for a classification (-t with --logits, "
                    + "--probs, or -p probabilities and --classification) the class balance, the calibration "
                    + "and whether logits were given (-> cross-entropy or focal).",
            "",
            "Every statement shows the figure it rests on; --format json gives the same as data."
        })
final class AdviseCommand implements Callable<Integer> {
    private static final int INPUTS = 1, COLUMNS = 2, RULES = 3;

    private final CliContext context;

    AdviseCommand(CliContext context) { this.context = context; }

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files: CSV or TSV (optionally .gz) with a header row, or Parquet. '-' reads stdin.")
    List<String> inputs;

    @ArgGroup(validate = false, exclusive = false, heading = InputOptions.HEADING, order = INPUTS)
    InputOptions input = new InputOptions();

    final ColumnOptions columns = new ColumnOptions();

    /** The thresholds of the rules, with their defaults from {@link AdviceSettings}. */
    static final class RuleOptions {
        @Option(names = "--classification",
                description = "-p holds probabilities of class 1 (0/1 labels in -t), not regression predictions. "
                        + "Implied by --logits and --probs.")
        boolean classification;

        @Option(names = "--outlier-factor", paramLabel = "X", defaultValue = "3",
                description = "A residual is a robust outlier when |r - median(r)| > X * 1.4826 * MAD. Default: ${DEFAULT-VALUE}.")
        double outlierFactor;

        @Option(names = "--outlier-mse-share", paramLabel = "S", defaultValue = "0.6",
                description = "Huber when the robust outliers hold more than this share of the squared error. "
                        + "Default: ${DEFAULT-VALUE}.")
        double outlierMseShare;

        @Option(names = "--heavy-tail-kurtosis", paramLabel = "K", defaultValue = "6",
                description = "When Laplace fits better: Huber rather than MAE above this excess kurtosis (Laplace's is 3). "
                        + "Default: ${DEFAULT-VALUE}.")
        double heavyTailKurtosis;

        @Option(names = "--rare-class-share", paramLabel = "S", defaultValue = "0.05",
                description = "Focal loss when the rarest class has a smaller share of the rows. Default: ${DEFAULT-VALUE}.")
        double rareClassShare;

        @Option(names = "--calibration-ece", paramLabel = "E", defaultValue = "0.05",
                description = "A calibration note when the top-label ECE (15 bins) is above this. Default: ${DEFAULT-VALUE}.")
        double calibrationEce;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table or json. Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--debug", description = "Show stack traces of errors.")
        boolean debug;
    }

    @ArgGroup(validate = false, exclusive = false, heading = "%nRules and output:%n", order = RULES)
    RuleOptions rules = new RuleOptions();

    static CommandLine commandLine(CliContext context) {
        AdviseCommand command = new AdviseCommand(context);
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().addArgGroup(command.columns.group(COLUMNS));
        return commandLine;
    }

    AdviceRequest request() throws UsageException {
        if (columns.weight() != null) throw new UsageException("advise reads no sample weights: leave out --weight");
        if (input.threads != null) throw new UsageException("advise reads on one thread: leave out --threads");
        if (!rules.format.equals("table") && !rules.format.equals("json")) {
            throw new UsageException("advise --format must be table or json, got '" + rules.format + "'");
        }
        try {
            AdviceSettings settings = new AdviceSettings(rules.outlierFactor, rules.outlierMseShare, rules.heavyTailKurtosis,
                    rules.rareClassShare, rules.calibrationEce);
            return new AdviceRequest(inputs, columns.roles(), rules.classification, settings, input.policy(), input.delimiter());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = context.err();
        try {
            Advice advice = new Advisor(context.stdin(), BuildInfo.version()).advise(request());
            if (rules.format.equals("json")) AdvicePrinter.json(advice, context.out());
            else AdvicePrinter.text(advice, context.out());
            Outcome outcome = Outcome.of(context.stdoutError().get());
            if (outcome != Outcome.SUCCESS) {
                err.println("losseval: " + Failure.ofStdout("the advice", context.stdoutError().get()).message());
            }
            return ExitCodes.of(outcome);
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e);
            err.println("losseval: " + failure.message());
            if (rules.debug) e.printStackTrace(err);
            return ExitCodes.of(failure.outcome());
        } finally {
            err.flush();
        }
    }
}
