package org.losseval.batch;

import java.util.Objects;

/**
 * A text column of a batch (a group or key column: a region, a device, an id), held as one dictionary code
 * per row, so a file of 10<sup>7</sup> rows with 100 distinct values makes 100 Strings, not 10<sup>7</sup>.
 *
 * <p>Codes are assigned by the source in order of first appearance, from 0, and are <b>stable across the
 * batches of one source</b>: the same text has the same code in every batch of that source (not across
 * sources: two files number their values independently, so a caller combining sources maps
 * {@link #value(int)} to its own codes). {@link #distinct()} is the number of values the source had seen when
 * this batch was made; every code of the batch is below it.
 *
 * <p>The text of a cell is the cell's value as the reader documents it (a CSV field as written, a Parquet
 * string, integer, boolean or number as text; see {@code io.TextCells}). A missing value (an empty CSV field,
 * a Parquet null) is the empty string: it is a value like any other, never dropped.
 *
 * <p>The dictionary array is shared with the source, which only appends to it (beyond {@code distinct}) and
 * replaces it by a longer copy when full, so a batch handed to another thread reads its own values safely
 * once the hand-over itself is safe (a queue). Codes arrays may be reused by the source like number columns;
 * {@link ColumnBatch#copy} copies them. Not thread-safe.
 */
public final class TextColumn {
    private final int[] codes;
    private final String[] values;
    private final int distinct;

    /**
     * @param codes    one code per row; at least the batch's size
     * @param values   {@code values[c]} is the text of code {@code c}, for {@code c < distinct}
     * @param distinct the number of values known; every code is below it
     */
    public TextColumn(int[] codes, String[] values, int distinct) {
        this.codes = Objects.requireNonNull(codes);
        this.values = Objects.requireNonNull(values);
        if (distinct < 0 || distinct > values.length) {
            throw new IllegalArgumentException("distinct must be within 0.." + values.length + ": " + distinct);
        }
        this.distinct = distinct;
    }

    /** The codes, one per row; only the batch's first {@code size} entries are meaningful. */
    public int[] codes() { return codes; }

    /** The code of the row at {@code index}. */
    public int code(int index) { return codes[index]; }

    /** The text of the row at {@code index}. */
    public String text(int index) { return value(codes[index]); }

    /** The text of {@code code}. */
    public String value(int code) {
        Objects.checkIndex(code, distinct);
        return values[code];
    }

    /** How many values the source knew when this batch was made (codes are below this). */
    public int distinct() { return distinct; }

    /** The same values over other codes (a copy or a compacted batch). */
    TextColumn withCodes(int[] otherCodes) { return new TextColumn(otherCodes, values, distinct); }
}
