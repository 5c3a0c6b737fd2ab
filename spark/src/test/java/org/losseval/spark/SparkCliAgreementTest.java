package org.losseval.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.cli.Cli;

/**
 * The same report, byte for byte, from the command line's entry point ({@link Cli#run}) and from Spark's
 * ({@link SparkEval#run}, reading with Spark in {@code local[2]}), as JSON, on the committed examples and on a
 * generated 10⁶-row Parquet file, for 1, 2 and 7 partitions and as Spark splits the files itself. Nothing is
 * removed from either output: the report names no launcher and no time (its "kernel" field says which kernels
 * ran, the scalar ones on both paths here: no partition nor the CLI reaches the 4·10⁶ rows that switch them).
 * Exit code and stderr are compared too.
 */
class SparkCliAgreementTest {
    private static SparkSession spark;
    @TempDir static Path temp;
    private static String million;
    /** Parquet lists (Spark's arrays) with null lists, empty ones, ones of the wrong length and null elements. */
    private static String lists;
    /** Unsigned INT64 columns (UINT_64, which Spark reads as decimal(20,0)), plain and in a list, by parquet-java. */
    private static String unsigned;
    /** Spark jobs run so far: each Spark run must run one at least (the report is Spark's, not a fallback's). */
    private static final java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("losseval-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "7").getOrCreate();
        spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd jobEnd) {
                jobs.incrementAndGet();
            }
        });
        // 10^6 rows in many row groups (so Spark splits the file), with values that are not round in binary, a
        // sample weight and a few rows of each kind the validation skips.
        Path dir = temp.resolve("million");
        spark.range(1_000_000).select(
                        functions.col("id"),
                        functions.sin(functions.col("id")).multiply(30).plus(100).as("pred"),
                        functions.cos(functions.col("id").multiply(0.7)).multiply(25).plus(101).as("target"),
                        functions.when(functions.col("id").mod(99_991).equalTo(5), functions.lit(null))
                                .otherwise(functions.col("id").mod(7).plus(0.5)).as("w"),
                        functions.col("id").mod(13).divide(13).as("p"),
                        functions.col("id").multiply(7919).mod(17).as("g"),
                        functions.concat(functions.lit("s"), functions.col("id").mod(5)).as("s"))
                .coalesce(1).write().option("parquet.block.size", 1 << 20).parquet(dir.toString());
        try (Stream<Path> files = Files.list(dir)) {
            million = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
        }
        lists = writeLists();
        unsigned = writeUnsigned();
    }

    /**
     * 5000 rows of list columns, as Spark writes arrays (standard 3-level Parquet LISTs), in row groups small
     * enough that Spark splits the file. {@code logits} (4 doubles) has a null list every 97 rows, an empty one every
     * 89, 3 values every 83 and a null element every 79; {@code ints} is a list of ints with the same nulls;
     * {@code wrong} is first invalid by its length (row 8), {@code holes} by a null element (row 10);
     * {@code allnull} holds only null lists, {@code emptyfirst} starts with an empty one; {@code logits[0]} is a
     * field named as an element of {@code logits}; {@code dec} is a Parquet DECIMAL(20,0), -5 in row 3.
     */
    private static String writeLists() throws IOException {
        Path dir = temp.resolve("lists");
        String logits = "CASE WHEN id % 97 = 3 THEN NULL WHEN id % 89 = 4 THEN cast(array() AS array<double>)"
                + " WHEN id % 83 = 5 THEN array(sin(id), cos(id), 0.5d)"
                + " WHEN id % 79 = 6 THEN array(sin(id), cast(NULL AS double), cos(id), sin(id * 0.3))"
                + " ELSE array(sin(id) * 3, cos(id * 0.7) * 2, sin(id * 1.3), cos(id) * 1.5) END";
        spark.range(5000).selectExpr("id % 4 AS label", logits + " AS logits",
                        "transform(" + logits + ", x -> cast(round(x * 4) AS int)) AS ints",
                        "CASE WHEN id % 50 = 7 THEN array(1d, 2d) ELSE array(sin(id), 2d, cos(id)) END AS wrong",
                        "array(sin(id), CASE WHEN id % 40 = 9 THEN NULL ELSE 1d END, cos(id)) AS holes",
                        "cast(NULL AS array<double>) AS allnull",
                        "CASE WHEN id = 0 THEN cast(array() AS array<double>) ELSE array(1d, 2d) END AS emptyfirst",
                        "cos(id) + 2 AS `logits[0]`", "array('a', 'b') AS names",
                        "CASE WHEN id = 2 THEN cast(-5 AS decimal(20,0)) ELSE cast(id AS decimal(20,0)) END AS dec")
                .coalesce(1).write().option("parquet.block.size", 32 << 10).parquet(dir.toString());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
        }
    }

    /**
     * 1000 rows: {@code u} unsigned INT64 values of 2^63 and above (where the unsigned reading and the rounding to a
     * double matter), {@code target} a double near them, {@code label} 0..2 and {@code ul} a list of 3 small unsigned
     * INT64s (a null element every 101 rows).
     */
    private static String writeUnsigned() throws IOException {
        Path file = temp.resolve("unsigned.parquet");
        org.apache.parquet.schema.MessageType schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
                "message m { required int64 u (INTEGER(64,false)); required double target; required int64 label;"
                        + " optional group ul (LIST) { repeated group list { optional int64 element (INTEGER(64,false)); } } }");
        org.apache.parquet.example.data.simple.SimpleGroupFactory groups =
                new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
        try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer =
                     org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(
                                     new org.apache.hadoop.fs.Path(file.toUri()))
                             .withType(schema).withConf(new org.apache.hadoop.conf.Configuration()).build()) {
            for (int i = 0; i < 1000; i++) {
                long bits = Long.MIN_VALUE + i * 0x1_0000_0001L * 977 + (i % 7) * 513;
                org.apache.parquet.example.data.Group row = groups.newGroup().append("u", bits)
                        .append("target", 9.3e18 + i * 1.7e15).append("label", (long) (i % 3));
                org.apache.parquet.example.data.Group list = row.addGroup("ul");
                for (int j = 0; j < 3; j++) {
                    org.apache.parquet.example.data.Group element = list.addGroup("list");
                    if (!(i % 101 == 50 && j == 1)) element.append("element", (long) ((i * 7 + j * 3) % 5));
                }
                writer.write(row);
            }
        }
        return file.toString();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static Stream<Arguments> runs() {
        String examples = System.getProperty("losseval.examples", "../examples");
        return Stream.of(
                Arguments.of(List.of(examples + "/sensors.parquet", "-p", "pred", "-t", "target", "-l",
                        "mse,mae,huber:delta=mad,rmse,r2,medae", "--weight", "w", "--quantile", "p10@0.1",
                        "--quantile", "p90@0.9", "--interval", "p10:p90")),
                Arguments.of(List.of(examples + "/sensors.parquet", "-p", "pred", "-t", "target",
                        "--baseline-pred", "baseline", "-l", "mse,mae,rmse,r2", "--fail-if", "delta[mse] > 0")),
                Arguments.of(List.of(examples + "/houses.parquet", "-p", "pred", "-t", "target", "-l", "mse,mae,huber:delta=15",
                        "--format", "markdown")),
                Arguments.of(List.of(examples + "/sensors.csv", "-p", "pred", "-t", "target", "-l", "mse,mae", "--weight", "w")),
                Arguments.of(List.of(examples + "/emails.csv", "--logits", "logit", "-t", "spam", "-l", "bce,ece")),
                Arguments.of(List.of("MILLION", "-p", "pred", "-t", "target", "-l", "mse,mae,huber:delta=mad,r2",
                        "--weight", "w", "--skip-invalid")),
                Arguments.of(List.of("MILLION", "-p", "pred", "-t", "target", "--baseline-pred", "target", "-l", "mse,rmse")),
                Arguments.of(List.of(examples + "/sensors.parquet", "-p", "pred", "-t", "target", "--baseline-pred",
                        "baseline", "-l", "mse,mae,rmse", "--group-by", "sensor", "--min-group-rows", "2")),
                Arguments.of(List.of(examples + "/sensors.csv", "-p", "pred", "-t", "target", "-l", "mse",
                        "--group-by", "sensor", "--group-by", "file", "--min-group-rows", "1")),
                Arguments.of(List.of("MILLION", "-p", "pred", "-t", "target", "-l", "mse,mae,huber:delta=mad",
                        "--weight", "w", "--skip-invalid", "--group-by", "g", "--group-by", "s", "--format", "csv")),
                // the first invalid row (a null weight) in reading order, as the command line meets it: exit 3
                Arguments.of(List.of("MILLION", "-p", "pred", "-t", "target", "-l", "mse", "--weight", "w")));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void sparkGivesTheCommandLinesReport(List<String> options) throws java.util.concurrent.TimeoutException {
        assertSameOnSpark(options);
    }

    /**
     * List columns in groups and unsigned INT64s: reports, skipped rows by reason, and the input errors. Most runs
     * leave out the contribution figures (--no-contrib), whose state encoding is being fixed apart (branch codecfix:
     * on main they decode as empty, on Spark as on the CLI's own partial runs); the two runs with them check the
     * lists and unsigned integers feed those figures too, once that fix is in.
     */
    static Stream<Arguments> listRuns() {
        String examples = System.getProperty("losseval.examples", "../examples");
        return Stream.of(
                Arguments.of(List.of(examples + "/leaves.parquet", "--logits", "logits", "-t", "label", "--target-probs",
                        "target_probs", "-l", "ce,kl", "-w", "w", "--no-contrib")),
                Arguments.of(List.of(examples + "/leaves.parquet", "--logits", "logits", "-t", "label", "-l",
                        "ce:label_smoothing=0.1,focal_multiclass,zero_one", "--group-by", "label", "--min-group-rows", "1",
                        "--no-contrib")),
                Arguments.of(List.of("LISTS", "--logits", "logits", "-t", "label", "-l", "ce,zero_one", "--skip-invalid",
                        "--no-contrib")),
                Arguments.of(List.of("LISTS", "--logits", "ints", "-t", "label", "-l", "ce,multi_margin", "--skip-invalid",
                        "--no-contrib")),
                Arguments.of(List.of("LISTS", "--logits", "holes,wrong", "-t", "label", "-l", "ce", "--skip-invalid",
                        "--format", "csv", "--no-contrib")),
                // exit 3 at the first invalid row: a null list (row 4), a short list (row 8), a null element (row 10)
                Arguments.of(List.of("LISTS", "--logits", "logits", "-t", "label", "-l", "ce")),
                Arguments.of(List.of("LISTS", "--logits", "wrong", "-t", "label", "-l", "ce")),
                Arguments.of(List.of("LISTS", "--logits", "holes", "-t", "label", "-l", "ce")),
                // the reader's checks when it opens the file: exit 3 before any row
                Arguments.of(List.of("LISTS", "--logits", "allnull", "-t", "label", "-l", "ce")),
                Arguments.of(List.of("LISTS", "--logits", "emptyfirst", "-t", "label", "-l", "ce")),
                Arguments.of(List.of("LISTS", "--logits", "logits", "-t", "label", "-w", "logits[0]", "-l", "ce")),
                Arguments.of(List.of("UNSIGNED", "-p", "u", "-t", "target", "-l", "mse,mae,r2", "--no-contrib")),
                Arguments.of(List.of("UNSIGNED", "--logits", "ul", "-t", "label", "-l", "ce,zero_one", "--skip-invalid",
                        "--no-contrib")),
                // with the contribution figures: these need the state encoding fix (branch codecfix)
                Arguments.of(List.of(examples + "/leaves.parquet", "--logits", "logits", "-t", "label", "--target-probs",
                        "target_probs", "-l", "ce,kl", "-w", "w")),
                Arguments.of(List.of("UNSIGNED", "-p", "u", "-t", "target", "-l", "mse,mae,r2")));
    }

    @ParameterizedTest
    @MethodSource("listRuns")
    void listColumnsGiveTheCommandLinesReport(List<String> options) throws java.util.concurrent.TimeoutException {
        assertSameOnSpark(options);
    }

    @Test
    void aListOfTextIsRefusedOnBothPaths() {
        String[] argv = {"eval", "LISTS", "--logits", "names", "-t", "label", "-l", "ce", "--format", "json"};
        argv[1] = lists;
        Run cli = Run.of(out -> Cli.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        Run onSpark = Run.of(out -> SparkEval.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        assertEquals(3, cli.code, cli.stderr);
        // Spark names the type as Spark has it (the Parquet reader names the physical type): the rest is the same.
        assertEquals(new Run(3, "", "losseval: " + lists + ": column 'names': a list of unsupported type string;"
                + " readable types are double, float, bigint, int, smallint, tinyint and decimal(20,0) (an unsigned"
                + " INT64) (in group 'names')\n"), onSpark, "CLI said: " + cli.stderr);
    }

    @Test
    void aDecimalThatNoUnsignedIntegerHoldsStopsTheRunOnSpark() {
        // The command line refuses a DECIMAL column whole; Spark reads it as it reads an unsigned INT64, so it can
        // only stop at the first value that no unsigned INT64 holds (README, "Column types"), naming its row.
        String[] argv = {"eval", lists, "-p", "dec", "-t", "label", "-l", "mse", "--format", "json"};
        Run cli = Run.of(out -> Cli.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        Run onSpark = Run.of(out -> SparkEval.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        assertEquals(3, cli.code, cli.stderr);
        assertEquals(new Run(3, "", "losseval: " + lists + ": row 3: column 'dec': decimal(20,0) value -5 is not an"
                + " unsigned 64-bit integer (Spark reads an unsigned INT64 as decimal(20,0)); a DECIMAL column is not"
                + " read\n"), onSpark, "CLI said: " + cli.stderr);
    }

    /** The command line's run and Spark's, as Spark splits the files and in 1, 2 and 7 partitions: the same bytes. */
    private static void assertSameOnSpark(List<String> options) throws java.util.concurrent.TimeoutException {
        List<String> args = new ArrayList<>(List.of("eval"));
        for (String option : options) {
            args.add(switch (option) {
                case "MILLION" -> million;
                case "LISTS" -> lists;
                case "UNSIGNED" -> unsigned;
                default -> option;
            });
        }
        if (!args.contains("--format")) args.addAll(List.of("--format", "json"));
        String[] argv = args.toArray(String[]::new);
        Run cli = Run.of(out -> Cli.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        for (int partitions : new int[] {0, 1, 2, 7}) {
            spark.conf().set(LossEval.PARTITIONS, String.valueOf(partitions));
            int before = jobs.get();
            Run onSpark = Run.of(out -> SparkEval.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
            assertEquals(cli, onSpark, partitions + " partitions (0: as Spark splits)");
            spark.sparkContext().listenerBus().waitUntilEmpty();
            org.junit.jupiter.api.Assertions.assertTrue(jobs.get() > before, "no Spark job ran");
        }
    }

    @Test
    void aMissingColumnIsTheCommandLinesInputError() {
        String examples = System.getProperty("losseval.examples", "../examples");
        String[] argv = {"eval", examples + "/houses.parquet", "-p", "prediction", "-t", "target"};
        Run cli = Run.of(out -> Cli.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        Run onSpark = Run.of(out -> SparkEval.run(argv, InputStream.nullInputStream(), out.stdout, out.err));
        assertEquals(3, cli.code);
        assertEquals(cli, onSpark);
    }

    @Test
    void hiveStyleDirectoriesGiveTheCommandLinesGroups() throws IOException {
        // Two dumps in date=... directories: the command line given the files (as a shell's glob sorts them), Spark
        // given a glob of the directories, or their parent (where Spark finds the partition column itself).
        Path parts = temp.resolve("parts");
        Path sensors = Path.of(System.getProperty("losseval.examples", "../examples"), "sensors.parquet");
        List<String> files = new ArrayList<>();
        for (String date : List.of("2026-11-01", "2026-11-02")) {
            Path file = parts.resolve("date=" + date).resolve("part-0.parquet");
            Files.createDirectories(file.getParent());
            Files.copy(sensors, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            files.add(file.toAbsolutePath().normalize().toString());
        }
        List<String> options = List.of("-p", "pred", "-t", "target", "-l", "mse,mae", "--group-by", "date",
                "--group-by", "sensor", "--min-group-rows", "1", "--format", "json");
        List<String> cliArgs = new ArrayList<>(List.of("eval"));
        cliArgs.addAll(files);
        cliArgs.addAll(options);
        Run cli = Run.of(out -> Cli.run(cliArgs.toArray(String[]::new), InputStream.nullInputStream(), out.stdout, out.err));
        assertEquals(0, cli.code, cli.stderr);
        for (String input : List.of(parts.toAbsolutePath() + "/date=*/", parts.toAbsolutePath().toString())) {
            List<String> sparkArgs = new ArrayList<>(List.of("eval", input));
            sparkArgs.addAll(options);
            spark.conf().set(LossEval.PARTITIONS, "2");
            Run onSpark = Run.of(out -> SparkEval.run(sparkArgs.toArray(String[]::new), InputStream.nullInputStream(),
                    out.stdout, out.err));
            assertEquals(cli, onSpark, input);
        }
    }

    @Test
    void theApiGivesTheCommandLinesReportOfTheDataFramesFiles() throws Exception {
        // A DataFrame's files are named by their absolute paths (README): the command line given the same path.
        String path = Path.of(System.getProperty("losseval.examples", "../examples"), "sensors.parquet")
                .toAbsolutePath().normalize().toString();
        String[] options = {"-p", "pred", "-t", "target", "-l", "mse,mae,rmse", "--group-by", "sensor", "--weight", "w"};
        List<String> args = new ArrayList<>(List.of("eval", path, "--format", "json"));
        args.addAll(List.of(options));
        Run cli = Run.of(out -> Cli.run(args.toArray(String[]::new), InputStream.nullInputStream(), out.stdout, out.err));
        spark.conf().set(LossEval.PARTITIONS, "3");
        org.losseval.report.Report report = LossEval.evaluate(spark.read().parquet(path), LossEval.options(options));
        StringWriter json = new StringWriter();
        PrintWriter writer = new PrintWriter(json);
        new org.losseval.format.JsonPrinter().print(report, writer);
        writer.flush();
        assertEquals(cli.stdout, json.toString());
        org.junit.jupiter.api.Assertions.assertArrayEquals(LossEval.options(options).args(),
                LossEval.options(" " + String.join("  ", options) + " ").args());
    }

    @Test
    void aDataFrameNotStraightFromFilesIsRefused() {
        org.losseval.app.InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.losseval.app.InvalidRequestException.class,
                () -> LossEval.evaluate(spark.range(10).selectExpr("cast(id as double) as pred", "cast(id * 2 as double) as target"),
                        LossEval.options("-p pred -t target -l mse")));
        assertEquals("the DataFrame must come straight from Parquet or CSV files: its rows need their file and"
                + " position (Spark's _metadata column), which this one's have not", e.getMessage());
    }

    /** What a run printed and returned. */
    record Run(int code, String stdout, String stderr) {
        interface Body {
            int run(Streams out);
        }

        record Streams(ByteArrayOutputStream stdout, PrintWriter err) {}

        static Run of(Body body) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            int code = body.run(new Streams(stdout, new PrintWriter(err)));
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
        }
    }
}
