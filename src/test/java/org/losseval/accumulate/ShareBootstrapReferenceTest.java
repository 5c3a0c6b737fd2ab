package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.losseval.report.DifferenceInference;
import org.losseval.report.LossContribution;

/**
 * {@link ShareBootstrap} against the NumPy re-implementation of its Javadoc in
 * {@code reference/compare/make_compare.py} (each replicate's resample built with {@code numpy.repeat},
 * sorted, summed with {@code math.fsum}): the point shares and every replicate's Δ* bit for bit (both sides
 * sum exactly and round once, then divide and subtract in IEEE arithmetic), the percentile interval to
 * {@link BootstrapExpected#QUANTILE} and the p-value exactly; and its point shares against {@link ContributionState}'s.
 */
class ShareBootstrapReferenceTest {
    private record Row(int input, long row, double cand, double base, double w) {}

    private static List<Row> rows() {
        return ReferenceCsv.readResource("/reference/compare/shares_rows.csv").stream()
                .map(r -> new Row(Integer.parseInt(r.get("input")), Long.parseLong(r.get("row")),
                        Double.parseDouble(r.get("cand")), Double.parseDouble(r.get("base")), Double.parseDouble(r.get("w"))))
                .toList();
    }

    private record Case(String name, long seed, int replicates, boolean weighted, double level, int topK,
                        List<Double> fractions) {
        ContributionSettings settings(long budget) {
            return new ContributionSettings(topK, fractions, 5, 3.0, budget);
        }

        ShareBootstrap state(long budget) {
            return new ShareBootstrap(List.of("mse"), weighted, settings(budget), seed, replicates, level);
        }
    }

    private static Case caseOf(Map<String, String> e) {
        return new Case(e.get("case"), Long.parseLong(e.get("seed")), Integer.parseInt(e.get("replicates")),
                e.get("weighted").equals("1"), Double.parseDouble(e.get("level")), Integer.parseInt(e.get("top_k")),
                Arrays.stream(e.get("fractions").split(" ")).map(Double::valueOf).toList());
    }

    /** Feeds each input's rows in batches of {@code batch}, into one state, or into one per batch combined in reverse. */
    private static ShareBootstrap feed(Case c, List<Row> rows, int batch, boolean split, long budget) {
        ShareBootstrap whole = c.state(budget);
        List<ShareBootstrap> parts = new ArrayList<>();
        for (int input : new int[] {0, 1}) {
            List<Row> of = rows.stream().filter(r -> r.input == input).toList();
            for (int from = 0; from < of.size(); from += batch) {
                List<Row> part = of.subList(from, Math.min(of.size(), from + batch));
                long[] numbers = part.stream().mapToLong(Row::row).toArray();
                double[][] cand = {part.stream().mapToDouble(Row::cand).toArray()};
                double[][] base = {part.stream().mapToDouble(Row::base).toArray()};
                double[] w = c.weighted ? part.stream().mapToDouble(Row::w).toArray() : null;
                ShareBootstrap into = split ? c.state(budget) : whole;
                into.accept(input, i -> numbers[i], w, cand, base, part.size());
                if (split) parts.add(into);
            }
        }
        for (int p = parts.size() - 1; p >= 0; p--) whole.combine(parts.get(p));
        return whole;
    }

    @Test
    void sharesReplicatesIntervalAndPValueAreNumpys() {
        List<Row> rows = rows();
        List<Map<String, String>> expected = ReferenceCsv.readResource("/reference/compare/shares_expected.csv");
        assertEquals(7, expected.size());
        for (Map<String, String> e : expected) {
            Case c = caseOf(e);
            int share = Integer.parseInt(e.get("share"));
            for (boolean split : new boolean[] {false, true}) {
                ShareBootstrap state = feed(c, rows, split ? 11 : 1000, split, 1L << 20);
                String name = c.name + " share " + share + (split ? " split" : "");
                ShareBootstrap.Result result = state.result();
                assertTrue(result.exact(), name);
                assertEquals(rows.size(), result.rows());
                ShareBootstrap.Share s = result.losses().get(0).shares().get(share);
                assertEquals(bits(e.get("candidate")), Double.doubleToLongBits(s.candidate()), name);
                assertEquals(bits(e.get("baseline")), Double.doubleToLongBits(s.baseline()), name);
                double[] actual = state.replicateDeltas(0, share);
                assertEquals(c.replicates, actual.length, name);
                BootstrapExpected.assertReplicates(e, actual);
                DifferenceInference inference = s.inference();
                BootstrapExpected.assertInference(e, inference);
                assertEquals(rows.size(), inference.rows(), name);
            }
        }
    }

