package org.losseval.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.losseval.kernel.Kernels;

/**
 * The switch-over from scalar to vector kernels per Java release (the measured choice is in
 * {@link KernelChooser}'s comment), and the property that overrides it. No timing: only which kernels a
 * batch gets and what the report says.
 */
class KernelChooserTest {
    /** More rows than any file of the measurements: a switch-over within it would show here. */
    private static final int BATCH = 1 << 20;
    private static final int BATCHES = 200;

    @Test
    void java17StaysScalarForAnyRowCount() {
        assertEquals(KernelChooser.NEVER, KernelChooser.vectorAfterRows(17));
        assertScalarThroughout(new KernelChooser(null, 17));
    }

    @Test
    void java25StaysScalarForAnyRowCount() {
        assertEquals(KernelChooser.NEVER, KernelChooser.vectorAfterRows(25));
        assertScalarThroughout(new KernelChooser(null, 25));
    }

    @Test
    void releasesBetweenAndAfterTakeTheLatestMeasuredChoiceAtOrBelowThem() {
        assertEquals(KernelChooser.vectorAfterRows(17), KernelChooser.vectorAfterRows(21));
        assertEquals(KernelChooser.vectorAfterRows(25), KernelChooser.vectorAfterRows(26));
    }

    @Test
    void theScalarReportNamesTheReleaseAndTheOverride() {
        KernelChooser chooser = new KernelChooser(null, 25);
        chooser.next(3);
        assertEquals("scalar (the vector kernels are slower on Java 25; -Dlosseval.vectorAfterRows=N starts them after N rows)",
                chooser.description());
    }

    @Test
    void theOverrideStartsTheActiveKernelsAfterItsRowCount() {
        KernelChooser chooser = new KernelChooser(10L, 17);
        assertScalar(chooser.next(6));
        assertScalar(chooser.next(4)); // 10 rows: still within the override
        assertEquals("scalar (the vector kernels start after 10 rows)", chooser.description());
        KernelChooser.BatchKernels after = chooser.next(1);
        assertSame(Kernels.regression(), after.regression());
        assertSame(Kernels.classification(), after.classification());
        assertEquals(Kernels.regression().description(), chooser.description());
    }

    @Test
    void zeroStartsTheActiveKernelsAtTheFirstRow() {
        KernelChooser chooser = new KernelChooser(0L, 25);
        assertSame(Kernels.regression(), chooser.next(1).regression());
    }

    @Test
    void thisJvmUsesItsOwnReleaseUnlessThePropertyIsSet() {
        KernelChooser expected = new KernelChooser(Long.getLong(KernelChooser.PROPERTY), Runtime.version().feature());
        KernelChooser actual = new KernelChooser();
        assertEquals(expected.description(), actual.description());
    }

    private static void assertScalarThroughout(KernelChooser chooser) {
        for (int b = 0; b < BATCHES; b++) assertScalar(chooser.next(BATCH));
    }

    private static void assertScalar(KernelChooser.BatchKernels kernels) {
        assertSame(Kernels.scalar(), kernels.regression());
        assertSame(Kernels.scalarClassification(), kernels.classification());
    }

    /** --version: what a long run uses, and why not the vector kernels when they are available but not started. */
    @Test
    void thePlanOfVersionNamesWhatALongRunUses() {
        String active = Kernels.regression().description();
        if (Kernels.vectorActive()) {
            assertEquals("scalar (the vector kernels, " + active + ", are slower on Java 25;"
                    + " -Dlosseval.vectorAfterRows=N starts them after N rows)", new KernelChooser(null, 25).plan());
            assertEquals(active + ", after 1000 rows", new KernelChooser(1000L, 17).plan());
            assertEquals(active, new KernelChooser(0L, 17).plan());
        } else {
            // the scalar execution of the suite: the scalar kernels' own reason, whatever the switch-over
            assertEquals(active, new KernelChooser(null, 25).plan());
            assertEquals(active, new KernelChooser(0L, 17).plan());
        }
    }
}
