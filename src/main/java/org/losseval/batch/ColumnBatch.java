package org.losseval.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch of rows from one source, stored column by column as primitive arrays.
 *
 * <p>Any producer fills one: a file reader today, a Spark partition later. Values that could not be
 * read (an empty cell, a null, text that is not a number) are stored as {@code NaN} and described by a
 * {@link CellIssue}, so the code that applies the invalid-value policy can say exactly what was wrong.
 *
 * <p>Rows are numbered from 1 within their source, counting data rows only (a CSV header is not a row).
 * A batch from a text file also knows the line each row starts on ({@link #withLines}), for messages.
 * A fresh batch holds consecutive rows starting at {@link #firstRow()}; after {@link #retain} removed rows,
 * each row keeps its original number.
 *
 * <p>Besides its number columns, a batch may hold text columns ({@link TextColumn}: dictionary codes per row),
 * for group and key columns; their names are a namespace of their own, so a column may be read both as
 * numbers and as text.
 *
 * <p>Arrays may be longer than {@link #size()} (readers reuse them); only the first {@code size} entries
 * are meaningful. A batch is not thread-safe.
 */
public final class ColumnBatch {
    private final String source;
    private final Map<String, double[]> columns;
    private int size;
    private final long firstRow;
    private long[] rowNumbers; // null while rows are consecutive from firstRow
    private long[] lines; // null for a source without lines (Parquet)
    private final List<CellIssue> issues;
    private final Map<String, TextColumn> texts = new LinkedHashMap<>();

    /**
     * @param source   the name of the source shown in messages and reports (a path, or "-" for stdin)
     * @param firstRow the 1-based number of the first row in this batch
     * @param size     how many rows the batch holds
     * @param columns  column name to values; each array holds at least {@code size} values
     * @param issues   cells whose value could not be read (their value is NaN); may be empty
     */
    public ColumnBatch(String source, long firstRow, int size, Map<String, double[]> columns, List<CellIssue> issues) {
        this.source = Objects.requireNonNull(source);
        if (firstRow < 1) throw new IllegalArgumentException("firstRow must be >= 1: " + firstRow);
        if (size < 0) throw new IllegalArgumentException("size must be >= 0: " + size);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length < size) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' holds fewer than " + size + " values");
            }
        }
        this.firstRow = firstRow;
        this.size = size;
        this.columns = new LinkedHashMap<>(columns);
        this.issues = new ArrayList<>(issues);
    }

    /**
     * Gives each row the line of a text file it starts on (for messages), {@code lines[index]}; the array may
     * be longer than the batch (readers reuse it) and is compacted by {@link #retain} with the rows.
     *
     * @return this batch
     */
    public ColumnBatch withLines(long[] lines) {
        if (lines.length < size) throw new IllegalArgumentException("lines holds fewer than " + size + " values");
        this.lines = lines;
        return this;
    }

    /**
     * Adds a text column ({@code column.codes()} holds at least {@link #size()} codes), replacing one of the
     * same name.
     *
     * @return this batch
     */
    public ColumnBatch withText(String name, TextColumn column) {
        if (column.codes().length < size) {
            throw new IllegalArgumentException("text column '" + name + "' holds fewer than " + size + " codes");
        }
        texts.put(Objects.requireNonNull(name), column);
        return this;
    }

    /**
     * Gives each row its own 1-based row number, for a producer whose rows are not consecutive (a Spark partition
     * after a shuffle holds scattered rows of a file); {@code numbers[0]} must be {@link #firstRow()}. The array
     * may be longer than the batch.
     *
     * @return this batch
     */
    public ColumnBatch withRowNumbers(long[] numbers) {
        if (numbers.length < size) throw new IllegalArgumentException("fewer row numbers than rows");
        if (size > 0 && numbers[0] != firstRow) throw new IllegalArgumentException("the first row number is not firstRow");
        rowNumbers = numbers;
        return this;
    }

    public boolean hasTextColumn(String name) { return texts.containsKey(name); }

    /** A text column; only the codes of the first {@link #size()} rows are meaningful. */
    public TextColumn textColumn(String name) {
        TextColumn column = texts.get(name);
        if (column == null) throw new IllegalArgumentException("no text column '" + name + "' in batch from " + source);
        return column;
    }

    /** The text columns' names, in the order they were added. */
    public List<String> textColumnNames() { return List.copyOf(texts.keySet()); }

    /** The 1-based line of a text file the row at {@code index} starts on, or 0 for a source without lines. */
    public long lineNumber(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return lines == null ? 0 : lines[index];
    }

    public String source() { return source; }

    public int size() { return size; }

    public long firstRow() { return firstRow; }

    /** The 1-based row number of the row at {@code index} in its source. */
    public long rowNumber(int index) {
        Objects.checkIndex(index, size);
        return rowNumbers == null ? firstRow + index : rowNumbers[index];
    }

    public boolean hasColumn(String name) { return columns.containsKey(name); }

    /** The values of a column; only the first {@link #size()} entries are meaningful. */
    public double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) throw new IllegalArgumentException("no column '" + name + "' in batch from " + source);
        return values;
    }

    public List<String> columnNames() { return List.copyOf(columns.keySet()); }

    /** Cells whose value could not be read, in row order. */
    public List<CellIssue> issues() { return Collections.unmodifiableList(issues); }

    /** The issue recorded for a cell, or null when the cell was read (its value may still be NaN or infinite). */
    public CellIssue issueAt(int index, String column) {
        for (CellIssue issue : issues) {
            if (issue.index() == index && issue.column().equals(column)) return issue;
        }
        return null;
    }

    /**
     * A copy of this batch that owns its arrays, so the producer may reuse its own. Writes into {@code reuse}
     * when it is a previous copy with room for this batch's columns, else allocates.
     */
    public ColumnBatch copy(ColumnBatch reuse) {
        Map<String, double[]> copied = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double[] target = reuse != null && reuse.columns.containsKey(e.getKey())
                    && reuse.columns.get(e.getKey()).length >= size ? reuse.columns.get(e.getKey()) : new double[size];
            System.arraycopy(e.getValue(), 0, target, 0, size);
            copied.put(e.getKey(), target);
        }
        ColumnBatch copy = new ColumnBatch(source, firstRow, size, copied, issues);
        for (Map.Entry<String, TextColumn> e : texts.entrySet()) {
            TextColumn old = reuse == null ? null : reuse.texts.get(e.getKey());
            int[] target = old != null && old.codes().length >= size ? old.codes() : new int[size];
            System.arraycopy(e.getValue().codes(), 0, target, 0, size);
            copy.texts.put(e.getKey(), e.getValue().withCodes(target));
        }
        if (rowNumbers != null) copy.rowNumbers = java.util.Arrays.copyOf(rowNumbers, size);
        if (lines != null) copy.lines = java.util.Arrays.copyOf(lines, size);
        return copy;
    }

    /**
     * Keeps only the rows whose {@code keep} flag is set, in order, compacting every column in place.
     * Row numbers and cell issues follow their rows.
     */
    public void retain(boolean[] keep) {
        if (keep.length < size) throw new IllegalArgumentException("keep holds fewer than " + size + " flags");
        int[] newIndex = new int[size];
        long[] numbers = new long[size];
        long[] keptLines = lines == null ? null : new long[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                newIndex[i] = kept;
                numbers[kept] = rowNumber(i);
                if (keptLines != null) keptLines[kept] = lines[i];
                kept++;
            } else {
                newIndex[i] = -1;
            }
        }
        if (kept == size) return;
        for (double[] values : columns.values()) {
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (keep[i]) values[k++] = values[i];
            }
        }
        for (TextColumn text : texts.values()) {
            int[] codes = text.codes();
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (keep[i]) codes[k++] = codes[i];
            }
        }
        List<CellIssue> moved = new ArrayList<>();
        for (CellIssue issue : issues) {
            int to = newIndex[issue.index()];
            if (to >= 0) moved.add(new CellIssue(to, issue.column(), issue.problem(), issue.text()));
        }
        issues.clear();
        issues.addAll(moved);
        rowNumbers = numbers;
        if (keptLines != null) lines = keptLines;
        size = kept;
    }
}
