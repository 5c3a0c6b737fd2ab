package org.losseval.cli;

import java.util.Locale;
import org.losseval.format.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads --format case-insensitively and lists the choices when the value is not one of them. */
final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
        for (OutputFormat format : OutputFormat.values()) {
            if (format.name().equalsIgnoreCase(value)) return format;
        }
        throw new TypeConversionException("unknown format '" + value + "'; formats are: " + choices());
    }

    static String choices() {
        StringBuilder sb = new StringBuilder();
        for (OutputFormat format : OutputFormat.values()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(format.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
