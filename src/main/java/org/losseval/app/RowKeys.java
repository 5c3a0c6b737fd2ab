package org.losseval.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.text.Numbers;
import org.losseval.text.Untrusted;

/**
 * The key of each row of one batch, over the {@code --key} columns: what a key join hashes and compares.
 *
 * <p>A key is encoded as bytes, one part per key column in the order given, so that a composite key, a text
 * key and a numeric key are all one byte string, hashed and compared the same way, and stored in one byte
 * array ({@link BaselineTable}) rather than as boxed objects. A part is a kind byte and the value:
 * <ul>
 *   <li>a text column of the batch ({@link TextColumn}, how the run reads keys): {@value #TEXT}, a 4-byte
 *       length and the UTF-8 bytes. The text is the cell as the reader gives it: a CSV field as written, a
 *       Parquet string, an integer in decimal (exact, INT64 included), a double as its shortest round-trip
 *       text. So {@code 7} in a CSV and INT64 7 in Parquet are one key, and {@code 7} and {@code 7.0} are two.
 *       An empty value (an empty CSV field, a Parquet null) is no key.
 *   <li>a number column (a producer that gives no text columns): {@value #NUMBER} and the 8 bytes of the
 *       double, -0.0 made 0.0; NaN (an empty or unreadable cell) is no key. Integers beyond 2^53 that round
 *       to the same double are one key.
 * </ul>
 * The kind byte keeps a number and a text of the same bytes apart.
 */
final class RowKeys {
    /** The kind byte of a numeric part. */
    static final byte NUMBER = 1;
    /** The kind byte of a text part. */
    static final byte TEXT = 2;
    /** Bytes of one numeric part: the kind and the double. */
    static final int NUMBER_BYTES = 9;
    /** Bytes of a text part besides its UTF-8 bytes: the kind and the length. */
    static final int TEXT_OVERHEAD_BYTES = 5;

    private final ColumnBatch batch;
    private final List<String> columns;
    private final TextColumn[] texts;
    private final double[][] values;

    RowKeys(ColumnBatch batch, List<String> columns) {
        this.batch = batch;
        this.columns = columns;
        texts = new TextColumn[columns.size()];
        values = new double[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            if (batch.hasTextColumn(name)) {
                texts[c] = batch.textColumn(name);
            } else {
                values[c] = batch.column(name);
            }
        }
    }

    /** The key column's text column in this batch, or null when it is read as numbers. */
    TextColumn text(int column) { return texts[column]; }

    /** The first key column without a value in row {@code i}, or null when the row has a key. */
    String missing(int i) {
        for (int c = 0; c < columns.size(); c++) {
            if (texts[c] != null ? texts[c].text(i).isEmpty() : Double.isNaN(values[c][i])) return columns.get(c);
        }
        return null;
    }

    /** Why the key of row {@code i} is missing, for a message: "empty value", "not a number: 'x'", "NaN key". */
    String missingDetail(int i, String column) {
        if (batch.hasTextColumn(column)) return "empty value";
        CellIssue issue = batch.issueAt(i, column);
        if (issue == null) return "NaN key";
        String reason = issue.problem().description();
        return issue.text() == null || issue.text().isEmpty() ? reason : reason + ": '" + Untrusted.text(issue.text()) + "'";
    }

    /** Appends the encoded key of row {@code i} (which must have one) to {@code out}. */
    void encode(int i, KeyBytes out) {
        for (int c = 0; c < columns.size(); c++) {
            if (texts[c] != null) {
                byte[] utf8 = texts[c].text(i).getBytes(StandardCharsets.UTF_8);
                out.put(TEXT);
                out.putInt(utf8.length);
                out.put(utf8);
            } else {
                double v = values[c][i];
                out.put(NUMBER);
                out.putLong(Double.doubleToLongBits(v == 0 ? 0.0 : v));
            }
        }
    }

    /** The key of row {@code i} as a message shows it: {@code id='7'}, {@code id='7', part='2'}, {@code id=7}. */
    String describe(int i) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(columns.get(c)).append('=');
            if (texts[c] != null) {
                sb.append('\'').append(Untrusted.text(texts[c].text(i))).append('\'');
            } else {
                CellIssue issue = batch.issueAt(i, columns.get(c));
                sb.append(issue != null && issue.text() != null ? "'" + Untrusted.text(issue.text()) + "'"
                        : Numbers.exact(values[c][i]));
            }
        }
        return sb.toString();
    }

    /**
     * An encoded key as a message shows it, for a key held only as bytes ({@link BaselineTable}):
     * {@code id='7'}, {@code id=7, part='b'}.
     */
    static String describe(List<String> columns, byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int at = from;
        for (int c = 0; c < columns.size() && at < to; c++) {
            if (c > 0) sb.append(", ");
            sb.append(columns.get(c)).append('=');
            if (bytes[at] == TEXT) {
                int length = (int) readBigEndian(bytes, at + 1, 4);
                at += TEXT_OVERHEAD_BYTES;
                sb.append('\'').append(Untrusted.bytes(bytes, at, at + length)).append('\'');
                at += length;
            } else if (bytes[at] == NUMBER) {
                sb.append(Numbers.exact(Double.longBitsToDouble(readBigEndian(bytes, at + 1, 8))));
                at += NUMBER_BYTES;
            } else {
                throw new IllegalStateException("unknown key part " + bytes[at]);
            }
        }
        return sb.toString();
    }

    private static long readBigEndian(byte[] bytes, int from, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) v = (v << 8) | (bytes[from + k] & 0xff);
        return v;
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

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        void putInt(int v) {
            ensure(4);
            for (int s = 24; s >= 0; s -= 8) bytes[length++] = (byte) (v >>> s);
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
