package org.losseval.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
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
        return commandLine(spec, true);
    }

    /**
     * {@link #commandLine(CommandSpec)}, or, without {@code sections} (a run's command line, whose help the whole
     * tree prints), with the same two options added as plain options instead of as picocli's mixin: they parse the
     * same, and the mixin's own {@code CommandSpec} compiles the four regular expressions of picocli's negatable
     * option transformer (a field initialiser of every spec) at every start (src/bench/README.md, start-up,
     * sixth round).
     */
    static CommandLine commandLine(CommandSpec spec, boolean sections) {
        if (sections) {
            spec.addMixin(STANDARD_HELP, standardHelp());
        } else {
            for (OptionSpec option : standardHelpOptions()) spec.addOption(option);
        }
        return new CommandLine(spec);
    }

    /**
     * Adds a family of options to {@code spec}: as a section of the help ({@code heading}, at {@code order}), with
     * {@code untitled} listed inside it, or, without {@code sections}, as plain options. The sections exist only for
     * the help; a run parses the plain options ({@link EvalCommand#commandLine}): picocli matches an option of a
     * section by building its group's synopsis text for its debug trace, whether or not tracing is on, which was
     * about a fifth of a three-row run's main thread (src/bench/README.md, start-up). Either way the options are
     * defined once, by their family's {@code options()}.
     */
    static void addFamily(CommandSpec spec, boolean sections, String heading, int order, List<OptionSpec> options,
            List<OptionSpec> untitled) {
        if (!sections) {
            for (OptionSpec option : options) spec.addOption(option);
            for (OptionSpec option : untitled) spec.addOption(option);
            return;
        }
        ArgGroupSpec.Builder section = ArgGroupSpec.builder().heading(heading).validate(false).exclusive(false)
                .order(order);
        for (OptionSpec option : options) section.addArg(option);
        if (!untitled.isEmpty()) {
            ArgGroupSpec.Builder inner = ArgGroupSpec.builder().validate(false).exclusive(false);
            for (OptionSpec option : untitled) inner.addArg(option);
            section.addSubgroup(inner.build());
        }
        spec.addArgGroup(section.build());
    }

    /** {@link #addFamily(CommandSpec, boolean, String, int, List, List)} without options listed inside. */
    static void addFamily(CommandSpec spec, boolean sections, String heading, int order, List<OptionSpec> options) {
        addFamily(spec, sections, heading, order, options, List.of());
    }

    /**
     * What picocli's {@code mixinStandardHelpOptions} adds (the same names, descriptions and keys), built
     * directly: that switch reads picocli's own annotated mixin class reflectively, for each command.
     */
    private static CommandSpec standardHelp() {
        CommandSpec mixin = CommandSpec.create();
        for (OptionSpec option : standardHelpOptions()) mixin.addOption(option);
        return mixin;
    }

    /** {@code -h, --help} and {@code -V, --version}, as picocli's standard help mixin defines them. */
    private static List<OptionSpec> standardHelpOptions() {
        return List.of(
                OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey(STANDARD_HELP + ".help")
                        .description("Show this help message and exit.").build(),
                OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey(STANDARD_HELP + ".version")
                        .description("Print version information and exit.").build());
    }
}
