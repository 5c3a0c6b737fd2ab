package org.losseval.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * Finds how many batch columns each list column spreads over: the length of its first non-null list.
 *
 * <p>Runs when the source opens, with cursors of its own, so the reader that streams the batches starts at
 * the first row; it fetches only the list columns, one row group at a time, and stops
 * as soon as every list column has a non-null row (normally in the first row). Errors: a file with no
 * rows (the width would be 0), a column whose lists are all null (the width is unknown), and an empty
 * first list (a group of no columns).
 */
final class ParquetListWidths {
    private ParquetListWidths() {}

    /**
     * @param lists      the list columns, not yet sized
     * @param groupOfList for each list column's name, the group that asked for it first (for messages)
     * @return the same columns, sized, in the same order
     */
    static List<ParquetListColumn> measure(String name, ParquetFile file, List<ParquetListColumn> lists,
                                           Map<String, String> groupOfList) throws IOException, InputException {
        if (lists.isEmpty()) return List.of();
        int[] widths = new int[lists.size()];
        Arrays.fill(widths, -1);
        long rows = 0;
        int unknown = lists.size();
        for (int g = 0; unknown > 0 && g < file.rowGroups().size(); g++) {
            long groupRows = file.rowGroups().get(g).getNum_rows();
            rows += groupRows;
            if (groupRows == 0) continue;
            for (int l = 0; l < lists.size(); l++) {
                if (widths[l] >= 0) continue;
                ParquetListColumn list = lists.get(l);
                ParquetColumnCursor cursor = new ParquetColumnCursor(file.chunk(g, list.element()), list.element(),
                        list.kind(), null, null);
                widths[l] = list.firstLength(cursor, groupRows);
                if (widths[l] >= 0) unknown--;
            }
        }
        List<ParquetListColumn> sized = new ArrayList<>(lists.size());
        for (int l = 0; l < lists.size(); l++) {
            String column = lists.get(l).name();
            check(name, groupOfList.get(column), column, rows, widths[l]);
            sized.add(lists.get(l).withWidth(widths[l]));
        }
        return sized;
    }

    /**
     * Refuses a width that gives no columns.
     *
     * @param group the group that asked for the list column first
     * @param rows  the file's rows
     * @param width the length of the column's first non-null list, or -1 when all its lists are null
     */
    static void check(String name, String group, String column, long rows, int width) throws InputException {
        String prefix = "group '" + group + "': list column '" + column + "' ";
        if (rows == 0) throw new InputException(name, 0, null, prefix + "has no rows");
        if (width < 0) throw new InputException(name, 0, null, prefix + "holds only null lists, so its length is unknown");
        if (width == 0) throw new InputException(name, 0, null, prefix + "starts with an empty list, so the group would have no columns");
    }
}
