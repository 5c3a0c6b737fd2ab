package org.losseval.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the parts of reading a numeric CSV, in one JVM, by the CPU time of the thread (steadier than wall time on
 * a shared machine): a manual benchmark, not a test. Per number, over every field of the file held in memory:
 * {@link CanonicalDecimal#parse} (the fused path's conversion, which also finds the field's end), FastDoubleParser
 * after a byte search for the field's end (what the ordinary path does), and the byte search alone; then
 * {@link CsvLineCounter#count} over the second half of the file against parsing the same bytes with the fast
 * reader. Fails when the two conversions' sums differ. Every figure is printed for each of six runs: read the
 * last ones, after the JIT has compiled the loops.
 *
 * <p>Usage: {@code java -cp <test and main classes, dependencies> org.losseval.io.CsvNumberTiming FILE}: a CSV
 * whose header is one line and whose every field is a canonical number (the benchmark's {@code reg_10m.csv} or
 * {@code ce_1m.csv}, or their first lines).
 */
public final class CsvNumberTiming {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CsvNumberTiming() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] b = Files.readAllBytes(file);
        int start = 0;
        while (b[start] != '\n') start++;
        start++;
        double[] out = new double[1];
        for (int run = 0; run < 6; run++) {
            long t0 = cpu();
            double fused = 0;
            long n = 0;
            for (int p = start; p < b.length; n++) {
                int end = CanonicalDecimal.parse(b, p, b.length, out, 0);
                if (end < 0) throw new IllegalStateException("not canonical at byte " + p);
                fused += out[0];
                p = end + 1;
            }
            long t1 = cpu();
            double fdp = 0;
            for (int p = start; p < b.length; ) {
                int end = p;
                while (b[end] != ',' && b[end] != '\n') end++;
                fdp += JavaDoubleParser.parseDouble(b, p, end - p);
                p = end + 1;
            }
            long t2 = cpu();
            long ends = 0;
            for (int p = start; p < b.length; ) {
                int end = p;
                while (b[end] != ',' && b[end] != '\n') end++;
                ends += end;
                p = end + 1;
            }
            long t3 = cpu();
            if (Double.doubleToRawLongBits(fused) != Double.doubleToRawLongBits(fdp) || ends == 0) {
                throw new IllegalStateException("the conversions differ");
            }
            System.out.printf(Locale.ROOT, "per number: CanonicalDecimal %.1f ns, search + FastDoubleParser %.1f ns,"
                    + " search alone %.1f ns (%,d numbers)%n", (t1 - t0) / (double) n, (t2 - t1) / (double) n,
                    (t3 - t2) / (double) n, n);
        }
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file)) {
            CsvLineCounter counter = new CsvLineCounter(channel);
            String header = new String(b, 0, start - 1, java.nio.charset.StandardCharsets.UTF_8);
            for (int run = 0; run < 6; run++) {
                long t0 = cpu();
                CsvLineCounter.Count count = counter.count(size / 2, size, Long.MAX_VALUE);
                long t1 = cpu();
                long rows = 0;
                try (Source source = Sources.open(file.toString(), java.io.InputStream.nullInputStream(),
                        SourceOptions.of(java.util.List.of(header.split(","))))) {
                    for (var batch = source.next(); batch != null && rows < count.rows(); batch = source.next()) {
                        rows += batch.size();
                    }
                }
                long t2 = cpu();
                System.out.printf(Locale.ROOT, "second half: count %d ms (%,d rows), parsing as many rows from the start %d ms%n",
                        (t1 - t0) / 1_000_000, count.rows(), (t2 - t1) / 1_000_000);
            }
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
