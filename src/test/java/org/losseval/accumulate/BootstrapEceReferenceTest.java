package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.DifferenceInference;

/**
 * {@link BootstrapEce} against the NumPy re-implementation in {@code reference/compare/make_compare.py}
 * (each replicate's resample built with numpy.repeat and binned with numpy.searchsorted): every replicate's
 * Δ bit for bit (both sides sum exactly and round once), the percentile interval to 1e-13 relative (NumPy's
 * quantile index, as in {@link BootstrapReferenceTest}) and the p-value exactly; and the reference's point ece
 * (every k = 1) equal to {@link CalibrationBins}' bit for bit, so the reference computes the run's ece.
 */
class BootstrapEceReferenceTest {

    private record Row(int input, long row, double candConf, boolean candHit, double baseConf, boolean baseHit) {}

    private static List<Row> rows() {
        return ReferenceCsv.readResource("/reference/compare/ece_rows.csv").stream()
                .map(r -> new Row(Integer.parseInt(r.get("input")), Long.parseLong(r.get("row")),
                        Double.parseDouble(r.get("cand_conf")), r.get("cand_hit").equals("1"),
                        Double.parseDouble(r.get("base_conf")), r.get("base_hit").equals("1")))
                .toList();
    }

    /** The rows fed as read: each input's rows in order, in batches of {@code batch}. */
    private static void feed(BootstrapEce state, List<Row> rows, int batch) {
        for (int input = 0; input <= 1; input++) {
            final int source = input;
            List<Row> of = rows.stream().filter(r -> r.input == source).toList();
            for (int from = 0; from < of.size(); from += batch) {
                List<Row> part = of.subList(from, Math.min(of.size(), from + batch));
                int n = part.size();
                double[] cc = new double[n];
                double[] bc = new double[n];
                boolean[] ch = new boolean[n];
                boolean[] bh = new boolean[n];
                long[] numbers = new long[n];
                for (int i = 0; i < n; i++) {
                    cc[i] = part.get(i).candConf;
                    bc[i] = part.get(i).baseConf;
                    ch[i] = part.get(i).candHit;
                    bh[i] = part.get(i).baseHit;
                    numbers[i] = part.get(i).row;
                }
                state.accept(source, i -> numbers[i], cc, ch, bc, bh, n);
            }
        }
    }

    @Test
    void replicatesIntervalAndPValueAreNumpys() {
        List<Row> rows = rows();
        List<Map<String, String>> cases = ReferenceCsv.readResource("/reference/compare/ece_expected.csv");
        assertEquals(2, cases.size());
        for (Map<String, String> expected : cases) {
            double level = Double.parseDouble(expected.get("level"));
            BootstrapEce state = new BootstrapEce(Long.parseLong(expected.get("seed")),
                    Integer.parseInt(expected.get("replicates")), level);
            feed(state, rows, 7);
            BootstrapExpected.assertReplicates(expected, state.replicateDeltas());
            DifferenceInference result = state.result();
            assertEquals(rows.size(), result.rows());
            BootstrapExpected.assertInference(expected, result);
            assertEquals(level, result.interval().level());
        }
    }

    @Test
    void referencePointEceIsCalibrationBins() {
        List<Row> rows = rows();
        Map<String, String> expected = ReferenceCsv.readResource("/reference/compare/ece_expected.csv").get(0);
        CalibrationBins candidate = new CalibrationBins();
        CalibrationBins baseline = new CalibrationBins();
        for (Row r : rows) {
            candidate.accept(new double[] {r.candConf}, new boolean[] {r.candHit}, 1);
            baseline.accept(new double[] {r.baseConf}, new boolean[] {r.baseHit}, 1);
        }
        assertEquals(Double.parseDouble(expected.get("candidate")), candidate.result().ece());
        assertEquals(Double.parseDouble(expected.get("baseline")), baseline.result().ece());
    }

    /** The same rows in other batches, and split into two states merged either way, give the same bits. */
    @Test
    void batchingAndMergingChangeNoBit() {
        List<Row> rows = rows();
        BootstrapEce whole = new BootstrapEce(5, 64, 0.95);
        feed(whole, rows, 1000);
        BootstrapEce first = new BootstrapEce(5, 64, 0.95);
        BootstrapEce second = new BootstrapEce(5, 64, 0.95);
        feed(first, rows.subList(0, 37), 3);
        feed(second, rows.subList(37, rows.size()), 11);
        second.combine(first);
        assertEquals(whole.result(), second.result());
        assertEquals(java.util.Arrays.toString(whole.replicateDeltas()), java.util.Arrays.toString(second.replicateDeltas()));
    }

    @Test
    void statesOfAnotherSeedReplicatesOrLevelAreRefused() {
        BootstrapEce state = new BootstrapEce(3, 50, 0.95);
        assertEquals("cannot combine the ece bootstrap of seed 4, 50 replicates, level 0.95 with seed 3, 50 replicates, "
                + "level 0.95", assertThrows(IllegalArgumentException.class,
                        () -> state.combine(new BootstrapEce(4, 50, 0.95))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapEce(3, 51, 0.95)));
        assertThrows(IllegalArgumentException.class, () -> state.combine(new BootstrapEce(3, 50, 0.9)));
    }
}
