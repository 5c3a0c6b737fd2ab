package org.losseval.cli;

import picocli.CommandLine.Command;

/** The top command: {@code losseval <subcommand>}. It does nothing itself but show help. */
@Command(name = "losseval",
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
final class LossevalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
