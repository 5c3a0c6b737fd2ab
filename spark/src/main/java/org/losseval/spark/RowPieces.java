package org.losseval.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.CellRules;
import org.losseval.io.Source;

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
            n++;
        }
        read += n;
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) byName.put(columns.get(c), values[c]);
        return new ColumnBatch(name, numbers[0], n, byName, issues).withRowNumbers(numbers);
    }
}
