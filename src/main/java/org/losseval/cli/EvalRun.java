package org.losseval.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.losseval.app.BuildInfo;
import org.losseval.app.EvalRequest;
import org.losseval.app.Evaluator;
import org.losseval.app.InvalidPolicy;
import org.losseval.app.InvalidRequestException;
import org.losseval.app.IntervalColumns;
import org.losseval.app.QuantileColumn;
import org.losseval.accumulate.ContributionSettings;
import org.losseval.text.Numbers;
import org.losseval.gate.Gate;
import org.losseval.gate.GateExpression;
import org.losseval.report.GateOutcome;
import org.losseval.gate.GateSyntaxException;
import java.util.ArrayList;
import org.losseval.loss.Role;
import java.util.EnumMap;
import java.util.Map;
import org.losseval.io.InputException;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossRequest;
import org.losseval.loss.LossSpecException;
import org.losseval.loss.LossSpecs;
import org.losseval.report.Report;

/**
 * Carries out {@code losseval eval}: turns the parsed options into a plain {@link EvalRequest} (the
 * remaining usage checks happen here, before any data is read), runs the evaluator, prints the report and
 * maps the outcome to an exit code.
 */
final class EvalRun {
    static final List<String> DEFAULT_LOSSES = List.of("mse", "rmse", "mae");

    private final CliContext context;

    EvalRun(CliContext context) { this.context = context; }

    int execute(EvalCommand options) {
        try {
            EvalRequest request = toRequest(options);
            Report report = new Evaluator(context.stdin(), BuildInfo.version()).evaluate(request);
            print(report, options);
            if (!report.gatesPassed()) {
                for (GateOutcome gate : report.gates()) {
                    if (!gate.passed()) context.err().println("losseval: gate failed: " + describe(gate));
                }
                context.err().flush();
                return ExitCodes.of(ExitCodes.Outcome.GATE_FAILED);
            }
            return ExitCodes.of(ExitCodes.Outcome.SUCCESS);
        } catch (UsageException | LossSpecException | InvalidRequestException e) {
            return fail(ExitCodes.Outcome.USAGE_ERROR, e.getMessage(), e, options.debug);
        } catch (InputException e) {
            return fail(ExitCodes.Outcome.INPUT_ERROR, e.getMessage(), e, options.debug);
        } catch (OutputException e) {
            return fail(ExitCodes.Outcome.INPUT_ERROR, e.getMessage(), e, options.debug);
        } catch (RuntimeException | OutOfMemoryError e) {
            return fail(ExitCodes.Outcome.INTERNAL_ERROR, "internal error: " + e, e, options.debug);
        }
    }

    static EvalRequest toRequest(EvalCommand options) throws UsageException, LossSpecException {
        List<String> quantileTexts = options.quantiles == null ? List.of() : options.quantiles;
        List<String> intervalTexts = options.intervals == null ? List.of() : options.intervals;
        boolean onlyQuantiles = !quantileTexts.isEmpty() || !intervalTexts.isEmpty();
        List<String> specs = options.losses != null && !options.losses.isEmpty() ? options.losses
                : onlyQuantiles ? List.of() : DEFAULT_LOSSES;
        List<LossRequest> losses = LossSpecs.parse(specs, LossRegistry.builtIn());
        if (options.precision != null && (options.precision < 1 || options.precision > 17)) {
            throw new UsageException("--precision must be between 1 and 17, got " + options.precision);
        }
        if (options.inputs.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("stdin ('-') can be read only once");
        }
        InvalidPolicy policy = options.skipInvalid ? InvalidPolicy.SKIP : InvalidPolicy.FAIL;
        Map<Role, String> roles = options.roles();
        List<QuantileColumn> quantiles = new ArrayList<>();
        for (String text : quantileTexts) quantiles.add(ColumnSpecs.quantile(text));
        List<IntervalColumns> intervals = new ArrayList<>();
        for (String text : intervalTexts) intervals.add(ColumnSpecs.interval(text));
        List<Gate> gates = new ArrayList<>();
        for (String text : options.gates == null ? List.<String>of() : options.gates) {
            try {
                gates.add(GateExpression.parse(text));
            } catch (GateSyntaxException e) {
                throw new UsageException("--fail-if '" + text + "': " + e.getMessage());
            }
        }
        EvalRequest request = new EvalRequest(options.inputs, roles, options.weight, losses, quantiles, intervals,
                contributionSettings(options), gates, policy, delimiter(options.delimiter), threads(options.threads));
        return request;
    }

