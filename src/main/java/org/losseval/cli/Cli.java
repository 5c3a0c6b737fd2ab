package org.losseval.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command line and runs it. Usage errors print one line and a hint, never the whole help;
 * an unexpected exception is an internal error (exit 70) with a stack trace only under {@code --debug}.
 */
public final class Cli {
    private Cli() {}

    /** Runs losseval with the given arguments and streams; returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(new CliContext(stdin, out, err));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, for running, the man page and shell completion. */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(new CliContext(stdin, out, err));
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine top = new CommandLine(new LossevalCommand());
        top.addSubcommand(new CommandLine(new EvalCommand(context)));
        top.addSubcommand(new CommandLine(new LossesCommand(context)));
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        for (CommandLine command : new CommandLine[] {top, top.getSubcommands().get("eval")}) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        top.setOut(context.out());
        top.setErr(context.err());
        top.setCaseInsensitiveEnumValuesAllowed(true);
        top.setParameterExceptionHandler(Cli::usageError);
        top.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            context.err().println("losseval: internal error: " + e);
            if (parseResult.originalArgs().contains("--debug")) e.printStackTrace(context.err());
            return ExitCodes.INTERNAL;
        });
        return top;
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
