package org.losseval.app;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * Picks the kernels for each batch: the scalar ones until the run has read {@value #VECTOR_AFTER_ROWS}
 * rows, the active ones (vector, when available) after that. Both give the same bits, so the choice
 * changes only speed.
 *
 * <p>Why not vector from the start: until the JIT's C2 compiler has compiled them, Vector API calls run a
 * slow fallback that allocates an object per operation. Measured here (2 cores, JDK 17, 10⁶-row CSV, five
 * losses): 0.94 s with scalar kernels, 1.55 s with vector ones, and the five scalar losses cost only about
 * 4 ns a row. The vector kernels pay back their warm-up only on long runs (many millions of rows, or
 * exp-heavy losses such as 10-class cross-entropy), so they start once a run has shown it is one. A small
 * input also never pays for loading the Vector API module (about 150 ms of start-up). Not thread-safe;
 * one per evaluation.
 */
final class KernelChooser {
    /** Rows read before the vector kernels take over. */
    static final long VECTOR_AFTER_ROWS = 4_000_000;
    /** Overrides {@link #VECTOR_AFTER_ROWS}, e.g. 0 to use the vector kernels from the first row (tests, benchmarks). */
    static final String PROPERTY = "losseval.vectorAfterRows";

    private final long vectorAfterRows = Long.getLong(PROPERTY, VECTOR_AFTER_ROWS);
    private long rowsSeen;
    private boolean activeUsed;

    /** The kernels for the next batch of {@code rows} rows. */
    BatchKernels next(int rows) {
        rowsSeen += rows;
        if (rowsSeen <= vectorAfterRows) return new BatchKernels(Kernels.scalar(), Kernels.scalarClassification());
        activeUsed = true;
        return new BatchKernels(Kernels.regression(), Kernels.classification());
    }

    /** Counts another part of the run's batches (a Spark partition's): the report names the vector kernels if any part used them. */
    void combine(KernelChooser other) {
        rowsSeen += other.rowsSeen;
        activeUsed |= other.activeUsed;
    }

    /** What the report says: the active kernels if any batch used them, else why the run stayed scalar. */
    String description() {
        return activeUsed ? Kernels.regression().description()
                : "scalar (the vector kernels start after " + vectorAfterRows + " rows)";
    }

    /** The kernels of one batch. */
    record BatchKernels(RegressionKernels regression, ClassificationKernels classification) {}
}