    static ContributionSettings contributionSettings(EvalCommand options) throws UsageException {
        if (options.noContrib) return null;
        if (options.top < 1) throw new UsageException("--top must be at least 1, got " + options.top);
        if (options.worst < 0) throw new UsageException("--worst must not be negative, got " + options.worst);
        for (double f : options.topFractions) {
            if (!(f > 0 && f <= 1)) throw new UsageException("--top-fraction must be in (0, 1], got " + f);
        }
        if (!(options.outlierFactor > 0) || Double.isInfinite(options.outlierFactor)) {
            throw new UsageException("--outlier-factor must be a positive number, got " + options.outlierFactor);
        }
        if (options.exactBudgetMib < 0 || options.exactBudgetMib > (Long.MAX_VALUE >> 20)) {
            throw new UsageException("--exact-budget must be a number of MiB >= 0, got " + options.exactBudgetMib);
        }
        return new ContributionSettings(options.top, options.topFractions, options.worst, options.outlierFactor,
                options.exactBudgetMib << 20);
    }

    static int threads(Integer requested) throws UsageException {
        if (requested == null) return Math.min(2, Runtime.getRuntime().availableProcessors());
        if (requested < 1) throw new UsageException("--threads must be at least 1, got " + requested);
        return requested;
    }

    static Character delimiter(String text) throws UsageException {
        if (text == null) return null;
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) return '\t';
        if (text.length() == 1 && text.charAt(0) != '"' && text.charAt(0) != '\n' && text.charAt(0) != '\r') {
            return text.charAt(0);
        }
        throw new UsageException("--delimiter must be one character (not a quote or line break) or 'tab', got '" + text + "'");
    }

    private void print(Report report, EvalCommand options) throws OutputException {
        if (options.output == null) {
            // A closed pipe (losseval ... | head -1) is not an error: PrintWriter swallows it, and we exit 0.
            options.format.printer(options.precision).print(report, context.out());
            context.out().flush();
            return;
        }
        try (Writer file = new OutputStreamWriter(Files.newOutputStream(options.output), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(file)) {
            options.format.printer(options.precision).print(report, out);
            out.flush();
            if (out.checkError()) throw new IOException("write failed");
        } catch (IOException e) {
            throw new OutputException("cannot write '" + options.output + "': " + describe(e), e);
        }
    }

    /** "mse = 212.4 > 200", or "mse is not available (NaN) > 200" for a figure that fails closed. */
    static String describe(GateOutcome gate) {
        String threshold = Numbers.exact(gate.threshold());
        String op = gate.comparison().symbol();
        if (!Double.isFinite(gate.value())) {
            return gate.figure() + " = " + Numbers.exact(gate.value()) + " (not available, so the gate fails) " + op + " " + threshold;
        }
        return gate.figure() + " = " + Numbers.exact(gate.value()) + " " + op + " " + threshold;
    }

    private int fail(ExitCodes.Outcome outcome, String message, Throwable cause, boolean debug) {
        context.err().println("losseval: " + message);
        if (debug) cause.printStackTrace(context.err());
        context.err().flush();
        return ExitCodes.of(outcome);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The report could not be written to the output file. */
    static final class OutputException extends Exception {
        OutputException(String message, Throwable cause) { super(message, cause); }
    }
}
