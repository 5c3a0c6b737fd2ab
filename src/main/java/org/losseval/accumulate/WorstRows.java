package org.losseval.accumulate;

import org.losseval.report.WorstRow;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code capacity} worst rows of one loss, in a bounded heap whose root is the least bad row kept.
 * The order ({@link WorstRow#WORST_FIRST}) is total, so the rows kept do not depend on the order rows
 * or states arrive in. Most rows are rejected by one comparison with the root, without allocation.
 */
final class WorstRows {
    private final int capacity;
    private final PriorityQueue<WorstRow> heap;

    WorstRows(int capacity) {
        this.capacity = capacity;
        this.heap = new PriorityQueue<>(capacity, WorstRow.WORST_FIRST.reversed());
    }

    /** True when a row with this contribution cannot enter (it is smaller than the root's). */
    boolean rejects(double contribution) {
        return heap.size() == capacity && Double.compare(contribution, heap.peek().contribution()) < 0;
    }

    void offer(WorstRow row) {
        if (heap.size() < capacity) {
            heap.add(row);
        } else if (WorstRow.WORST_FIRST.compare(row, heap.peek()) < 0) {
            heap.poll();
            heap.add(row);
        }
    }

    void combine(WorstRows other) {
        for (WorstRow row : other.heap) offer(row);
    }

    /** The rows kept, worst first. */
    List<WorstRow> sorted() {
        List<WorstRow> rows = new ArrayList<>(heap);
        rows.sort(WorstRow.WORST_FIRST);
        return rows;
    }
}
