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
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code losseval advise}: which of the seed's five losses the data calls for, and why. Parsing only
 * collects the options; {@link #request()} converts them and {@link Advisor} decides. Built with picocli's
 * programmatic model, as {@code eval} is ({@link CommandSpecs}).
 */
final class AdviseCommand implements Callable<Integer> {
    private static final int INPUTS = 1, COLUMNS = 2, RULES = 3;

    private static final String[] DESCRIPTION = {
        "Reads the data once and says which loss fits it, and why, from the data: for a regression (-p and -t) "
                + "a Gaussian against a Laplace fit of the residuals, their tail weight and robust outliers "
                + "(-> mse, mae or huber with a suggested delta); for a classification (-t with --logits, "
                + "--probs, or -p probabilities and --classification) the class balance, the calibration "
                + "and whether logits were given (-> cross-entropy or focal).",
        "",
        "Every statement shows the figure it rests on; --format json gives the same as data."
    };

    private final CliContext context;

    AdviseCommand(CliContext context) { this.context = context; }

    final OptionValue<List<String>> inputs = new OptionValue<>(null);
    final InputOptions input = new InputOptions();
    final ColumnOptions columns = new ColumnOptions();
    final RuleOptions rules = new RuleOptions();

    /** The thresholds of the rules, with their defaults from {@link AdviceSettings}. */
    static final class RuleOptions {
        static final String HEADING = "%nRules and output:%n";

        final OptionValue<Boolean> classification = new OptionValue<>(false);
        final OptionValue<Double> outlierFactor = new OptionValue<>(0.0);
        final OptionValue<Double> outlierMseShare = new OptionValue<>(0.0);
        final OptionValue<Double> heavyTailKurtosis = new OptionValue<>(0.0);
        final OptionValue<Double> rareClassShare = new OptionValue<>(0.0);
        final OptionValue<Double> calibrationEce = new OptionValue<>(0.0);
        final OptionValue<String> format = new OptionValue<>(null);
        final OptionValue<Boolean> debug = new OptionValue<>(false);

        /** The options, in the order of the help. */
        List<OptionSpec> options() {
            return List.of(
                    ArgBinding.option(boolean.class, classification, "--classification")
                            .description("-p holds probabilities of class 1 (0/1 labels in -t), not regression "
                                    + "predictions. Implied by --logits and --probs.")
                            .build(),
                    ArgBinding.option(double.class, outlierFactor, "--outlier-factor")
                            .paramLabel("X").defaultValue("3")
                            .description("A residual is a robust outlier when |r - median(r)| > X * 1.4826 * MAD. "
                                    + "Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(double.class, outlierMseShare, "--outlier-mse-share")
                            .paramLabel("S").defaultValue("0.6")
                            .description("Huber when the robust outliers hold more than this share of the squared error. "
                                    + "Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(double.class, heavyTailKurtosis, "--heavy-tail-kurtosis")
                            .paramLabel("K").defaultValue("6")
                            .description("When Laplace fits better: Huber rather than MAE above this excess kurtosis "
                                    + "(Laplace's is 3). Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(double.class, rareClassShare, "--rare-class-share")
                            .paramLabel("S").defaultValue("0.05")
                            .description("Focal loss when the rarest class has a smaller share of the rows. "
                                    + "Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(double.class, calibrationEce, "--calibration-ece")
                            .paramLabel("E").defaultValue("0.05")
                            .description("A calibration note when the top-label ECE (15 bins) is above this. "
                                    + "Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(String.class, format, "--format")
                            .paramLabel("FORMAT").defaultValue("table")
                            .description("table or json. Default: ${DEFAULT-VALUE}.")
                            .build(),
                    ArgBinding.option(boolean.class, debug, "--debug")
                            .description("Show stack traces of errors.")
                            .build());
        }
    }

    static CommandLine commandLine(CliContext context) {
        AdviseCommand command = new AdviseCommand(context);
        CommandSpec spec = CommandSpecs.command(command, "advise", DESCRIPTION);
        spec.addPositional(InputOptions.files(command.inputs));
        // The order of the annotated fields it replaces: inputs, rules, then the generated column roles. Always in
        // help sections: advise is not what the start-up work measures.
        CommandSpecs.addFamily(spec, true, InputOptions.HEADING, INPUTS, command.input.options());
        CommandSpecs.addFamily(spec, true, RuleOptions.HEADING, RULES, command.rules.options());
        CommandSpecs.addFamily(spec, true, ColumnOptions.HEADING, COLUMNS, command.columns.options());
        return CommandSpecs.commandLine(spec);
    }

    AdviceRequest request() throws UsageException {
        if (columns.weight() != null) throw new UsageException("advise reads no sample weights: leave out --weight");
        if (input.threads.value() != null) throw new UsageException("advise reads on one thread: leave out --threads");
        if (!rules.format.value().equals("table") && !rules.format.value().equals("json")) {
            throw new UsageException("advise --format must be table or json, got '" + rules.format.value() + "'");
        }
        try {
            AdviceSettings settings = new AdviceSettings(rules.outlierFactor.value(), rules.outlierMseShare.value(),
                    rules.heavyTailKurtosis.value(),
                    rules.rareClassShare.value(), rules.calibrationEce.value());
            return new AdviceRequest(inputs.value(), columns.roles(), rules.classification.value(), settings,
                    input.policy(), input.delimiter());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = context.err();
        try {
            Advice advice = new Advisor(context.stdin(), BuildInfo.version()).advise(request());
            if (rules.format.value().equals("json")) AdvicePrinter.json(advice, context.out());
            else AdvicePrinter.text(advice, context.out());
            Outcome outcome = Outcome.of(context.stdoutError().get());
            if (outcome != Outcome.SUCCESS) {
                err.println("losseval: " + Failure.ofStdout("the advice", context.stdoutError().get()).message());
            }
            return ExitCodes.of(outcome);
        } catch (Exception | Error e) {
            Failure failure = Failure.of(e);
            err.println("losseval: " + failure.message());
            if (rules.debug.value()) e.printStackTrace(err);
            return ExitCodes.of(failure.outcome());
        } finally {
            err.flush();
        }
    }
}
