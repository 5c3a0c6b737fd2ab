package org.losseval.app;

/**
 * A quantile prediction column ({@code --quantile COL@q}).
 *
 * @param column the column
 * @param level  the quantile it predicts, in (0, 1)
 */
public record QuantileColumn(String column, double level) {
    public QuantileColumn {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("quantile level must be in (0, 1): " + level);
    }
}
