package org.losseval.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.losseval.batch.CellIssue;
import org.losseval.io.InputException;
import org.losseval.text.Numbers;

/**
 * The baseline's rows of a key join, held by key: an open-addressing hash table over the encoded keys
 * ({@link RowKeys}), with the baseline's needed values beside them in primitive arrays, never boxed objects.
 *
 * <p>Why the baseline is held and the candidate streamed: which side is smaller is not known before both
 * are read, and holding the baseline keeps the candidate's input order in the output (the report's worst
 * rows, --rows-out and the per-input figures follow the candidate's files) without a second pass.
 *
 * <p><b>Memory</b>, per baseline row held ({@link #bytesPerRow}): the key's bytes (5 plus the UTF-8 length per
 * text key column, {@value RowKeys#NUMBER_BYTES} per numeric one), its start in the key bytes (4), its row
 * number in its file (8) and its file (4), a flag byte (paired, duplicated), 8 per value column (the
 * baseline's columns the run needs, its target included), and 16 in the hash slots (a long per slot holding
 * the hash and the row, at a load of at most 1/2). With one 6-character key, a target and one prediction:
 * 11 + 4 + 8 + 4 + 1 + 16 + 16 = 60 bytes. Keys are read as
 * text, so the readers also hold each distinct key's text in their dictionaries ({@link KeyTexts}: about
 * 128 bytes plus twice its length, on the side being read); that is charged to the same budget. Arrays grow by half
 * their size, so up to 1.5 times that is allocated (and, while one array is copied, its old copy too); the
 * budget is charged the capacities allocated, so it bounds what is held. A baseline cell that could not be
 * read keeps its issue (for the message) at about 100 bytes more. Beyond the budget the join refuses with
 * exit 3, naming the budget and how to raise it: there is no spill to disk.
 *
 * <p>Duplicate keys: the first row of a key is held; later rows with the same key mark it
 * {@linkplain #duplicated duplicated} and are counted, not held. Not thread-safe.
 */
final class BaselineTable {
    /** Bytes a row costs besides its key bytes and values: start 4, row 8, file 4, flags 1, two 8-byte slots. */
    static final int FIXED_BYTES_PER_ROW = 4 + 8 + 4 + 1 + 16;
    private static final byte PAIRED = 1, DUPLICATED = 2;
    private static final int FIRST_CAPACITY = 1024;

    private final int valueColumns;
    private final long budgetBytes;
    private final String budgetAdvice;

    private byte[] keyBytes = new byte[0];
    private int keyLength;
    private int[] keyStart = new int[0];
    private long[] rows = new long[0];
    private int[] files = new int[0];
    private byte[] flags = new byte[0];
    private double[][] values;
    /**
     * Slots hold the key's hash in the high 32 bits and its ordinal + 1 in the low ones; 0 is empty. Keeping
     * the hash in the slot saves a read of another array per probe (a cache miss on a large table).
     */
    private long[] slots = new long[0];
    private int size;
    private final Map<Long, CellIssue> issues = new HashMap<>();
    /** What the readers' dictionaries of the key texts hold now ({@link #chargeTexts}), also within the budget. */
    private long textBytes;

    /**
     * @param valueColumns the values held per row
     * @param budgetBytes  the most bytes the table may allocate
     * @param budgetAdvice how to raise the budget, for the refusal (e.g. "raise --join-budget (MiB)")
     */
    BaselineTable(int valueColumns, long budgetBytes, String budgetAdvice) {
        this.valueColumns = valueColumns;
        this.budgetBytes = budgetBytes;
        this.budgetAdvice = budgetAdvice;
        values = new double[valueColumns][0];
    }

    /** The documented cost of one row with {@code keyBytes} bytes of key and {@code valueColumns} values. */
    static long bytesPerRow(int keyBytes, int valueColumns) {
        return keyBytes + FIXED_BYTES_PER_ROW + 8L * valueColumns;
    }

    int size() { return size; }

    /**
     * Charges the budget with what the readers hold for the key texts ({@link KeyTexts}): the table and these
     * bytes together must stay within it.
     *
     * @throws InputException when they do not
     */
    void chargeTexts(long bytes) throws InputException {
        textBytes = bytes;
        long needed = allocatedBytes() + textBytes;
        if (needed > budgetBytes) refuse(needed, 0);
    }

    /** The bytes allocated by the table's arrays (the budget is charged these and {@link #chargeTexts}). */
    long allocatedBytes() {
        return bytesFor(keyStart.length, keyBytes.length, slots.length);
    }

    private long bytesFor(int rowCapacity, int keyCapacity, int slotCount) {
        return (long) rowCapacity * (4 + 8 + 4 + 1 + 8L * valueColumns) + keyCapacity + 8L * slotCount;
    }

    /**
     * The ordinal of the row held under {@code key}, or -1 when none is.
     */
    int find(RowKeys.KeyBytes key) {
        return size == 0 ? -1 : find(key, key.hash());
    }

