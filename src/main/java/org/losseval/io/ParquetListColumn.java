package org.losseval.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.losseval.batch.CellIssue;

/**
 * A Parquet list column read as a column group: the list in each row is spread over k batch columns
 * {@code emb[0]}, …, {@code emb[k-1]}, where k is the length of the first non-null list in the file
 * ({@link ParquetListWidths} finds it when the source opens).
 *
 * <p>Shapes read, following the "Lists" section of the Parquet format's {@code LogicalTypes.md} and its
 * backward-compatibility rules:
 * <ul>
 *   <li>standard, 3 levels: {@code optional group emb (LIST) { repeated group list { optional double element; } }}
 *       (the outer group and the element may also be required);
 *   <li>legacy, 2 levels: {@code optional group emb (LIST) { repeated double array; }};
 *   <li>an unannotated repeated number: {@code repeated double emb} (a list that cannot be null).
 * </ul>
 * Elements are of a {@link ParquetNumberKind} type. Lists whose elements are groups (by the compatibility
 * rules: a repeated group with several fields, or one named {@code array} or {@code emb_tuple}) and lists
 * of lists are refused.
 *
 * <p>How a row is decoded: the list is one leaf column. Each entry's definition level d says what it is:
 * {@code d < nullBelow} a null list, {@code d < emptyBelow} an empty list, {@code d < maxDefinition} a null
 * element, else an element's value. The repetition level is 0 at a row's first entry and 1 at each later
 * element of the same row, so a row ends where the next entry's repetition level is 0 (the reader also
 * reports 0 once the column chunk is used up).
 *
 * <p>Invalid rows: a null list, or a list of another length than k, is NaN in every column of the group
 * plus one {@link CellIssue} on the first column ({@link CellIssue.Problem#NULL}, or
 * {@link CellIssue.Problem#WRONG_LENGTH} with a text such as "3 values, expected 10"), so a row is counted
 * once however wide the group. A null element of a list of the right length is NaN plus a
 * {@link CellIssue.Problem#NULL} issue on that element's column.
 *
 * <p>Not thread-safe: one instance belongs to one source.
 */
final class ParquetListColumn {
    /** What {@link #readList} returns for a null list. */
    private static final int NULL_LIST = -1;
    private static final double[][] NO_COLUMNS = new double[0][];

    private final String name;
    /** The list's leaf: the element's column. */
    private final ParquetSchema.Field element;
    private final ParquetNumberKind kind;
    private final int nullBelow;
    private final int emptyBelow;
    private final int maxDefinition;
    private final List<String> batchColumns;
    /** Positions of the null elements in the row just read: only reported when the row's length is right. */
    private final int[] nullElements;
    private int nullCount;

