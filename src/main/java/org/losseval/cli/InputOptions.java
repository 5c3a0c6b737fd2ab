package org.losseval.cli;

import org.losseval.app.EvalRequest;
import org.losseval.app.InvalidPolicy;
import picocli.CommandLine.Option;

/** How the inputs are read: {@code --delimiter}, {@code --skip-invalid}, {@code --threads}. */
final class InputOptions {
    static final String HEADING = "%nInputs:%n";

    @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR",
            description = "CSV field delimiter: one character, or 'tab'. Default: tab for .tsv files, else comma.")
    String delimiter;

    @Option(names = "--skip-invalid",
            description = "Skip rows with an invalid value (empty, unparsable, NaN, infinite, negative weight, "
                    + "outside a loss's domain) and count them per reason, instead of failing with exit code 3.")
    boolean skipInvalid;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads: 1 reads and computes on one thread. With N of 2 or more (2 is the default on a machine "
                    + "with two or more cores) a plain CSV/TSV file of 16 MiB or more is cut into N ranges at record "
                    + "boundaries, and a Parquet file of 16 MiB or more into N ranges of row groups, each read on its own "
                    + "thread; a .gz file is decompressed on a second thread; any other input (standard input, a CSV file "
                    + "with quotes near its start, a Parquet file of one row group, --baseline files) is read ahead on a "
                    + "second thread. The results and messages are the same bits whatever N.")
    Integer threads;

    /**
     * The delimiter, or null to choose by file name. The only check of {@code --delimiter}: one character that
     * a CSV reader can split on (not the quote, not a line break), or 'tab' (also written \t).
     */
    Character delimiter() throws UsageException {
        if (delimiter == null) return null;
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) return '\t';
        if (delimiter.length() == 1 && "\"\n\r".indexOf(delimiter.charAt(0)) < 0) return delimiter.charAt(0);
        throw new UsageException("--delimiter must be one character (not a quote or line break) or 'tab', got '"
                + delimiter + "'");
    }

    InvalidPolicy policy() {
        return skipInvalid ? InvalidPolicy.SKIP : InvalidPolicy.FAIL;
    }

    /** The threads asked for, unchecked (the request checks them), or the default. */
    int threads() {
        return threads == null ? EvalRequest.defaultThreads() : threads;
    }
}
