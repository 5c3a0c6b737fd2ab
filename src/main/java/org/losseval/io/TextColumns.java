package org.losseval.io;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.losseval.batch.ColumnBatch;

/**
 * The text columns ({@link SourceOptions#texts()}) of one source: for each, whether the input holds it or it
 * is virtual, its dictionary ({@link TextDictionary}) and its reused codes array; and how they join a batch.
 *
 * <h2>What a cell's text is</h2>
 * <ul>
 *   <li>CSV: the field exactly as the CSV reader delivers it (quotes removed, {@code ""} as {@code "}), not
 *       trimmed, so {@code eu} and {@code " eu"} are two values, as in pandas. A number column read as text
 *       is its text as written: {@code 1} and {@code 1.0} are two values.
 *   <li>Parquet: see {@link ParquetTextColumn} (strings as UTF-8, integers in decimal, booleans as
 *       {@code true}/{@code false}, doubles by {@code text.Numbers.exact}).
 *   <li>A missing value (an empty CSV field, a Parquet null) is the empty string: a value like any other,
 *       never dropped (pandas' {@code groupby} drops it by default; losseval counts it).
 * </ul>
 *
 * <h2>Virtual columns</h2>
 * Two kinds of text column exist without being in the input, each with one value for the whole source:
 * <ul>
 *   <li>{@value #FILE}: the input's name as the user gave it ({@code -} for standard input);
 *   <li>a Hive-style partition: each directory segment {@code key=value} of the name gives a column
 *       {@code key} with that value ({@code dumps/date=2026-11-01/part-0.parquet} gives {@code date} =
 *       {@code 2026-11-01}). The value is percent-decoded as Hive and Spark write it ({@code %3D} is
 *       {@code =}); Hive's {@value #HIVE_NULL} is the missing value, the empty string. When a key appears in
 *       two segments, the innermost (the one nearest the file) wins. The file name itself is not a segment.
 * </ul>
 * <b>A real column wins</b>: when the input holds a column of that name (a CSV field {@code file}, a Parquet
 * field {@code date} written into each partition), that column is read and the virtual one is not made. So
 * a user's own column stays reachable, and a partitioned dump that repeats its partition column reads the
 * file's values, row by row.
 *
 * <p>A requested column that is neither in the input nor virtual is an {@link InputException} at row 0 naming
 * the file and column, listing the input's columns.
 */
final class TextColumns {
    /** The virtual column holding the input's name. */
    static final String FILE = "file";
    /** Hive's directory name for a null partition value. */
    static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

    final String[] names;
    /** {@code virtualValue[t]}: the value of virtual column t, or null when the input holds column t. */
    final String[] virtualValue;
    final TextDictionary[] dictionaries;
    final int[][] codes;

    private TextColumns(String[] names, String[] virtualValue, int batchSize) {
        this.names = names;
        this.virtualValue = virtualValue;
        this.dictionaries = new TextDictionary[names.length];
        this.codes = new int[names.length][batchSize];
        for (int t = 0; t < names.length; t++) {
            dictionaries[t] = new TextDictionary();
            // A virtual column's codes stay 0, the code of its only value.
            if (virtualValue[t] != null) dictionaries[t].code(virtualValue[t]);
        }
    }

    /**
     * @param source    the input's name as given (for {@value #FILE}, partitions and messages)
     * @param available the input's column names (a CSV header trimmed, Parquet's top-level fields)
     * @throws InputException when a requested column is neither in the input nor virtual
     */
    static TextColumns resolve(String source, SourceOptions options, List<String> available) throws InputException {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(options.texts()));
        Map<String, String> virtual = virtualColumns(source);
        String[] names = wanted.toArray(new String[0]);
        String[] values = new String[names.length];
        for (int t = 0; t < names.length; t++) {
            if (available.contains(names[t])) continue;
            values[t] = virtual.get(names[t]);
            if (values[t] == null) throw ColumnErrors.noSuchColumn(source, names[t], available);
        }
        return new TextColumns(names, values, options.batchSize());
    }

    /** The virtual columns of an input named {@code source}: {@value #FILE}, then its partitions in the order their keys first appear. */
    static Map<String, String> virtualColumns(String source) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(FILE, source);
        if (source.equals("-")) return columns;
        String[] segments = source.replace('\\', '/').split("/", -1);
        // The last segment is the file name, not a directory.
        for (int s = 0; s < segments.length - 1; s++) {
            int eq = segments[s].indexOf('=');
            if (eq <= 0) continue;
            String key = segments[s].substring(0, eq);
            String value = segments[s].substring(eq + 1);
            columns.put(key, value.equals(HIVE_NULL) ? "" : percentDecoded(value));
        }
        return columns;
    }

    /** Hive's escaping: {@code %XX} is the byte XX; a '+' stays a '+', and a malformed escape stays as written. */
    private static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) return value;
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Whether text column {@code t} is read from the input (else it is virtual). */
    boolean isReal(int t) { return virtualValue[t] == null; }

    /** The names of the text columns read from the input. */
    List<String> realNames() {
        List<String> real = new ArrayList<>();
        for (int t = 0; t < names.length; t++) if (isReal(t)) real.add(names[t]);
        return real;
    }

    /** Adds every text column, over this source's codes arrays, to {@code batch}. */
    ColumnBatch addTo(ColumnBatch batch) {
        for (int t = 0; t < names.length; t++) batch.withText(names[t], dictionaries[t].column(codes[t]));
        return batch;
    }
}
