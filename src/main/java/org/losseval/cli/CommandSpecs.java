package org.losseval.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands built without annotations ({@code eval}, {@code advise}): picocli's programmatic model, since
 * reading annotations reflectively was about half of a three-row run's main thread (src/bench/README.md,
 * start-up). What the annotations {@code @Command(mixinStandardHelpOptions = true, versionProvider = ...,
 * sortOptions = false, description = ...)} gave is given here, in one place.
 */
final class CommandSpecs {
    /** Picocli's key of the standard help mixin ({@code CommandSpec.mixinStandardHelpOptions()} looks for it). */
    private static final String STANDARD_HELP = "mixinStandardHelpOptions";

    private CommandSpecs() {}

    /**
     * A command named {@code name} that runs {@code command}, its options listed in the order they are added;
     * {@link #commandLine} finishes it.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(new VersionProvider());
        spec.usageMessage().description(description).sortOptions(false);
        return spec;
    }

    /**
     * The command line of a command whose own arguments are all added: with {@code -h, --help} and
     * {@code -V, --version} after them, where picocli's annotations put them (the completion lists them so).
     */
    static CommandLine commandLine(CommandSpec spec) {
        spec.addMixin(STANDARD_HELP, standardHelp());
        return new CommandLine(spec);
    }

    /**
     * What picocli's {@code mixinStandardHelpOptions} adds (the same names, descriptions and keys), built
     * directly: that switch reads picocli's own annotated mixin class reflectively, for each command.
     */
    private static CommandSpec standardHelp() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey(STANDARD_HELP + ".help")
                .description("Show this help message and exit.").build());
        mixin.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey(STANDARD_HELP + ".version")
                .description("Print version information and exit.").build());
        return mixin;
    }
}
