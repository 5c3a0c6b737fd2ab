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
 * @param texts          columns to read as text ({@link org.losseval.batch.TextColumn}: group and key columns),
 *                       by name; each must be a column of the input or a virtual column ({@code file}, or a
 *                       {@code key=value} directory segment of the input's name; a real column of the same
 *                       name wins), and what a cell's text is: see {@link TextColumns}.
 *                       A column may be read both as numbers and as text.
 */
public record SourceOptions(List<String> columns, Character delimiter, int batchSize, int maxRecordChars,
                            List<String> groups, List<String> texts) {
    public static final int DEFAULT_BATCH_SIZE = 8192;
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    public SourceOptions {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
        texts = List.copyOf(texts);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (maxRecordChars < 1) throw new IllegalArgumentException("maxRecordChars must be >= 1");
    }

    /** Options without text columns. */
    public SourceOptions(List<String> columns, Character delimiter, int batchSize, int maxRecordChars,
                         List<String> groups) {
        this(columns, delimiter, batchSize, maxRecordChars, groups, List.of());
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
        return new SourceOptions(columns, delimiter, batchSize, maxRecordChars, groups, texts);
    }

    /** These options with {@code texts} as the text columns to read. */
    public SourceOptions withTexts(List<String> texts) {
        return new SourceOptions(columns, delimiter, batchSize, maxRecordChars, groups, texts);
    }
}
