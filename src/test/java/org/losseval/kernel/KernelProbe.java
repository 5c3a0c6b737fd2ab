package org.losseval.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point for {@link QuietStartupTest}'s child JVMs: writes the active kernels' description to the
 * file named by {@code args[0]} after checking that they agree with the scalar reference on a batch
 * long enough to take the vector loop. Exits 1 if they disagree. Writes nothing to stdout or stderr.
 */
final class KernelProbe {

    private KernelProbe() {}

    public static void main(String[] args) throws IOException {
        int n = 100;
        double[] pred = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            pred[i] = i * 0.37;
            target[i] = 10.0 - i * 0.11;
        }
        double[] active = new double[n];
        double[] reference = new double[n];
        Kernels.regression().huber(pred, target, 1.5, active, n);
        Kernels.scalar().huber(pred, target, 1.5, reference, n);
        Files.writeString(Path.of(args[0]), Kernels.regression().description());
        if (!java.util.Arrays.equals(active, reference)) {
            System.exit(1);
        }
    }
}
