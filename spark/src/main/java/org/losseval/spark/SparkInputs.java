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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
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
 */
final class SparkInputs {
    private static final List<DataType> NUMBERS = List.of(DataTypes.DoubleType, DataTypes.FloatType,
            DataTypes.LongType, DataTypes.IntegerType, DataTypes.ShortType, DataTypes.ByteType);
    private static final String READABLE = "readable types are double, float, bigint, int, smallint and tinyint";

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
            if (NUMBERS.contains(field.dataType()) || (csv && field.dataType().equals(DataTypes.StringType))) {
                numeric.add(field.name());
            }
        }
        List<String> columns = new ArrayList<>();
        for (String column : options.columns()) {
            check(column, schema, available, first, csv);
            if (!columns.contains(column)) columns.add(column);
        }
        for (String spec : options.groups()) {
            List<String> resolved = CellRules.resolveGroup(first, spec, numeric);
            for (String column : resolved) {
                check(column, schema, available, first, csv);
                if (!columns.contains(column)) columns.add(column);
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
        return new Selected(rows, new ColumnPlan(columns, csv, groups, texts, real, types));
    }

    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static void check(String column, StructType schema, List<String> available, String file, boolean csv)
            throws InputException {
        if (!available.contains(column)) throw CellRules.noSuchColumn(file, column, available);
        DataType type = schema.apply(column).dataType();
        if (!NUMBERS.contains(type) && !(csv && type.equals(DataTypes.StringType))) {
            throw new InputException(file, 0, column, "unsupported type " + type.simpleString() + "; " + READABLE);
        }
    }

    record Selected(Dataset<Row> rows, ColumnPlan plan) {}
}
