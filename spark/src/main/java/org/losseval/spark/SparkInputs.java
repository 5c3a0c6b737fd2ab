package org.losseval.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.losseval.io.CellRules;
import org.losseval.io.InputException;
import org.losseval.io.SourceOptions;

/**
 * The driver's view of a run's inputs on Spark: which files, in which order and under which names, and which of
 * their columns feed which batch columns ({@link ColumnPlan}), checked before any task runs.
 *
 * <p><b>Order and names</b>, as the command line's for the same files: when every input given is one existing
 * local file, the inputs are those, in the order given, named as given; otherwise (directories, globs, remote
 * file systems, or a DataFrame's own files) the files Spark found, sorted by path, as a shell's glob sorts them,
 * each named by its path (a local file's path without {@code file:}, others by their URI).
 *
 * <p><b>Rows</b>: each row carries its file ({@code _metadata.file_path}) and, for Parquet, its position in the
 * file ({@code _metadata.row_index}, Spark 3.5 and later), so its row number is the command line's. A CSV file has
 * no row index on Spark: it is read whole ({@code multiLine}, which Spark never splits) and its rows ranked in
 * reading order (a window over each file: one shuffle, CSV only).
 *
 * <p><b>List columns</b> (Parquet LIST, Spark's arrays of numbers) in a column group are spread over one batch column
 * per element, as the Parquet reader does; their width in each file, the length of its first non-null list, is
 * found here by one Spark job over the list columns (the Parquet reader reads only up to the first non-null list)
 * and checked as the reader checks it, before any task folds a row.
 */
final class SparkInputs {
    private static final List<DataType> NUMBERS = List.of(DataTypes.DoubleType, DataTypes.FloatType,
            DataTypes.LongType, DataTypes.IntegerType, DataTypes.ShortType, DataTypes.ByteType);
    /** How Spark reads a Parquet unsigned INT64 (UINT_64): the core reads it as the double nearest its value. */
    static final DataType UNSIGNED_LONG = DataTypes.createDecimalType(20, 0);
    private static final String READABLE = "readable types are double, float, bigint, int, smallint, tinyint and"
            + " decimal(20,0) (an unsigned INT64)";

    /** The selected rows' file and row-index columns (names no input uses: the batch columns follow them). */
    private static final String FILE = "__losseval_file";
    private static final String ROW = "__losseval_row";

    final List<String> names;
    final Map<String, Integer> inputOfPath;
    final String format;

    private SparkInputs(List<String> names, Map<String, Integer> inputOfPath, String format) {
        this.names = names;
        this.inputOfPath = inputOfPath;
        this.format = format;
    }

    /**
     * @param given the inputs as the user gave them (SparkEval), or an empty list for a DataFrame
     * @param files the DataFrame's files ({@link Dataset#inputFiles()})
     */
    static SparkInputs of(List<String> given, String[] files, String format) {
        List<String> keys = new ArrayList<>();
        for (String file : files) keys.add(key(file));
        List<String> names = new ArrayList<>();
        Map<String, Integer> inputOfPath = new HashMap<>();
        boolean plainFiles = !given.isEmpty() && given.stream().allMatch(SparkInputs::isLocalFile);
        if (plainFiles && given.stream().map(SparkInputs::key).distinct().count() == keys.size()
                && given.stream().map(SparkInputs::key).allMatch(keys::contains)) {
            for (String input : given) {
                inputOfPath.put(key(input), names.size());
                names.add(input);
            }
        } else {
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            for (String k : sorted) {
                inputOfPath.put(k, names.size());
                names.add(k);
            }
        }
        return new SparkInputs(List.copyOf(names), Map.copyOf(inputOfPath), format);
    }

    private static boolean isLocalFile(String input) {
        if (input.contains("://") || input.contains("*") || input.contains("?") || input.contains("[")) return false;
        Path path = Paths.get(input.startsWith("file:") ? input.substring(5) : input);
        return Files.isRegularFile(path);
    }

