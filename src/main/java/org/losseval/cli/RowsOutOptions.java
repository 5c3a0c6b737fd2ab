package org.losseval.cli;

import java.nio.file.Path;
import org.losseval.app.RowsOutRequest;
import picocli.CommandLine.Model.ArgGroupSpec;

/** The per-row output, --rows-out: a group without a heading, so its option shows in the output's section. */
final class RowsOutOptions {
    Path file;

    /** The option, as a group without a heading or order of its own. */
    ArgGroupSpec group() {
        return ArgGroupSpec.builder().validate(false).exclusive(false)
                .addArg(ArgBinding.option(this, Path.class, () -> file, v -> file = v, "--rows-out")
                        .paramLabel("FILE")
                        .description("Also write one row per input row to FILE, in input order: input, row, the --key "
                                + "and --group-by columns, residual, each loss's row loss (a column named by the loss's "
                                + "key; with a baseline also baseline:KEY and delta:KEY, candidate - baseline), the "
                                + "robust-outlier flag and the skip reason of a row --skip-invalid skipped. The format "
                                + "follows the extension: csv, tsv, csv.gz, tsv.gz or parquet. Reads every input twice "
                                + "(stdin is copied to a temporary file); written to a temporary file beside FILE and "
                                + "renamed at the end.")
                        .build())
                .build();
    }

    /** The per-row output, or null without --rows-out. */
    RowsOutRequest rowsOut() throws UsageException {
        if (file == null) return null;
        try {
            return new RowsOutRequest(file);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }
}
