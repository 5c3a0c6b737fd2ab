package org.losseval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code losseval eval}: the options of an evaluation. Parsing only collects them; {@link EvalRun} acts. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Evaluates losses of predictions against targets over one or more CSV, TSV or Parquet files "
                    + "(evaluated together; each file's own figures are reported too).",
            "",
            "Loss specs are name[:key=value,...], e.g. huber:delta=15, pinball:q=0.9, huber:delta=mad. "
                    + "Give -l once per loss, or a comma list: -l mse,huber:delta=2,mae (a token with '=' "
                    + "belongs to the loss before it). 'losseval losses' lists every loss and its parameters.",
            "",
            "Row numbers in messages count data rows from 1 (a CSV header is not a row)."
        })
final class EvalCommand implements Callable<Integer> {
    private final CliContext context;

    EvalCommand(CliContext context) { this.context = context; }

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files: CSV or TSV (optionally .gz) with a header row, or Parquet. '-' reads stdin.")
    List<String> inputs;

    @Option(names = {"-p", "--pred"}, required = true, paramLabel = "COL", description = "The prediction column.")
    String pred;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "COL", description = "The target column.")
    String target;

    @Option(names = {"-w", "--weight"}, paramLabel = "COL",
            description = "A sample-weight column: every loss becomes the weighted mean sum(w*l)/sum(w) "
                    + "(scikit-learn's sample_weight). Negative weights are invalid values.")
    String weight;

    @Option(names = {"-l", "--loss"}, paramLabel = "SPEC",
            description = "A loss to evaluate (repeatable, or a comma list). Default: mse, rmse, mae.")
    List<String> losses;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = OutputFormatConverter.class,
            description = "Output format: table, json, csv or markdown. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the results to FILE instead of stdout.")
    Path output;

    @Option(names = "--precision", paramLabel = "N",
            description = "Significant digits in table, markdown and csv output (1-17). "
                    + "Default: 6 for table and markdown, exact for csv; json is always exact.")
    Integer precision;

    @Option(names = "--skip-invalid",
            description = "Skip rows with an invalid value (empty, unparsable, NaN, infinite, negative weight, "
                    + "outside a loss's domain) and count them per reason, instead of failing with exit code 3.")
    boolean skipInvalid;

    @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR",
            description = "CSV field delimiter: one character, or 'tab'. Default: tab for .tsv files, else comma.")
    String delimiter;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() {
        return new EvalRun(context).execute(this);
    }
}