    private int find(RowKeys.KeyBytes key, int hash) {
        int mask = slots.length - 1;
        for (int s = hash & mask; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) return -1;
            if ((int) (slot >>> 32) == hash && sameKey((int) slot - 1, key)) return (int) slot - 1;
        }
    }

    /**
     * Holds a row under {@code key} unless the key is held already.
     *
     * @return the new row's ordinal, or {@code -1 - ordinal} of the row already held under the key
     * @throws InputException when holding the row would exceed the budget
     */
    int add(RowKeys.KeyBytes key, int file, long row) throws InputException {
        int hash = key.hash();
        int existing = size == 0 ? -1 : find(key, hash);
        if (existing >= 0) return -1 - existing;
        ensureRoom(key.length);
        int ordinal = size++;
        keyStart[ordinal] = keyLength;
        System.arraycopy(key.bytes, 0, keyBytes, keyLength, key.length);
        keyLength += key.length;
        rows[ordinal] = row;
        files[ordinal] = file;
        insertSlot(slots, hash, ordinal);
        return ordinal;
    }

    void setValue(int ordinal, int column, double value) { values[column][ordinal] = value; }

    double value(int ordinal, int column) { return values[column][ordinal]; }

    /** Keeps the issue of a baseline cell that could not be read, to say what it was when the row is used. */
    void setIssue(int ordinal, int column, CellIssue issue) {
        issues.put((long) ordinal * valueColumns + column, issue);
    }

    /** The issue of a value, or null. */
    CellIssue issue(int ordinal, int column) {
        return issues.isEmpty() ? null : issues.get((long) ordinal * valueColumns + column);
    }

    long row(int ordinal) { return rows[ordinal]; }

    int file(int ordinal) { return files[ordinal]; }

    boolean paired(int ordinal) { return (flags[ordinal] & PAIRED) != 0; }

    void markPaired(int ordinal) { flags[ordinal] |= PAIRED; }

    boolean duplicated(int ordinal) { return (flags[ordinal] & DUPLICATED) != 0; }

    void markDuplicated(int ordinal) { flags[ordinal] |= DUPLICATED; }

    /** The held key of a row as a message shows it, over the key {@code columns}. */
    String describeKey(int ordinal, List<String> columns) {
        int to = ordinal + 1 < size ? keyStart[ordinal + 1] : keyLength;
        return RowKeys.describe(columns, keyBytes, keyStart[ordinal], to);
    }

    private boolean sameKey(int ordinal, RowKeys.KeyBytes key) {
        int from = keyStart[ordinal];
        int to = ordinal + 1 < size ? keyStart[ordinal + 1] : keyLength;
        return Arrays.equals(keyBytes, from, to, key.bytes, 0, key.length);
    }

    private static void insertSlot(long[] slots, int hash, int ordinal) {
        int mask = slots.length - 1;
        int s = hash & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = ((long) hash << 32) | (ordinal + 1L);
    }

    /** Grows the arrays for one more row with a key of {@code keyBytesNeeded} bytes, within the budget. */
    private void ensureRoom(int keyBytesNeeded) throws InputException {
        int rowCapacity = keyStart.length;
        int keyCapacity = keyBytes.length;
        int slotCount = slots.length;
        if (size == rowCapacity) rowCapacity = grown(rowCapacity, size + 1);
        if (keyLength + keyBytesNeeded > keyCapacity) keyCapacity = grown(keyCapacity, keyLength + keyBytesNeeded);
        // At most half the slots are used, so a probe ends soon.
        while (2L * (size + 1) > slotCount) slotCount = slotCount == 0 ? 2 * FIRST_CAPACITY : slotCount * 2;
        if (rowCapacity == keyStart.length && keyCapacity == keyBytes.length && slotCount == slots.length) return;
        long needed = bytesFor(rowCapacity, keyCapacity, slotCount) + textBytes;
        if (needed > budgetBytes) refuse(needed, keyBytesNeeded);
        if (rowCapacity != keyStart.length) {
            keyStart = Arrays.copyOf(keyStart, rowCapacity);
            rows = Arrays.copyOf(rows, rowCapacity);
            files = Arrays.copyOf(files, rowCapacity);
            flags = Arrays.copyOf(flags, rowCapacity);
            for (int c = 0; c < valueColumns; c++) values[c] = Arrays.copyOf(values[c], rowCapacity);
        }
        if (keyCapacity != keyBytes.length) keyBytes = Arrays.copyOf(keyBytes, keyCapacity);
        if (slotCount != slots.length) {
            long[] grown = new long[slotCount];
            for (long slot : slots) {
                if (slot != 0) insertSlot(grown, (int) (slot >>> 32), (int) slot - 1);
            }
            slots = grown;
        }
    }

    private static int grown(int capacity, int atLeast) {
        long next = Math.max(capacity == 0 ? FIRST_CAPACITY : capacity + (capacity >> 1), atLeast);
        if (next > Integer.MAX_VALUE - 8) {
            if (atLeast > Integer.MAX_VALUE - 8) throw new IllegalStateException("key table beyond 2^31 entries");
            next = Integer.MAX_VALUE - 8;
        }
        return (int) next;
    }

    private void refuse(long needed, int keyBytesNeeded) throws InputException {
        int keyBytesPerRow = size == 0 ? keyBytesNeeded : (int) Math.ceil((double) keyLength / size);
        List<String> parts = new ArrayList<>();
        // Refused by the texts before the first row, the key's size is not known yet.
        if (keyBytesPerRow > 0) parts.add(bytesPerRow(keyBytesPerRow, valueColumns) + " bytes a row, and room to grow");
        if (textBytes > 0) parts.add(mebibytes(textBytes) + " MiB of it for the key texts the readers hold");
        throw new InputException(null, 0, null, "the baseline's key table would need " + mebibytes(needed)
                + " MiB after " + size + " rows (" + String.join(", ", parts) + "), beyond its budget of "
                + mebibytes(budgetBytes) + " MiB: " + budgetAdvice);
    }

    /** Bytes in MiB as text, to three significant digits. */
    static String mebibytes(long bytes) {
        return Numbers.human(bytes / (double) (1 << 20), 3);
    }
}
