package org.losseval.app;

import java.util.List;

/**
 * The baseline's own files (--baseline FILE...) and how their rows are paired with the candidate's: by the
 * --key columns, or by position when there are none. Null in {@link EvalRequest} without --baseline.
 *
 * <p>Both sides' files are concatenated in the order given. By position the n-th rows pair and the targets
 * must agree row by row ({@link PositionalPairing}); by key the baseline is held in a table of
 * {@link BaselineTable#bytesPerRow documented cost} within {@code budgetBytes}, capped at a quarter of the
 * heap like --exact-budget ({@link KeyedPairing}). The baseline's columns are named as {@link PairedColumns}
 * says.
 *
 * @param files       the baseline's files as given, at least one
 * @param keys        the key columns, empty to pair by position
 * @param budgetBytes the most memory the key table may use (--join-budget)
 */
public record PairingRequest(List<String> files, List<String> keys, long budgetBytes) {
    /**
     * 512 MiB: about 2.7 million rows with a 6-character key, a target and one prediction (60 bytes a row in the
     * table, 140 in the reader's dictionary of key texts).
     */
    public static final long DEFAULT_BUDGET_BYTES = 512L << 20;
    /** The largest budget in MiB whose byte count fits in a long. */
    public static final long MAX_BUDGET_MIB = Long.MAX_VALUE >> 20;

    public PairingRequest {
        files = List.copyOf(files);
        keys = List.copyOf(keys);
        // The messages name the options: the command line shows them as they are (a usage error).
        if (files.isEmpty()) throw new IllegalArgumentException("--baseline needs at least one file");
        if (keys.stream().distinct().count() < keys.size()) {
            throw new IllegalArgumentException("--key names a column twice: " + String.join(", ", keys));
        }
        if (budgetBytes < 0) throw new IllegalArgumentException("--join-budget must not be negative");
    }

    /** Pairing with the default budget. */
    public PairingRequest(List<String> files, List<String> keys) {
        this(files, keys, DEFAULT_BUDGET_BYTES);
    }

    /** Whether rows pair by key (else by position). */
    public boolean keyed() { return !keys.isEmpty(); }

    /**
     * A budget given in MiB (--join-budget), in bytes.
     *
     * @throws IllegalArgumentException when {@code mebibytes} is negative or its bytes overflow a long
     */
    public static long budgetBytes(long mebibytes) {
        if (mebibytes < 0 || mebibytes > MAX_BUDGET_MIB) {
            throw new IllegalArgumentException("--join-budget must be a number of MiB from 0 to " + MAX_BUDGET_MIB
                    + ", got " + mebibytes);
        }
        return mebibytes << 20;
    }
}
