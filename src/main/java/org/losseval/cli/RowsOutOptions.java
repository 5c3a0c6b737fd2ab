package org.losseval.cli;

import java.nio.file.Path;
import java.util.List;
import org.losseval.app.RowsOutRequest;
import picocli.CommandLine.Model.OptionSpec;

/** The per-row output, --rows-out: a section without a heading inside the output's, so its option shows there. */
final class RowsOutOptions {
    final OptionValue<Path> file = new OptionValue<>(null);

    /** The option. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(Path.class, file, "--rows-out")
                        .paramLabel("FILE")
                        .description("Also write one row per input row to FILE, in input order: input, row, the --key "
                                + "and --group-by columns, residual, each loss's row loss (a column named by the loss's "
                                + "key; with a baseline also baseline:KEY and delta:KEY, candidate - baseline), the "
                                + "robust-outlier flag and the skip reason of a row --skip-invalid skipped. The format "
                                + "follows the extension: csv, tsv, csv.gz, tsv.gz or parquet. Reads every input twice "
                                + "(stdin is copied to a temporary file); written to a temporary file beside FILE and "
                                + "renamed at the end.")
                        .build());
    }

    /** The per-row output, or null without --rows-out. */
    RowsOutRequest rowsOut() throws UsageException {
        if (file.value() == null) return null;
        try {
            return new RowsOutRequest(file.value());
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }
}
