package org.losseval.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a {@code --rows-out} file, in this order:
 * <ol>
 *   <li>{@value #INPUT}: the input file as given on the command line ({@code -} for stdin);</li>
 *   <li>{@value #ROW}: the data row within that input, counted from 1 as messages count rows (a CSV
 *       header is not a row);</li>
 *   <li>the text columns, as text, each under its own name: the {@code --key} columns, then the
 *       {@code --group-by} columns not already there (including the virtual {@code file} and Hive partition
 *       columns); a missing value is the empty text, as the groups read it;</li>
 *   <li>{@value #RESIDUAL}: pred &minus; target, empty where the run has no --pred and --target or the row
 *       was skipped;</li>
 *   <li>one column per requested loss, named by the loss's key exactly as the report and the gates name it
 *       (its label given as {@code -l label=SPEC}, else its spec: {@code mse}, {@code huber:delta=15},
 *       {@code huber:delta=mad}), then one per {@code --quantile} ({@code pinball[q90]}) and per
 *       {@code --interval} ({@code interval_score[p90]}), named as the report's figures: the row's loss, empty
 *       where the loss does not cover the row (a skipped row, or a class loss's ignored label);</li>
 *   <li>with a baseline, the same figures again for the baseline, each named {@value #BASELINE_PREFIX} and the
 *       figure's name ({@code baseline:mse}), then their differences, candidate &minus; baseline, named
 *       {@value #DELTA_PREFIX} and the figure's name ({@code delta:mse}), as the gates' {@code baseline[mse]} and
 *       {@code delta[mse]};</li>
 *   <li>{@value #OUTLIER}: {@code true}/{@code false}, the run's robust-outlier rule applied to the row's
 *       residual, empty where it cannot say (no residual, no outlier figures, or a bracketed threshold that
 *       straddles the residual);</li>
 *   <li>{@value #SKIPPED}: empty for a row the figures use; for a row skipped by {@code --skip-invalid}, the
 *       reason the report counts it under ({@code not a number}, ...).</li>
 * </ol>
 * Every name must be unique: a key or group column or a loss key that equals another column's name is refused
 * ({@link #of} throws).
 *
 * @param textColumns the key and group columns, in order
 * @param lossColumns the figures' names (losses, pinball, interval scores), in order
 * @param compared    whether the baseline's row losses and the differences follow
 */
public record RowsLayout(List<String> textColumns, List<String> lossColumns, boolean compared) {
    public static final String INPUT = "input";
    public static final String ROW = "row";
    public static final String RESIDUAL = "residual";
    public static final String OUTLIER = "outlier";
    public static final String SKIPPED = "skipped";
    public static final String BASELINE_PREFIX = "baseline:";
    public static final String DELTA_PREFIX = "delta:";

    public RowsLayout {
        textColumns = List.copyOf(textColumns);
        lossColumns = List.copyOf(lossColumns);
    }

    /**
     * The layout for these columns.
     *
     * @throws IllegalArgumentException when two columns would have the same name
     */
    public static RowsLayout of(List<String> textColumns, List<String> lossColumns, boolean compared) {
        RowsLayout layout = new RowsLayout(textColumns, lossColumns, compared);
        Set<String> seen = new HashSet<>();
        for (String column : layout.header()) {
            if (!seen.add(column)) {
                throw new IllegalArgumentException("--rows-out: two columns would be named '" + column + "'; "
                        + (layout.textColumns.contains(column) ? "a key or --group-by column cannot have the name of"
                        + " another column of the file (" + String.join(", ", INPUT, ROW, RESIDUAL, OUTLIER, SKIPPED)
                        + ", a loss's label)" : "give the loss another label (-l label=SPEC)"));
            }
        }
        return layout;
    }

    /** Every column name, in order. */
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of(INPUT, ROW));
        header.addAll(textColumns);
        header.add(RESIDUAL);
        header.addAll(lossColumns);
        if (compared) {
            for (String loss : lossColumns) header.add(BASELINE_PREFIX + loss);
            for (String loss : lossColumns) header.add(DELTA_PREFIX + loss);
        }
        header.add(OUTLIER);
        header.add(SKIPPED);
        return header;
    }
}
