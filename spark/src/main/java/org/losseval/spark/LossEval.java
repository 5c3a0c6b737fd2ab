package org.losseval.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.losseval.accumulate.StateFormatException;
import org.losseval.app.BuildInfo;
import org.losseval.app.DataException;
import org.losseval.app.EvalRequest;
import org.losseval.app.InvalidRequestException;
import org.losseval.app.PartialRun;
import org.losseval.cli.Cli;
import org.losseval.io.InputException;
import org.losseval.io.SourceOptions;
import org.losseval.report.Report;

/**
 * losseval on Apache Spark: the command line's report of a DataFrame read from Parquet or CSV files, bit for bit.
 *
 * <pre>{@code
 * Report r = LossEval.evaluate(spark.read().parquet(path), LossEval.options("-p pred -t target -l mse,mae"));
 * }</pre>
 *
 * <p>How: one pass over the rows. Each partition feeds its rows, in batches, to a {@link PartialRun} of the
 * request (the core's own validation and states) and sends back the states' encoding
 * ({@link org.losseval.accumulate.StateCodec}); the driver decodes them and combines them in partition order,
 * then the core finishes the report. Why {@code mapPartitions} and not an {@code Aggregator}: an Aggregator's
 * buffer must be a Spark-encoded value that Spark merges in an order of its choosing, and each merge would decode
 * and re-encode both states; here the states cross the network once, in the core's own versioned encoding, and
 * are combined in one fixed order (the figures are the same bits in any order: the states' sums are exact).
 */
public final class LossEval {
    /** Where the request's inputs stand when a DataFrame is given: never read, the DataFrame's files are. */
    static final String DATAFRAME = "<dataframe>";
    /**
     * A session setting: fold the rows in this many partitions (a shuffle) rather than as Spark read them; 0, the
     * default, keeps Spark's. The tests run the same request on 1, 2 and 7 partitions with it; the report is the
     * same bits on any.
     */
    public static final String PARTITIONS = "spark.losseval.partitions";

    private LossEval() {}

    /**
     * The options of {@code losseval eval} without files, split at white space (no quoting: give the words one by
     * one to {@link #options(String...)} when a value holds a space).
     *
     * @throws IllegalArgumentException for options {@code eval} refuses, with its message
     */
    public static Options options(String line) {
        String trimmed = line.strip();
        return options(trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+"));
    }

    /** The options of {@code losseval eval} without files, one word each. */
    public static Options options(String... words) {
        List<String> args = new ArrayList<>();
        args.add(DATAFRAME);
        args.addAll(Arrays.asList(words));
        return new Options(args.toArray(String[]::new));
    }

    /** Parsed {@code eval} arguments; they travel to the executors as they are and are parsed there again. */
    public static final class Options implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] args;

        Options(String[] args) {
            this.args = args.clone();
            Cli.evalRequest(this.args); // refuses bad options here, on the driver, with eval's message
        }

        EvalRequest request() { return Cli.evalRequest(args); }

