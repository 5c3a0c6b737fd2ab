package org.losseval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.losseval.loss.LossDefinition;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.ParamDefinition;
import org.losseval.loss.Role;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A small command shaped like losseval's (a top command with visible and hidden subcommands, defaults,
 * enum candidates, an exit-code list), so the generators are tested on every feature they render,
 * independently of how the real command evolves.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, version = "sample 9.9",
        header = "Evaluates sample things.",
        description = {"Reads dumps and prints losses.", "", ".csv and .parquet files are read.", "",
            "  sample eval a.csv -p pred", "  sample eval - < a.csv", "Last words."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {" 0:success", " 3:input error \\ (bad file)"},
        subcommands = {SampleCommand.Eval.class, SampleCommand.Secret.class})
final class SampleCommand implements Runnable {
    enum Format { table, json }

    @Override public void run() {}

    @Command(name = "eval", aliases = "e", description = "Evaluates losses on prediction dumps.")
    static final class Eval implements Runnable {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Input files.")
        List<Path> files;

        @Option(names = {"-p", "--pred"}, paramLabel = "<column>", description = "Prediction column.")
        String pred = "pred";

        @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        Format format = Format.table;

        @Option(names = "--limit", defaultValue = "10", showDefaultValue = CommandLine.Help.Visibility.ALWAYS,
                description = "Rows to show.")
        int limit;

        @Option(names = "--debug-internals", hidden = true, description = "Not for users.")
        boolean debugInternals;

        @Override public void run() {}
    }

    @Command(name = "secret", hidden = true, description = "A hidden command.")
    static final class Secret implements Runnable {
        @Override public void run() {}
    }

    static CommandLine commandLine() { return new CommandLine(new SampleCommand()); }

    static LossRegistry losses() {
        ParamDefinition delta = new ParamDefinition("delta", 1.0, "> 0", d -> d > 0, "mad",
                "where the loss turns from quadratic to linear");
        return new LossRegistry(List.of(
                new LossDefinition("mse", List.of("l2"), "mean squared error", "(y - yhat)^2", "", List.of(),
                        List.of(List.of(Role.PRED, Role.TARGET)), SampleCommand::noLoss),
                new LossDefinition("huber", List.of(), "quadratic near zero, linear beyond delta",
                        ".5 r^2 if |r| <= delta, else delta (|r| - .5 delta)", "PyTorch", List.of(delta),
                        List.of(List.of(Role.PRED, Role.TARGET)), SampleCommand::noLoss)));
    }

    private static org.losseval.loss.Loss noLoss(Map<String, Double> params) {
        throw new UnsupportedOperationException("the generators only read definitions");
    }
}
