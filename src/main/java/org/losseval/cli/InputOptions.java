package org.losseval.cli;

import java.util.List;
import org.losseval.app.EvalRequest;
import org.losseval.app.InvalidPolicy;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** How the inputs are read: {@code --delimiter}, {@code --skip-invalid}, {@code --threads}. */
final class InputOptions {
    static final String HEADING = "%nInputs:%n";

    final OptionValue<String> delimiter = new OptionValue<>(null);
    final OptionValue<Boolean> skipInvalid = new OptionValue<>(false);
    final OptionValue<Integer> threads = new OptionValue<>(null);

    /** The input files, positional: one definition for eval and advise, whose {@code files} hold them. */
    static PositionalParamSpec files(OptionValue<List<String>> files) {
        return ArgBinding.positional(List.class, files).auxiliaryTypes(String.class).paramLabel("FILE")
                .arity("1..*").required(true) // as picocli makes a positional with a minimum arity
                .description("Input files: CSV or TSV (optionally .gz) with a header row, or Parquet. '-' reads stdin.")
                .build();
    }

    /** The options, in the order of the help. */
    List<OptionSpec> options() {
        return List.of(
                ArgBinding.option(String.class, delimiter, "-d", "--delimiter")
                        .paramLabel("CHAR")
                        .description("CSV field delimiter: one character, or 'tab'. Default: tab for .tsv files, else comma.")
                        .build(),
                ArgBinding.option(boolean.class, skipInvalid, "--skip-invalid")
                        .description("Skip rows with an invalid value (empty, unparsable, NaN, infinite, negative weight, "
                                + "outside a loss's domain) and count them per reason, instead of failing with exit code 3.")
                        .build(),
                ArgBinding.option(Integer.class, threads, "--threads")
                        .paramLabel("N")
                        .description("Threads: 1 reads and computes on one thread. With N of 2 or more (2 is the default "
                                + "on a machine with two or more cores) a plain CSV/TSV file of 16 MiB or more is cut into N "
                                + "ranges at record boundaries, and a Parquet file of 16 MiB or more into N ranges of row "
                                + "groups, each read on its own thread; a .gz file is decompressed on a second thread; any "
                                + "other input (standard input, a CSV file with quotes near its start, a Parquet file of one "
                                + "row group, --baseline files) is read ahead on a second thread, a plain CSV/TSV file "
                                + "from 64 KiB on. The results and messages are the same bits whatever N.")
                        .build());
    }

    /**
     * The delimiter, or null to choose by file name. The only check of {@code --delimiter}: one character that
     * a CSV reader can split on (not the quote, not a line break), or 'tab' (also written \t).
     */
    Character delimiter() throws UsageException {
        String text = delimiter.value();
        if (text == null) return null;
        if (text.equalsIgnoreCase("tab") || text.equals("\\t")) return '\t';
        if (text.length() == 1 && "\"\n\r".indexOf(text.charAt(0)) < 0) return text.charAt(0);
        throw new UsageException("--delimiter must be one character (not a quote or line break) or 'tab', got '"
                + text + "'");
    }

    InvalidPolicy policy() {
        return skipInvalid.value() ? InvalidPolicy.SKIP : InvalidPolicy.FAIL;
    }

    /** The threads asked for, unchecked (the request checks them), or the default. */
    int threads() {
        return threads.value() == null ? EvalRequest.defaultThreads() : threads.value();
    }
}
