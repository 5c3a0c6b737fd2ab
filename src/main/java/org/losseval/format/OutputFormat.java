package org.losseval.format;

import org.losseval.text.Numbers;

/** The output formats of {@code --format}. */
public enum OutputFormat {
    TABLE, JSON, CSV, MARKDOWN, JUNIT;

    /**
     * The printer for this format.
     *
     * @param precision significant digits (1..17) for the human formats, or null for the format's default:
     *                  {@link Numbers#DEFAULT_SIGNIFICANT_DIGITS} for table, markdown and the JUnit failure
     *                  messages, exact numbers for csv; JSON is always written exactly and ignores it
     * @throws IllegalArgumentException when {@code precision} is outside 1..17, whatever the format, so a
     *                                  bad {@code --precision} is reported even with {@code --format json}
     */
    public Printer printer(Integer precision) {
        if (precision != null) Numbers.checkSignificantDigits(precision);
        int digits = precision == null ? Numbers.DEFAULT_SIGNIFICANT_DIGITS : precision;
        return switch (this) {
            case TABLE -> new TablePrinter(digits);
            case JSON -> new JsonPrinter();
            case CSV -> precision == null ? new CsvPrinter() : new CsvPrinter(precision);
            case MARKDOWN -> new MarkdownPrinter(digits);
            case JUNIT -> new JunitPrinter(digits);
        };
    }
}
