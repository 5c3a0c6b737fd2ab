package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.ReliabilityBin;
import org.losseval.report.ReliabilityDiagram;

/**
 * {@link ReliabilityState} against scikit-learn 1.2's {@code calibration_curve(n_bins=10, strategy="uniform")}
 * (reference/stats/generate.py: reliability_rows.csv and reliability_expected.csv), including probabilities
 * on the bin edges; split and merge in StateContractTest.
 */
class ReliabilityStateTest {
    /**
     * scikit-learn sums a bin's probabilities with numpy's pairwise sum, this state exactly: a few ulps at
     * most over these sizes.
     */
    private static final double MEAN_TOLERANCE = 1e-15;

    @Test
    void binsCountsMeansAndFrequenciesAreScikitLearns() {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("reliability_rows.csv")) {
            rows.computeIfAbsent(r.get("case"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get("probability")), Double.parseDouble(r.get("event"))});
        }
        Map<String, List<Map<String, String>>> expected = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("reliability_expected.csv")) {
            expected.computeIfAbsent(r.get("case"), k -> new ArrayList<>()).add(r);
        }
        assertEquals(List.of("beta", "edges"), List.copyOf(rows.keySet()));
        rows.forEach((name, list) -> {
            double[] p = new double[list.size()];
            boolean[] event = new boolean[list.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = list.get(i)[0];
                event[i] = list.get(i)[1] == 1;
            }
            ReliabilityState state = new ReliabilityState(ReliabilityDiagram.BINARY);
            state.accept(p, event, p.length);
            ReliabilityDiagram diagram = state.result();
            assertEquals(p.length, diagram.rows(), name);
            List<String> nonEmpty = new ArrayList<>();
            for (int b = 0; b < diagram.bins().size(); b++) if (diagram.bins().get(b).count() > 0) nonEmpty.add(b + ":" + diagram.bins().get(b).count());
            assertEquals(expected.get(name).stream().map(r -> r.get("bin") + ":" + r.get("count")).toList(), nonEmpty, name);
            for (Map<String, String> r : expected.get(name)) {
                ReliabilityBin bin = diagram.bins().get(Integer.parseInt(r.get("bin")));
                double mean = Double.parseDouble(r.get("mean_predicted"));
                assertEquals(mean, bin.meanPredicted(), MEAN_TOLERANCE * mean, name + " bin " + r.get("bin"));
                assertEquals(Double.parseDouble(r.get("observed")), bin.observed(), name + " bin " + r.get("bin"));
            }
        });
    }

    /** numpy's searchsorted(edges[1:-1], p, side="left") written as its definition: the inner edges below p. */
    private static int edgesBelow(double p) {
        int below = 0;
        for (int e = 1; e < ReliabilityState.BINS; e++) if (e * (1.0 / ReliabilityState.BINS) < p) below++;
        return below;
    }

    /** Every edge, its neighbours one and two ulps away, 0, 1, the smallest values and random ones. */
    @Test
    void theBinIsTheNumberOfInnerEdgesBelowTheProbability() {
        List<Double> probes = new ArrayList<>(List.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1.0,
                Math.nextDown(1.0)));
        for (int e = 1; e < ReliabilityState.BINS; e++) {
            double edge = e * (1.0 / ReliabilityState.BINS);
            for (double p = Math.nextDown(Math.nextDown(edge)), k = 0; k < 5; k++, p = Math.nextUp(p)) probes.add(p);
            probes.add(e / 10.0); // 0.3 itself, below the edge 0.30000000000000004
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 100_000; i++) probes.add(random.nextDouble());
        for (double p : probes) assertEquals(edgesBelow(p), ReliabilityState.bin(p), "p = " + p);
    }

    @Test
    void tenBinsWithNumpysEdgesAndNaNForAnEmptyBin() {
        ReliabilityDiagram empty = new ReliabilityState(ReliabilityDiagram.TOP_LABEL).result();
        assertEquals(List.of("0/0.1", "0.1/0.2", "0.2/0.30000000000000004", "0.30000000000000004/0.4", "0.4/0.5",
                "0.5/0.6000000000000001", "0.6000000000000001/0.7000000000000001", "0.7000000000000001/0.8", "0.8/0.9",
                "0.9/1"), empty.bins().stream().map(b -> org.losseval.text.Numbers.exact(b.low()) + "/"
                + org.losseval.text.Numbers.exact(b.high())).toList());
        assertEquals(new ReliabilityBin(0, 0.1, 0, Double.NaN, Double.NaN), empty.bins().get(0));
        assertEquals(0, empty.rows());
    }

    @Test
    void aProbabilityOutsideZeroOneOrNaNIsRefusedBeforeAnyRowIsCounted() {
        ReliabilityState state = new ReliabilityState(ReliabilityDiagram.BINARY);
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> state.accept(new double[] {0.5, bad}, new boolean[2], 2));
        }
        assertEquals(new ReliabilityState(ReliabilityDiagram.BINARY).result(), state.result());
    }

    @Test
    void statesOfAnotherKindAreRefused() {
        ReliabilityState binary = new ReliabilityState(ReliabilityDiagram.BINARY);
        binary.accept(new double[] {0.25}, new boolean[] {true}, 1);
        ReliabilityDiagram before = binary.result();
        assertThrows(IllegalArgumentException.class, () -> binary.combine(new ReliabilityState(ReliabilityDiagram.TOP_LABEL)));
        assertEquals(before, binary.result());
    }
}
