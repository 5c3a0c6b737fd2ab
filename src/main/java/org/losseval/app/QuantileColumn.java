package org.losseval.app;

import org.losseval.accumulate.Levels;

/**
 * A quantile prediction column ({@code --quantile COL@q}).
 *
 * @param column the column
 * @param level  the quantile it predicts, in (0, 1)
 */
public record QuantileColumn(String column, double level) {
    public QuantileColumn {
        Levels.quantileLevel(level);
    }
}
