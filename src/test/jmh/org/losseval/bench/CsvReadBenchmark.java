package org.losseval.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a {@value #ROWS}-row CSV with columns {@code pred,target} end to end through
 * {@link Sources#open} with default options (whichever CSV reader it picks, at the default batch size):
 * open, every batch, close. Milliseconds per file; divide by 10^6 for nanoseconds per row.
 *
 * <p>The file (about 40 MB, in {@code java.io.tmpdir}, deleted after the trial) holds values ~ 10·N(0, 1)
 * written by {@link Double#toString(double)}, the shortest string that reads back as the same double
 * (15–18 characters), so parsing is exact. Self-check before measuring: the file is read once and must
 * give {@value #ROWS} rows and, per column, the same bits as a sum of the written doubles in the same
 * order. The benchmark returns those sums too, so every value read is used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.module=ALL-UNNAMED"})
public class CsvReadBenchmark {
    static final int ROWS = 1_000_000;
    private static final long SEED = 20240615L;
    private static final List<String> COLUMNS = List.of("pred", "target");

    /** What one read produced: the row count and the column sums. */
    public record Totals(long rows, double predSum, double targetSum) {}

    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InputException {
        BenchEnvironment.print("CsvReadBenchmark");
        file = Files.createTempFile("losseval-bench-", ".csv");
        SplittableRandom random = new SplittableRandom(SEED);
        double predSum = 0.0;
        double targetSum = 0.0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("pred,target\n");
            for (int i = 0; i < ROWS; i++) {
                double pred = 10.0 * RegressionKernelBenchmark.gaussian(random);
                double target = 10.0 * RegressionKernelBenchmark.gaussian(random);
                predSum += pred;
                targetSum += target;
                out.write(Double.toString(pred));
                out.write(',');
                out.write(Double.toString(target));
                out.write('\n');
            }
        }
        Totals read = read();
        ResultCheck.require(read.rows() == ROWS, "read " + read.rows() + " rows, wrote " + ROWS);
        ResultCheck.same("sum of pred as read", read.predSum(), predSum);
        ResultCheck.same("sum of target as read", read.targetSum(), targetSum);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Totals read() throws InputException {
        double predSum = 0.0;
        double targetSum = 0.0;
        try (Source source = Sources.open(file.toString(), InputStream.nullInputStream(), SourceOptions.of(COLUMNS))) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                ResultCheck.require(batch.issues().isEmpty(), "unreadable cells: " + batch.issues());
                double[] pred = batch.column("pred");
                double[] target = batch.column("target");
                for (int i = 0; i < batch.size(); i++) {
                    predSum += pred[i];
                    targetSum += target[i];
                }
            }
            return new Totals(source.rowsRead(), predSum, targetSum);
        }
    }
}
