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
import org.losseval.io.InputException;
import org.losseval.kernel.Kernels;
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
            Report report = new Evaluator(context.stdin(), Kernels.regression(), BuildInfo.version()).evaluate(request);
            print(report, options);
            return ExitCodes.of(ExitCodes.Outcome.SUCCESS);
        } catch (UsageException | LossSpecException e) {
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
        List<String> specs = options.losses == null || options.losses.isEmpty() ? DEFAULT_LOSSES : options.losses;
        List<LossRequest> losses = LossSpecs.parse(specs, LossRegistry.builtIn());
        if (options.precision != null && (options.precision < 1 || options.precision > 17)) {
            throw new UsageException("--precision must be between 1 and 17, got " + options.precision);
        }
        if (options.inputs.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("stdin ('-') can be read only once");
        }
        InvalidPolicy policy = options.skipInvalid ? InvalidPolicy.SKIP : InvalidPolicy.FAIL;
        return new EvalRequest(options.inputs, options.pred, options.target, options.weight, losses, policy,
                delimiter(options.delimiter));
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
