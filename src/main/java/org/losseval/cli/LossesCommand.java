package org.losseval.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.losseval.loss.LossDefinition;
import org.losseval.loss.LossRegistry;
import picocli.CommandLine.Command;

/** {@code losseval losses}: every loss with its parameters, defaults, domains and one line of meaning. */
// addMethodSubcommands = false: no @Command methods here; picocli would look for them among all methods at every start.
@Command(name = "losses", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists every loss: name, aliases, parameters with defaults and domains, and what it measures.")
final class LossesCommand implements Callable<Integer> {
    private final CliContext context;

    LossesCommand(CliContext context) { this.context = context; }

    @Override
    public Integer call() {
        for (LossDefinition loss : LossRegistry.builtIn().definitions()) {
            context.out().println(LossListing.headline(loss));
            for (String line : LossListing.details(loss)) context.out().println("    " + line);
        }
        context.out().println();
        context.out().println("Figures of two or more --quantile columns (gate figures, not losses for -l):");
        context.out().println("    " + LossOptions.CRPS);
        context.out().println("    " + LossOptions.CROSSINGS);
        context.out().flush();
        IOException stdoutError = context.stdoutError().get();
        Outcome outcome = Outcome.of(stdoutError);
        if (outcome != Outcome.SUCCESS) {
            context.err().println("losseval: " + Failure.ofStdout("the list", stdoutError).message());
            context.err().flush();
        }
        return ExitCodes.of(outcome);
    }
}
