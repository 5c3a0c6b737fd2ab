package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossSpecs;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * Holds every state of this package to the {@link MergeableState} contract, on random rows
 * ({@link ContractRows}: fixed seeds, sizes 0, 1, 7, 1023 and 4099, ties, signed zeros, huge and tiny
 * magnitudes):
 * <ol type="a">
 *   <li>an empty state is the identity: {@code empty.combine(x)} and {@code x.combine(empty)} give
 *       {@code x}'s result, and {@code result()} read twice gives the same;</li>
 *   <li>split and merge equals the whole, bit for bit: the rows cut into random chunks (some empty), each
 *       chunk accepted into its own state in random batches, the states combined in random order and tree
 *       shape, give the result of one state that accepted every row at once;</li>
 *   <li>a + b equals b + a;</li>
 *   <li>a refused combine (another loss or parameters, weighting, level, settings, residual layout or
 *       budget) throws {@link IllegalArgumentException}, leaves the result as it was, and the state then
 *       still accepts and combines correctly;</li>
 *   <li>a state survives its binary encoding ({@link StateCodec}): decoded into an empty state it has the same
 *       result, encodes to the same bytes again, and still accepts and combines as the original would.</li>
 * </ol>
 * Results are records, whose {@code equals} compares doubles as {@link Double#compare} does, so
 * {@code assertEquals} on them is bit-exact.
 *
 * <p>States covered: {@link LossState} (mse, huber, bce from probabilities with clamped rows, ce with
 * class weights and with ignore_index; each unweighted and sample-weighted), {@link QuantileState},
 * {@link IntervalState}, {@link ContributionState} (with and without residuals, exact, beyond the budget
 * from the first row, and with a budget crossed part-way, so that chunks are exact and their combination
 * is not: that covers {@link LossConcentration}, {@link ResidualOutliers} and {@link RowStore}),
 * {@link ResidualSample}, {@link MomentSums} (alone and inside r2, explained_variance and max_error), {@link MeanSums},
 * {@link AbsoluteErrorMedian} (alone and inside medae; exact, beyond its budget, and crossing it part-way),
 * {@link PairedDifference} (paired t, bootstrap with {@link BootstrapDifference} over {@link ReplicateSums}, wins
 * only), {@link ShareBootstrap} (exact, and crossing its budget part-way), {@link WinTally},
 * {@link CalibrationBins}, {@link BootstrapEce}, {@link BootstrapMedae} (exact, and crossing its budget part-way), {@link QuantileCrossings}, {@link ResidualHistogramState}, {@link ReliabilityState},
 * {@link GroupState} (losses with and without intervals, a deferred loss, a quantile and an interval, plain and
 * weighted; and compared with a baseline), {@link RowTally} and {@link ExactSum} (through an adapter: it predates the interface and is kept as it is).
 * The histogram, RowTally and ExactSum combine with any other of their kind, so (d) does not apply to them.
 */
class StateContractTest {
    private static final int[] SIZES = {0, 1, 7, 1023, 4099};
    /** Random splits tried per fixture and size for (b). */
    private static final int SPLITS = 3;

    /** Feeds rows {@code [from, to)} of the table to a state, as one or more batches. */
    @FunctionalInterface
    interface Feeder<S> {
        void feed(S state, ContractRows rows, int from, int to);
    }

    /**
     * Feeds {@code run} one input's run of rows at a time, as the evaluator feeds the states that number their
     * rows per input (the bootstraps): each call gets rows {@code [from, to)} of one source.
     */
    static <S> Feeder<S> perInput(Feeder<S> run) {
        return (state, rows, from, to) -> {
            int start = from;
            while (start < to) {
                int end = start;
                while (end < to && rows.source[end] == rows.source[start]) end++;
                run.feed(state, rows, start, end);
                start = end;
            }
        };
    }

    /**
     * One configuration of a state: how to make an empty one, feed it, combine two and read the result,
     * and the configurations it must refuse to combine with.
     */
    record Fixture<S>(String name, Supplier<S> empty, Feeder<S> feeder, BiConsumer<S, S> combine,
                      Function<S, Object> result, List<Fixture<S>> refused) {
        @Override public String toString() { return name; }

        S fed(ContractRows rows, int from, int to) {
            S state = empty.get();
            feeder.feed(state, rows, from, to);
            return state;
        }
    }

    private static <S extends MergeableState<S, ?>> Fixture<S> state(String name, Supplier<S> empty, Feeder<S> feeder,
                                                                      List<Fixture<S>> refused) {
        return new Fixture<>(name, empty, feeder, S::combine, S::result, refused);
    }

    static Stream<Arguments> fixturesAndSizes() {
        List<Arguments> arguments = new ArrayList<>();
        for (Fixture<?> fixture : fixtures()) {
            for (int size : SIZES) arguments.add(Arguments.of(fixture, size));
        }
        return arguments.stream();
    }

    private static List<Fixture<?>> fixtures() {
        List<Fixture<?>> all = new ArrayList<>();
        all.add(loss("mse", false, Regression.ROLES, List.of(loss("mae", false, Regression.ROLES, List.of()),
                loss("mse", true, Regression.ROLES, List.of()))));
        all.add(loss("mse", true, Regression.ROLES, List.of(loss("mse", false, Regression.ROLES, List.of()))));
        all.add(loss("huber:delta=2", true, Regression.ROLES, List.of(loss("huber:delta=3", true, Regression.ROLES, List.of()))));
        all.add(loss("bce", false, Binary.ROLES, List.of(loss("bce", true, Binary.ROLES, List.of()))));
        all.add(loss("ce:weight=[1,2,0.5]", false, Multiclass.ROLES,
                List.of(loss("ce:weight=[1,2,0.25]", false, Multiclass.ROLES, List.of()))));
        all.add(loss("ce:ignore_index=1", true, Multiclass.ROLES,
                List.of(loss("ce", true, Multiclass.ROLES, List.of()), loss("ce:ignore_index=1", false, Multiclass.ROLES, List.of()))));
        all.add(quantile(0.9, false, List.of(quantile(0.1, false, List.of()), quantile(0.9, true, List.of()))));
        all.add(quantile(0.1, true, List.of(quantile(0.1, false, List.of()))));
        all.add(state("interval@0.8", () -> new IntervalState(0.8), StateContractTest::feedInterval,
                List.of(state("interval@0.5", () -> new IntervalState(0.5), StateContractTest::feedInterval, List.of()))));
        ContributionSettings exact = new ContributionSettings(3, List.of(0.01, 0.07, 0.5), 4, 3,
                ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES);
        // 24 bytes a row with two losses: 14,400 bytes hold 600 rows, so the big tables switch part-way, and
        // chunks within the budget are combined into states beyond it.
        for (ContributionSettings settings : List.of(exact, exact.withExactBudgetBytes(0), exact.withExactBudgetBytes(600 * 24))) {
            String budget = " budget " + settings.exactBudgetBytes();
            List<Fixture<ContributionState>> refused = List.of(
                    contributions("other losses", true, false, List.of("mse"), settings, List.of()),
                    contributions("weighted", true, true, Contributions.LOSSES, settings, List.of()),
                    contributions("no residuals", false, false, Contributions.LOSSES, settings, List.of()),
                    contributions("other top k", true, false, Contributions.LOSSES,
                            new ContributionSettings(4, settings.topFractions(), 4, 3, settings.exactBudgetBytes()), List.of()),
                    contributions("other budget", true, false, Contributions.LOSSES,
                            settings.withExactBudgetBytes(settings.exactBudgetBytes() + 8), List.of()));
            all.add(contributions("residuals" + budget, true, false, Contributions.LOSSES, settings, refused));
            all.add(contributions("residuals weighted" + budget, true, true, Contributions.LOSSES, settings,
                    List.of(contributions("unweighted", true, false, Contributions.LOSSES, settings, List.of()))));
            all.add(contributions("no residuals weighted" + budget, false, true, Contributions.LOSSES, settings,
                    List.of(contributions("residuals", true, true, Contributions.LOSSES, settings, List.of()))));
            // losses that share their parts until a row tells them apart (ContributionState)
            all.add(contributions("sharing" + budget, true, false, Contributions.SHARING, settings, List.of()));
        }
        all.add(state("residuals", () -> new ResidualSample(false), feedResiduals(false),
                List.of(state("weighted residuals", () -> new ResidualSample(true), feedResiduals(true), List.of()))));
        all.add(state("weighted residuals", () -> new ResidualSample(true), feedResiduals(true),
                List.of(state("residuals", () -> new ResidualSample(false), feedResiduals(false), List.of()))));
        all.add(loss("r2", true, Regression.ROLES, List.of(loss("r2", false, Regression.ROLES, List.of()),
                loss("explained_variance", true, Regression.ROLES, List.of()))));
        all.add(loss("explained_variance", false, Regression.ROLES, List.of(loss("max_error", false, Regression.ROLES, List.of()))));
        all.add(loss("max_error", false, Regression.ROLES, List.of()));
        // medae exact, summarized from the first row, and crossing its budget part-way (600 rows: 8 bytes a
        // row unweighted, 16 weighted), so exact chunks combine into a summarized whole
        for (boolean weighted : new boolean[] {false, true}) {
            long crossing = 600L * AbsoluteErrorMedian.bytesPerRow(weighted);
            for (long budget : new long[] {ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, 0, crossing}) {
                all.add(loss("medae", weighted, budget, Regression.ROLES, List.of(
                        loss("medae", !weighted, budget, Regression.ROLES, List.of()),
                        loss("medae", weighted, budget + 8, Regression.ROLES, List.of()),
                        loss("mae", weighted, budget, Regression.ROLES, List.of()))));
                all.add(state("absolute error median" + (weighted ? " weighted" : "") + " budget " + budget,
                        () -> new AbsoluteErrorMedian(weighted, budget), feedAbsoluteErrors(weighted),
                        List.of(state("other weighting", () -> new AbsoluteErrorMedian(!weighted, budget),
                                        feedAbsoluteErrors(!weighted), List.of()),
                                state("other budget", () -> new AbsoluteErrorMedian(weighted, budget + 16),
                                        feedAbsoluteErrors(weighted), List.of()))));
            }
        }
        all.add(state("moment sums", () -> new MomentSums(false), feedMoments(false),
                List.of(state("weighted moment sums", () -> new MomentSums(true), feedMoments(true), List.of()))));
        all.add(state("weighted moment sums", () -> new MomentSums(true), feedMoments(true),
                List.of(state("moment sums", () -> new MomentSums(false), feedMoments(false), List.of()))));
        for (boolean bounded : new boolean[] {false, true}) {
            String name = bounded ? "mean sums of prob - binary" : "mean sums of residuals";
            all.add(state(name, () -> new MeanSums(false), feedMeans(false, bounded),
                    List.of(state("weighted", () -> new MeanSums(true), feedMeans(true, bounded), List.of()))));
            all.add(state("weighted " + name, () -> new MeanSums(true), feedMeans(true, bounded),
                    List.of(state("unweighted", () -> new MeanSums(false), feedMeans(false, bounded), List.of()))));
        }
        for (boolean weighted : new boolean[] {false, true}) {
            String w = weighted ? "weighted " : "";
            all.add(state(w + "paired mean", () -> PairedDifference.ofMean("mse", weighted, 0.9), feedPairs(weighted),
                    List.of(state("other figure", () -> PairedDifference.ofMean("mae", weighted, 0.9), feedPairs(weighted), List.of()),
                            state("other weighting", () -> PairedDifference.ofMean("mse", !weighted, 0.9), feedPairs(!weighted), List.of()),
                            state("other level", () -> PairedDifference.ofMean("mse", weighted, 0.95), feedPairs(weighted), List.of()),
                            state("bootstrap", () -> PairedDifference.ofFinishedMean("mse", weighted, Math::sqrt, 5, 16, 0.9),
                                    feedPairs(weighted), List.of()))));
            all.add(state(w + "paired bootstrap", () -> PairedDifference.ofFinishedMean("rmse", weighted, Math::sqrt, 5, 16, 0.9),
                    feedPairs(weighted),
                    List.of(state("other seed", () -> PairedDifference.ofFinishedMean("rmse", weighted, Math::sqrt, 6, 16, 0.9),
                                    feedPairs(weighted), List.of()),
                            state("other replicates", () -> PairedDifference.ofFinishedMean("rmse", weighted, Math::sqrt, 5, 17, 0.9),
                                    feedPairs(weighted), List.of()),
                            state("other weighting", () -> PairedDifference.ofFinishedMean("rmse", !weighted, Math::sqrt, 5, 16, 0.9),
                                    feedPairs(!weighted), List.of()),
                            state("mean", () -> PairedDifference.ofMean("rmse", weighted, 0.9), feedPairs(weighted), List.of()))));
        }
        for (boolean weighted : new boolean[] {false, true}) {
            all.add(state((weighted ? "weighted " : "") + "bootstrap r2", () -> new BootstrapMoments(r2(), weighted, 5, 12, 0.9),
                    feedMomentBootstrap(weighted),
                    List.of(state("other seed", () -> new BootstrapMoments(r2(), weighted, 6, 12, 0.9), feedMomentBootstrap(weighted), List.of()),
                            state("other weighting", () -> new BootstrapMoments(r2(), !weighted, 5, 12, 0.9),
                                    feedMomentBootstrap(!weighted), List.of()))));
        }
        for (boolean weighted : new boolean[] {false, true}) {
            ContributionSettings shareSettings = new ContributionSettings(3, List.of(0.05, 0.3), 2, 3.0, 1L << 20);
            String w = weighted ? "weighted " : "";
            all.add(state(w + "share bootstrap", () -> new ShareBootstrap(Contributions.LOSSES, weighted, shareSettings, 5, 12, 0.9),
                    feedShares(weighted),
                    List.of(state("other seed", () -> new ShareBootstrap(Contributions.LOSSES, weighted, shareSettings, 6, 12, 0.9),
                                    feedShares(weighted), List.of()),
                            state("other settings", () -> new ShareBootstrap(Contributions.LOSSES, weighted,
                                    shareSettings.withExactBudgetBytes(1L << 21), 5, 12, 0.9), feedShares(weighted), List.of()),
                            state("other weighting", () -> new ShareBootstrap(Contributions.LOSSES, !weighted, shareSettings, 5, 12, 0.9),
                                    feedShares(!weighted), List.of()))));
            // beyond the budget after 100 rows (56 bytes a row with two losses)
            all.add(state(w + "share bootstrap beyond the budget", () -> new ShareBootstrap(Contributions.LOSSES, weighted,
                    shareSettings.withExactBudgetBytes(100 * ShareBootstrap.bytesPerRow(2)), 5, 12, 0.9),
                    feedShares(weighted), List.of()));
        }
        for (boolean weighted : new boolean[] {false, true}) {
            String w = weighted ? "weighted " : "";
            long budget = 1L << 20;
            all.add(state(w + "medae bootstrap", () -> new BootstrapMedae(weighted, budget, 5, 12, 0.9), feedMedaeBootstrap(weighted),
                    List.of(state("other seed", () -> new BootstrapMedae(weighted, budget, 6, 12, 0.9), feedMedaeBootstrap(weighted), List.of()),
                            state("other budget", () -> new BootstrapMedae(weighted, budget + 8, 5, 12, 0.9),
                                    feedMedaeBootstrap(weighted), List.of()),
                            state("other weighting", () -> new BootstrapMedae(!weighted, budget, 5, 12, 0.9),
                                    feedMedaeBootstrap(!weighted), List.of()))));
            // beyond the budget after 1000 rows: chunks within it, their combination not (sizes 1023 and 4099)
            all.add(state(w + "medae bootstrap beyond the budget", () -> new BootstrapMedae(weighted,
                    1000L * BootstrapMedae.bytesPerRow(weighted), 5, 12, 0.9), feedMedaeBootstrap(weighted), List.of()));
        }
        all.add(state("ece bootstrap", () -> new BootstrapEce(5, 12, 0.9), perInput(StateContractTest::feedEceBootstrap),
                List.of(state("other seed", () -> new BootstrapEce(6, 12, 0.9), perInput(StateContractTest::feedEceBootstrap), List.of()),
                        state("other level", () -> new BootstrapEce(5, 12, 0.95), perInput(StateContractTest::feedEceBootstrap),
                                List.of()))));
        all.add(state("paired wins only", () -> PairedDifference.ofWinsOnly("r2"), feedPairs(false),
                List.of(state("mean", () -> PairedDifference.ofMean("r2", false, 0.95), feedPairs(false), List.of()))));
        all.add(state("win tally", WinTally::new, (tally, rows, from, to) -> tally.accept(
                ContractRows.slice(rows.pred, from, to), ContractRows.slice(rows.target, from, to),
                ContractRows.slice(rows.weight, from, to), to - from), List.of()));
        all.add(state("quantile crossings", () -> new QuantileCrossings(new double[] {0.9, 0.1, 0.5}),
                StateContractTest::feedCrossings,
                List.of(state("other levels", () -> new QuantileCrossings(new double[] {0.9, 0.1, 0.4}),
                        StateContractTest::feedCrossings, List.of()))));
        all.add(state("calibration bins", CalibrationBins::new, StateContractTest::feedCalibration, List.of()));
        all.add(state("residual histogram", ResidualHistogramState::new, StateContractTest::feedHistogram, List.of()));
        all.add(state("reliability binary", () -> new ReliabilityState("binary"), StateContractTest::feedReliability,
                List.of(state("reliability top label", () -> new ReliabilityState("top_label"),
                        StateContractTest::feedReliability, List.of()))));
        all.add(group("group", false, List.of("mse", "mae", "r2"), List.of(
                group("weighted group", true, List.of("mse", "mae", "r2"), List.of()),
                group("other losses", false, List.of("mse", "mae", "explained_variance"), List.of()))));
        all.add(group("weighted group", true, List.of("mse", "rmse"), List.of(
                group("unweighted group", false, List.of("mse", "rmse"), List.of()))));
        // medae per group: exact within the run's budget, a bracket beyond it (budget 0); budgets must agree.
        all.add(group("group with medae", false, List.of("mae", "medae"), ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES,
                List.of(group("group with medae, budget 0", false, List.of("mae", "medae"), 0, List.of()))));
        all.add(group("weighted group with medae, budget 0", true, List.of("medae"), 0, List.of()));
        // With a baseline (its prediction another column): the paired t interval of delta for mse and mae, win
        // counts only for r2 and medae; refused with a state that compares nothing, or decides otherwise.
        for (boolean weighted : new boolean[] {false, true}) {
            String w = weighted ? "weighted " : "";
            List<String> specs = List.of("mse", "mae", "r2", "medae");
            boolean[] pairedT = {true, true, false, false, false};
            all.add(comparedGroup(w + "compared group", weighted, specs, pairedT, List.of(
                    group(w + "uncompared group", weighted, specs, List.of()),
                    comparedGroup(w + "other method", weighted, specs, new boolean[] {true, false, false, false, false},
                            List.of()))));
        }
        all.add(state("row tally", RowTally::new, StateContractTest::feedTally, List.of()));
        all.add(new Fixture<ExactSum>("exact sum", ExactSum::new, StateContractTest::feedSum, ExactSum::combine,
                ExactSum::value, List.of()));
        return all;
    }

    // ---- the properties

    @ParameterizedTest(name = "{0}, {1} rows")
    @MethodSource("fixturesAndSizes")
    <S> void emptyIsTheIdentity(Fixture<S> fixture, int size) {
        ContractRows rows = new ContractRows(size, 11 + size);
        Object whole = fixture.result().apply(fixture.fed(rows, 0, size));
        S left = fixture.empty().get();
        fixture.combine().accept(left, fixture.fed(rows, 0, size));
        assertEquals(whole, fixture.result().apply(left), "empty.combine(x)");
        S right = fixture.fed(rows, 0, size);
        fixture.combine().accept(right, fixture.empty().get());
        assertEquals(whole, fixture.result().apply(right), "x.combine(empty)");
        assertEquals(whole, fixture.result().apply(right), "result() read twice");
        S empties = fixture.empty().get();
        fixture.combine().accept(empties, fixture.empty().get());
        assertEquals(fixture.result().apply(fixture.empty().get()), fixture.result().apply(empties), "empty.combine(empty)");
    }

    @ParameterizedTest(name = "{0}, {1} rows")
    @MethodSource("fixturesAndSizes")
    <S> void splitAndMergeEqualsTheWholeBitForBit(Fixture<S> fixture, int size) {
        ContractRows rows = new ContractRows(size, 23 + size);
        Object whole = fixture.result().apply(fixture.fed(rows, 0, size));
        for (int split = 0; split < SPLITS; split++) {
            Random random = new Random(1000L * size + split);
            int[] cuts = cuts(random, size, 1 + random.nextInt(6));
            List<S> states = new ArrayList<>();
            for (int c = 0; c + 1 < cuts.length; c++) {
                S state = fixture.empty().get();
                int from = cuts[c];
                do { // random batches; an empty chunk is fed one empty batch
                    int to = Math.min(cuts[c + 1], from + 1 + random.nextInt(700));
                    fixture.feeder().feed(state, rows, from, to);
                    from = to;
                } while (from < cuts[c + 1]);
                states.add(state);
            }
            while (states.size() > 1) { // random order and tree shape
                int into = random.nextInt(states.size());
                int other = random.nextInt(states.size() - 1);
                if (other >= into) other++;
                fixture.combine().accept(states.get(into), states.get(other));
                states.remove(other);
            }
            assertEquals(whole, fixture.result().apply(states.get(0)), "cut at " + java.util.Arrays.toString(cuts));
        }
    }

    @ParameterizedTest(name = "{0}, {1} rows")
    @MethodSource("fixturesAndSizes")
    <S> void aPlusBEqualsBPlusA(Fixture<S> fixture, int size) {
        ContractRows rows = new ContractRows(size, 37 + size);
        int cut = new Random(size).nextInt(size + 1);
        S ab = fixture.fed(rows, 0, cut);
        fixture.combine().accept(ab, fixture.fed(rows, cut, size));
        S ba = fixture.fed(rows, cut, size);
        fixture.combine().accept(ba, fixture.fed(rows, 0, cut));
        assertEquals(fixture.result().apply(ab), fixture.result().apply(ba));
    }

    @ParameterizedTest(name = "{0}, {1} rows")
    @MethodSource("fixturesAndSizes")
    <S> void aRefusedCombineChangesNothing(Fixture<S> fixture, int size) {
        ContractRows rows = new ContractRows(size, 41 + size);
        int first = size / 3;
        int second = 2 * size / 3;
        for (Fixture<S> other : fixture.refused()) {
            S state = fixture.fed(rows, 0, first);
            Object before = fixture.result().apply(state);
            S incompatible = other.fed(rows, first, second); // not empty from 3 rows on: a partial change would show
            assertThrows(IllegalArgumentException.class, () -> fixture.combine().accept(state, incompatible), other.name());
            assertEquals(before, fixture.result().apply(state), "after refusing " + other.name());
            // still a working state: it accepts and combines as if the refusal had not happened
            fixture.feeder().feed(state, rows, first, second);
            fixture.combine().accept(state, fixture.fed(rows, second, size));
            assertEquals(fixture.result().apply(fixture.fed(rows, 0, size)), fixture.result().apply(state),
                    "accepting and combining after refusing " + other.name());
        }
    }

    @ParameterizedTest(name = "{0}, {1} rows")
    @MethodSource("fixturesAndSizes")
    <S> void encodeDecodeEncodeGivesTheSameBytesAndResult(Fixture<S> fixture, int size) throws StateFormatException {
        StateCodec codec = new StateCodec(java.util.Set.of());
        byte[] fingerprint = new byte[StateCodec.FINGERPRINT_BYTES];
        fingerprint[0] = 42;
        ContractRows rows = new ContractRows(size, 53 + size);
        int cut = size / 2;
        S original = fixture.fed(rows, 0, cut);
        byte[] bytes = codec.encode(original, fingerprint);
        S decoded = fixture.empty().get();
        codec.decodeInto(decoded, bytes, fingerprint);
        assertEquals(fixture.result().apply(original), fixture.result().apply(decoded), "decoded result");
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, codec.encode(decoded, fingerprint), "encoded again");
        // a decoded state is a working state: it accepts and combines as the original does
        fixture.feeder().feed(decoded, rows, cut, (cut + size) / 2);
        fixture.combine().accept(decoded, fixture.fed(rows, (cut + size) / 2, size));
        assertEquals(fixture.result().apply(fixture.fed(rows, 0, size)), fixture.result().apply(decoded),
                "accepting and combining after decoding");
    }

    /** Sorted cut points 0 = c0 &le; ... &le; c_k = size; equal neighbours make empty chunks. */
    private static int[] cuts(Random random, int size, int chunks) {
        int[] cuts = new int[chunks + 1];
        for (int c = 1; c < chunks; c++) cuts[c] = random.nextInt(size + 1);
        cuts[chunks] = size;
        java.util.Arrays.sort(cuts);
        return cuts;
    }

    // ---- the fixtures' feeders

    /** The role bindings of the loss fixtures. */
    private static final class Regression {
        static final Function<ContractRows, Map<Role, double[][]>> ROLES = rows -> roles(
                Role.PRED, rows.pred, Role.TARGET, rows.target);
    }

    private static final class Binary {
        static final Function<ContractRows, Map<Role, double[][]>> ROLES = rows -> roles(
                Role.PRED, rows.prob, Role.TARGET, rows.binary);
    }

    private static final class Multiclass {
        static final Function<ContractRows, Map<Role, double[][]>> ROLES = rows -> {
            Map<Role, double[][]> roles = roles(Role.TARGET, rows.label);
            roles.put(Role.LOGITS, rows.logits);
            return roles;
        };
    }

    private static Map<Role, double[][]> roles(Object... roleThenColumn) {
        Map<Role, double[][]> roles = new EnumMap<>(Role.class);
        for (int i = 0; i < roleThenColumn.length; i += 2) {
            roles.put((Role) roleThenColumn[i], new double[][] {(double[]) roleThenColumn[i + 1]});
        }
        return roles;
    }

    private static Fixture<LossState> loss(String spec, boolean weighted, Function<ContractRows, Map<Role, double[][]>> roles,
                                           List<Fixture<LossState>> refused) {
        return loss(spec, weighted, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, roles, refused);
    }

    /** A loss state with an exact-memory budget (which only medae uses). */
    private static Fixture<LossState> loss(String spec, boolean weighted, long budget,
                                           Function<ContractRows, Map<Role, double[][]>> roles,
                                           List<Fixture<LossState>> refused) {
        RowLoss loss = parse(spec);
        String name = spec + (weighted ? " weighted" : "")
                + (budget == ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES ? "" : " budget " + budget);
        return state(name, () -> new LossState(loss, weighted, budget),
                (state, rows, from, to) -> state.accept(rows.inputs(roles.apply(rows), from, to),
                        weighted ? ContractRows.slice(rows.weight, from, to) : null),
                refused);
    }

    /**
     * A group's states: the losses (with a deferred one, null, beside them), a quantile at 0.9 (the pred
     * column) and an interval at 0.8.
     */
    private static Fixture<GroupState> group(String name, boolean weighted, List<String> specs,
                                             List<Fixture<GroupState>> refused) {
        return group(name, weighted, specs, ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, refused);
    }

    private static Fixture<GroupState> group(String name, boolean weighted, List<String> specs, long exactBudgetBytes,
                                             List<Fixture<GroupState>> refused) {
        List<RowLoss> losses = new ArrayList<>();
        for (String spec : specs) losses.add(parse(spec));
        losses.add(null);
        return state(name, () -> new GroupState(losses, weighted, new double[] {0.9}, new double[] {0.8}, 0.95,
                        exactBudgetBytes),
                (state, rows, from, to) -> {
                    double[] target = ContractRows.slice(rows.target, from, to);
                    state.accept(new GroupState.Batch(rows.inputs(Regression.ROLES.apply(rows), from, to),
                            weighted ? ContractRows.slice(rows.weight, from, to) : null, target,
                            new double[][] {ContractRows.slice(rows.pred, from, to)},
                            new double[][] {ContractRows.slice(rows.lower, from, to)},
                            new double[][] {ContractRows.slice(rows.upper, from, to)}));
                }, refused);
    }

    /** A group state compared with a baseline whose prediction is the rows' lower bounds. */
    private static Fixture<GroupState> comparedGroup(String name, boolean weighted, List<String> specs, boolean[] pairedT,
                                                     List<Fixture<GroupState>> refused) {
        List<RowLoss> losses = new ArrayList<>();
        for (String spec : specs) losses.add(parse(spec));
        losses.add(null);
        return state(name, () -> new GroupState(losses, weighted, new double[0], new double[0], 0.9,
                        ContributionSettings.DEFAULT_EXACT_BUDGET_BYTES, pairedT),
                (state, rows, from, to) -> state.accept(new GroupState.Batch(
                        rows.inputs(Regression.ROLES.apply(rows), from, to),
                        weighted ? ContractRows.slice(rows.weight, from, to) : null, ContractRows.slice(rows.target, from, to),
                        new double[0][], new double[0][], new double[0][],
                        rows.inputs(roles(Role.PRED, rows.lower, Role.TARGET, rows.target), from, to))),
                refused);
    }

    private static RowLoss parse(String spec) {
        try {
            return (RowLoss) LossSpecs.parse(List.of(spec), LossRegistry.builtIn()).get(0).loss();
        } catch (org.losseval.loss.LossSpecException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }

    private static Fixture<QuantileState> quantile(double level, boolean weighted, List<Fixture<QuantileState>> refused) {
        return state("quantile@" + level + (weighted ? " weighted" : ""), () -> new QuantileState(level, weighted),
                (state, rows, from, to) -> state.accept(ContractRows.slice(rows.pred, from, to),
                        ContractRows.slice(rows.target, from, to), weighted ? ContractRows.slice(rows.weight, from, to) : null,
                        to - from),
                refused);
    }

    /** |pred - target| of the rows, with their weights when weighted. */
    private static Feeder<AbsoluteErrorMedian> feedAbsoluteErrors(boolean weighted) {
        return (state, rows, from, to) -> {
            double[] errors = new double[to - from];
            for (int i = from; i < to; i++) errors[i - from] = Math.abs(rows.pred[i] - rows.target[i]);
            state.accept(errors, weighted ? ContractRows.slice(rows.weight, from, to) : null, to - from);
        };
    }

    private static void feedInterval(IntervalState state, ContractRows rows, int from, int to) {
        state.accept(ContractRows.slice(rows.lower, from, to), ContractRows.slice(rows.upper, from, to),
                ContractRows.slice(rows.target, from, to), to - from);
    }

    /**
     * Contribution rows: mse of pred and target and mae capped at 2, or (no residuals) a signed loss and the
     * label. The capped and label losses tie at the top, so the worst rows are decided by (source, row).
     */
    private static final class Contributions {
        static final List<String> LOSSES = List.of("first", "second");

        /** With {@link #SHARING}: a third loss that has the first's row losses but on every 37th row. */
        static final List<String> SHARING = List.of("first", "second", "first but a few rows");

        static double[][] rowLosses(ContractRows rows, boolean residuals, int from, int to) {
            double[][] losses = new double[3][to - from];
            for (int i = from; i < to; i++) {
                double r = rows.pred[i] - rows.target[i];
                losses[0][i - from] = residuals ? r * r : rows.signedLoss[i];
                losses[1][i - from] = residuals ? Math.min(Math.abs(r), 2) : rows.label[i];
                losses[2][i - from] = i % 37 == 5 ? losses[0][i - from] + 1 : losses[0][i - from];
            }
            return losses;
        }
    }

    private static Fixture<ContributionState> contributions(String name, boolean residuals, boolean weighted,
                                                            List<String> losses, ContributionSettings settings,
                                                            List<Fixture<ContributionState>> refused) {
        Supplier<ContributionState> empty = residuals
                ? () -> ContributionState.withResiduals(losses, weighted, settings)
                : () -> ContributionState.withoutResiduals(losses, weighted, settings);
        Feeder<ContributionState> feeder = (state, rows, from, to) -> {
            int i = from;
            while (i < to) { // a batch never mixes sources
                int end = i + 1;
                while (end < to && rows.source[end] == rows.source[i]) end++;
                int start = i;
                double[][] rowLosses = Contributions.rowLosses(rows, residuals, i, end);
                state.accept(new ContributionState.Batch(rows.source[i], k -> rows.row[start + k],
                        residuals ? ContractRows.slice(rows.pred, i, end) : null, ContractRows.slice(rows.target, i, end),
                        weighted ? ContractRows.slice(rows.weight, i, end) : null,
                        java.util.Arrays.copyOf(rowLosses, losses.size()), end - i));
                i = end;
            }
        };
        return state("contributions " + name, empty, feeder, refused);
    }

    private static Feeder<ResidualSample> feedResiduals(boolean weighted) {
        return (state, rows, from, to) -> {
            double[] residuals = new double[to - from];
            for (int i = from; i < to; i++) residuals[i - from] = rows.pred[i] - rows.target[i];
            state.accept(residuals, weighted ? ContractRows.slice(rows.weight, from, to) : null, to - from);
        };
    }

    private static Feeder<MomentSums> feedMoments(boolean weighted) {
        return (state, rows, from, to) -> state.accept(ContractRows.slice(rows.pred, from, to),
                ContractRows.slice(rows.target, from, to), weighted ? ContractRows.slice(rows.weight, from, to) : null,
                to - from);
    }

    private static org.losseval.loss.MomentLoss r2() {
        return (org.losseval.loss.MomentLoss) parse("r2");
    }

    /** Candidate pred, baseline prob (bounded, unlike pred) and the target; one input's run of rows at a time. */
    private static Feeder<BootstrapMoments> feedMomentBootstrap(boolean weighted) {
        return perInput((state, rows, start, end) -> {
            long[] numbers = java.util.Arrays.copyOfRange(rows.row, start, end);
            state.accept(rows.source[start], i -> numbers[i], ContractRows.slice(rows.pred, start, end),
                    ContractRows.slice(rows.prob, start, end), ContractRows.slice(rows.target, start, end),
                    weighted ? ContractRows.slice(rows.weight, start, end) : null, end - start);
        });
    }

    /** Candidate: the contribution rows' two losses; baseline: |prob - 0.5| and its square (ties between rows). */
    private static Feeder<ShareBootstrap> feedShares(boolean weighted) {
        return perInput((state, rows, start, end) -> {
            long[] numbers = java.util.Arrays.copyOfRange(rows.row, start, end);
            double[][] candidate = java.util.Arrays.copyOf(Contributions.rowLosses(rows, true, start, end), 2);
            double[][] baseline = new double[2][end - start];
            for (int i = start; i < end; i++) {
                double d = Math.abs(rows.prob[i] - 0.5);
                baseline[0][i - start] = d;
                baseline[1][i - start] = d * d;
            }
            state.accept(rows.source[start], i -> numbers[i], weighted ? ContractRows.slice(rows.weight, start, end) : null,
                    candidate, baseline, end - start);
        });
    }

    /**
     * Both models' row values: |prob - binary| and |prob - 0.5| (bounded, with ties between the two), and
     * the contract rows' weights; fed one run of rows of the same input at a time, as the evaluator does.
     */
    private static Feeder<PairedDifference> feedPairs(boolean weighted) {
        return perInput((state, rows, start, end) -> {
            double[] cand = new double[end - start];
            double[] base = new double[end - start];
            long[] numbers = new long[end - start];
            for (int i = start; i < end; i++) {
                cand[i - start] = Math.abs(rows.prob[i] - rows.binary[i]);
                base[i - start] = rows.binary[i] == 1 ? Math.abs(rows.prob[i] - 0.5) : cand[i - start];
                numbers[i - start] = rows.row[i];
            }
            state.accept(rows.source[start], i -> numbers[i], cand, base,
                    weighted ? ContractRows.slice(rows.weight, start, end) : null, end - start);
        });
    }

    /**
     * Per-row values: residuals (awkward magnitudes: overflowing and subnormal products) or prob - binary
     * (in [-1, 1], so that the figures are finite and every bit of the interval is compared).
     */
    private static Feeder<MeanSums> feedMeans(boolean weighted, boolean bounded) {
        return (state, rows, from, to) -> {
            double[] x = new double[to - from];
            for (int i = from; i < to; i++) x[i - from] = bounded ? rows.prob[i] - rows.binary[i] : rows.pred[i] - rows.target[i];
            state.accept(x, weighted ? ContractRows.slice(rows.weight, from, to) : null, to - from);
        };
    }

    /** Three quantile columns from pred, target and the weights: some rows cross, some do not. */
    private static void feedCrossings(QuantileCrossings crossings, ContractRows rows, int from, int to) {
        crossings.accept(new double[][] {ContractRows.slice(rows.pred, from, to), ContractRows.slice(rows.target, from, to),
                ContractRows.slice(rows.weight, from, to)}, to - from);
    }

    /** The candidate's errors |pred - target| (signed zeros, huge values), the baseline's |prob - 0.5|. */
    private static Feeder<BootstrapMedae> feedMedaeBootstrap(boolean weighted) {
        return perInput((state, rows, start, end) -> {
            double[] cand = new double[end - start];
            double[] base = new double[end - start];
            for (int i = start; i < end; i++) {
                cand[i - start] = Math.abs(rows.pred[i] - rows.target[i]);
                base[i - start] = Math.abs(rows.prob[i] - 0.5);
            }
            long[] numbers = java.util.Arrays.copyOfRange(rows.row, start, end);
            state.accept(rows.source[start], i -> numbers[i], cand, base,
                    weighted ? ContractRows.slice(rows.weight, start, end) : null, end - start);
        });
    }

    /** The candidate's confidence is prob (0, 1, 0.5 and others) with hit = binary label; the baseline's as feedCalibration's. */
    private static void feedEceBootstrap(BootstrapEce state, ContractRows rows, int start, int end) {
        int n = end - start;
        double[] cc = new double[n];
        double[] bc = new double[n];
        boolean[] ch = new boolean[n];
        boolean[] bh = new boolean[n];
        for (int i = start; i < end; i++) {
            cc[i - start] = rows.prob[i];
            ch[i - start] = rows.binary[i] == 1;
            bc[i - start] = i % 17 == 0 ? 1.0 : rows.weight[i] / (1 + rows.weight[i]);
            bh[i - start] = rows.label[i] == 1;
        }
        long[] numbers = java.util.Arrays.copyOfRange(rows.row, start, end);
        state.accept(rows.source[start], i -> numbers[i], cc, ch, bc, bh, n);
    }

    /** Confidences from the weights folded into [0, 1] (1 itself included), hits from the labels. */
    private static void feedCalibration(CalibrationBins bins, ContractRows rows, int from, int to) {
        double[] confidence = new double[to - from];
        boolean[] hit = new boolean[to - from];
        for (int i = from; i < to; i++) {
            confidence[i - from] = i % 17 == 0 ? 1.0 : rows.weight[i] / (1 + rows.weight[i]);
            hit[i - from] = rows.label[i] == 1;
        }
        bins.accept(confidence, hit, to - from);
    }

    /** The rows' probabilities (prob) and whether each was an event (binary label 1). */
    private static void feedReliability(ReliabilityState state, ContractRows rows, int from, int to) {
        boolean[] event = new boolean[to - from];
        for (int i = from; i < to; i++) event[i - from] = rows.binary[i] == 1;
        state.accept(ContractRows.slice(rows.prob, from, to), event, to - from);
    }

    private static void feedHistogram(ResidualHistogramState histogram, ContractRows rows, int from, int to) {
        double[] residuals = new double[to - from];
        for (int i = from; i < to; i++) residuals[i - from] = rows.pred[i] - rows.target[i];
        histogram.accept(residuals, to - from);
    }

    /** Rows labelled 0 are skipped for one reason, rows labelled 1 with weight 0 for another. */
    private static void feedTally(RowTally tally, ContractRows rows, int from, int to) {
        tally.read(to - from);
        long used = 0;
        for (int i = from; i < to; i++) {
            if (rows.label[i] == 0) tally.skipped("not a number");
            else if (rows.label[i] == 1 && rows.weight[i] == 0) tally.skipped("negative weight");
            else used++;
        }
        tally.used(used);
    }

    /** Alternates between addAll and add, so both paths are merged. */
    private static void feedSum(ExactSum sum, ContractRows rows, int from, int to) {
        if ((to - from) % 2 == 0) {
            sum.addAll(ContractRows.slice(rows.pred, from, to), to - from);
        } else {
            for (int i = from; i < to; i++) sum.add(rows.pred[i]);
        }
    }
}
