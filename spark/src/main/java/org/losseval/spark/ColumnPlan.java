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
 * @param types   the Spark type (its simple name: double, bigint, string, ...) of each selected column from
 *                position 2 on: the number columns, then the real text columns
 */
record ColumnPlan(List<String> columns, boolean csv, Map<String, List<String>> groups, List<String> texts,
                  List<Boolean> real, List<String> types) implements Serializable {
    static final int FIRST_COLUMN = 2;

    ColumnPlan {
        columns = List.copyOf(columns);
        groups = Map.copyOf(groups);
        texts = List.copyOf(texts);
        real = List.copyOf(real);
        types = List.copyOf(types);
    }
}