        String[] args() { return args.clone(); }
    }

    /**
     * The report of the rows of {@code data}, which must come straight from Parquet or CSV files (its rows carry
     * their file and position: {@code _metadata}); gates are judged ({@link Report#gatesPassed()}).
     *
     * @throws InvalidRequestException for a request the core refuses, or what Spark cannot do yet (see README)
     * @throws DataException           as the command line: a missing column, an invalid value, no usable rows
     */
    public static Report evaluate(Dataset<Row> data, Options options) throws InvalidRequestException, DataException {
        String[] files = data.inputFiles();
        if (files.length == 0) throw notFromFiles();
        return evaluate(data, options.args(), SparkInputs.of(List.of(), files, formatOf(Arrays.asList(files))));
    }

    /** SparkEval's run: the request's own inputs, read by Spark. */
    static Report evaluate(SparkSession spark, String[] args) throws InvalidRequestException, DataException {
        EvalRequest request = Cli.evalRequest(args);
        List<String> inputs = request.inputs();
        if (inputs.contains("-")) throw new InvalidRequestException("standard input ('-') is not readable on Spark: give files");
        String format = formatOf(inputs);
        // Hive-style directories (date=2026-11-01/) as text, as the command line's virtual columns read them, not
        // typed by Spark's guess (a date, an integer).
        spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        DataFrameReader reader = spark.read();
        Dataset<Row> data;
        if (format.equals("csv")) {
            char delimiter = request.delimiter() != null ? request.delimiter()
                    : inputs.stream().allMatch(i -> stripGz(i).endsWith(".tsv")) ? '\t' : ',';
            // Every column as text, parsed by the core's rule; RFC 4180 quotes; whole files, so rows are numbered.
            data = reader.option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .option("sep", String.valueOf(delimiter)).option("mode", "PERMISSIVE").csv(inputs.toArray(String[]::new));
        } else {
            data = reader.parquet(inputs.toArray(String[]::new));
        }
        return evaluate(data, args, SparkInputs.of(inputs, data.inputFiles(), format));
    }

    private static Report evaluate(Dataset<Row> data, String[] args, SparkInputs inputs)
            throws InvalidRequestException, DataException {
        EvalRequest request = Cli.evalRequest(args);
        long heap = partHeap(data.sparkSession());
        PartialRun driver = new PartialRun(request, inputs.names, inputs.format, heap);
        SparkInputs.Selected selected;
        try {
            selected = inputs.select(data, driver.options());
        } catch (InputException e) {
            throw new DataException(e);
        } catch (Exception e) {
            // Spark's AnalysisException (undeclared: Scala's exceptions are unchecked) for a DataFrame without _metadata.
            if (e.getClass().getName().endsWith("AnalysisException")) {
                throw notFromFiles();
            }
            if (e instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e);
        }
        Dataset<Row> rows = selected.rows();
        int partitions = Integer.parseInt(data.sparkSession().conf().get(PARTITIONS, "0"));
        // Sorted within each partition, as a file split's rows are: a piece's rows in row order (GroupRouter needs
        // a group's first row in a batch to be its earliest) and pieces long.
        if (partitions > 0) rows = rows.repartition(partitions).sortWithinPartitions(rows.columns()[0], rows.columns()[1]);
        PartitionFold fold = new PartitionFold(args, inputs.names, inputs.inputOfPath, inputs.format, selected.plan(),
                SourceOptions.DEFAULT_BATCH_SIZE, heap);
        // Spark's own rows (InternalRow), not Row objects: no conversion of every cell to a Java object.
        List<PartResult> parts = rows.queryExecution().toRdd().toJavaRDD().mapPartitions(fold).collect(); // in partition order
        PartResult firstError = null;
        for (PartResult part : parts) {
            if (part.failed() && (firstError == null || part.errorInput() < firstError.errorInput()
                    || part.errorInput() == firstError.errorInput() && part.row() < firstError.row())) {
                firstError = part;
            }
        }
        if (firstError != null) throw new DataException(firstError.error());
        for (PartResult part : parts) {
            try {
                driver.combine(PartialRun.decode(request, inputs.names, inputs.format, heap, part.state()));
            } catch (StateFormatException e) {
                throw new IllegalStateException("a partition's states: " + e.getMessage(), e);
            }
        }
        return driver.report(BuildInfo.version());
    }

    private static InvalidRequestException notFromFiles() {
        return new InvalidRequestException("the DataFrame must come straight from Parquet or CSV files: its rows need"
                + " their file and position (Spark's _metadata column), which this one's have not");
    }

    /**
     * The heap every part caps its budgets by (--exact-budget: at most a quarter of it), the same on every
     * executor so that their states combine: in local mode this JVM's, on a cluster the smaller of the driver's
     * and {@code spark.executor.memory} (default 1g), the heap the executors' parts live in.
     */
    static long partHeap(SparkSession spark) {
        long driver = Runtime.getRuntime().maxMemory();
        if (spark.sparkContext().master().startsWith("local")) return driver;
        return Math.min(driver, spark.sparkContext().getConf().getSizeAsBytes("spark.executor.memory", "1g"));
    }

    /** "csv" when every input is CSV or TSV (optionally gzipped), else "parquet"; a mix is refused. */
    static String formatOf(List<String> inputs) throws InvalidRequestException {
        long csv = inputs.stream().filter(i -> {
            String name = stripGz(i);
            return name.endsWith(".csv") || name.endsWith(".tsv");
        }).count();
        if (csv == 0) return "parquet";
        if (csv == inputs.size()) return "csv";
        throw new InvalidRequestException("inputs mix CSV and Parquet files: Spark reads one format per run");
    }

    private static String stripGz(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
    }
}
