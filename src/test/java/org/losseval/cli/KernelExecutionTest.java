package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleFinder;
import org.junit.jupiter.api.Test;
import org.losseval.format.TinyJson;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.VectorDescriptions;

/**
 * The build runs the whole suite twice (pom.xml), and each run must really test what it is named for: the
 * default-test execution sets {@code -Dlosseval.vectorAfterRows=0}, so a real CLI run on a small example
 * uses the vector kernels from its first row; the scalar-kernel execution sets
 * {@code -Dlosseval.kernel=scalar} and keeps the default switch-over (never, on Java 17 and 25), so a run stays scalar. The report's
 * "kernel" field says which kernels a run used (app.KernelChooser).
 */
class KernelExecutionTest {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Test
    void aRegressionRunReportsTheKernelsOfThisExecution() {
        assertKernel(kernel("eval", "examples/sensors.csv", "-p", "pred", "-t", "target", "-l", "mse,huber:delta=15",
                "--skip-invalid"));
    }

    @Test
    void aClassificationRunReportsTheKernelsOfThisExecution() {
        assertKernel(kernel("eval", "examples/emails.csv", "--logits", "logit", "-t", "spam", "-l", "bce,focal"));
    }

    private static void assertKernel(String reported) {
        if ("scalar".equals(System.getProperty("losseval.kernel"))) {
            // app.KernelChooser keeps the scalar kernels on every release measured (17 and 25)
            assertEquals("scalar (the vector kernels are slower on Java " + Runtime.version().feature()
                    + "; -Dlosseval.vectorAfterRows=N starts them after N rows)", reported);
            return;
        }
        assertEquals("0", System.getProperty("losseval.vectorAfterRows"),
                "the vector execution starts the vector kernels at the first row (pom.xml)");
        String active = Kernels.regression().description();
        if (ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
            // The module is there, so the vector kernels must have run (KernelsTest checks they load).
            VectorDescriptions.assertVector(active);
        }
        // Otherwise the active kernels are scalar and say why; the run must report exactly those.
        assertEquals(active, reported);
    }

    private static String kernel(String... args) {
        String[] json = new String[args.length + 2];
        System.arraycopy(args, 0, json, 0, args.length);
        json[args.length] = "--format";
        json[args.length + 1] = "json";
        return (String) TinyJson.at(CliRun.of(json).json(), "kernel");
    }
}
