package org.losseval.cli;

import java.util.List;
import java.nio.file.Path;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.Model.OptionSpec;

/** How and where the report is written, and how errors are shown. */
final class OutputOptions {
    static final String HEADING = "%nOutput:%n";

    OutputFormat format;
    Path output;
    final RowsOutOptions rows = new RowsOutOptions();
    Integer precision;
    boolean quiet;
    boolean debug;

    /** The options, in the order of the help; --rows-out ({@link #rows}) is listed after -o in this section. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(this, OutputFormat.class, () -> format, v -> format = v, "--format")
                        .paramLabel("FORMAT").converters(new OutputFormatConverter())
                        .description("Output format: table, json, csv, markdown, junit (one test case per gate) or html "
                                + "(one self-contained page with plots). Default: from the -o file's extension (.json, "
                                + ".csv, .md, .xml, .html), else table.")
                        .build(),
                ArgBinding.option(this, Path.class, () -> output, v -> output = v, "-o", "--output")
                        .paramLabel("FILE")
                        .description("Write the results to FILE instead of stdout: to a temporary file beside it, renamed "
                                + "over FILE at the end, so a failed run leaves an existing FILE as it was.")
                        .build(),
                ArgBinding.option(this, Integer.class, () -> precision, v -> precision = v, "--precision")
                        .paramLabel("N")
                        .description("Significant digits in table, markdown, html and csv output (1-17). Default: 6 for "
                                + "table, markdown and html, exact for csv; json is always exact.")
                        .build(),
                ArgBinding.option(this, boolean.class, () -> quiet, v -> quiet = v, "-q", "--quiet")
                        .description("No progress line on stderr. Without it, a run that lasts more than a second draws "
                                + "one (rows read, MB/s, percentage and time left) when stderr is a terminal and TERM is "
                                + "not 'dumb', and blanks it at the end. Errors and failed gates are still reported.")
                        .build(),
                ArgBinding.option(this, boolean.class, () -> debug, v -> debug = v, "--debug")
                        .description("Show stack traces of errors.")
                        .build());
    }

    /**
     * The printer and the destination. The printer checks the precision (for every format, json included),
     * so the range lives in one place; its message is shown after the option's name.
     */
    ReportOutput output() throws UsageException {
        OutputFormat chosen = format != null ? format : output != null ? OutputFormat.forFile(output) : OutputFormat.TABLE;
        try {
            return new ReportOutput(chosen, precision, chosen.printer(precision), output);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--precision: " + e.getMessage());
        }
    }
}
