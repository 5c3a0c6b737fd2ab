package org.losseval.format;

/** The output formats of {@code --format}. */
public enum OutputFormat {
    TABLE, JSON, CSV, MARKDOWN;

    /**
     * The printer for this format.
     *
     * @param precision significant digits for human formats (table, markdown, csv), or null for the
     *                  format's default; JSON is always written exactly
     */
    public Printer printer(Integer precision) {
        throw new UnsupportedOperationException("implemented by the format work");
    }
}
