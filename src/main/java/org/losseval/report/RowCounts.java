package org.losseval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows were read, used, and skipped for each reason.
 *
 * @param read            data rows read
 * @param used            rows every loss was evaluated on
 * @param skippedByReason skipped rows per reason (only with --skip-invalid), in a stable order;
 *                        a row is counted once, under the first reason found
 */
public record RowCounts(long read, long used, Map<String, Long> skippedByReason) {
    public RowCounts {
        skippedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
    }

    public long skipped() {
        long total = 0;
        for (long n : skippedByReason.values()) total += n;
        return total;
    }
}
