package org.losseval.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the command line and runs it. Usage errors print one line and a hint, never the whole help;
 * an unexpected exception is an internal error (exit 70) with a stack trace only under {@code --debug}.
 */
public final class Cli {
    private static final int STDOUT_BUFFER = 1 << 16;

    private Cli() {}

    /**
     * Runs losseval on the process's streams; returns the exit code. Write errors on {@code stdout} are
     * recorded, so a full disk is exit 3 while a closed pipe stays a quiet success.
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter err) {
        ErrorRecordingStream recorded = new ErrorRecordingStream(stdout);
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(recorded, StandardCharsets.UTF_8), STDOUT_BUFFER));
        return run(args, new CliContext(stdin, out, err, recorded::firstError));
    }

    /** Runs losseval with the given arguments and writers (tests); returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        // Of a writer made by the caller only the error flag is known.
        return run(args, new CliContext(stdin, out, err, () -> out.checkError() ? new IOException("write failed") : null));
    }

    private static int run(String[] args, CliContext context) {
        int code = commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The whole command tree, for running, the man page and shell completion. */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(new CliContext(stdin, out, err, () -> null));
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine top = new CommandLine(new LossevalCommand());
        top.addSubcommand(EvalCommand.commandLine(context));
        top.addSubcommand(new CommandLine(new LossesCommand(context)));
        top.addSubcommand(AdviseCommand.commandLine(context));
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        for (CommandLine command : new CommandLine[] {top, top.getSubcommands().get("eval"), top.getSubcommands().get("advise")}) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        top.setOut(context.out());
        top.setErr(context.err());
        top.setCaseInsensitiveEnumValuesAllowed(true);
        top.setParameterExceptionHandler(Cli::usageError);
        top.setExecutionStrategy(parseResult -> {
            refuseRepeatedOptions(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        top.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Failure failure = Failure.of(e);
            context.err().println("losseval: " + failure.message());
            if (parseResult.originalArgs().contains("--debug")) e.printStackTrace(context.err());
            return ExitCodes.of(failure.outcome());
        });
        return top;
    }

    /**
     * Picocli refuses a single-valued option given twice, but not inside an argument group (where every eval
     * option lives, for the help's sections); this keeps the refusal, in picocli's words.
     */
    private static void refuseRepeatedOptions(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            for (OptionSpec option : result.matchedOptions()) {
                if (option.isMultiValue() || option.originalStringValues().size() <= 1) continue;
                String label = option.arity().max() == 0 ? "" : " (" + option.paramLabel() + ")";
                throw new ParameterException(result.commandSpec().commandLine(),
                        "option '" + option.longestName() + "'" + label + " should be specified only once");
            }
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("losseval: " + e.getMessage());
        CommandSpec spec = command.getCommandSpec();
        err.println("Try '" + spec.qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
