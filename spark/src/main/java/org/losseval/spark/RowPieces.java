package org.losseval.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
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
    private final UTF8String path;
    private final String name;
    private final String format;
    private final ColumnPlan plan;
    private final int batchSize;
    private long read;
    /** The text columns; a virtual one (file, a key=value directory segment) holds its one value. */
    private final Texts[] texts;

    /**
     * A partition's rows, one at a time: the current row is read, then left ({@link #advance}), so a piece can stop
     * at the first row of another file and leave it to the next piece. Spark's scan may reuse one row object for
     * every row, so a row is valid only until {@link #advance}, and none is held beyond it.
     */
    static final class Peeking {
        private final Iterator<InternalRow> rows;
        private InternalRow current;

        Peeking(Iterator<InternalRow> rows) {
            this.rows = rows;
            advance();
        }

        /** The current row, or null after the last. */
        InternalRow peek() { return current; }

        void advance() {
            current = rows.hasNext() ? rows.next() : null;
        }
    }

    /**
     * @param rows the partition's rows, at the first of this piece (its file is the piece's)
     * @param name the input's name in reports and messages
     */
    RowPieces(Peeking rows, String name, String format, ColumnPlan plan, int batchSize) {
        this.rows = rows;
        this.path = rows.peek().getUTF8String(0).clone();
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
    static String text(InternalRow row, int at, String type) {
        if (row.isNullAt(at)) return "";
        return switch (type) {
            case "string" -> row.getUTF8String(at).toString();
            case "double", "float" -> Numbers.exact(number(row, at, type));
            case "boolean" -> row.getBoolean(at) ? "true" : "false";
            case "bigint" -> Long.toString(row.getLong(at));
            case "int" -> Integer.toString(row.getInt(at));
            case "smallint" -> Short.toString(row.getShort(at));
            case "tinyint" -> Byte.toString(row.getByte(at));
            default -> throw new IllegalStateException("no text for a " + type);
        };
    }

    /** A number cell (not null, not a string) as a double: integers as Java converts them, a float widened exactly. */
    static double number(InternalRow row, int at, String type) {
        return switch (type) {
            case "double" -> row.getDouble(at);
            case "float" -> row.getFloat(at);
            case "bigint" -> row.getLong(at);
            case "int" -> row.getInt(at);
            case "smallint" -> row.getShort(at);
            case "tinyint" -> row.getByte(at);
            default -> throw new IllegalStateException("no number in a " + type);
        };
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
        InternalRow first = rows.peek();
        if (first == null || !first.getUTF8String(0).equals(path)) return null;
        List<String> columns = plan.columns();
        List<String> types = plan.types();
        double[][] values = new double[columns.size()][batchSize];
        long[] numbers = new long[batchSize];
        List<CellIssue> issues = new ArrayList<>();
        for (Texts text : texts) text.newBatch(batchSize);
        int n = 0;
        InternalRow row;
        while (n < batchSize && (row = rows.peek()) != null && row.getUTF8String(0).equals(path)) {
            numbers[n] = row.getLong(1) + 1;
            for (int c = 0; c < columns.size(); c++) {
                int at = ColumnPlan.FIRST_COLUMN + c;
                if (row.isNullAt(at)) {
                    values[c][n] = Double.NaN;
                    issues.add(new CellIssue(n, columns.get(c), plan.csv() ? CellIssue.Problem.EMPTY
                            : CellIssue.Problem.NULL, plan.csv() ? "" : null));
                } else if (types.get(c).equals("string")) {
                    String text = row.getUTF8String(at).toString();
                    CellIssue.Problem problem = CellRules.parseNumber(text, values[c], n);
                    if (problem != null) issues.add(new CellIssue(n, columns.get(c), problem, text));
                } else {
                    values[c][n] = number(row, at, types.get(c));
                }
            }
            int at = ColumnPlan.FIRST_COLUMN + columns.size();
            for (int t = 0; t < texts.length; t++) {
                if (plan.real().get(t)) {
                    texts[t].add(n, text(row, at, types.get(at - ColumnPlan.FIRST_COLUMN)));
                    at++;
                }
            }
            n++;
            rows.advance();
        }
        read += n;
        Map<String, double[]> byName = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) byName.put(columns.get(c), values[c]);
        ColumnBatch batch = new ColumnBatch(name, numbers[0], n, byName, issues).withRowNumbers(numbers);
        for (int t = 0; t < plan.texts().size(); t++) batch.withText(plan.texts().get(t), texts[t].column(n));
        return batch;
    }
}
