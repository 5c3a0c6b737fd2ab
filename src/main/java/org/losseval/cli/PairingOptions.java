package org.losseval.cli;

import java.util.ArrayList;
import java.util.List;
import org.losseval.app.PairingRequest;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The baseline's own files (--baseline FILE...), the --key columns that pair their rows with the
 * candidate's, and the key table's memory (--join-budget). The rules live in {@link PairingRequest}.
 */
final class PairingOptions {
    static final String HEADING = "%nBaseline in other files:%n";

    final OptionValue<List<String>> files = new OptionValue<>(new ArrayList<>());
    final OptionValue<List<String>> keys = new OptionValue<>(new ArrayList<>());
    final OptionValue<Long> budgetMib = new OptionValue<>(0L);

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(List.class, files, "--baseline")
                        .auxiliaryTypes(String.class).paramLabel("FILE").arity("1..*")
                        .description("The baseline's prediction dump: CSV, TSV or Parquet files, concatenated in order "
                                + "(give the candidate's files before this option). Its rows pair with the candidate's by "
                                + "--key, else by position; the baseline's columns are the candidate's names unless a "
                                + "--baseline-<role> option names them. The target is read on both sides and must agree.")
                        .build(),
                ArgBinding.option(List.class, keys, "--key")
                        .auxiliaryTypes(String.class).paramLabel("COL").splitRegex(",")
                        .description("Pair rows by these columns (repeat, or a comma list, for a composite key), read as "
                                + "text (7 and 7.0 are two keys): the baseline is held in memory by key and the candidate's "
                                + "order is kept. Without it rows pair by position, and the first row whose targets differ "
                                + "is an error.")
                        .build(),
                ArgBinding.option(long.class, budgetMib, "--join-budget")
                        .paramLabel("MIB").defaultValue("512")
                        .description("Memory for the baseline's rows in a --key join: 38 bytes a row plus the key's length "
                                + "and 8 per column read, and the readers' key texts (about 128 bytes plus twice the key's "
                                + "length): about 200 bytes a row with a 6-character key, so 512 MiB holds about 2.7 million "
                                + "rows. Beyond it the run stops (exit 3). At most a quarter of the Java heap is used, "
                                + "whatever is asked. Default: ${DEFAULT-VALUE}.")
                        .build());
    }

    /** The pairing, or null without --baseline. */
    PairingRequest pairing() throws UsageException {
        if (files.value().isEmpty()) {
            if (!keys.value().isEmpty()) {
                throw new UsageException("--key pairs rows with --baseline files: give --baseline FILE");
            }
            return null;
        }
        try {
            return new PairingRequest(files.value(), keys.value(), PairingRequest.budgetBytes(budgetMib.value()));
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }
}
