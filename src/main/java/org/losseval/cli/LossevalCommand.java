package org.losseval.cli;

import picocli.CommandLine.Command;

/** The top command: {@code losseval <subcommand>}. It does nothing itself but show help (on stderr, exit 2, without a command). */
@Command(name = "losseval",
        // No @Command methods here: without this picocli looks for them among all methods at every start.
        addMethodSubcommands = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Streams prediction dumps (CSV, TSV, Parquet) and tells how wrong the model is, under the losses you choose.",
            "",
            "  losseval eval preds.csv -p pred -t target -l mse -l huber:delta=15 -l pinball:q=0.9",
            "  cat preds.csv | losseval eval - -p yhat -t y -l mse,mae --format json",
            "  losseval advise preds.csv -p pred -t target",
            "  losseval losses"
        },
        synopsisSubcommandLabel = "COMMAND")
final class LossevalCommand implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No command given: a usage error, so the usage goes to stderr and the exit code is 2 (--help is a success). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
