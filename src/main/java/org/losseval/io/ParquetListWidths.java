package org.losseval.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Finds how many batch columns each list column spreads over: the length of its first non-null list.
 *
 * <p>Runs when the source opens, on a second reader of the same file, so the reader that streams the
 * batches starts at the first row; it fetches only the list columns, one row group at a time, and stops
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
    static List<ParquetListColumn> measure(String name, Path file, List<ParquetListColumn> lists,
                                           Map<String, String> groupOfList) throws IOException, InputException {
        if (lists.isEmpty()) return List.of();
        int[] widths = new int[lists.size()];
        Arrays.fill(widths, -1);
        long rows = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), ParquetSource.readOptions())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (ParquetListColumn list : lists) fields.add(list.field());
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            int unknown = lists.size();
            PageReadStore pages;
            while (unknown > 0 && (pages = reader.readNextRowGroup()) != null) {
                rows += pages.getRowCount();
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IgnoringConverter.forSchema(projection),
                        projection, createdBy);
                for (int l = 0; l < lists.size(); l++) {
                    if (widths[l] >= 0) continue;
                    ColumnReader column = store.getColumnReader(lists.get(l).descriptor());
                    widths[l] = lists.get(l).firstLength(column, pages.getRowCount());
                    if (widths[l] >= 0) unknown--;
                }
            }
        }
        List<ParquetListColumn> sized = new ArrayList<>(lists.size());
        for (int l = 0; l < lists.size(); l++) {
            String column = lists.get(l).name();
            String prefix = "group '" + groupOfList.get(column) + "': list column '" + column + "' ";
            if (rows == 0) throw new InputException(name, 0, null, prefix + "has no rows");
            if (widths[l] < 0) throw new InputException(name, 0, null, prefix + "holds only null lists, so its length is unknown");
            if (widths[l] == 0) throw new InputException(name, 0, null, prefix + "starts with an empty list, so the group would have no columns");
            sized.add(lists.get(l).withWidth(widths[l]));
        }
        return sized;
    }
}
