package org.losseval.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.io.CellRules;
import org.losseval.io.Source;
import org.losseval.text.Numbers;

/**
 * One piece of one input in a Spark partition, as a {@link Source}: the partition's rows from the next one on,
 * for as long as they come from the same file, in batches of the core's size. Each row keeps its row number in its
 * file: its row index plus one ({@link SparkInputs} says where the index comes from). Cells become numbers as the core's readers make them: a null is a
 * {@link CellIssue.Problem#NULL} (Parquet) or {@link CellIssue.Problem#EMPTY} (CSV) issue, CSV text is parsed by
 * {@link CellRules#parseNumber}. Not thread-safe.
 */
final class RowPieces implements Source {
    private final Peeking rows;
    private final String path;
    private final String name;
    private final String format;
    private final ColumnPlan plan;
    private final int batchSize;
    private long read;
    /** The text columns; a virtual one (file, a key=value directory segment) holds its one value. */
    private final Texts[] texts;

    /** Rows with their first element peeked at, so a piece can stop at the first row of another file. */
    static final class Peeking {
        private final Iterator<Row> rows;
        private Row next;

        Peeking(Iterator<Row> rows) {
            this.rows = rows;
            next = rows.hasNext() ? rows.next() : null;
        }

        Row peek() { return next; }

        Row take() {
            Row row = next;
            next = rows.hasNext() ? rows.next() : null;
            return row;
        }
    }

    /**
     * @param path the file path as the partition's rows give it (the first row's)
     * @param name the input's name in reports and messages
     */
    RowPieces(Peeking rows, String path, String name, String format, ColumnPlan plan, int batchSize) {
        this.rows = rows;
        this.path = path;
        this.name = name;
        this.format = format;
        this.plan = plan;
        this.batchSize = batchSize;
        Map<String, String> virtual = CellRules.virtualColumns(name);
        this.texts = new Texts[plan.texts().size()];
        for (int t = 0; t < texts.length; t++) {
            texts[t] = plan.real().get(t) ? new Texts() : Texts.constant(virtual.get(plan.texts().get(t)));
        }
    }

    /**
     * A cell as text, as the Parquet reader makes it (ParquetTextColumn): a string as it is, an integer in decimal,
     * a boolean as true or false, a double or float by {@link Numbers#exact} (a float as the double it widens to); a
     * null is the empty string, the missing value. A CSV input's cells are Spark's strings, as read.
     */
    static String text(Object value) {
        if (value == null) return "";
        if (value instanceof String s) return s;
        if (value instanceof Double || value instanceof Float) return Numbers.exact(((Number) value).doubleValue());
        return value.toString(); // Long, Integer, Short, Byte in decimal; Boolean as true/false
    }

    /**
     * One text column of this piece: the dictionary of its values, kept for the whole piece (a code means the same
     * value in every batch of a source: GroupKeys translates each code once), and the codes of the current batch.
     */
    private static final class Texts {
        private int[] codes = new int[0];
        private final Map<String, Integer> dictionary = new LinkedHashMap<>();

        /** A virtual column: one value for every row, code 0. */
        static Texts constant(String value) {
            Texts texts = new Texts();
            texts.dictionary.put(value, 0);
            return texts;
        }

        /** Codes for the next batch (a virtual column's stay 0). */
        void newBatch(int batchSize) {
            if (codes.length < batchSize) codes = new int[batchSize];
        }

        void add(int index, String text) {
            Integer code = dictionary.get(text);
            if (code == null) {
                code = dictionary.size();
                dictionary.put(text, code);
            }
            codes[index] = code;
        }

        TextColumn column(int size) {
            return new TextColumn(codes, dictionary.keySet().toArray(String[]::new), dictionary.size());
        }
    }

    @Override public String name() { return name; }

    @Override public String format() { return format; }

    @Override
    public List<String> groupColumns(String groupSpec) {
        List<String> columns = plan.groups().get(groupSpec);
        if (columns == null) throw new IllegalArgumentException("source " + name + " was opened without group '" + groupSpec + "'");
        return columns;
    }

    @Override public long rowsRead() { return read; }

    @Override public void close() {}

    @Override
    public ColumnBatch next() {
        Row first = rows.peek();
        if (first == null || !first.getString(0).equals(path)) return null;
        List<String> columns = plan.columns();
        double[][] values = new double[columns.size()][batchSize];
        long[] numbers = new long[batchSize];
        List<CellIssue> issues = new ArrayList<>();
        for (Texts text : texts) text.newBatch(batchSize);
        int n = 0;
        while (n < batchSize && rows.peek() != null && rows.peek().getString(0).equals(path)) {
            Row row = rows.take();
            numbers[n] = row.getLong(1) + 1;
            for (int c = 0; c < columns.size(); c++) {
                int at = ColumnPlan.FIRST_COLUMN + c;
                if (row.isNullAt(at)) {
                    values[c][n] = Double.NaN;
                    issues.add(new CellIssue(n, columns.get(c), plan.csv() ? CellIssue.Problem.EMPTY
                            : CellIssue.Problem.NULL, plan.csv() ? "" : null));
                } else if (row.get(at) instanceof String text) {
                    CellIssue.Problem problem = CellRules.parseNumber(text, values[c], n);
                    if (problem != null) issues.add(new CellIssue(n, columns.get(c), problem, text));
                } else {
                    values[c][n] = ((Number) row.get(at)).doubleValue();
                }
            }
            int at = ColumnPlan.FIRST_COLUMN + columns.size();
            for (int t = 0; t < texts.length; t++) {
                if (plan.real().get(t)) texts[t].add(n, text(row.get(at++)));
            }
            n++;
        }
        read += n;
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) byName.put(columns.get(c), values[c]);
        ColumnBatch batch = new ColumnBatch(name, numbers[0], n, byName, issues).withRowNumbers(numbers);
        for (int t = 0; t < plan.texts().size(); t++) batch.withText(plan.texts().get(t), texts[t].column(n));
        return batch;
    }
}