    /**
     * A file's path in one spelling whatever Spark's (a file URI with or without "//", URL-encoded or not, or a
     * plain path): a local file's absolute normalized path, else the URI's scheme, authority and decoded path.
     */
    static String key(String file) {
        URI uri;
        try {
            uri = new URI(file);
        } catch (URISyntaxException e) {
            uri = new org.apache.hadoop.fs.Path(file).toUri();
        }
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return Paths.get(uri.getPath() == null ? file : uri.getPath()).toAbsolutePath().normalize().toString();
        }
        return uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath();
    }

    /**
     * The rows to fold: file, row position and the batch columns, with the plan that reads them.
     *
     * @throws InputException for a column the data does not have, or of a type the core does not read as numbers
     */
    Selected select(Dataset<Row> data, SourceOptions options) throws InputException {
        StructType schema = data.schema();
        List<String> available = Arrays.asList(schema.fieldNames());
        String first = names.isEmpty() ? null : names.get(0);
        boolean csv = format.equals("csv");
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> numeric = new ArrayList<>();
        for (StructField field : schema.fields()) {
            DataType type = field.dataType();
            if (isNumber(type) || (csv && type.equals(DataTypes.StringType)) || (!csv && type instanceof ArrayType)) {
                numeric.add(field.name());
            }
        }
        List<String> columns = new ArrayList<>();
        for (String column : options.columns()) {
            check(column, schema, available, first, csv);
            if (!columns.contains(column)) columns.add(column);
        }
        // Each list column with the group that asked for it first (for messages), in the order they are read.
        Map<String, String> groupOfList = new LinkedHashMap<>();
        for (String spec : options.groups()) {
            List<String> resolved = CellRules.resolveGroup(first, spec, numeric);
            for (String column : resolved) {
                if (columns.contains(column)) continue;
                try {
                    if (!csv && schema.apply(column).dataType() instanceof ArrayType list) {
                        checkList(column, list, first);
                        groupOfList.put(column, spec);
                    } else {
                        check(column, schema, available, first, csv);
                    }
                } catch (InputException e) {
                    throw CellRules.inGroup(e, spec);
                }
                columns.add(column);
            }
            groups.put(spec, resolved);
        }
        List<String> texts = new ArrayList<>(new java.util.LinkedHashSet<>(options.texts()));
        List<Boolean> real = new ArrayList<>();
        for (String text : texts) {
            boolean held = available.contains(text);
            real.add(held);
            if (held) {
                DataType type = schema.apply(text).dataType();
                if (!NUMBERS.contains(type) && !type.equals(DataTypes.StringType) && !type.equals(DataTypes.BooleanType)) {
                    throw new InputException(first, 0, text, "unsupported type " + type.simpleString() + " for a text"
                            + " column; text columns may be strings, integers, booleans, doubles or floats");
                }
            } else {
                // virtual: every input must have it (the command line checks each file as it opens it)
                for (String name : names) {
                    if (!CellRules.virtualColumns(name).containsKey(text)) throw CellRules.noSuchColumn(name, text, available);
                }
            }
        }
        Map<String, Map<String, Integer>> widths = widths(data, columns, groupOfList);
        List<Column> selected = new ArrayList<>();
        selected.add(functions.col("_metadata.file_path").as(FILE));
        // CSV has no row index on Spark: a row's position in its file is its rank by the ids Spark hands out in
        // reading order (one partition reads a multiLine CSV file whole, so they increase along the file).
        selected.add(csv ? functions.monotonically_increasing_id().as(ROW) : functions.col("_metadata.row_index").as(ROW));
        for (String column : columns) selected.add(column(column));
        for (int t = 0; t < texts.size(); t++) {
            if (real.get(t)) selected.add(column(texts.get(t)));
        }
        Dataset<Row> rows = data.select(selected.toArray(Column[]::new));
        if (csv) {
            rows = rows.withColumn(ROW, functions.row_number().over(Window.partitionBy(FILE).orderBy(ROW))
                    .minus(1).cast(DataTypes.LongType));
        }
        List<String> types = new ArrayList<>();
        StructField[] fields = rows.schema().fields();
        for (int f = ColumnPlan.FIRST_COLUMN; f < fields.length; f++) types.add(fields[f].dataType().simpleString());
        return new Selected(rows, new ColumnPlan(columns, csv, groups, texts, real, types, widths));
    }

    /**
     * Each input's width of each list column, checked as the Parquet reader checks it when it opens the file (a
     * file of no rows, a column of only null lists, an empty first list; an element's batch column that is also a
     * field read), the inputs in their order: one Spark job, none without list columns.
     *
     * @param columns     the columns read (the list columns among them)
     * @param groupOfList each list column and the group that asked for it first
     * @return for each input's name, each list column's width
     */
    private Map<String, Map<String, Integer>> widths(Dataset<Row> data, List<String> columns,
                                                     Map<String, String> groupOfList) throws InputException {
        if (groupOfList.isEmpty()) return Map.of();
        List<String> lists = List.copyOf(groupOfList.keySet());
        Column index = functions.col("_metadata.row_index");
        List<Column> aggregates = new ArrayList<>();
        for (String list : lists) {
            // The length of the list at the smallest row index among the non-null lists (null when there is none).
            aggregates.add(functions.min_by(functions.size(column(list)), functions.when(column(list).isNotNull(), index)));
        }
        List<Row> found = data.groupBy(functions.col("_metadata.file_path")).agg(functions.count(functions.lit(1)),
                aggregates.toArray(Column[]::new)).collectAsList();
        long[] rows = new long[names.size()];
        int[][] widths = new int[names.size()][lists.size()];
        for (int[] input : widths) Arrays.fill(input, -1);
        for (Row row : found) {
            Integer input = inputOfPath.get(key(row.getString(0)));
            if (input == null) throw new IllegalStateException("rows of " + row.getString(0) + ", which is not among the inputs");
            rows[input] = row.getLong(1);
            for (int l = 0; l < lists.size(); l++) widths[input][l] = row.isNullAt(2 + l) ? -1 : row.getInt(2 + l);
        }
        List<String> fields = new ArrayList<>(columns);
        fields.removeAll(lists);
        Map<String, Map<String, Integer>> byInput = new HashMap<>();
        for (int input = 0; input < names.size(); input++) {
            String name = names.get(input);
            Map<String, Integer> byList = new HashMap<>();
            for (int l = 0; l < lists.size(); l++) {
                CellRules.checkListWidth(name, groupOfList.get(lists.get(l)), lists.get(l), rows[input], widths[input][l]);
                byList.put(lists.get(l), widths[input][l]);
            }
            for (int l = 0; l < lists.size(); l++) {
                for (int j = 0; j < widths[input][l]; j++) {
                    String element = CellRules.elementColumn(lists.get(l), j);
                    if (fields.contains(element)) throw CellRules.elementClash(name, element, lists.get(l));
                }
            }
            byInput.put(name, byList);
        }
        return byInput;
    }

    /** Whether the core reads a column of this type as numbers (not counting CSV's text). */
    private static boolean isNumber(DataType type) {
        return NUMBERS.contains(type) || type.equals(UNSIGNED_LONG);
    }

    /** As the Parquet reader checks a list column: its elements must be numbers. */
    private static void checkList(String column, ArrayType list, String file) throws InputException {
        DataType element = list.elementType();
        if (element instanceof ArrayType || element instanceof StructType || element instanceof MapType) {
            throw CellRules.listNotOfNumbers(file, column);
        }
        if (!isNumber(element)) {
            throw new InputException(file, 0, column, "a list of unsupported type " + element.simpleString() + "; " + READABLE);
        }
    }

    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static void check(String column, StructType schema, List<String> available, String file, boolean csv)
            throws InputException {
        if (!available.contains(column)) throw CellRules.noSuchColumn(file, column, available);
        DataType type = schema.apply(column).dataType();
        if (!isNumber(type) && !(csv && type.equals(DataTypes.StringType))) {
            throw new InputException(file, 0, column, "unsupported type " + type.simpleString() + "; " + READABLE);
        }
    }

    record Selected(Dataset<Row> rows, ColumnPlan plan) {}
}
