package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.loss.Role;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code losseval eval --help}: the options in one headed section per family, the role options from the Role table. */
class EvalHelpTest {
    private static CommandSpec eval() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return Cli.commandLine(InputStream.nullInputStream(), discard, discard).getSubcommands().get("eval")
                .getCommandSpec();
    }

    @Test
    void helpHasOneHeadedSectionPerFamilyInOrder() {
        CliRun run = CliRun.of("eval", "--help").assertSuccess();
        List<String> headings = run.out().lines().filter(l -> l.matches("[A-Z][A-Za-z ,]*:")).toList();
        assertEquals(List.of("Inputs:", "Column roles:", "Losses, quantiles and intervals:", "Contribution figures:",
                "Baseline in other files:", "Groups:", "Gates:", "Output:", "Exit codes:"), headings);
    }

    /** A run's command line has no help sections; asked for help, it prints the whole tree's, sections and all. */
    @Test
    void helpOfARunIsTheHelpWithSections() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        String sectioned = Cli.commandLine(InputStream.nullInputStream(), discard, discard).getSubcommands().get("eval")
                .getUsageMessage();
        assertEquals(sectioned, CliRun.of("eval", "a.csv", "-p", "pred", "--help").assertSuccess().out());
        assertEquals(sectioned, CliRun.of("eval", "-qh").assertSuccess().out());
    }

    /**
     * A run's command line (no sections) has -h and -V as plain options rather than as picocli's mixin, which is
     * a CommandSpec of its own (start-up, sixth round): the same options in the same order, with the same flags
     * and description keys, as the command line with sections (the descriptions of a run are not interpolated),
     * and the same descriptions of -h and -V.
     */
    @Test
    void aRunHasTheSameOptionsWithoutTheHelpMixin() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CliContext context = new CliContext(InputStream.nullInputStream(), discard, discard, () -> null);
        CommandSpec run = EvalCommand.commandLine(context, null, false).getCommandSpec();
        assertEquals(Map.of(), run.mixins());
        assertEquals(describe(eval()), describe(run));
        assertEquals(List.of("-h", "--help"), List.of(run.findOption("--help").names()));
        assertEquals(true, run.findOption("-h").usageHelp());
        assertEquals(true, run.findOption("-V").versionHelp());
        assertEquals(List.of(eval().findOption("-h").description()), List.of(run.findOption("-h").description()));
        assertEquals(List.of(eval().findOption("-V").description()), List.of(run.findOption("-V").description()));
    }

    private static List<String> describe(CommandSpec spec) {
        List<String> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            options.add(String.join(",", option.names()) + " usage=" + option.usageHelp() + " version="
                    + option.versionHelp() + " " + option.descriptionKey());
        }
        return options;
    }

    @Test
    void everyEvalOptionButHelpAndVersionIsInItsFamily() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<ArgGroupSpec> groups = new ArrayList<>(eval().argGroups());
        groups.sort(java.util.Comparator.comparingInt(ArgGroupSpec::order));
        for (ArgGroupSpec group : groups) {
            sections.put(group.heading(), group.options().stream().map(OptionSpec::longestName).toList());
        }
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) roles.add(role.option());
        roles.add("--weight");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("%nInputs:%n", List.of("--delimiter", "--skip-invalid", "--threads"));
        expected.put("%nColumn roles:%n", roles);
        expected.put("%nLosses, quantiles and intervals:%n", List.of("--loss", "--quantile", "--interval"));
        expected.put("%nContribution figures:%n",
                List.of("--no-contrib", "--top", "--top-fraction", "--worst", "--outlier-factor", "--exact-budget"));
        expected.put("%nComparison with a baseline (in the same rows):%n", List.of("--baseline-pred", "--baseline-logits",
                "--baseline-probs", "--baseline-quantile", "--baseline-interval", "--confidence", "--margin", "--seed",
                "--replicates", "--compare-shares"));
        expected.put("%nBaseline in other files:%n", List.of("--baseline", "--key", "--join-budget"));
        expected.put("%nGroups:%n", List.of("--group-by", "--min-group-rows", "--max-groups"));
        expected.put("%nGates:%n", List.of("--fail-if"));
        expected.put("%nOutput:%n", List.of("--format", "--output", "--precision", "--quiet", "--debug"));
        assertEquals(expected, sections);
        List<String> ungrouped = eval().options().stream().filter(o -> o.group() == null).map(OptionSpec::longestName).toList();
        assertEquals(List.of("--help", "--version"), ungrouped);
    }

    @Test
    void eachRoleOptionIsBuiltFromItsRow() {
        for (Role role : Role.values()) {
            OptionSpec option = eval().findOption(role.option());
            assertEquals(role.optionNames(), List.of(option.names()), role.name());
            assertEquals(role.paramLabel(), option.paramLabel(), role.name());
            assertEquals(List.of(role.help()), List.of(option.description()), role.name());
        }
        assertEquals("The prediction column.", Role.PRED.help());
        assertEquals("COLS", Role.LOGITS.paramLabel());
        assertEquals("COL", Role.DISTANCE.paramLabel());
    }

    /**
     * A run's command line does not interpolate (EvalCommand.commandLine): that changes nothing only while no name,
     * label or value of an option holds a '$' (picocli's "${...}" lookups and its "$$" escape). Descriptions may:
     * a run's command line prints no help.
     */
    @Test
    void aRunsCommandLineDoesNotInterpolateAndHasNothingToInterpolate() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CommandSpec run = EvalCommand.commandLine(new CliContext(InputStream.nullInputStream(), discard, discard,
                () -> null), null, false).getCommandSpec();
        assertEquals(false, run.interpolateVariables());
        assertEquals(true, eval().interpolateVariables(), "the help's command line interpolates its descriptions");
        List<String> texts = new ArrayList<>();
        for (picocli.CommandLine.Model.ArgSpec arg : run.args()) {
            if (arg instanceof OptionSpec option) {
                texts.addAll(List.of(option.names()));
                texts.add(option.fallbackValue());
            }
            texts.add(arg.paramLabel());
            texts.add(arg.defaultValue());
            texts.add(arg.mapFallbackValue());
        }
        assertEquals(eval().args().size(), run.args().size(), "the run's command line has every argument");
        assertEquals(List.of(), texts.stream().filter(t -> t != null && t.contains("$")).toList());
        assertEquals(true, texts.contains("--pred"), "the names were read");
    }
}
