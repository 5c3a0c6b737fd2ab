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

    /** The readers' error for a column the input does not have, with the likely ones it has. */
    public static InputException noSuchColumn(String file, String column, List<String> available) {
        return ColumnErrors.noSuchColumn(file, column, available);
    }
}
