package org.losseval.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The arguments of {@code losseval eval} parsed by the real command line and converted, without running: by the
 * whole tree (with help sections) and, checked to give the same request, by a run's ({@link Cli#evalRequest}).
 */
final class ParsedEval {
    private ParsedEval() {}

    /** argv after "eval", as the command would hand it to the evaluator. */
    static EvalJob of(String... args) throws UsageException, org.losseval.loss.LossSpecException {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CommandLine top = Cli.commandLine(new CliContext(InputStream.nullInputStream(), discard, discard, () -> null));
        String[] argv = Stream.concat(Stream.of("eval"), Stream.of(args)).toArray(String[]::new);
        EvalCommand eval = top.parseArgs(argv).subcommand().commandSpec().commandLine().getCommand();
        EvalJob job = eval.job();
        // A run parses the same options without help sections (Cli, EvalCommand.commandLine): the same request.
        org.junit.jupiter.api.Assertions.assertEquals(job.request(), Cli.evalRequest(args),
                "the request of a run's command line, without help sections");
        return job;
    }
}
