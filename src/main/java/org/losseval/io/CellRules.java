package org.losseval.io;

import java.util.List;
import java.util.Map;
import org.losseval.batch.CellIssue;

/**
 * The rules the file readers apply to cells and columns, for a producer of batches outside this package (a Spark
 * partition, whose rows Spark has read): the same number parsing, column-group resolution and missing-column
 * message as the command line's readers, so both agree on every value and word. Each rule lives in its own class
 * here; this only makes them reachable.
 */
public final class CellRules {
    private CellRules() {}

    /**
     * A CSV cell's text as a number into {@code out[index]}, as the CSV readers parse it.
     *
     * @return null for a number, else what was wrong (the value is then NaN, or for an overflow the infinity)
     */
    public static CellIssue.Problem parseNumber(String text, double[] out, int index) {
        return NumberCell.parseInto(text, out, index);
    }

    /** The columns of a column group spec among {@code available} (in the input's order), as the readers resolve it. */
    public static List<String> resolveGroup(String file, String spec, List<String> available) throws InputException {
        return GroupSpec.resolve(file, spec, available);
    }

    /**
     * The virtual text columns of an input named {@code source}, as the readers make them: {@code file}, then each
     * {@code key=value} directory segment of the name ({@link TextColumns}); a real column of the same name wins.
     */
    public static Map<String, String> virtualColumns(String source) {
        return TextColumns.virtualColumns(source);
    }

    /**
     * The text of a list column's {@link CellIssue.Problem#WRONG_LENGTH} issue ({@link ParquetListColumn}): a list of
     * {@code length} values where the group's width, its first non-null list's length, is {@code expected}.
     */
    public static String wrongLength(int length, int expected) {
        return ParquetListColumn.wrongLength(length, expected);
    }

    /** The batch column of element {@code j} of list column {@code list}, as the Parquet reader names it: {@code emb[3]}. */
    public static String elementColumn(String list, int j) {
        return ParquetListColumn.elementColumn(list, j);
    }

    /**
     * The Parquet reader's check of a list column's width in one file: an error for a file of no rows, a column of
     * only null lists ({@code width} -1) or one whose first non-null list is empty.
     *
     * @param group the group that asked for the list column first
     */
    public static void checkListWidth(String file, String group, String list, long rows, int width) throws InputException {
        ParquetListWidths.check(file, group, list, rows, width);
    }

    /** The Parquet reader's error for a field also named as an element of a list column read ({@code emb[0]}). */
    public static InputException elementClash(String file, String column, String list) {
        return ParquetSource.elementClash(file, column, list);
    }

    /** The Parquet reader's error for a list whose elements are groups or lists. */
    public static InputException listNotOfNumbers(String file, String list) {
        return ParquetListColumn.notOfNumbers(file, list);
    }

    /** A group member's error as the Parquet reader words it: the detail followed by " (in group 'spec')". */
    public static InputException inGroup(InputException e, String spec) {
        return ParquetSource.inGroup(e, spec);
    }

    /** An unsigned 64-bit integer's bits as the Parquet reader makes a double of them ({@link ParquetNumberKind}). */
    public static double unsignedToDouble(long bits) {
        return ParquetNumberKind.unsignedToDouble(bits);
    }

    /** The readers' error for a column the input does not have, with the likely ones it has. */
    public static InputException noSuchColumn(String file, String column, List<String> available) {
        return ColumnErrors.noSuchColumn(file, column, available);
    }
}
