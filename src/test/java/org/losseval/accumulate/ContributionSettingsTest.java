package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.losseval.report.LossContribution;

/** The rules of the contribution settings that bound memory: the kept-row cap and the heap cap of the budget. */
class ContributionSettingsTest {
    private static final long MIB = 1L << 20;

    private static String refusal(int top, int worst) {
        return assertThrows(IllegalArgumentException.class,
                () -> new ContributionSettings(top, List.of(0.01), worst, 3, 0)).getMessage();
    }

    @Test
    void topAndWorstAreCappedAtTheKeptRowLimit() {
        assertEquals(100_000, ContributionSettings.MAX_KEPT_ROWS);
        new ContributionSettings(100_000, List.of(0.01), 100_000, 3, 0);
        assertEquals("--top must be at most 100000, got 100001 (--top-fraction gives the share of a larger set of rows)",
                refusal(100_001, 5));
        assertEquals("--top must be at most 100000, got 2147483647 (--top-fraction gives the share of a larger set of rows)",
                refusal(Integer.MAX_VALUE, 5));
        assertEquals("--worst must be at most 100000, got 2147483647", refusal(5, Integer.MAX_VALUE));
    }

    @Test
    void theBudgetIsAtMostAQuarterOfTheHeap() {
        // -Xmx24m: 6 MiB; the default 256 MiB is kept from a 1 GiB heap on; 0 stays 0.
        assertEquals(6 * MIB, ContributionSettings.heapCappedBudget(256 * MIB, 24 * MIB));
        assertEquals(256 * MIB, ContributionSettings.heapCappedBudget(256 * MIB, 1024 * MIB));
        assertEquals(256 * MIB - 1, ContributionSettings.heapCappedBudget(256 * MIB, 1024 * MIB - 4));
        assertEquals(0, ContributionSettings.heapCappedBudget(0, 1024 * MIB));
        assertEquals(1, ContributionSettings.heapCappedBudget(100, 7));
        // Runtime.maxMemory() is Long.MAX_VALUE when the heap has no limit.
        assertEquals(256 * MIB, ContributionSettings.heapCappedBudget(256 * MIB, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> ContributionSettings.heapCappedBudget(-1, 1));
    }

    @Test
    void cappedByHeapChangesOnlyTheBudget() {
        ContributionSettings defaults = ContributionSettings.defaults();
        assertSame(defaults, defaults.cappedByHeap(1024 * MIB));
        ContributionSettings capped = defaults.cappedByHeap(24 * MIB);
        assertEquals(defaults.withExactBudgetBytes(6 * MIB), capped);
    }

    /** --top and --worst at the cap on three rows: each loss's heap holds 16 slots, not 100,000. */
    @Test
    void theLargestTopOnThreeRowsAllocatesForThreeRows() {
        ContributionSettings settings = new ContributionSettings(100_000, List.of(0.5), 100_000, 3, 256 * MIB);
        ContributionState state = ContributionState.withResiduals(List.of("mse", "mae"), false, settings);
        double[] pred = {210, 340, 400};
        double[] target = {200, 350, 180};
        double[][] losses = {{100, 100, 48400}, {10, 10, 220}};
        state.accept(new ContributionState.Batch(0, i -> i + 1L, pred, target, null, losses, 3));
        assertEquals(WorstRows.INITIAL_SLOTS, state.worstRowSlots(0));
        assertEquals(WorstRows.INITIAL_SLOTS, state.worstRowSlots(1));
        LossContribution mse = state.result().losses().get(0);
        assertEquals(3, mse.worstRows().size());
        assertEquals(3L, mse.worstRows().get(0).row());
        assertEquals(1.0, mse.shareTopK());
        assertEquals(48400.0 / 48600, mse.shareTop1());
    }
}
