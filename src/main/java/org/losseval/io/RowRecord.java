package org.losseval.io;

/**
 * One row of a {@code --rows-out} file, filled by the caller and read by a {@link RowsWriter} (see
 * {@link RowsLayout} for the columns). Mutable and reused from row to row, so writing allocates nothing per
 * row. Not thread-safe.
 */
public final class RowRecord {
    /** {@link #outlier} when the rule cannot say. */
    public static final int UNKNOWN = -1;

    /** The input as given. */
    public String input;
    /** The data row, from 1. */
    public long row;
    /** Each text column's value (never null: a missing value is the empty text); as long as the layout's. */
    public final String[] texts;
    /** pred - target, or NaN for an empty cell. */
    public double residual = Double.NaN;
    /** Each loss's row loss, NaN for an empty cell; as long as the layout's loss columns. */
    public final double[] losses;
    /** With a comparison, the baseline's row losses, else empty; NaN for an empty cell. */
    public final double[] baselineLosses;
    /** With a comparison, candidate - baseline per loss, else empty; NaN for an empty cell. */
    public final double[] deltas;
    /** 1 an outlier, 0 not one, {@link #UNKNOWN} empty. */
    public int outlier = UNKNOWN;
    /** The skip reason, or null for a used row. */
    public String skipped;

    public RowRecord(RowsLayout layout) {
        texts = new String[layout.textColumns().size()];
        java.util.Arrays.fill(texts, "");
        losses = new double[layout.lossColumns().size()];
        baselineLosses = new double[layout.compared() ? losses.length : 0];
        deltas = new double[baselineLosses.length];
    }
}
