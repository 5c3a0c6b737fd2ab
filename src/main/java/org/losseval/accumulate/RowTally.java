package org.losseval.accumulate;

import java.util.Map;
import java.util.TreeMap;
import org.losseval.report.RowCounts;

/**
 * Rows read, used and skipped per reason. Reasons are kept in alphabetical order, so a report is the same
 * whatever order chunks were combined in. Every tally combines with every other (there is nothing to be
 * incompatible about). Batch view: the counts of a batch ({@link #read}, {@link #used}) and each skipped
 * row's reason ({@link #skipped}). Cost: two counts and one entry per reason. Not thread-safe; combine
 * per-thread states.
 */
public final class RowTally implements MergeableState<RowTally, RowCounts> {
    private long read;
    private long used;
    private final Map<String, Long> skipped = new TreeMap<>();

    public void read(long n) { read += n; }

    public void used(long n) { used += n; }

    public void skipped(String reason) { skipped(reason, 1); }

    /** Adds n skips for reason; a loop and a get, not {@code merge(.., Long::sum)}, linked at every start. */
    private void skipped(String reason, long n) {
        Long before = skipped.get(reason);
        skipped.put(reason, before == null ? n : before + n);
    }

    @Override
    public void combine(RowTally other) {
        read += other.read;
        used += other.used;
        for (Map.Entry<String, Long> reason : other.skipped.entrySet()) skipped(reason.getKey(), reason.getValue());
    }

    public long read() { return read; }

    public long used() { return used; }

    /** Skipped rows per reason, alphabetical. */
    public Map<String, Long> skippedByReason() { return new TreeMap<>(skipped); }

    /** The counts as the report shows them. */
    @Override
    public RowCounts result() { return new RowCounts(read, used, skippedByReason()); }
}