    private ParquetListColumn(String name, ParquetSchema.Field element, ParquetNumberKind kind,
                              int nullBelow, int emptyBelow, int width) {
        this.name = name;
        this.element = element;
        this.kind = kind;
        this.nullBelow = nullBelow;
        this.emptyBelow = emptyBelow;
        this.maxDefinition = element.maxDefinition;
        List<String> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) columns.add(elementColumn(name, j));
        this.batchColumns = List.copyOf(columns);
        this.nullElements = new int[width];
    }

    /** The error for a list whose elements are groups or lists. */
    static InputException notOfNumbers(String file, String column) {
        return new InputException(file, 0, column, "a list of groups or lists, not of numbers");
    }

    /** The batch column of element {@code j} of list column {@code name}: {@code emb[3]}. */
    static String elementColumn(String name, int j) {
        return name + "[" + j + "]";
    }

    /** Whether {@code field} is a list: a LIST-annotated group, or a repeated primitive. */
    static boolean isList(ParquetSchema.Field field) {
        if (field.isPrimitive()) return field.isRepeated();
        return field.isListAnnotated();
    }

    /**
     * Checks that the top-level field {@code column} (for which {@link #isList} holds) is a list of numbers.
     * The result has no columns yet: {@link #withWidth} gives it its width.
     */
    static ParquetListColumn resolve(String file, ParquetSchema schema, String column) throws InputException {
        ParquetSchema.Field field = schema.field(column);
        ParquetSchema.Field element;
        ParquetSchema.Field repeated;
        if (field.isPrimitive()) {
            element = field;
            repeated = null;
        } else {
            if (field.isRepeated() || field.children.size() != 1 || !field.children.get(0).isRepeated()) {
                throw new InputException(file, 0, column, "a malformed list: a LIST group must hold exactly one"
                        + " repeated field and not be repeated itself");
            }
            repeated = field.children.get(0);
            if (repeated.isPrimitive()) {
                element = repeated;
            } else {
                boolean entryIsElement = repeated.children.size() != 1 || repeated.name.equals("array")
                        || repeated.name.equals(column + "_tuple");
                element = repeated.children.isEmpty() ? null : repeated.children.get(0);
                if (entryIsElement || !element.isPrimitive() || element.isRepeated()) {
                    throw notOfNumbers(file, column);
                }
            }
        }
        ParquetNumberKind kind = ParquetNumberKind.of(element);
        if (kind == null) {
            throw new InputException(file, 0, column, "a list of " + ParquetNumberKind.unsupported(element));
        }
        // A top-level list is null when its own (optional) field is undefined; it is empty when its repeated
        // field is undefined. For a bare repeated primitive the two are the same field, which cannot be null.
        int nullBelow = field.isOptional() ? 1 : 0;
        int emptyBelow = repeated == null ? element.maxDefinition : repeated.maxDefinition;
        return new ParquetListColumn(column, element, kind, nullBelow, emptyBelow, 0);
    }

    /** This column spread over {@code width} batch columns. */
    ParquetListColumn withWidth(int width) {
        return new ParquetListColumn(name, element, kind, nullBelow, emptyBelow, width);
    }

    String name() { return name; }

    /** The list's leaf column (its elements). */
    ParquetSchema.Field element() { return element; }

    ParquetNumberKind kind() { return kind; }

    /** {@code emb[0]}, …, {@code emb[k-1]}. */
    List<String> batchColumns() { return batchColumns; }

    /**
     * Reads the reader's current row into {@code out[j][index]} ({@code out} holds this column's k arrays)
     * and moves the reader to the next row, adding the row's issues to {@code issues}.
     */
    void readRow(ParquetColumnCursor reader, double[][] out, int index, List<CellIssue> issues) throws IOException {
        int length = readList(reader, out, index);
        if (length == batchColumns.size()) {
            for (int n = 0; n < nullCount; n++) {
                issues.add(new CellIssue(index, batchColumns.get(nullElements[n]), CellIssue.Problem.NULL, null));
            }
            return;
        }
        for (double[] column : out) column[index] = Double.NaN;
        String first = batchColumns.get(0);
        issues.add(length == NULL_LIST
                ? new CellIssue(index, first, CellIssue.Problem.NULL, null)
                : new CellIssue(index, first, CellIssue.Problem.WRONG_LENGTH, wrongLength(length, batchColumns.size())));
    }

    /** The text of a {@link CellIssue.Problem#WRONG_LENGTH} issue: "3 values, expected 10". */
    static String wrongLength(int length, int expected) {
        return length + (length == 1 ? " value" : " values") + ", expected " + expected;
    }

    /**
     * Skips up to {@code rows} rows to the first non-null list, for {@link ParquetListWidths}.
     *
     * @return that list's length, or -1 when all {@code rows} lists were null
     */
    int firstLength(ParquetColumnCursor reader, long rows) throws IOException {
        for (long r = 0; r < rows; r++) {
            int length = readList(reader, NO_COLUMNS, 0);
            if (length != NULL_LIST) return length;
        }
        return NULL_LIST;
    }

    /**
     * Reads the current row's list and moves the reader to the next row. The first
     * {@code min(length, out.length)} elements go to {@code out[j][index]}; a null element is NaN there and
     * its position is noted in {@link #nullElements}.
     *
     * @return the list's length, or {@link #NULL_LIST}
     */
    private int readList(ParquetColumnCursor reader, double[][] out, int index) throws IOException {
        nullCount = 0;
        int definition = reader.definition();
        if (definition < emptyBelow) {
            reader.consume();
            return definition < nullBelow ? NULL_LIST : 0;
        }
        int length = 0;
        do {
            boolean present = reader.definition() == maxDefinition;
            if (length < out.length) {
                if (present) {
                    out[length][index] = reader.number();
                } else {
                    out[length][index] = Double.NaN;
                    nullElements[nullCount++] = length;
                }
            }
            reader.consume();
            length++;
        } while (reader.repetition() > 0);
        return length;
    }
}
