package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.module.ModuleFinder;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which kernels run. The build runs the whole suite twice (see pom.xml): once by default, where the
 * vector kernels must be active so CI really exercises them, and once with
 * {@code -Dlosseval.kernel=scalar}, where the scalar ones must be.
 */
class KernelsTest {

    private static final Supplier<Optional<String>> MODULE_LOADS = Optional::empty;
    private static final Supplier<Optional<String>> MODULE_MUST_NOT_BE_ASKED = () -> {
        fail("the module must not be loaded when the scalar kernels were asked for");
        return Optional.empty();
    };

    @Test
    void activeKernelsFollowTheSwitch() {
        String description = Kernels.regression().description();
        if ("scalar".equals(System.getProperty(KernelSelection.PROPERTY))) {
            assertEquals("scalar (disabled by -Dlosseval.kernel=scalar)", description);
        } else if (System.getenv(KernelSelection.ENVIRONMENT) == null
                && ModuleFinder.ofSystem().find(VectorModule.NAME).isPresent()) {
            VectorDescriptions.assertVector(description);
            assertTrue(Kernels.regression() instanceof VectorRegressionKernels, description);
        } else {
            fail("unexpected test environment: " + description);
        }
        assertSame(Kernels.regression(), Kernels.regression());
        assertEquals(description, Kernels.classification().description(), "both families follow the same switch");
        assertSame(Kernels.classification(), Kernels.classification());
    }

    @Test
    void scalarReferenceIsAlwaysAvailable() {
        assertEquals("scalar", Kernels.scalar().description());
        assertEquals("scalar", Kernels.scalarClassification().description());
    }

    @Test
    void classificationFamilyFollowsTheSameRules() {
        ClassificationKernels disabled = KernelSelection.select(KernelSelection.CLASSIFICATION, "SCALAR", null, MODULE_MUST_NOT_BE_ASKED);
        assertEquals("scalar (disabled by -Dlosseval.kernel=SCALAR)", disabled.description());
        ClassificationKernels vector = KernelSelection.select(KernelSelection.CLASSIFICATION, null, null, MODULE_LOADS);
        assertTrue(vector instanceof VectorClassificationKernels, vector.description());
        ClassificationKernels missing = KernelSelection.select(KernelSelection.CLASSIFICATION, null, null, () -> Optional.of("no module here"));
        assertEquals("scalar (no module here)", missing.description());
        assertTrue(missing instanceof ScalarClassificationKernels);
    }

    @Test
    void propertyDisablesVector() {
        RegressionKernels kernels = KernelSelection.select(KernelSelection.REGRESSION, "scalar", null, MODULE_MUST_NOT_BE_ASKED);
        assertEquals("scalar (disabled by -Dlosseval.kernel=scalar)", kernels.description());
    }

    @Test
    void environmentDisablesVectorCaseInsensitively() {
        RegressionKernels kernels = KernelSelection.select(KernelSelection.REGRESSION, null, "Scalar", MODULE_MUST_NOT_BE_ASKED);
        assertEquals("scalar (disabled by LOSSEVAL_KERNEL=Scalar)", kernels.description());
    }

    @Test
    void otherValuesMeanVectorWhenPossible() {
        RegressionKernels kernels = KernelSelection.select(KernelSelection.REGRESSION, "vector", "auto", MODULE_LOADS);
        assertTrue(kernels instanceof VectorRegressionKernels, kernels.description());
    }

    @Test
    void missingModuleFallsBackAndSaysWhy() {
        RegressionKernels kernels = KernelSelection.select(KernelSelection.REGRESSION, null, null, () -> Optional.of("no module here"));
        assertEquals("scalar (no module here)", kernels.description());
        assertTrue(kernels instanceof ScalarRegressionKernels);
    }

    @Test
    void vectorDescriptionNamesWidthAndLanes() {
        assertTrue(VectorModule.load().isEmpty());
        assertEquals("vector (128-bit, 2 doubles)", VectorRegressionKernels.ofBitSize(128).description());
        assertEquals("vector (256-bit, 4 doubles)", VectorRegressionKernels.ofBitSize(256).description());
        assertEquals("vector (512-bit, 8 doubles)", VectorClassificationKernels.ofBitSize(512).description());
    }
}
