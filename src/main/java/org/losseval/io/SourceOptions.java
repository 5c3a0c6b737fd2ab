package org.losseval.io;

import java.util.List;

/**
 * How to open an input.
 *
 * @param columns        the columns to read, by name; each must exist in the input
 * @param delimiter      the CSV field delimiter, or null to choose by file name (tab for .tsv, else comma)
 * @param batchSize      rows per batch
 * @param maxRecordChars the longest CSV record accepted, so an unclosed quote cannot exhaust memory
 * @param groups         column groups as the user typed them ({@code l0..l9}, {@code logit_*}, {@code a,b},
 *                       a Parquet list column); each is resolved when the source opens, and its batch
 *                       columns are then given by {@link Source#groupColumns(String)}. See {@link GroupSpec}.
 */
public record SourceOptions(List<String> columns, Character delimiter, int batchSize, int maxRecordChars,
                            List<String> groups) {
    public static final int DEFAULT_BATCH_SIZE = 8192;
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    public SourceOptions {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (maxRecordChars < 1) throw new IllegalArgumentException("maxRecordChars must be >= 1");
    }

    /** Options without column groups. */
    public SourceOptions(List<String> columns, Character delimiter, int batchSize, int maxRecordChars) {
        this(columns, delimiter, batchSize, maxRecordChars, List.of());
    }

    public static SourceOptions of(List<String> columns) {
        return new SourceOptions(columns, null, DEFAULT_BATCH_SIZE, DEFAULT_MAX_RECORD_CHARS);
    }

    /** Default options reading {@code columns} and the column groups {@code groups}. */
    public static SourceOptions of(List<String> columns, List<String> groups) {
        return new SourceOptions(columns, null, DEFAULT_BATCH_SIZE, DEFAULT_MAX_RECORD_CHARS, groups);
    }

    /** These options with {@code groups} instead of the current groups. */
    public SourceOptions withGroups(List<String> groups) {
        return new SourceOptions(columns, delimiter, batchSize, maxRecordChars, groups);
    }
}
