package org.losseval.accumulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.losseval.report.WorstRow;

/**
 * The {@code capacity} worst rows of one loss, in a bounded binary min-heap whose root is the least bad row
 * kept. The order ({@link WorstRow#WORST_FIRST}) is total, so the rows kept do not depend on the order rows
 * or states arrive in. Most rows are rejected by one comparison with the root, without allocation.
 *
 * <p>Memory follows the rows seen, not the capacity asked for: the array starts at {@value #INITIAL_SLOTS}
 * slots and doubles when full, never beyond {@code capacity}, so --top 100000 on a three-row file holds
 * {@value #INITIAL_SLOTS} slots (a {@link java.util.PriorityQueue} sized by the capacity allocated it up
 * front: 455 MiB for --top 100000000). Cost: one {@link WorstRow} (about 80 bytes) and at most two slots per
 * row kept. Offer is O(log size); {@link #sorted} O(size log size).
 *
 * <p>Not thread-safe; combine per-thread heaps.
 */
final class WorstRows {
    static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private WorstRow[] heap;
    private int size;
    /** The root's contribution once the heap is full; -Inf before, so that {@link #rejects} refuses nothing. */
    private double floor = Double.NEGATIVE_INFINITY;

    WorstRows(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
        this.heap = new WorstRow[Math.min(capacity, INITIAL_SLOTS)];
    }

    /**
     * True when a row with this contribution cannot enter: the heap is full and the contribution is below the
     * root's. One comparison with a cached double, as it runs for every row. A false answer may still be
     * refused by {@link #offer}, which decides with the full order: for -0.0 against a root of +0.0, or
     * against a NaN root ({@code <} is false where {@link Double#compare} orders them).
     */
    boolean rejects(double contribution) {
        return contribution < floor;
    }

    void offer(WorstRow row) {
        if (size < capacity) {
            if (size == heap.length) heap = Arrays.copyOf(heap, (int) Math.min(capacity, 2L * heap.length));
            heap[size] = row;
            siftUp(size++);
        } else if (WorstRow.WORST_FIRST.compare(row, heap[0]) < 0) {
            heap[0] = row;
            siftDown(0);
        }
        if (size == capacity) floor = heap[0].contribution();
    }

    void combine(WorstRows other) {
        for (int i = 0; i < other.size; i++) offer(other.heap[i]);
    }

    /** The rows kept, worst first. */
    List<WorstRow> sorted() {
        List<WorstRow> rows = new ArrayList<>(Arrays.asList(heap).subList(0, size));
        rows.sort(WorstRow.WORST_FIRST);
        return rows;
    }

    int size() { return size; }

    int capacity() { return capacity; }

    /** The slots allocated, for tests of the memory rule: at most max(size rounded up, 16), never the capacity. */
    int slots() { return heap.length; }

    private void siftUp(int i) {
        WorstRow row = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (leastBadFirst(row, heap[parent]) >= 0) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = row;
    }

    private void siftDown(int i) {
        WorstRow row = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && leastBadFirst(heap[right], heap[child]) < 0) child = right;
            if (leastBadFirst(row, heap[child]) <= 0) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = row;
    }

    /**
     * The heap's order, root first: the least bad row kept. A method, not a {@code Comparator} lambda, which
     * would be linked at every start (issue 14 item 4).
     */
    private static int leastBadFirst(WorstRow a, WorstRow b) {
        return WorstRow.WORST_FIRST.compare(b, a);
    }
}
