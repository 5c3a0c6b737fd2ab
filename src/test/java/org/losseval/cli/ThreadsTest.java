package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same report, bit for bit, whatever the thread count: reading ahead on a second
 * thread changes when batches are parsed, never what is computed from them.
 */
class ThreadsTest {
    /** app.KernelChooser's switch-over property. */
    private static final String VECTOR_AFTER_ROWS = "losseval.vectorAfterRows";

    private static String run(String threads, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--threads";
        all[args.length + 1] = threads;
        all[args.length + 2] = "--format";
        all[args.length + 3] = "json";
        CliRun run = CliRun.of(all);
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        return run.out();
    }

    @Test
    void vectorAndScalarKernelsGiveIdenticalReports() {
        assertSameWithVectorKernels("eval", "examples/sensors.csv", "examples/sensors.parquet", "-p", "pred",
                "-t", "target", "-l", "mse,mae,huber:delta=15,pinball:q=0.9,log_cosh,smooth_l1:beta=0.5", "--skip-invalid");
    }

    @Test
    void vectorAndScalarClassificationKernelsGiveIdenticalReports() {
        assertSameWithVectorKernels("eval", "examples/leaves.csv", "--logits", "l0..l4", "-t", "label",
                "--target-probs", "t0..t4", "-l", "ce,focal_multiclass,kl", "-l", "ce:weight=[1,2,1,1,0.5]");
        assertSameWithVectorKernels("eval", "examples/leaves.csv", "--sim-pos", "l0", "--sim-neg", "l1..l4",
                "-l", "infonce", "-l", "infonce:temperature=1");
        assertSameWithVectorKernels("eval", "examples/emails.csv", "examples/emails.csv", "examples/emails.csv",
                "--logits", "logit", "-t", "spam", "-l", "bce,focal,focal:gamma=0,focal:gamma=5,alpha=-1");
    }

    /**
     * The report with the vector kernels from the first row equals the one that never leaves the scalar
     * kernels, but for the kernel's name. Both runs set the switch-over themselves: the vector execution of
     * the suite already starts the vector kernels at row 0 (pom.xml), so relying on the default would
     * compare vector with vector. In the scalar execution both runs are scalar.
     */
    private static void assertSameWithVectorKernels(String... args) {
        String scalar = withVectorAfterRows(Long.MAX_VALUE, () -> run("1", args));
        String vector = withVectorAfterRows(0, () -> run("1", args));
        assertEquals(scalar.replaceAll("\"kernel\": \"[^\"]*\"", ""), vector.replaceAll("\"kernel\": \"[^\"]*\"", ""));
    }

    /** Runs {@code run} with the switch-over at {@code rows}, then restores the property the build set. */
    private static String withVectorAfterRows(long rows, Supplier<String> run) {
        String previous = System.getProperty(VECTOR_AFTER_ROWS);
        System.setProperty(VECTOR_AFTER_ROWS, Long.toString(rows));
        try {
            return run.get();
        } finally {
            if (previous == null) {
                System.clearProperty(VECTOR_AFTER_ROWS);
            } else {
                System.setProperty(VECTOR_AFTER_ROWS, previous);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalReports() {
        for (String input : new String[] {"examples/sensors.csv", "examples/sensors.parquet"}) {
            String[] args = {"eval", input, "-p", "pred", "-t", "target", "-w", "w",
                "-l", "mse,mae,huber:delta=mad,pinball:q=0.9,log_cosh", "--quantile", "p10@0.1", "--quantile", "p90@0.9",
                "--interval", "p10:p90"};
            assertEquals(run("1", args), run("2", args), input);
            assertEquals(run("1", args), run("4", args), input);
        }
    }
}
