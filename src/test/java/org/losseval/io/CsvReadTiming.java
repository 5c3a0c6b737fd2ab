package org.losseval.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.losseval.batch.ColumnBatch;

/**
 * Times reading a two-column CSV of 17-digit doubles with each CSV reader, in one JVM: a manual
 * benchmark, not a test (no JMH here: the project allows no further dependency). Alternates the readers,
 * warms each up, then reports the minimum and median wall time of the timed runs, the minimum CPU time of
 * the reading thread (steadier than wall time on a shared machine), and the bytes allocated per row by
 * the reading thread (the last run's; the reader's buffers are allocated once per file, so this tends to
 * zero per row as files grow). Both readers must give the same checksum (the sum of every value's raw
 * bits), else it fails.
 *
 * <p>Usage: {@code java -cp <test and main classes, dependencies> org.losseval.io.CsvReadTiming FILE ROWS [RUNS]}.
 * FILE is written first when it does not exist: ROWS rows {@code pred,target}, each a {@link Double#toString}
 * of a value near 50 (16 to 17 significant digits, about 37 bytes a row, as the project's benchmark data).
 */
public final class CsvReadTiming {
    private static final int WARM_UPS = 2;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CsvReadTiming() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (!Files.exists(file)) write(file, rows);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "%s: %,d bytes; JDK %s; %d cores; %s%n", file, Files.size(file),
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), cpu());
        List<String> readers = List.of("commons", "fast");
        long[][] millis = new long[readers.size()][runs];
        long[][] cpuMillis = new long[readers.size()][runs];
        long[] checksums = new long[readers.size()];
        double[] bytesPerRow = new double[readers.size()];
        for (int run = -WARM_UPS; run < runs; run++) {
            for (int r = 0; r < readers.size(); r++) {
                System.setProperty(Sources.CSV_READER_PROPERTY, readers.get(r));
                long allocatedBefore = allocatedBytes();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long[] result = read(file);
                long elapsed = System.nanoTime() - start;
                long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
                if (result[1] != rows) throw new IllegalStateException(readers.get(r) + " read " + result[1] + " rows");
                if (run >= 0) {
                    millis[r][run] = elapsed / 1_000_000;
                    cpuMillis[r][run] = cpu / 1_000_000;
                    bytesPerRow[r] = (double) (allocatedBytes() - allocatedBefore) / rows;
                }
                checksums[r] = result[0];
            }
            if (checksums[0] != checksums[1]) throw new IllegalStateException("the readers' checksums differ");
        }
        for (int r = 0; r < readers.size(); r++) {
            long[] sorted = millis[r].clone();
            Arrays.sort(sorted);
            long cpuMin = Arrays.stream(cpuMillis[r]).min().orElseThrow();
            out.printf(Locale.ROOT, "%-8s wall min %,6d ms, median %,6d ms (%.1f ns/row); thread CPU min %,6d ms;"
                            + " %.2f bytes allocated/row; wall runs %s%n",
                    readers.get(r), sorted[0], sorted[runs / 2], sorted[0] * 1e6 / rows, cpuMin, bytesPerRow[r],
                    Arrays.toString(millis[r]));
        }
    }

    /** The sum of the raw bits of every value, and the row count. */
    private static long[] read(Path file) throws InputException {
        long checksum = 0;
        long rows = 0;
        try (Source source = Sources.open(file.toString(), InputStream.nullInputStream(),
                SourceOptions.of(List.of("pred", "target")))) {
            for (ColumnBatch batch = source.next(); batch != null; batch = source.next()) {
                double[] pred = batch.column("pred");
                double[] target = batch.column("target");
                for (int i = 0; i < batch.size(); i++) {
                    checksum += Double.doubleToRawLongBits(pred[i]) + 31 * Double.doubleToRawLongBits(target[i]);
                }
                rows += batch.size();
            }
        }
        return new long[] {checksum, rows};
    }

    private static void write(Path file, long rows) throws IOException {
        Random random = new Random(1);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("pred,target\n");
            for (long i = 0; i < rows; i++) {
                double target = 50 + 20 * random.nextGaussian();
                double pred = target + random.nextGaussian();
                writer.write(Double.toString(pred));
                writer.write(',');
                writer.write(Double.toString(target));
                writer.write('\n');
            }
        }
    }

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("cpu unknown");
        } catch (IOException e) {
            return "cpu unknown";
        }
    }
}
