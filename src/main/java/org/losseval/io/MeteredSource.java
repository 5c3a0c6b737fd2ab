package org.losseval.io;

import java.util.List;
import org.losseval.batch.ColumnBatch;

/** A CSV source with its position in the bytes read ({@link ByteMeter}) and the file's size, for progress. */
final class MeteredSource implements Source {
    private final Source source;
    private final ByteMeter meter;
    private final long size;

    /** @param size the file's size in bytes, or -1 when unknown (standard input) */
    MeteredSource(Source source, ByteMeter meter, long size) {
        this.source = source;
        this.meter = meter;
        this.size = size;
    }

    /** The source it meters: which reader was chosen, for the tests. */
    Source metered() { return source; }

    @Override public String name() { return source.name(); }

    @Override public String format() { return source.format(); }

    @Override public ColumnBatch next() throws InputException { return source.next(); }

    @Override public List<String> groupColumns(String groupSpec) { return source.groupColumns(groupSpec); }

    @Override public long rowsRead() { return source.rowsRead(); }

    @Override public long bytesRead() { return meter.count(); }

    @Override public long bytesTotal() { return size; }

    @Override public void close() throws InputException { source.close(); }
}
