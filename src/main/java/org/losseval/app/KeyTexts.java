package org.losseval.app;

import org.losseval.batch.TextColumn;

/**
 * What one source's readers hold for the text of its key columns: a text column's dictionary keeps every
 * distinct value it has seen ({@code io.TextDictionary}), and a key column has about as many distinct values
 * as rows, so a key join charges them to its budget ({@link BaselineTable#chargeTexts}). The dictionary goes
 * with its source, so the charge restarts with each file ({@link #reset}).
 *
 * <p>Estimate per distinct text of n characters: {@value #BYTES_PER_TEXT} + 2n bytes: the String (24) and its
 * bytes (16 + n, one byte a character for Latin-1 text), its entry in the dictionary's map (a 32-byte node, a
 * 16-byte boxed code, an 8-byte table slot), its slot in the values array (8), and its entry in the byte-keyed
 * table (16 bytes of ints, an 8-byte slot, and its n UTF-8 bytes in the pool). Not thread-safe.
 */
final class KeyTexts {
    /** Bytes per distinct text besides twice its length. */
    static final int BYTES_PER_TEXT = 24 + 16 + 32 + 16 + 8 + 8 + 16 + 8;

    private final int[] charged;
    private long bytes;

    KeyTexts(int keyColumns) {
        charged = new int[keyColumns];
    }

    /** A new source: its dictionaries start empty (the previous source's are released with it). */
    void reset() {
        java.util.Arrays.fill(charged, 0);
        bytes = 0;
    }

    /** Adds the texts first seen in this batch (codes are numbered in order of first appearance). */
    long add(RowKeys keys) {
        for (int c = 0; c < charged.length; c++) {
            TextColumn text = keys.text(c);
            if (text == null) continue;
            for (int code = charged[c]; code < text.distinct(); code++) {
                bytes += BYTES_PER_TEXT + 2L * text.value(code).length();
            }
            charged[c] = Math.max(charged[c], text.distinct());
        }
        return bytes;
    }

    long bytes() { return bytes; }
}
