package org.losseval.accumulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.losseval.report.WorstRow;

/** The bounded heap of worst rows: the rows it keeps, and memory that follows the rows seen, not the capacity. */
class WorstRowsTest {
    private static WorstRow row(int source, long number, double contribution) {
        return new WorstRow(source, number, Double.NaN, Double.NaN, Double.NaN, contribution, 1, contribution);
    }

    /** The reference: every row sorted worst first, the first {@code capacity} of them. */
    private static List<WorstRow> reference(List<WorstRow> rows, int capacity) {
        List<WorstRow> sorted = new ArrayList<>(rows);
        sorted.sort(WorstRow.WORST_FIRST);
        return sorted.subList(0, Math.min(capacity, sorted.size()));
    }

    private static void offerAll(WorstRows heap, List<WorstRow> rows) {
        for (WorstRow r : rows) {
            if (!heap.rejects(r.contribution())) heap.offer(r);
        }
    }

    @Test
    void aHugeCapacityOnThreeRowsAllocatesSixteenSlots() {
        WorstRows heap = new WorstRows(Integer.MAX_VALUE);
        assertEquals(WorstRows.INITIAL_SLOTS, heap.slots());
        List<WorstRow> rows = List.of(row(0, 1, 100), row(0, 2, 100), row(0, 3, 48400));
        offerAll(heap, rows);
        assertEquals(3, heap.size());
        assertEquals(WorstRows.INITIAL_SLOTS, heap.slots());
        assertEquals(List.of(rows.get(2), rows.get(0), rows.get(1)), heap.sorted());
    }

    @Test
    void slotsDoubleWithTheRowsSeenAndStopAtTheCapacity() {
        WorstRows heap = new WorstRows(100);
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            heap.offer(row(0, i, i));
            if (slots.isEmpty() || slots.get(slots.size() - 1) != heap.slots()) slots.add(heap.slots());
        }
        assertEquals(List.of(16, 32, 64, 100), slots);
        assertEquals(100, heap.size());
        WorstRows small = new WorstRows(3);
        assertEquals(3, small.slots());
    }

    /** Random contributions with many ties, in random capacities and splits: always the reference's rows. */
    @Test
    void keepsExactlyTheWorstRowsWithTiesToTheEarlierRowWhateverTheSplit() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(300);
            int capacity = 1 + random.nextInt(80);
            List<WorstRow> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double c = random.nextInt(4) == 0 ? Double.NaN : random.nextInt(20);
                rows.add(row(random.nextInt(3), i, c));
            }
            WorstRows whole = new WorstRows(capacity);
            offerAll(whole, rows);
            assertEquals(reference(rows, capacity), whole.sorted(), "trial " + trial);

            int cut = n == 0 ? 0 : random.nextInt(n + 1);
            WorstRows left = new WorstRows(capacity);
            WorstRows right = new WorstRows(capacity);
            offerAll(left, rows.subList(0, cut));
            offerAll(right, rows.subList(cut, n));
            right.combine(left);
            assertEquals(reference(rows, capacity), right.sorted(), "trial " + trial + " split at " + cut);
        }
    }

    @Test
    void aCapacityBelowOneIsABug() {
        assertEquals("capacity must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new WorstRows(0)).getMessage());
    }
}
