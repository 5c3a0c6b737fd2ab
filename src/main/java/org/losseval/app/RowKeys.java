package org.losseval.app;

import java.util.List;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.text.Numbers;
import org.losseval.text.Untrusted;

/**
 * The key of each row of one batch, over the {@code --key} columns: what a key join hashes and compares.
 *
 * <p>A key is encoded as bytes, one part per key column in the order given, so that a composite key, a
 * numeric key and (when the batch has text columns) a text key are all one byte string, hashed and compared
 * the same way, and stored in one byte array ({@link BaselineTable}) rather than as boxed objects. A part is
 * a kind byte followed by the value: {@value #NUMBER} and the 8 bytes of the double read (INT32, INT64,
 * FLOAT, DOUBLE and CSV numbers are all read as doubles), with -0.0 made 0.0 so that equal numbers are equal
 * keys. Text parts will be the kind byte {@value #TEXT}, a 4-byte length and the UTF-8 bytes: the kind byte
 * keeps a number and a text of the same bytes apart.
 *
 * <p>Caveat of numeric keys: a key is the double read, so integers beyond 2^53 that round to the same
 * double are one key (a join then reports them as duplicate keys, or pairs a candidate id with a baseline id
 * that rounds alike). Keys are exact up to 9,007,199,254,740,992.
 *
 * <p>A row whose key cell is empty, null, not a number or NaN has no key ({@link #missing}).
 */
final class RowKeys {
    /** The kind byte of a numeric part. */
    static final byte NUMBER = 1;
    /** The kind byte of a text part (reserved for text key columns). */
    static final byte TEXT = 2;
    /** Bytes of one numeric part: the kind and the double. */
    static final int NUMBER_BYTES = 9;

    private final ColumnBatch batch;
    private final List<String> columns;
    private final double[][] values;

    RowKeys(ColumnBatch batch, List<String> columns) {
        this.batch = batch;
        this.columns = columns;
        values = new double[columns.size()][];
        for (int c = 0; c < values.length; c++) values[c] = batch.column(columns.get(c));
    }

    /** The first key column without a value in row {@code i}, or null when the row has a key. */
    String missing(int i) {
        for (int c = 0; c < values.length; c++) {
            if (Double.isNaN(values[c][i])) return columns.get(c);
        }
        return null;
    }

    /** Why the key of row {@code i} is missing, for a message: "empty value", "not a number: 'x'", "NaN". */
    String missingDetail(int i, String column) {
        CellIssue issue = batch.issueAt(i, column);
        if (issue == null) return "NaN key";
        String reason = issue.problem().description();
        return issue.text() == null || issue.text().isEmpty() ? reason : reason + ": '" + Untrusted.text(issue.text()) + "'";
    }

    /** Appends the encoded key of row {@code i} (which must have one) to {@code out}. */
    void encode(int i, KeyBytes out) {
        for (double[] column : values) {
            double v = column[i];
            out.put(NUMBER);
            out.putLong(Double.doubleToLongBits(v == 0 ? 0.0 : v));
        }
    }

    /** The key of row {@code i} as a message shows it: {@code id=7}, {@code id=7, t=2}. */
    String describe(int i) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            if (c > 0) sb.append(", ");
            sb.append(columns.get(c)).append('=');
            CellIssue issue = batch.issueAt(i, columns.get(c));
            sb.append(issue != null && issue.text() != null ? "'" + Untrusted.text(issue.text()) + "'"
                    : Numbers.exact(values[c][i]));
        }
        return sb.toString();
    }

    /**
     * An encoded key as a message shows it, for a key held only as bytes ({@link BaselineTable}):
     * {@code id=7}, {@code id=7, t=2}.
     */
    static String describe(List<String> columns, byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int at = from;
        for (int c = 0; c < columns.size() && at < to; c++) {
            if (c > 0) sb.append(", ");
            sb.append(columns.get(c)).append('=');
            if (bytes[at] != NUMBER) throw new IllegalStateException("unknown key part " + bytes[at]);
            long bits = 0;
            for (int k = 1; k <= 8; k++) bits = (bits << 8) | (bytes[at + k] & 0xff);
            sb.append(Numbers.exact(Double.longBitsToDouble(bits)));
            at += NUMBER_BYTES;
        }
        return sb.toString();
    }

    /** A growable byte string: the encoded key of one row. */
    static final class KeyBytes {
        byte[] bytes = new byte[32];
        int length;

        void clear() { length = 0; }

        void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void putLong(long v) {
            ensure(8);
            for (int s = 56; s >= 0; s -= 8) bytes[length++] = (byte) (v >>> s);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        /** A 32-bit hash of the bytes (FNV-1a, then a murmur finalizer so the low bits a table masks are mixed). */
        int hash() {
            int h = 0x811c9dc5;
            for (int i = 0; i < length; i++) h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            return h ^ (h >>> 16);
        }
    }
}
