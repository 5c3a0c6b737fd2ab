package org.losseval.app;

import java.util.Map;
import java.util.TreeMap;

/**
 * What pairing with a baseline in other files counted: the baseline's rows read and paired, and per reason
 * the candidate rows removed (also counted in the inputs' tallies, so the report's skipped rows include
 * them) and the baseline rows left unpaired. Reasons are phrases, sorted, like {@link
 * org.losseval.accumulate.RowTally}'s.
 */
public final class PairingCounts {
    /** A candidate row whose key is empty, null or not a number (key join). */
    public static final String MISSING_KEY = "missing key";
    /** A candidate row whose key no baseline row has. */
    public static final String KEY_NOT_IN_BASELINE = "key not in baseline";
    /** A candidate row whose key two or more baseline rows have: which one pairs is ambiguous. */
    public static final String KEY_DUPLICATED_IN_BASELINE = "key duplicated in baseline";
    /** A candidate row whose key an earlier candidate row had (that one is paired). */
    public static final String DUPLICATE_KEY = "duplicate key";
    /** A candidate row whose target differs from its baseline row's (key join; by position it is an error). */
    public static final String TARGET_DIFFERS = "target differs from baseline";
    /** A baseline row whose key no candidate row has. */
    public static final String KEY_NOT_IN_CANDIDATE = "key not in candidate";

    private long baselineRows;
    private long baselinePaired;
    private final Map<String, Long> candidateSkipped = new TreeMap<>();
    private final Map<String, Long> baselineUnpaired = new TreeMap<>();

    void baselineRead(long n) { baselineRows += n; }

    void baselinePaired(long n) { baselinePaired += n; }

    void candidateSkipped(String reason) { candidateSkipped.merge(reason, 1L, Long::sum); }

    void baselineUnpaired(String reason, long n) {
        if (n > 0) baselineUnpaired.merge(reason, n, Long::sum);
    }

    /** The counts as the report shows them. */
    org.losseval.report.PairingReport result(PairingRequest request) {
        return new org.losseval.report.PairingReport(request.files(), request.keys(), baselineRows, baselinePaired,
                baselineUnpaired);
    }

    /** Rows read from the baseline's files. */
    public long baselineRows() { return baselineRows; }

    /** Baseline rows paired with a candidate row. */
    public long baselinePaired() { return baselinePaired; }

    /** Candidate rows removed by the pairing, per reason (only with --skip-invalid). */
    public Map<String, Long> candidateSkipped() { return new TreeMap<>(candidateSkipped); }

    /**
     * Baseline rows not paired, per reason (only with --skip-invalid): {@value #MISSING_KEY}, {@value
     * #DUPLICATE_KEY} (the later rows of a key), {@value #KEY_NOT_IN_CANDIDATE}.
     */
    public Map<String, Long> baselineUnpaired() { return new TreeMap<>(baselineUnpaired); }
}
