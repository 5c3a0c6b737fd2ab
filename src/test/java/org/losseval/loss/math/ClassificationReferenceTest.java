package org.losseval.loss.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every function of the package against the fixtures of {@code src/test/resources/reference/
 * classification/make_reference.py}: per-row values against 60-digit mpmath evaluations of the same
 * formula on the same float64 inputs (the accuracy claim) and against PyTorch 1.13 float64 (the
 * convention claim), and PyTorch's own reductions (mean with class weights and ignore_index, batchmean)
 * reproduced as Σ numerator / Σ denominator from this package's per-row functions.
 */
class ClassificationReferenceTest {

    /**
     * Against the exact value: a few ulps per operation, amplified by the size of the largest exponent
     * (an exp(x) whose x carries one rounding is off by |x|·2⁻⁵³ relative; the fixtures reach |x| = 200 with
     * InfoNCE at τ = 0.01, observed worst 4.5e-15, elsewhere ≤ 1.6e-15), plus {@code scale}, the size of the
     * terms that cancel inside the formula (KL, triplet, multi-margin, distillation, contrastive from
     * embeddings), for which no float64 evaluation can do better than a few ulps of that size.
     */
    private static final double EXACT_RELATIVE = 3e-14;

    /** Exact values below the normal range are subnormal doubles with few significant bits. */
    private static final double SUBNORMAL_FLOOR = 0x1p-1000;

    /** Against PyTorch, where both have full precision: the same budget as against the exact value. */
    private static final double TORCH_RELATIVE = 3e-14;

    /**
     * Against PyTorch, absolute: PyTorch 1.13 computes {@code log(1 − p)}, {@code log(exp(−m) + exp(−z −
     * m))}, {@code x − max − log Σ} and torchvision's {@code 1 − p_t} without log1p/expm1, so where the
     * loss is tiny (1e-10 and below) it has an absolute error of up to a few ulps of 1 (observed 5.9e-16)
     * and no correct digits; the exact comparison holds this package to full relative precision there.
     */
    private static final double TORCH_ABSOLUTE = 2e-15;

    /**
     * Means over ≤ 200 rows, summed in order here and pairwise in PyTorch, each row already within
     * TORCH_RELATIVE / TORCH_ABSOLUTE of PyTorch's.
     */
    private static final double MEAN_RELATIVE = 1e-13;
    private static final double MEAN_ABSOLUTE = 2e-15;

    private static final Map<String, ClassificationFixtures.Case> CASES = ClassificationFixtures.cases();
    private static final List<ClassificationFixtures.ExpectedRow> ROWS = ClassificationFixtures.rows();

    @Test
    void rowsMatchTheExactValues() {
        assertTrue(ROWS.size() > 10_000, "fixture has " + ROWS.size() + " rows");
        List<String> failures = new ArrayList<>();
        for (ClassificationFixtures.ExpectedRow e : ROWS) {
            double actual = FixtureLosses.numerator(CASES.get(e.caseName()), e.loss(), e.params(), e.row());
            double tolerance = EXACT_RELATIVE * (Math.abs(e.exact()) + e.scale()) + SUBNORMAL_FLOOR;
            if (!(Math.abs(actual - e.exact()) <= tolerance)) failures.add(describe(e, actual, e.exact(), "exact"));
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " rows differ");
    }

    @Test
    void rowsMatchPyTorch() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (ClassificationFixtures.ExpectedRow e : ROWS) {
            if (e.torch() == null) continue;
            compared++;
            double actual = FixtureLosses.numerator(CASES.get(e.caseName()), e.loss(), e.params(), e.row());
            double tolerance = TORCH_RELATIVE * (Math.abs(e.torch()) + e.scale()) + TORCH_ABSOLUTE;
            if (!(Math.abs(actual - e.torch()) <= tolerance)) failures.add(describe(e, actual, e.torch(), "torch"));
        }
        // only embedding_extremes (4 rows, euclidean and contrastive_emb) has no PyTorch value: its norm overflows
        assertEquals(ROWS.size() - 8, compared);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " rows differ");
    }

    @Test
    void meansReproducePyTorchReductions() {
        List<ClassificationFixtures.ExpectedMean> means = ClassificationFixtures.means();
        assertTrue(means.size() > 150, "fixture has " + means.size() + " means");
        List<String> failures = new ArrayList<>();
        for (ClassificationFixtures.ExpectedMean e : means) {
            ClassificationFixtures.Case c = CASES.get(e.caseName());
            double numerator = 0, denominator = 0;
            for (int row = 0; row < c.rows(); row++) {
                numerator += FixtureLosses.numerator(c, e.loss(), e.params(), row);
                denominator += FixtureLosses.denominator(c, e.loss(), e.params(), row);
            }
            double actual = numerator / denominator;
            double tolerance = MEAN_RELATIVE * Math.abs(e.torchMean()) + MEAN_ABSOLUTE;
            if (!(Math.abs(actual - e.torchMean()) <= tolerance)) {
                failures.add(e.caseName() + " " + e.loss() + " " + e.params() + ": " + actual + " vs " + e.torchMean()
                        + " (" + e.source() + ")");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyFunctionHasReferenceValues() {
        Set<String> covered = new TreeSet<>();
        for (ClassificationFixtures.ExpectedRow e : ROWS) covered.add(e.loss());
        assertEquals(new TreeSet<>(List.of("bce", "bce_logits", "brier", "ce", "ce_prob", "ce_prob_soft", "ce_soft",
                "contrastive", "contrastive_emb", "distillation", "euclidean", "focal_logits", "focal_mc", "focal_prob", "hinge",
                "infonce", "kl", "kl_prob", "multi_margin", "pairwise_distance", "squared_hinge", "triplet")), covered);
    }

    private static String describe(ClassificationFixtures.ExpectedRow e, double actual, double expected, String what) {
        return e.caseName() + " row " + e.row() + " " + e.loss() + " " + e.params() + ": " + actual + " vs " + what
                + " " + expected + " (scale " + e.scale() + ")";
    }
}
