package org.losseval.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The format of a {@code --rows-out} file, chosen by its name's extension: {@code .csv}, {@code .tsv}, either
 * followed by {@code .gz} (gzip-compressed), or {@code .parquet}. Any other name is refused before data is
 * read, so a typo never produces a file in a format nobody asked for.
 */
public enum RowsFormat {
    CSV(',', false), CSV_GZ(',', true), TSV('\t', false), TSV_GZ('\t', true), PARQUET((char) 0, false);

    private final char delimiter;
    private final boolean gzip;

    RowsFormat(char delimiter, boolean gzip) {
        this.delimiter = delimiter;
        this.gzip = gzip;
    }

    /**
     * The format of {@code file} by its extension (case-insensitive).
     *
     * @throws IllegalArgumentException for any other extension, saying which ones are known
     */
    public static RowsFormat forFile(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) return CSV;
        if (lower.endsWith(".csv.gz")) return CSV_GZ;
        if (lower.endsWith(".tsv")) return TSV;
        if (lower.endsWith(".tsv.gz")) return TSV_GZ;
        if (lower.endsWith(".parquet")) return PARQUET;
        throw new IllegalArgumentException("--rows-out '" + file + "': unknown extension; use .csv, .tsv, .csv.gz,"
                + " .tsv.gz or .parquet");
    }

    /** The field delimiter of a text format. */
    char delimiter() { return delimiter; }

    boolean gzip() { return gzip; }
}
