package org.losseval.io;

import java.util.List;

/**
 * How to open an input.
 *
 * @param columns        the columns to read, by name; each must exist in the input
 * @param delimiter      the CSV field delimiter, or null to choose by file name (tab for .tsv, else comma)
 * @param batchSize      rows per batch
 * @param maxRecordChars the longest CSV record accepted, so an unclosed quote cannot exhaust memory
 * @param groups         column groups as the user typed them: a comma list ({@code a,b}), a range
 *                       ({@code l0..l9}, {@code l00..l09} keeps the padding), a glob over the input's columns
 *                       in their order ({@code logit_*}, {@code emb_?}), a Parquet list column by its name, or
 *                       a comma list mixing these. Each is resolved when the source opens (an error then is
 *                       an {@link InputException}); {@link Source#groupColumns(String)} gives its batch columns.
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
