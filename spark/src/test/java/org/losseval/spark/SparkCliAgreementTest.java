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
        List<String> args = new ArrayList<>(List.of("eval"));
        for (String option : options) args.add(option.equals("MILLION") ? million : option);
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
