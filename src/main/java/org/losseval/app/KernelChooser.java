package org.losseval.app;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * Picks the kernels for each batch: the scalar ones below {@value #VECTOR_MIN_ROWS} rows, the active (vector
 * when available) ones above. Both give the same bits, so the choice changes only speed: a small input never
 * pays for loading the Vector API module and its classes (about 150 ms of start-up), and a large one gets
 * SIMD once it has batches worth it. Not thread-safe; one per evaluation.
 */
final class KernelChooser {
    /** Below this, loading and warming up the vector code costs more than it saves. */
    static final int VECTOR_MIN_ROWS = 1024;

    private boolean activeUsed;

    RegressionKernels regression(int rows) {
        if (rows < VECTOR_MIN_ROWS) return Kernels.scalar();
        activeUsed = true;
        return Kernels.regression();
    }

    ClassificationKernels classification(int rows) {
        if (rows < VECTOR_MIN_ROWS) return Kernels.scalarClassification();
        activeUsed = true;
        return Kernels.classification();
    }

    /** What the report says: the active kernels if any batch used them, else why it stayed scalar. */
    String description() {
        return activeUsed ? Kernels.regression().description()
                : "scalar (no batch reached the " + VECTOR_MIN_ROWS + " rows where the vector kernels start)";
    }
}
