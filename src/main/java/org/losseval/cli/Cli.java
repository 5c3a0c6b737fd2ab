package org.losseval.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.losseval.app.EvalRequest;
import org.losseval.app.Evaluation;
import org.losseval.loss.LossSpecException;
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

    /**
     * The subcommands, by name, in the order of the help. A run builds only the one it names (see {@link #run}):
     * each costs picocli a reflective walk over its annotated options at every start.
     */
    private static final String[] SUBCOMMANDS = {"eval", "losses", "advise"};

    /*
     * Picocli registers a converter for every java.time and java.sql type it knows, by reflection, in every
     * CommandLine it builds: 72 classes of those packages loaded (and java.sql's module resolved) at each start
     * for options no losseval command has (they take numbers, strings, paths and enums). Its documented switch,
     * the picocli.converters.excludes regex, leaves them out; a value set by the user (-D) is kept.
     */
    /*
     * Picocli's first CommandLine looks for Groovy (Class.forName("groovy.lang.Closure"), to run closures given in
     * annotations): the class loader searches the jar and throws, about 9% of a three-row run's main thread
     * (StartupProfile, JDK 17). Its documented switch, picocli.disable.closures, skips that; losseval has no Groovy.
     */
    static {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
        }
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private Cli() {}

    /**
     * Runs losseval on the process's streams; returns the exit code. Write errors on {@code stdout} are
     * recorded, so a full disk is exit 3 while a closed pipe stays a quiet success.
     *
     * @param progress whether {@code err} is a terminal that can show a progress line (a long eval run draws one)
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter err, boolean progress) {
        return run(args, context(stdin, stdout, err, progress));
    }

    /**
     * Runs losseval with {@code eval} carried out by another engine (Spark): the same options, parsed by the same
     * command, the same report output, gate lines and exit codes; only what reads the inputs differs.
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter err, Evaluation engine) {
        return run(args, context(stdin, stdout, err, false), engine);
    }

    /** The context of a run on the process's streams: stdout buffered, and watched for write errors. */
    private static CliContext context(InputStream stdin, OutputStream stdout, PrintWriter err, boolean progress) {
        ErrorRecordingStream recorded = new ErrorRecordingStream(stdout);
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(recorded, StandardCharsets.UTF_8), STDOUT_BUFFER));
        return new CliContext(stdin, out, err, recorded, progress, new SystemClock());
    }

    /**
     * The request {@code eval} would run for these arguments (its options and files, without "eval"), for an
     * engine's API ({@code LossEval.options}); nothing is run or printed.
     *
     * @throws IllegalArgumentException for arguments {@code eval} refuses, with its one-line message
     */
    public static EvalRequest evalRequest(String... args) {
        StringWriter sink = new StringWriter();
        PrintWriter quiet = new PrintWriter(sink);
        // Without help sections: this parses, and prints no help.
        CommandLine eval = EvalCommand.commandLine(new CliContext(InputStream.nullInputStream(), quiet, quiet, () -> null),
                null, false);
        eval.setCaseInsensitiveEnumValuesAllowed(true);
        eval.setOverwrittenOptionsAllowed(true); // refuseRepeatedOptions refuses them, as for a run
        try {
            ParseResult parsed = eval.parseArgs(args);
            refuseRepeatedOptions(parsed);
            if (eval.isUsageHelpRequested() || eval.isVersionHelpRequested()) {
                throw new IllegalArgumentException("--help and --version are not evaluation options");
            }
            return ((EvalCommand) eval.getCommand()).job().request();
        } catch (ParameterException | UsageException | LossSpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@link #run(String[], InputStream, OutputStream, PrintWriter, boolean)} without a progress line. */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter err) {
        return run(args, stdin, stdout, err, false);
    }

    /** Runs losseval with the given arguments and writers (tests); returns the exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        // Of a writer made by the caller only the error flag is known.
        return run(args, new CliContext(stdin, out, err, () -> out.checkError() ? new IOException("write failed") : null));
    }

    private static int run(String[] args, CliContext context) {
        return run(args, context, null);
    }

    private static int run(String[] args, CliContext context, Evaluation engine) {
        // Only the subcommand the arguments start with: what the others would add (their options, help and
        // exit codes) is never read in such a run. Anything else (no command, --help, a typo) gets them all.
        String only = null;
        for (String name : SUBCOMMANDS) {
            if (args.length > 0 && name.equals(args[0])) only = name;
        }
        int code = commandLine(context, only, engine).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The whole command tree, for running, the man page and shell completion. */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(new CliContext(stdin, out, err, () -> null));
    }

    static CommandLine commandLine(CliContext context) {
        return commandLine(context, null, null);
    }

    /**
     * The tree with every subcommand, or with only the one named {@code only} (not null). The whole tree has the
     * help sections; a run's has none ({@link EvalCommand#commandLine(CliContext, Evaluation, boolean)}), and
     * when its help is asked for, the whole tree answers.
     */
    private static CommandLine commandLine(CliContext context, String only, Evaluation engine) {
        boolean sections = only == null;
        CommandLine top = new CommandLine(sections ? new LossevalCommand() : runOnly());
        for (String name : SUBCOMMANDS) {
            if (only == null || only.equals(name)) top.addSubcommand(subcommand(name, context, engine, sections));
        }
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        for (CommandLine command : new CommandLine[] {top, top.getSubcommands().get("eval"), top.getSubcommands().get("advise")}) {
            if (command == null) continue;
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        }
        top.setOut(context.out());
        top.setErr(context.err());
        top.setCaseInsensitiveEnumValuesAllowed(true);
        RunHandlers handlers = new RunHandlers(context, sections, engine);
        top.setParameterExceptionHandler(handlers);
        if (!sections) {
            // As in help sections, where picocli leaves a repeated option to refuseRepeatedOptions: its words and
            // its moment (after parsing, so an unknown option is reported first) stay those of the whole tree.
            top.setOverwrittenOptionsAllowed(true);
        }
        top.setExecutionStrategy(handlers);
        top.setExecutionExceptionHandler(handlers);
        return top;
    }

    /**
     * How a command line of {@link #commandLine(CliContext, String, Evaluation)} handles usage errors, runs and
     * failures. One class rather than three lambdas: a class comes from the start-up archive as it is, a lambda
     * is linked at every start (issue 14 item 4).
     */
    private static final class RunHandlers implements CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionStrategy, CommandLine.IExecutionExceptionHandler {
        private final CliContext context;
        private final boolean sections;
        private final Evaluation engine;

        RunHandlers(CliContext context, boolean sections, Evaluation engine) {
            this.context = context;
            this.sections = sections;
            this.engine = engine;
        }

        @Override
        public int handleParseException(ParameterException e, String[] args) {
            return usageError(e, args);
        }

        @Override
        public int execute(ParseResult parseResult) {
            if (!sections && usageHelpRequested(parseResult)) {
                return commandLine(context, null, engine).execute(parseResult.originalArgs().toArray(new String[0]));
            }
            refuseRepeatedOptions(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            Failure failure = Failure.of(e);
            context.err().println("losseval: " + failure.message());
            if (parseResult.originalArgs().contains("--debug")) e.printStackTrace(context.err());
            return ExitCodes.of(failure.outcome());
        }
    }

    /** {@link System#nanoTime()} as the run's clock; a class, not {@code System::nanoTime}, for the reason above. */
    private static final class SystemClock implements java.util.function.LongSupplier {
        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    }

    /**
     * The top command of a run that names its subcommand first: only its name is ever read (the subcommand's
     * help and messages say "losseval eval"), since options of the top command would stand before the
     * subcommand. Built without annotations, so {@link LossevalCommand}'s and its help mixin are not read: in
     * a three-row run (JDK 17, src/bench/StartupProfile.java, 12 runs each) the run's share of the main thread
     * grew from 25% to 30%, so about a sixth less main-thread time; picocli's one-time costs of reading
     * annotations move to the subcommand.
     */
    private static CommandSpec runOnly() {
        return CommandSpec.create().name("losseval");
    }

    private static CommandLine subcommand(String name, CliContext context, Evaluation engine, boolean sections) {
        switch (name) {
            case "eval": return EvalCommand.commandLine(context, engine, sections);
            case "losses": return new CommandLine(new LossesCommand(context));
            case "advise": return AdviseCommand.commandLine(context);
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /** Whether {@code --help} was given to the command or its subcommand. */
    private static boolean usageHelpRequested(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.isUsageHelpRequested()) return true;
        }
        return false;
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