    /** The point shares are the run's: ContributionState's on the same rows, bit for bit, for both models. */
    @Test
    void pointSharesAreContributionStatesBitForBit() {
        List<Row> rows = rows();
        for (Map<String, String> e : ReferenceCsv.readResource("/reference/compare/shares_expected.csv")) {
            Case c = caseOf(e);
            ShareBootstrap.LossShares shares = feed(c, rows, 13, false, 1L << 20).result().losses().get(0);
            for (int model = 0; model < 2; model++) {
                ContributionState contributions = ContributionState.withoutResiduals(List.of("mse"), c.weighted,
                        c.settings(1L << 20));
                for (int input : new int[] {0, 1}) {
                    List<Row> of = rows.stream().filter(r -> r.input == input).toList();
                    long[] numbers = of.stream().mapToLong(Row::row).toArray();
                    boolean cand = model == 0;
                    double[][] losses = {of.stream().mapToDouble(r -> cand ? r.cand : r.base).toArray()};
                    double[] w = c.weighted ? of.stream().mapToDouble(Row::w).toArray() : null;
                    contributions.accept(new ContributionState.Batch(input, i -> numbers[i], null, null, w, losses,
                            of.size()));
                }
                LossContribution run = contributions.result().losses().get(0);
                List<Double> expected = new ArrayList<>(List.of(run.shareTop1(), run.shareTopK()));
                run.topFractions().forEach(f -> expected.add(f.share().mid()));
                for (int s = 0; s < expected.size(); s++) {
                    ShareBootstrap.Share share = shares.shares().get(s);
                    assertEquals(Double.doubleToLongBits(expected.get(s)),
                            Double.doubleToLongBits(model == 0 ? share.candidate() : share.baseline()),
                            c.name + " model " + model + " share " + s);
                }
            }
        }
    }

    /** Beyond the budget the rows are dropped, at the same row count however they arrive, and there are no figures. */
    @Test
    void beyondTheBudgetThereAreNoFigures() {
        List<Row> rows = rows();
        Case c = caseOf(ReferenceCsv.readResource("/reference/compare/shares_expected.csv").get(0));
        long fits = (long) rows.size() * ShareBootstrap.bytesPerRow(1);
        assertEquals(24, ShareBootstrap.bytesPerRow(1));
        assertTrue(feed(c, rows, 7, true, fits).exact());
        for (boolean split : new boolean[] {false, true}) {
            ShareBootstrap state = feed(c, rows, 7, split, fits - 1);
            assertFalse(state.exact());
            ShareBootstrap.Result result = state.result();
            assertFalse(result.exact());
            assertEquals(rows.size(), result.rows());
            assertEquals(List.of(), result.losses());
        }
    }

    /**
     * On 6,000 rows (where only the worst few hundred are ranked, {@link ShareBootstrap#prefixRows}), and on 1 to 5
     * rows with K = 4 (so that K exceeds a top fraction's rows and the shares' m are not in increasing order),
     * every replicate's Δ* against a brute-force resample built here: each row repeated k times, sorted, the
     * worst m summed exactly in BigDecimal and rounded once.
     */
    @Test
    void replicatesAreABruteForceResamples() {
        ContributionSettings settings = new ContributionSettings(4, List.of(0.01, 0.05, 0.5), 5, 3.0, 1L << 24);
        assertTrue(ShareBootstrap.prefixRows(LossConcentration.fractionRows(0.5, 6000), 6000) < 6000,
                "the 6,000 rows have a prefix to rank");
        for (int n : new int[] {6000, 1, 2, 3, 5}) {
            java.util.Random random = new java.util.Random(17 + n);
            double[][] cand = {new double[n]};
            double[][] base = {new double[n]};
            for (int i = 0; i < n; i++) {
                cand[0][i] = Math.pow(random.nextDouble(), 3) * 10;
                base[0][i] = Math.abs(Math.rint(random.nextGaussian() * 4) * Math.rint(random.nextGaussian() * 4)); // ties
            }
            int replicates = n == 6000 ? 6 : 24;
            ShareBootstrap state = new ShareBootstrap(List.of("l"), false, settings, 99, replicates, 0.9);
            state.accept(1, i -> i + 1, null, cand, base, n);
            for (int s = 0; s < 5; s++) {
                double[] deltas = state.replicateDeltas(0, s);
                for (int b = 0; b < replicates; b++) {
                    double expected = bruteShare(cand[0], b, s, settings) - bruteShare(base[0], b, s, settings);
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(deltas[b]),
                            n + " rows, share " + s + " replicate " + b + ": " + expected + " vs " + deltas[b]);
                }
            }
        }
    }

    private static double bruteShare(double[] c, int replicate, int share, ContributionSettings settings) {
        List<Double> copies = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            int k = PoissonBootstrap.count(PoissonBootstrap.key(99, 1, i + 1), replicate);
            for (int j = 0; j < k; j++) copies.add(c[i] + 0.0);
        }
        copies.sort(java.util.Comparator.reverseOrder());
        int size = copies.size();
        if (size == 0) return Double.NaN; // a replicate that drew no row
        long m = share == 0 ? 1 : share == 1 ? Math.min(settings.topK(), size)
                : LossConcentration.fractionRows(settings.topFractions().get(share - 2), size);
        java.math.BigDecimal worst = java.math.BigDecimal.ZERO;
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            java.math.BigDecimal v = new java.math.BigDecimal(copies.get(i));
            total = total.add(v);
            if (i < m) worst = worst.add(v);
        }
        double t = total.doubleValue();
        return t > 0 ? worst.doubleValue() / t : Double.NaN;
    }

    private static long bits(String text) {
        return Double.doubleToLongBits(Double.parseDouble(text));
    }
}
