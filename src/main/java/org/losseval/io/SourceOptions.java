package org.losseval.io;

import java.util.List;

/**
 * How to open an input.
 *
 * @param columns        the columns to read, by name; each must exist in the input
 * @param delimiter      the CSV field delimiter, or null to choose by file name (tab for .tsv, else comma)
 * @param batchSize      rows per batch
 * @param maxRecordChars the longest CSV record accepted, so an unclosed quote cannot exhaust memory
 */
public record SourceOptions(List<String> columns, Character delimiter, int batchSize, int maxRecordChars) {
    public static final int DEFAULT_BATCH_SIZE = 8192;
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    public SourceOptions {
        columns = List.copyOf(columns);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (maxRecordChars < 1) throw new IllegalArgumentException("maxRecordChars must be >= 1");
    }

    public static SourceOptions of(List<String> columns) {
        return new SourceOptions(columns, null, DEFAULT_BATCH_SIZE, DEFAULT_MAX_RECORD_CHARS);
    }
}
