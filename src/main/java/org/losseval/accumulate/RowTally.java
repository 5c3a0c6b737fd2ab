package org.losseval.accumulate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rows read, used and skipped per reason. Mergeable. Reasons are kept in alphabetical order so reports
 * are the same whatever order chunks were combined in.
 */
public final class RowTally {
    private long read;
    private long used;
    private final Map<String, Long> skipped = new TreeMap<>();

    public void read(long n) { read += n; }

    public void used(long n) { used += n; }

    public void skipped(String reason) { skipped.merge(reason, 1L, Long::sum); }

    public void combine(RowTally other) {
        read += other.read;
        used += other.used;
        other.skipped.forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
    }

    public long read() { return read; }

    public long used() { return used; }

    /** Skipped rows per reason, alphabetical. */
    public Map<String, Long> skippedByReason() { return new TreeMap<>(skipped); }
}
