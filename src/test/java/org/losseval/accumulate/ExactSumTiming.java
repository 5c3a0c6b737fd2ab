package org.losseval.accumulate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The CPU one {@link ExactSum#addAll} costs a value, on the row losses of the regression benchmark's kind of data
 * (residuals N(0, 1): squared and absolute errors, huber at delta 1, pinball at q 0.9): a manual benchmark, not a
 * test. Thread CPU (steadier than wall time on a shared machine) over rounds of 64 rotating batches of 8192
 * values, the minimum of the rounds after warm-up; the sum's value is printed so the work cannot be dropped.
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp target/test-classes:target/classes org.losseval.accumulate.ExactSumTiming [rounds]}.
 */
public final class ExactSumTiming {
    private ExactSumTiming() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batches = 64;
        int n = 8192;
        SplittableRandom random = new SplittableRandom(14);
        String[] kinds = {"squared", "absolute", "huber", "pinball"};
        double[][][] data = new double[kinds.length][batches][n];
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < n; i++) {
                double r = gaussian(random);
                data[0][b][i] = r * r;
                data[1][b][i] = Math.abs(r);
                data[2][b][i] = Math.abs(r) <= 1 ? 0.5 * r * r : Math.abs(r) - 0.5;
                data[3][b][i] = r >= 0 ? 0.9 * r : -0.1 * r;
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < kinds.length; k++) {
            long best = Long.MAX_VALUE;
            double value = 0;
            for (int round = 0; round < rounds; round++) {
                ExactSum sum = new ExactSum();
                long start = threads.getCurrentThreadCpuTime();
                for (int rep = 0; rep < 4; rep++) {
                    for (double[] batch : data[k]) sum.addAll(batch, n);
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                value += sum.value();
                if (round >= rounds / 3) best = Math.min(best, spent);
            }
            System.out.printf("%-9s %.2f ns/value (sum %s)%n", kinds[k], best / (4.0 * batches * n), value);
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
