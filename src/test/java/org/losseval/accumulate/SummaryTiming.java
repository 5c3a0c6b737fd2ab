package org.losseval.accumulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.losseval.kernel.ScalarRegressionKernels;

/**
 * The bounded summary's cost per row, in-process: a manual benchmark, not a test. Reads the first rows of a
 * pred,target CSV, makes the row losses of mse, mae, huber (delta 1) and pinball (q 0.9) with the scalar
 * kernels' formulas, and adds them in batches of 8,192 rows to a {@link ContributionSummary} (with
 * residuals), to one without residuals (the contribution maps alone), and to a {@link ContributionState}
 * beyond its budget (every part of the contribution figures), printing the thread CPU per row of each,
 * several rounds. On a shared machine the thread CPU time is what to compare, never the wall time.
 *
 * <p>Usage: {@code java -cp <main and test classes> org.losseval.accumulate.SummaryTiming FILE ROWS ROUNDS}.
 */
public final class SummaryTiming {
    private static final int BATCH = 8192;

    private SummaryTiming() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double[] pred = new double[rows];
        double[] target = new double[rows];
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            in.readLine();
            for (int i = 0; i < rows; i++) {
                String line = in.readLine();
                int comma = line.indexOf(',');
                pred[i] = Double.parseDouble(line.substring(0, comma));
                target[i] = Double.parseDouble(line.substring(comma + 1));
            }
        }
        double[] residual = new double[rows];
        double[][] c = new double[4][rows];
        for (int i = 0; i < rows; i++) {
            residual[i] = pred[i] - target[i];
            c[0][i] = ScalarRegressionKernels.squaredError(pred[i], target[i]) + 0.0;
            c[1][i] = ScalarRegressionKernels.absoluteError(pred[i], target[i]) + 0.0;
            c[2][i] = ScalarRegressionKernels.huber(pred[i], target[i], 1.0) + 0.0;
            c[3][i] = ScalarRegressionKernels.pinball(pred[i], target[i], 0.9) + 0.0;
        }
        int[] own = {0, 1, 2, 3};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> losses = List.of("mse", "mae", "huber", "pinball");
        ContributionSettings settings = ContributionSettings.defaults().withExactBudgetBytes(0);
        double[][] batchLosses = new double[4][BATCH];
        double[] batchPred = new double[BATCH];
        double[] batchTarget = new double[BATCH];
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            ContributionSummary full = new ContributionSummary(4, true);
            for (int from = 0; from < rows; from += BATCH) full.addRows(residual, c, from, Math.min(BATCH, rows - from), own);
            long afterFull = threads.getCurrentThreadCpuTime();
            ContributionSummary contributions = new ContributionSummary(4, false);
            for (int from = 0; from < rows; from += BATCH) {
                contributions.addRows(null, c, from, Math.min(BATCH, rows - from), own);
            }
            long afterContributions = threads.getCurrentThreadCpuTime();
            ContributionState state = ContributionState.withResiduals(losses, false, settings);
            for (int from = 0; from < rows; from += BATCH) {
                int n = Math.min(BATCH, rows - from);
                System.arraycopy(pred, from, batchPred, 0, n);
                System.arraycopy(target, from, batchTarget, 0, n);
                for (int l = 0; l < 4; l++) {
                    // the row losses before the + 0.0 of a contribution: the same values here (no -0.0 loss)
                    System.arraycopy(c[l], from, batchLosses[l], 0, n);
                }
                int first = from;
                state.accept(new ContributionState.Batch(0, i -> first + i + 1L, batchPred, batchTarget, null,
                        batchLosses, n));
            }
            long afterState = threads.getCurrentThreadCpuTime();
            int hash = state.result().hashCode();
            long afterResult = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: summary %.1f ns/row (contribution maps %.1f), state %.1f ns/row, result %d ms, hash %d%n",
                    round, (afterFull - start) / (double) rows, (afterContributions - afterFull) / (double) rows,
                    (afterState - afterContributions) / (double) rows, (afterResult - afterState) / 1_000_000, hash);
        }
        if (Arrays.hashCode(residual) == 42) System.out.println(); // keeps the arrays live
    }
}
