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
 *   <li>{@value #RESIDUAL}: pred &minus; target, empty where the run has no --pred and --target or the row
 *       was skipped;</li>
 *   <li>one column per requested loss, named by the loss's key exactly as the report and the gates name it
 *       (its label given as {@code -l label=SPEC}, else its spec: {@code mse}, {@code huber:delta=15},
 *       {@code huber:delta=mad}): the row's loss, empty where the loss does not cover the row (a skipped
 *       row, or a class loss's ignored label);</li>
 *   <li>{@value #OUTLIER}: {@code true}/{@code false}, the run's robust-outlier rule applied to the row's
 *       residual, empty where it cannot say (no residual, no outlier figures, or a bracketed threshold that
 *       straddles the residual);</li>
 *   <li>{@value #SKIPPED}: empty for a row the figures use; for a row skipped by {@code --skip-invalid}, the
 *       reason the report counts it under ({@code not a number}, ...).</li>
 * </ol>
 * Every name must be unique: a loss key that equals a fixed column's name is refused
 * ({@link #of} throws). The comparison with a baseline will add its row losses and differences after the
 * loss columns.
 */
public record RowsLayout(List<String> lossColumns) {
    public static final String INPUT = "input";
    public static final String ROW = "row";
    public static final String RESIDUAL = "residual";
    public static final String OUTLIER = "outlier";
    public static final String SKIPPED = "skipped";

    public RowsLayout {
        lossColumns = List.copyOf(lossColumns);
    }

    /**
     * The layout for these loss keys.
     *
     * @throws IllegalArgumentException when two columns would have the same name
     */
    public static RowsLayout of(List<String> lossKeys) {
        RowsLayout layout = new RowsLayout(lossKeys);
        Set<String> seen = new HashSet<>();
        for (String column : layout.header()) {
            if (!seen.add(column)) {
                throw new IllegalArgumentException("--rows-out: two columns would be named '" + column
                        + "'; give the loss another label (-l label=SPEC)");
            }
        }
        return layout;
    }

    /** Every column name, in order. */
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of(INPUT, ROW, RESIDUAL));
        header.addAll(lossColumns);
        header.add(OUTLIER);
        header.add(SKIPPED);
        return header;
    }
}
