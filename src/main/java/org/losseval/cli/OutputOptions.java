package org.losseval.cli;

import java.nio.file.Path;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How and where the report is written, and how errors are shown. */
final class OutputOptions {
    static final String HEADING = "%nOutput:%n";

    @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormatConverter.class,
            description = "Output format: table, json, csv, markdown, junit (one test case per gate) or html (one "
                    + "self-contained page with plots). Default: from the -o file's extension (.json, .csv, .md, "
                    + ".xml, .html), else table.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the results to FILE instead of stdout: to a temporary file beside it, renamed over "
                    + "FILE at the end, so a failed run leaves an existing FILE as it was.")
    Path output;

    @ArgGroup(validate = false, exclusive = false)
    RowsOutOptions rows = new RowsOutOptions();

    @Option(names = "--precision", paramLabel = "N",
            description = "Significant digits in table, markdown, html and csv output (1-17). "
                    + "Default: 6 for table, markdown and html, exact for csv; json is always exact.")
    Integer precision;

    @Option(names = {"-q", "--quiet"},
            description = "No progress line on stderr. Without it, a run that lasts more than a second draws one "
                    + "(rows read, MB/s, percentage and time left) when stderr is a terminal and TERM is not 'dumb', "
                    + "and blanks it at the end. Errors and failed gates are still reported.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

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
