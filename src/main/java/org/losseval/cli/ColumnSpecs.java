package org.losseval.cli;

import org.losseval.app.IntervalColumns;
import org.losseval.app.QuantileColumn;

/** Parses {@code --quantile COL@Q} and {@code --interval LOWER:UPPER[@NOMINAL]}. The last '@' separates the number. */
final class ColumnSpecs {
    private ColumnSpecs() {}

    static QuantileColumn quantile(String text) throws UsageException {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new UsageException("--quantile '" + text + "': expected COL@Q, e.g. p90@0.9");
        }
        double level = number(text.substring(at + 1), "--quantile '" + text + "'");
        try {
            return new QuantileColumn(text.substring(0, at), level);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--quantile '" + text + "': " + e.getMessage());
        }
    }

    static IntervalColumns interval(String text) throws UsageException {
        String columns = text;
        Double nominal = null;
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            columns = text.substring(0, at);
            nominal = number(text.substring(at + 1), "--interval '" + text + "'");
        }
        int colon = columns.indexOf(':');
        if (colon <= 0 || colon == columns.length() - 1 || columns.indexOf(':', colon + 1) >= 0) {
            throw new UsageException("--interval '" + text + "': expected LOWER:UPPER[@NOMINAL], e.g. p10:p90@0.8");
        }
        try {
            return new IntervalColumns(columns.substring(0, colon), columns.substring(colon + 1), nominal);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--interval '" + text + "': " + e.getMessage());
        }
    }

    private static double number(String text, String where) throws UsageException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(where + ": '" + text + "' is not a number");
        }
    }
}
