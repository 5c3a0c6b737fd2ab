package org.losseval.format;

import java.nio.file.Path;
import java.util.Locale;
import org.losseval.text.Numbers;

/**
 * The output formats of {@code --format}, and the one table of file extensions that pick a format for
 * {@code -o FILE} when {@code --format} is not given.
 */
public enum OutputFormat {
    TABLE(), JSON(".json"), CSV(".csv"), MARKDOWN(".md", ".markdown"), JUNIT(".xml"), HTML(".html", ".htm");

    private final String[] extensions;

    OutputFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The extensions that pick this format, lower case with their dot; none for table. */
    public java.util.List<String> extensions() {
        return java.util.List.of(extensions);
    }

    /**
     * The format a file's name asks for: the one whose extension it ends with (case-insensitively), or
     * table when none does (a name without an extension, {@code report.txt}, {@code /dev/stdout}).
     */
    public static OutputFormat forFile(Path file) {
        Path name = file.getFileName();
        if (name == null) return TABLE;
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            for (String extension : format.extensions) {
                if (lower.endsWith(extension) && lower.length() > extension.length()) return format;
            }
        }
        return TABLE;
    }

    /**
     * The printer for this format.
     *
     * @param precision significant digits (1..17) for the human formats, or null for the format's default:
     *                  {@link Numbers#DEFAULT_SIGNIFICANT_DIGITS} for table, markdown, html and the JUnit failure
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
            case HTML -> new HtmlPrinter(digits);
        };
    }
}
