package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.DifferenceInference;

/**
 * {@link BootstrapMedae} against the NumPy / scikit-learn re-implementation in
 * {@code reference/compare/make_compare.py} (each replicate's resample numpy.repeat(e, k), its median
 * numpy.median or scikit-learn's _weighted_percentile at 50): every replicate's Δ bit for bit, the interval
 * to 1e-13 relative (NumPy's quantile index, as in {@link BootstrapReferenceTest}), the p-value exactly; and
 * the reference's point medians equal to {@link AbsoluteErrorMedian}'s, so the reference computes the run's medae.
 */
class BootstrapMedaeReferenceTest {

    private record Row(int input, long row, double cand, double base, double w) {}

    private static List<Row> rows() {
        return ReferenceCsv.readResource("/reference/compare/medae_rows.csv").stream()
                .map(r -> new Row(Integer.parseInt(r.get("input")), Long.parseLong(r.get("row")),
                        Double.parseDouble(r.get("cand")), Double.parseDouble(r.get("base")), Double.parseDouble(r.get("w"))))
                .toList();
    }

    /** The rows fed as read: each input's rows in order, in batches of {@code batch}. */
    private static void feed(BootstrapMedae state, List<Row> rows, boolean weighted, int batch) {
        for (int input = 0; input <= 1; input++) {
            final int source = input;
            List<Row> of = rows.stream().filter(r -> r.input == source).toList();
            for (int from = 0; from < of.size(); from += batch) {
                List<Row> part = of.subList(from, Math.min(of.size(), from + batch));
                long[] numbers = part.stream().mapToLong(Row::row).toArray();
                state.accept(source, i -> numbers[i], part.stream().mapToDouble(Row::cand).toArray(),
                        part.stream().mapToDouble(Row::base).toArray(),
                        weighted ? part.stream().mapToDouble(Row::w).toArray() : null, part.size());
            }
        }
    }

    @Test
    void replicatesIntervalAndPValueAreNumpysAndScikitLearns() {
        List<Row> rows = rows();
        List<Map<String, String>> cases = ReferenceCsv.readResource("/reference/compare/medae_expected.csv");
        assertEquals(2, cases.size());
        for (Map<String, String> expected : cases) {
            String name = expected.get("case");
            boolean weighted = expected.get("weighted").equals("1");
            double level = Double.parseDouble(expected.get("level"));
            BootstrapMedae state = new BootstrapMedae(weighted, 1 << 20, Long.parseLong(expected.get("seed")),
                    Integer.parseInt(expected.get("replicates")), level);
            feed(state, rows, weighted, 7);
            assertTrue(state.exact());
            BootstrapExpected.assertReplicates(expected, state.replicateDeltas());
            DifferenceInference result = state.result();
            assertEquals(rows.size(), result.rows());
            BootstrapExpected.assertInference(expected, result);

            // the reference's point medians (every k = 1) are the run's
            for (String model : List.of("cand", "base")) {
                AbsoluteErrorMedian median = new AbsoluteErrorMedian(weighted, 1 << 20);
                median.accept(rows.stream().mapToDouble(r -> model.equals("cand") ? r.cand : r.base).toArray(),
                        weighted ? rows.stream().mapToDouble(Row::w).toArray() : null, rows.size());
                assertEquals(Double.parseDouble(expected.get(model.equals("cand") ? "candidate" : "baseline")),
                        median.result().low(), name + " " + model);
            }
        }
    }

    /** The same rows in other batches, and split into two states merged either way, give the same bits. */
    @Test
    void batchingAndMergingChangeNoBit() {
        List<Row> rows = rows();
        for (boolean weighted : new boolean[] {false, true}) {
            BootstrapMedae whole = new BootstrapMedae(weighted, 1 << 20, 5, 40, 0.95);
            feed(whole, rows, weighted, 1000);
            BootstrapMedae first = new BootstrapMedae(weighted, 1 << 20, 5, 40, 0.95);
            BootstrapMedae second = new BootstrapMedae(weighted, 1 << 20, 5, 40, 0.95);
            feed(first, rows.subList(0, 37), weighted, 3);
            feed(second, rows.subList(37, rows.size()), weighted, 11);
            second.combine(first);
            assertEquals(Arrays.toString(whole.replicateDeltas()), Arrays.toString(second.replicateDeltas()));
            assertEquals(whole.result(), second.result());
        }
    }

    /** Beyond the budget the rows are dropped, by the total row count whatever the split. */
    @Test
    void beyondTheBudgetThereAreNoReplicates() {
        List<Row> rows = rows();
        long budget = 100L * BootstrapMedae.bytesPerRow(false);
        BootstrapMedae whole = new BootstrapMedae(false, budget, 5, 40, 0.95);
        feed(whole, rows, false, 1000);
        assertFalse(whole.exact());
        BootstrapMedae first = new BootstrapMedae(false, budget, 5, 40, 0.95);
        BootstrapMedae second = new BootstrapMedae(false, budget, 5, 40, 0.95);
        feed(first, rows.subList(0, 60), false, 7);
        feed(second, rows.subList(60, rows.size()), false, 7);
        assertTrue(first.exact() && second.exact());
        first.combine(second);
        assertFalse(first.exact());
        assertEquals("beyond the budget: no replicates",
                assertThrows(IllegalStateException.class, first::replicateDeltas).getMessage());
    }

    @Test
    void statesOfAnotherSeedReplicatesWeightingOrBudgetAreRefused() {
        BootstrapMedae state = new BootstrapMedae(false, 1000, 3, 50, 0.95);
        assertEquals("cannot combine the medae bootstrap of seed 3, 50 replicates, weighted with seed 3, 50 replicates",
                assertThrows(IllegalArgumentException.class,
                        () -> state.combine(new BootstrapMedae(true, 1000, 3, 50, 0.95))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapMedae(false, 1000, 4, 50, 0.95)));
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapMedae(false, 1000, 3, 51, 0.95)));
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapMedae(false, 1001, 3, 50, 0.95)));
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapMedae(false, 1000, 3, 50, 0.9)));
    }
}
