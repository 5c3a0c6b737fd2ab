package org.losseval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the candidate's rows were paired with a baseline in other files (--baseline FILE...): the baseline's
 * rows read and paired, and those left unpaired per reason. The candidate's rows the pairing removed are
 * in the report's row counts, under their skip reasons ({@link RowCounts#skippedByReason()}).
 *
 * @param files              the baseline's files as given
 * @param keys               the --key columns, empty when rows were paired by position
 * @param rowsRead           the baseline's data rows read
 * @param rowsPaired         baseline rows paired with a candidate row
 * @param unpairedByReason   baseline rows not paired (only with --skip-invalid), per reason ("missing key",
 *                           "duplicate key", "key not in candidate"), in a stable order
 */
public record PairingReport(List<String> files, List<String> keys, long rowsRead, long rowsPaired,
                            Map<String, Long> unpairedByReason) {
    public PairingReport {
        files = List.copyOf(files);
        keys = List.copyOf(keys);
        unpairedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(unpairedByReason));
    }

    /** Baseline rows not paired: the sum of {@link #unpairedByReason}. */
    public long rowsUnpaired() {
        long total = 0;
        for (long n : unpairedByReason.values()) total += n;
        return total;
    }
}
