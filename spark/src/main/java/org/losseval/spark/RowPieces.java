package org.losseval.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.math.BigInteger;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.io.CellRules;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.text.Numbers;

/**
 * One piece of one input in a Spark partition, as a {@link Source}: the partition's rows from the next one on,
 * for as long as they come from the same file, in batches of the core's size. Each row keeps its row number in its
 * file: its row index plus one ({@link SparkInputs} says where the index comes from). Cells become numbers as the core's readers make them: a null is a
 * {@link CellIssue.Problem#NULL} (Parquet) or {@link CellIssue.Problem#EMPTY} (CSV) issue, CSV text is parsed by
 * {@link CellRules#parseNumber}. A list column (an array of numbers, in a group) is spread over its batch columns
 * {@code emb[0]}, ..., {@code emb[k-1]}, k its width in this file ({@link ColumnPlan#widths}), as the Parquet reader
 * spreads it: a null list, or one of another length, is NaN in every one of them and one issue on {@code emb[0]}
 * ({@link CellIssue.Problem#NULL}, or {@link CellIssue.Problem#WRONG_LENGTH}); a null element of a list of the right
 * length is NaN and a {@link CellIssue.Problem#NULL} issue on its column. Within a row, issues of the plain columns
 * come first, then those of the lists, and the batch's columns are in that order too, as the Parquet reader's.
 * A {@code decimal(20,0)} is Spark's reading of an unsigned INT64, made a double as the Parquet reader makes it.
 * Not thread-safe.
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
    /** Per column of the plan: its width when it is a list column, else -1. */
    private final int[] widths;
    /** Per column of the plan: its batch columns (the column itself, or a list's elements). */
    private final List<List<String>> batchColumns = new ArrayList<>();

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
        Map<String, Integer> listWidths = plan.widths().getOrDefault(name, Map.of());
        this.widths = new int[plan.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            String column = plan.columns().get(c);
            widths[c] = ColumnPlan.isList(plan.types().get(c)) ? listWidths.get(column) : -1;
            List<String> names = new ArrayList<>();
            if (widths[c] < 0) names.add(column);
            for (int j = 0; j < widths[c]; j++) names.add(CellRules.elementColumn(column, j));
            batchColumns.add(List.copyOf(names));
        }
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

    /**
     * A number cell (not null, not a string) of a row or a list as a double: integers as Java converts them, a float
     * widened exactly, a {@code decimal(20,0)} as an unsigned INT64 ({@link #unsigned}).
     */
    static double number(SpecializedGetters row, int at, String type) {
        return switch (type) {
            case "decimal(20,0)" -> unsigned(row.getDecimal(at, 20, 0));
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
     * A {@code decimal(20,0)} holding an unsigned 64-bit integer (Spark's reading of a Parquet UINT_64) as the double
     * the Parquet reader makes of its bits; NaN for a value outside 0 .. 2^64 - 1, which no unsigned INT64 holds.
     */
    static double unsigned(Decimal value) {
        BigInteger integer = value.toJavaBigDecimal().toBigInteger();
        if (integer.signum() < 0 || integer.bitLength() > Long.SIZE) return Double.NaN;
        return CellRules.unsignedToDouble(integer.longValue());
    }

    /** A {@code decimal(20,0)} value that is not an unsigned INT64's: a Parquet DECIMAL, which the core does not read. */
    private InputException notUnsigned(long row, String column, SpecializedGetters cells, int at) {
        return new InputException(name, row, column, "decimal(20,0) value " + cells.getDecimal(at, 20, 0)
                + " is not an unsigned 64-bit integer (Spark reads an unsigned INT64 as decimal(20,0)); a DECIMAL"
                + " column is not read");
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
        List<String> fields = plan.groups().get(groupSpec);
        if (fields == null) throw new IllegalArgumentException("source " + name + " was opened without group '" + groupSpec + "'");
        List<String> columns = new ArrayList<>();
        for (String field : fields) columns.addAll(batchColumns.get(plan.columns().indexOf(field)));
        return List.copyOf(columns);
    }

    @Override public long rowsRead() { return read; }

    /** List column {@code c} of the row into {@code out[j][n]}, its issues into {@code issues}, as the class says. */
    private void readList(InternalRow row, int c, double[][] out, int n, long rowNumber, List<CellIssue> issues)
            throws InputException {
        int at = ColumnPlan.FIRST_COLUMN + c;
        List<String> elements = batchColumns.get(c);
        int width = widths[c];
        int length = row.isNullAt(at) ? -1 : row.getArray(at).numElements();
        if (length != width) {
            for (double[] column : out) column[n] = Double.NaN;
            issues.add(length < 0 ? new CellIssue(n, elements.get(0), CellIssue.Problem.NULL, null)
                    : new CellIssue(n, elements.get(0), CellIssue.Problem.WRONG_LENGTH, CellRules.wrongLength(length, width)));
            return;
        }
        ArrayData list = row.getArray(at);
        String type = ColumnPlan.elementType(plan.types().get(c));
        for (int j = 0; j < width; j++) {
            if (list.isNullAt(j)) {
                out[j][n] = Double.NaN;
                issues.add(new CellIssue(n, elements.get(j), CellIssue.Problem.NULL, null));
            } else {
                out[j][n] = number(list, j, type);
                if (Double.isNaN(out[j][n]) && type.startsWith("decimal")) throw notUnsigned(rowNumber, elements.get(j), list, j);
            }
        }
    }

    @Override public void close() {}

    @Override
    public ColumnBatch next() throws InputException {
        InternalRow first = rows.peek();
        if (first == null || !first.getUTF8String(0).equals(path)) return null;
        List<String> columns = plan.columns();
        List<String> types = plan.types();
        double[][][] values = new double[columns.size()][][];
        for (int c = 0; c < columns.size(); c++) values[c] = new double[batchColumns.get(c).size()][batchSize];
        long[] numbers = new long[batchSize];
        List<CellIssue> issues = new ArrayList<>();
        for (Texts text : texts) text.newBatch(batchSize);
        int n = 0;
        InternalRow row;
        while (n < batchSize && (row = rows.peek()) != null && row.getUTF8String(0).equals(path)) {
            numbers[n] = row.getLong(1) + 1;
            for (int c = 0; c < columns.size(); c++) {
                if (widths[c] >= 0) continue;
                int at = ColumnPlan.FIRST_COLUMN + c;
                if (row.isNullAt(at)) {
                    values[c][0][n] = Double.NaN;
                    issues.add(new CellIssue(n, columns.get(c), plan.csv() ? CellIssue.Problem.EMPTY
                            : CellIssue.Problem.NULL, plan.csv() ? "" : null));
                } else if (types.get(c).equals("string")) {
                    String text = row.getUTF8String(at).toString();
                    CellIssue.Problem problem = CellRules.parseNumber(text, values[c][0], n);
                    if (problem != null) issues.add(new CellIssue(n, columns.get(c), problem, text));
                } else {
                    values[c][0][n] = number(row, at, types.get(c));
                    if (Double.isNaN(values[c][0][n]) && types.get(c).startsWith("decimal")) {
                        throw notUnsigned(numbers[n], columns.get(c), row, at);
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                if (widths[c] >= 0) readList(row, c, values[c], n, numbers[n], issues);
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
        for (int c = 0; c < columns.size(); c++) {
            if (widths[c] < 0) byName.put(columns.get(c), values[c][0]);
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int j = 0; j < widths[c]; j++) byName.put(batchColumns.get(c).get(j), values[c][j]);
        }
        ColumnBatch batch = new ColumnBatch(name, numbers[0], n, byName, issues).withRowNumbers(numbers);
        for (int t = 0; t < plan.texts().size(); t++) batch.withText(plan.texts().get(t), texts[t].column(n));
        return batch;
    }
}
