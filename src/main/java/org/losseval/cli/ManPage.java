package org.losseval.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.losseval.app.BuildInfo;
import org.losseval.loss.LossDefinition;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.ParamDefinition;
import org.losseval.loss.Role;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the man page, {@code man/losseval.1}, in roff ({@code man(7)} macros) from the picocli model and
 * the loss registry, so it cannot drift from {@code --help} and {@code losseval losses}.
 *
 * <p>Sections: NAME and DESCRIPTION from the top command, SYNOPSIS from picocli's own synopsis of each
 * command, OPTIONS of the top command, one subsection per visible subcommand (its description, options and
 * positional parameters, with param labels and defaults rendered as {@code --help} renders them, options in
 * argument groups under the group's heading), LOSSES
 * from the registry (names, aliases, formula, convention, parameters with default and domain), EXIT STATUS
 * from the first exit-code list found (the top command's, else a subcommand's), and ENVIRONMENT for the
 * launcher's variables. Hidden commands and options are left out, as in {@code --help}.
 *
 * <p>The output depends only on its inputs: no date and no machine-dependent text (the version is passed
 * in, not read from a version provider that may name the active kernel), so the committed file can be
 * compared with a fresh rendering in a test. Regenerate with {@link #main}.
 */
public final class ManPage {
    private static final Help.ColorScheme PLAIN = new Help.ColorScheme.Builder(Help.Ansi.OFF).build();

    private final CommandLine root;
    private final LossRegistry losses;
    private final String version;

    /**
     * @param root    the top command, with its subcommands
     * @param losses  the losses to list
     * @param version the version shown in the page footer, e.g. "0.1.0"
     */
    public ManPage(CommandLine root, LossRegistry losses, String version) {
        this.root = root;
        this.losses = losses;
        this.version = version;
    }

    /**
     * Regenerates the committed man page (ManPageTest fails when it is out of date):
     * <pre>
     * mvn -q -DskipTests package &amp;&amp; java -cp target/losseval.jar org.losseval.cli.ManPage man/losseval.1
     * </pre>
     *
     * @param args the file to write; man/losseval.1 when absent
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "man/losseval.1");
        Files.writeString(file, forLosseval().render(), StandardCharsets.UTF_8);
    }

    /** The page of the real losseval command, its built-in losses and the build's version. */
    static ManPage forLosseval() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        CommandLine root = Cli.commandLine(InputStream.nullInputStream(), discard, discard);
        return new ManPage(root, LossRegistry.builtIn(), BuildInfo.version());
    }

    /** The whole page as roff text, ending with a newline. */
    public String render() {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        Roff out = new Roff();
        out.macro(".TH", name.toUpperCase(java.util.Locale.ROOT), "1", "", name + " " + version, "User Commands");
        out.heading("NAME");
        out.text(name + " \\- " + Roff.escape(firstNonBlank(spec.usageMessage().header(),
                spec.usageMessage().description())));
        out.heading("SYNOPSIS");
        synopsis(out, spec);
        for (CommandSpec sub : visibleSubcommands(spec)) {
            out.line(".br");
            synopsis(out, sub);
        }
        out.heading("DESCRIPTION");
        paragraphs(out, spec.usageMessage().description());
        out.heading("OPTIONS");
        arguments(out, spec);
        if (!visibleSubcommands(spec).isEmpty()) {
            out.heading("COMMANDS");
            for (CommandSpec sub : visibleSubcommands(spec)) command(out, sub);
        }
        lossSection(out);
        exitStatus(out, spec);
        environment(out);
        return out.toString();
    }

    private void synopsis(Roff out, CommandSpec spec) {
        // picocli wraps its synopsis for a terminal; roff fills lines itself, so join the pieces.
        String synopsis = String.join(" ", new Help(spec, PLAIN).synopsis(0).strip().split("\\s*\\R\\s*"));
        String qualified = spec.qualifiedName();
        String rest = synopsis.startsWith(qualified) ? synopsis.substring(qualified.length()).strip() : synopsis;
        out.line(".B " + Roff.literal(qualified));
        if (!rest.isEmpty()) out.text(Roff.literal(rest));
    }

    private void command(Roff out, CommandSpec spec) {
        out.line(".SS " + Roff.escape(spec.qualifiedName()));
        paragraphs(out, spec.usageMessage().description());
        arguments(out, spec);
        for (CommandSpec sub : visibleSubcommands(spec)) command(out, sub);
    }

    /**
     * Positional parameters, then the options outside argument groups, then each group with a heading (in
     * the groups' order), as {@code --help} lays them out.
     */
    private static void arguments(Roff out, CommandSpec spec) {
        Help help = new Help(spec, PLAIN);
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            String label = help.parameterLabelRenderer().renderParameterLabel(p, Help.Ansi.OFF, List.of()).toString();
            out.line(".TP");
            out.line("\\fI" + Roff.literal(label.strip()) + "\\fR");
            describe(out, spec, p);
        }
        for (OptionSpec o : spec.options()) {
            if (o.group() == null) option(out, spec, help, o);
        }
        List<ArgGroupSpec> groups = new ArrayList<>(spec.argGroups());
        groups.sort(Comparator.comparingInt(ArgGroupSpec::order));
        for (ArgGroupSpec group : groups) {
            List<OptionSpec> options = sectionOptions(group);
            if (group.heading() == null || options.stream().allMatch(OptionSpec::hidden)) continue;
            out.line(".PP");
            out.line(".B " + Roff.escape(group.heading().replace("%n", "").strip()));
            for (OptionSpec o : options) option(out, spec, help, o);
        }
    }

    /**
     * A group's options, then those of its subgroups without a heading of their own (--rows-out in the output
     * group), which --help shows in the group's section too.
     */
    private static List<OptionSpec> sectionOptions(ArgGroupSpec group) {
        List<OptionSpec> options = new ArrayList<>(group.options());
        for (ArgGroupSpec sub : group.subgroups()) {
            if (sub.heading() == null) options.addAll(sectionOptions(sub));
        }
        return options;
    }

    private static void option(Roff out, CommandSpec spec, Help help, OptionSpec o) {
        if (o.hidden()) return;
        List<String> names = new ArrayList<>();
        for (String n : o.names()) names.add("\\fB" + Roff.option(n) + "\\fR");
        String label = help.parameterLabelRenderer().renderParameterLabel(o, Help.Ansi.OFF, List.of()).toString();
        out.line(".TP");
        out.line(String.join(", ", names) + (label.isEmpty() ? "" : "\\fI" + Roff.literal(label) + "\\fR"));
        describe(out, spec, o);
    }

    private static void describe(Roff out, CommandSpec spec, ArgSpec arg) {
        List<String> text = new ArrayList<>(List.of(arg.renderedDescription()));
        if (showsDefault(spec, arg)) text.add("Default: " + arg.defaultValueString() + ".");
        out.text(Roff.escape(String.join(" ", text).strip()));
    }

    /** Follows picocli's help: a default is appended unless the description already shows it. */
    private static boolean showsDefault(CommandSpec spec, ArgSpec arg) {
        if (arg.isOption() && (((OptionSpec) arg).usageHelp() || ((OptionSpec) arg).versionHelp())) return false;
        if (arg.defaultValue() == null && arg.initialValue() == null) return false;
        if (String.join(" ", arg.description()).contains("${DEFAULT-VALUE}")) return false;
        return switch (arg.showDefaultValue()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_DEMAND -> spec.usageMessage().showDefaultValues();
        };
    }

    private void lossSection(Roff out) {
        out.heading("LOSSES");
        out.text("A loss is given as \\fIname\\fR or \\fIname\\fR:\\fIkey\\fR=\\fIvalue\\fR[,\\fIkey\\fR=\\fIvalue\\fR...].");
        for (LossDefinition d : losses.definitions()) {
            out.line(".TP");
            String aliases = d.aliases().isEmpty() ? "" : " (also " + String.join(", ", d.aliases()) + ")";
            out.line("\\fB" + Roff.escape(d.name()) + "\\fR" + Roff.escape(aliases));
            out.text(Roff.escape(d.summary()));
            out.line(".br");
            out.text("Per row: " + Roff.escape(d.formula()));
            List<String> forms = new ArrayList<>();
            for (List<Role> form : d.inputForms()) {
                List<String> reads = new ArrayList<>();
                for (Role r : form) reads.add("\\fB" + Roff.option(r.option()) + "\\fR");
                forms.add(String.join(" and ", reads));
            }
            out.line(".br");
            out.text("Reads: " + String.join("; or ", forms) + ".");
            if (!d.convention().isBlank()) {
                out.line(".br");
                out.text("Convention: " + Roff.escape(d.convention()));
            }
            for (ParamDefinition p : d.params()) {
                out.line(".br");
                String deferred = p.deferredWord() == null ? "" : ", or \"" + p.deferredWord() + "\"";
                out.text("\\fI" + Roff.escape(p.name()) + "\\fR = " + Roff.escape(p.defaultText()
                        + " (" + p.domain() + deferred + "): " + p.description()));
            }
        }
    }

    private static void exitStatus(Roff out, CommandSpec spec) {
        Map<String, String> codes = exitCodes(spec);
        if (codes.isEmpty()) return;
        out.heading("EXIT STATUS");
        for (Map.Entry<String, String> e : codes.entrySet()) {
            out.line(".TP");
            out.line(".B " + Roff.escape(e.getKey().strip().replaceFirst(":$", "")));
            out.text(Roff.escape(e.getValue().strip()));
        }
    }

    private static Map<String, String> exitCodes(CommandSpec spec) {
        if (!spec.usageMessage().exitCodeList().isEmpty()) return spec.usageMessage().exitCodeList();
        for (CommandSpec sub : visibleSubcommands(spec)) {
            Map<String, String> codes = exitCodes(sub);
            if (!codes.isEmpty()) return codes;
        }
        return Map.of();
    }

    /** The variables read by bin/losseval, the launcher installed by install.sh. */
    private static void environment(Roff out) {
        out.heading("ENVIRONMENT");
        out.line(".TP");
        out.line(".B JAVA_HOME");
        out.text("The Java runtime (17 or newer) to run; when unset, \\fBjava\\fR is looked up on \\fBPATH\\fR.");
        out.line(".TP");
        out.line(".B LOSSEVAL_JAVA_OPTS");
        out.text("Extra options for the Java virtual machine, e.g. \\fB\\-Xmx8g\\fR.");
    }

    private static List<CommandSpec> visibleSubcommands(CommandSpec spec) {
        List<CommandSpec> visible = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            // subcommands() maps aliases too; list each command once, under its own name.
            if (!s.usageMessage().hidden() && !visible.contains(s)) visible.add(s);
        }
        return visible;
    }

    /**
     * Description lines: blank lines separate paragraphs; indented lines are examples, set verbatim and
     * indented, as picocli's help shows them.
     */
    private static void paragraphs(Roff out, String[] lines) {
        boolean paragraphOpen = false;
        boolean exampleOpen = false;
        for (String line : lines) {
            boolean example = !line.isBlank() && Character.isWhitespace(line.charAt(0));
            if (exampleOpen && !example) {
                out.line(".fi");
                out.line(".RE");
                exampleOpen = false;
            }
            if (line.isBlank()) {
                paragraphOpen = false;
            } else if (example) {
                if (!exampleOpen) {
                    out.line(".PP");
                    out.line(".RS 4");
                    out.line(".nf");
                    exampleOpen = true;
                }
                out.text(Roff.literal(line.strip()));
            } else {
                if (!paragraphOpen) out.line(".PP");
                paragraphOpen = true;
                out.text(Roff.escape(line.strip()));
            }
        }
        if (exampleOpen) {
            out.line(".fi");
            out.line(".RE");
        }
    }

    private static String firstNonBlank(String[] a, String[] b) {
        for (String[] lines : List.of(a, b)) {
            for (String line : lines) if (!line.isBlank()) return line.strip();
        }
        return "";
    }

    /** Accumulates roff lines; knows the two escaping rules the page needs. */
    private static final class Roff {
        private final StringBuilder sb = new StringBuilder();

        void line(String s) { sb.append(s).append('\n'); }

        void heading(String s) { line(".SH " + s); }

        void macro(String name, String... args) {
            StringBuilder m = new StringBuilder(name);
            for (String a : args) m.append(" \"").append(a.replace("\"", "\"\"")).append('"');
            line(m.toString());
        }

        /** A text line: a leading '.' or '\'' would be read as a request, so it is guarded with \&. */
        void text(String s) {
            for (String l : s.split("\\R")) {
                line(l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l);
            }
        }

        /** Backslashes are roff's escape character; write them as \e. */
        static String escape(String s) { return s.replace("\\", "\\e"); }

        /** Option names use \- so that they can be copied from the rendered page and searched for. */
        static String option(String s) { return literal(s); }

        /** Text a reader may copy into a shell: every '-' is a minus sign, not a typographic hyphen. */
        static String literal(String s) { return escape(s).replace("-", "\\-"); }

        @Override public String toString() { return sb.toString(); }
    }
}
