package org.losseval.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Which columns of the selected rows become which batch columns, decided on the driver and shipped to every
 * partition: the selected rows hold the file's path at 0, the row's 0-based index in its file at 1, then
 * {@code columns} in order.
 *
 * @param columns the batch's number columns, by name, at row positions 2, 3, ...: numbers, or text (CSV read
 *                without a schema) parsed as the CSV readers parse it
 * @param csv     whether the inputs are CSV: a null cell is then an empty one, else a Parquet null
 * @param groups  each column group spec of the request with the batch columns it resolved to
 * @param texts   the text columns (--group-by), in the request's order
 * @param real    per text column whether the data holds it (it then follows the number columns, in order), else
 *                it is virtual: {@code file} or a {@code key=value} directory segment of the input's name
 * @param types   the Spark type (its simple name: double, bigint, string, array&lt;double&gt;, decimal(20,0), ...) of each
 *                selected column from position 2 on: the number columns, then the real text columns
 * @param widths  for each input (by name) and each list column of {@code columns} (an array of numbers, read in a
 *                group only), its width in that file: the length of its first non-null list, as the Parquet reader
 *                measures it when it opens the file; the list becomes the batch columns {@code emb[0]}, ...,
 *                {@code emb[k-1]}
 */
record ColumnPlan(List<String> columns, boolean csv, Map<String, List<String>> groups, List<String> texts,
                  List<Boolean> real, List<String> types, Map<String, Map<String, Integer>> widths)
        implements Serializable {
    static final int FIRST_COLUMN = 2;

    ColumnPlan {
        columns = List.copyOf(columns);
        groups = Map.copyOf(groups);
        texts = List.copyOf(texts);
        real = List.copyOf(real);
        types = List.copyOf(types);
        Map<String, Map<String, Integer>> copied = new java.util.HashMap<>();
        widths.forEach((input, byList) -> copied.put(input, Map.copyOf(byList)));
        widths = Map.copyOf(copied);
    }

    /** Whether a column of this Spark type (a {@link #types} entry) is a list column. */
    static boolean isList(String type) {
        return type.startsWith("array<");
    }

    /** A list column's element type: {@code double} for {@code array<double>}. */
    static String elementType(String type) {
        return type.substring("array<".length(), type.length() - 1);
    }
}
