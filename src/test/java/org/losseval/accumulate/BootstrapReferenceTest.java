package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.DifferenceInference;

/**
 * {@link PoissonBootstrap} and {@link BootstrapDifference} against the NumPy re-implementation of their
 * Javadoc in {@code reference/compare/make_compare.py}: the counts and every replicate's delta bit for bit
 * (both sides sum exactly and round once, then divide and take square roots in IEEE arithmetic), the
 * percentile interval to {@link BootstrapExpected#QUANTILE} and the p-value exactly.
 */
class BootstrapReferenceTest {
    /**
     * The interval ends: NumPy 1.24's linear quantile computes its index as n·p + (1 - p) - 1 rather than
     * (n - 1)·p, which may differ in the last bit of the fraction; the interpolated value moves by at most a few
     * ulps of the spread of the two neighbours: 1e-13 relative.
     */

    private record Row(int input, long row, double cand, double base, double w) {}

    private static List<Row> rows() {
        return ReferenceCsv.readResource("/reference/compare/bootstrap_rows.csv").stream()
                .map(r -> new Row(Integer.parseInt(r.get("input")), Long.parseLong(r.get("row")),
                        Double.parseDouble(r.get("cand")), Double.parseDouble(r.get("base")), Double.parseDouble(r.get("w"))))
                .toList();
    }

    @Test
    void countsAreNumpysBitForBit() {
        List<Map<String, String>> counts = ReferenceCsv.readResource("/reference/compare/bootstrap_counts.csv");
        assertEquals(126, counts.size());
        for (Map<String, String> c : counts) {
            long key = PoissonBootstrap.key(Long.parseLong(c.get("seed")), Integer.parseInt(c.get("input")),
                    Long.parseLong(c.get("row")));
            assertEquals(Integer.parseInt(c.get("k")), PoissonBootstrap.count(key, Integer.parseInt(c.get("replicate"))),
                    c.toString());
        }
    }

    @Test
    void replicatesIntervalAndPValueAreNumpys() {
        List<Row> rows = rows();
        for (Map<String, String> expected : ReferenceCsv.readResource("/reference/compare/bootstrap_expected.csv")) {
            boolean weighted = expected.get("weighted").equals("1");
            double level = Double.parseDouble(expected.get("level"));
            BootstrapDifference state = new BootstrapDifference("rmse", weighted, Math::sqrt,
                    Long.parseLong(expected.get("seed")), Integer.parseInt(expected.get("replicates")), level);
            // Two inputs, fed as they are read: each input's rows in order, in batches of 7.
            for (int input = 0; input <= 1; input++) {
                final int source = input;
                List<Row> of = rows.stream().filter(r -> r.input == source).toList();
                for (int from = 0; from < of.size(); from += 7) {
                    List<Row> batch = of.subList(from, Math.min(of.size(), from + 7));
                    double[] c = batch.stream().mapToDouble(Row::cand).toArray();
                    double[] b = batch.stream().mapToDouble(Row::base).toArray();
                    double[] w = batch.stream().mapToDouble(Row::w).toArray();
                    long[] numbers = batch.stream().mapToLong(Row::row).toArray();
                    state.accept(source, i -> numbers[i], c, b, weighted ? w : null, batch.size());
                }
            }
            BootstrapExpected.assertReplicates(expected, state.replicateDeltas());
            DifferenceInference result = state.result();
            BootstrapExpected.assertInference(expected, result);
            assertEquals(level, result.interval().level());
        }
    }

    /**
     * r2 (against scikit-learn's r2_score with sample_weight k·w: its float sums against our exact ones,
     * 1e-12 relative to the spread of r2 values, which are O(1)) and max_error (exactly) per replicate.
     */
    @Test
    void momentReplicatesAreScikitLearns() throws Exception {
        List<Map<String, String>> rows = ReferenceCsv.readResource("/reference/compare/moments_rows.csv");
        double[] y = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("y"))).toArray();
        double[] c = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("cand"))).toArray();
        double[] b = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("base"))).toArray();
        double[] w = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("w"))).toArray();
        for (Map<String, String> expected : ReferenceCsv.readResource("/reference/compare/moments_expected.csv")) {
            boolean weighted = expected.get("weighted").equals("1");
            long seed = Long.parseLong(expected.get("seed"));
            int replicates = Integer.parseInt(expected.get("replicates"));
            for (String figure : List.of("r2", "max_error")) {
                org.losseval.loss.MomentLoss loss = (org.losseval.loss.MomentLoss) org.losseval.loss.LossSpecs
                        .parse(List.of(figure), org.losseval.loss.LossRegistry.builtIn()).get(0).loss();
                BootstrapMoments state = new BootstrapMoments(loss, weighted, seed, replicates, 0.95);
                state.accept(0, i -> i + 1, c, b, y, weighted ? w : null, y.length);
                String[] deltas = expected.get(figure + "_deltas").split(" ");
                double[] actual = state.replicateDeltas();
                for (int r = 0; r < replicates; r++) {
                    double e = Double.parseDouble(deltas[r]);
                    assertEquals(e, actual[r], figure.equals("r2") ? 1e-12 : 0, expected.get("case") + " " + figure + " " + r);
                }
            }
        }
    }

    /** Rows of weight 0 draw no counts and leave every replicate as it was. */
    @Test
    void zeroWeightRowsChangeNothing() {
        BootstrapDifference a = new BootstrapDifference("rmse", true, Math::sqrt, 3, 50, 0.95);
        BootstrapDifference b = new BootstrapDifference("rmse", true, Math::sqrt, 3, 50, 0.95);
        a.accept(0, i -> i + 1, new double[] {1, 4}, new double[] {2, 3}, new double[] {1, 2}, 2);
        b.accept(0, i -> i + 1, new double[] {1, 4, 9}, new double[] {2, 3, 9}, new double[] {1, 2, 0}, 3);
        assertEquals(a.result(), b.result());
    }

    @Test
    void statesOfAnotherSeedOrReplicateCountAreRefused() {
        BootstrapDifference state = new BootstrapDifference("rmse", false, Math::sqrt, 3, 50, 0.95);
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(new BootstrapDifference("rmse", false, Math::sqrt, 4, 50, 0.95)));
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(new BootstrapDifference("rmse", false, Math::sqrt, 3, 51, 0.95)));
        assertThrows(IllegalArgumentException.class,
                () -> state.combine(new BootstrapDifference("rmse", true, Math::sqrt, 3, 50, 0.95)));
    }
}
