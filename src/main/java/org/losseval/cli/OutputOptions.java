package org.losseval.cli;

import java.util.List;
import java.nio.file.Path;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.Model.OptionSpec;

/** How and where the report is written, and how errors are shown. */
final class OutputOptions {
    static final String HEADING = "%nOutput:%n";

    final OptionValue<OutputFormat> format = new OptionValue<>(null);
    final OptionValue<Path> output = new OptionValue<>(null);
    final RowsOutOptions rows = new RowsOutOptions();
    final OptionValue<Integer> precision = new OptionValue<>(null);
    final OptionValue<Boolean> quiet = new OptionValue<>(false);
    final OptionValue<Boolean> debug = new OptionValue<>(false);

    /** The options, in the order of the help; --rows-out ({@link #rows}) is listed after -o in this section. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(OutputFormat.class, format, "--format")
                        .paramLabel("FORMAT").converters(new OutputFormatConverter())
                        .description("Output format: table, json, csv, markdown, junit (one test case per gate) or html "
                                + "(one self-contained page with plots). Default: from the -o file's extension (.json, "
                                + ".csv, .md, .xml, .html), else table.")
                        .build(),
                ArgBinding.option(Path.class, output, "-o", "--output")
                        .paramLabel("FILE")
                        .description("Write the results to FILE instead of stdout: to a temporary file beside it, renamed "
                                + "over FILE at the end, so a failed run leaves an existing FILE as it was.")
                        .build(),
                ArgBinding.option(Integer.class, precision, "--precision")
                        .paramLabel("N")
                        .description("Significant digits in table, markdown, html and csv output (1-17). Default: 6 for "
                                + "table, markdown and html, exact for csv; json is always exact.")
                        .build(),
                ArgBinding.option(boolean.class, quiet, "-q", "--quiet")
                        .description("No progress line on stderr. Without it, a run that lasts more than a second draws "
                                + "one (rows read, MB/s, percentage and time left) when stderr is a terminal and TERM is "
                                + "not 'dumb', and blanks it at the end. Errors and failed gates are still reported.")
                        .build(),
                ArgBinding.option(boolean.class, debug, "--debug")
                        .description("Show stack traces of errors.")
                        .build());
    }

    /**
     * The printer and the destination. The printer checks the precision (for every format, json included),
     * so the range lives in one place; its message is shown after the option's name.
     */
    ReportOutput output() throws UsageException {
        OutputFormat chosen = format.value() != null ? format.value()
                : output.value() != null ? OutputFormat.forFile(output.value()) : OutputFormat.TABLE;
        try {
            return new ReportOutput(chosen, precision.value(), chosen.printer(precision.value()), output.value());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--precision: " + e.getMessage());
        }
    }
}
