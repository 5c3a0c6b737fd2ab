package org.losseval.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.losseval.batch.TextColumn;

/**
 * The distinct values of one text column of one source, numbered in order of first appearance: the
 * dictionary behind {@link TextColumn}'s codes.
 *
 * <p>Values arrive as Strings (Commons CSV) or as UTF-8 bytes (the fast CSV path, Parquet strings). Bytes
 * are looked up without making a String: a byte-keyed table remembers each byte sequence seen and its code,
 * and only a sequence not seen before is decoded (replacing malformed bytes, as the Commons CSV reader's
 * decoder does) and looked up by its text. So both CSV readers give the same codes for the same input, even
 * when two malformed byte sequences decode to one text, and a file with 100 distinct values decodes 100.
 *
 * <p>Cost: the Strings, plus per distinct byte sequence its bytes and about 16 bytes of table. Not
 * thread-safe: one source fills it; batches read the values through {@link #column} snapshots.
 */
final class TextDictionary {
    private final Map<String, Integer> byText = new HashMap<>();
    private String[] values = new String[16];
    private int size;

    // The byte-keyed table: entries in parallel arrays, their bytes in one pool, a probing table of entry+1.
    private byte[] pool = new byte[256];
    private int poolUsed;
    private int[] entryStart = new int[16];
    private int[] entryLength = new int[16];
    private int[] entryHash = new int[16];
    private int[] entryCode = new int[16];
    private int entries;
    private int[] table = new int[32];

    /** The code of {@code text}, giving it the next code when new. */
    int code(String text) {
        Integer code = byText.get(text);
        if (code != null) return code;
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size] = text;
        byText.put(text, size);
        return size++;
    }

    /** The code of the UTF-8 text {@code buf[from, to)}, giving it the next code when new. */
    int code(byte[] buf, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) hash = 31 * hash + buf[i];
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        for (int entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int e = entry - 1;
            if (entryHash[e] == hash && Arrays.equals(pool, entryStart[e], entryStart[e] + entryLength[e], buf, from, to)) {
                return entryCode[e];
            }
        }
        int code = code(new String(buf, from, to - from, StandardCharsets.UTF_8));
        addEntry(slot, buf, from, to, hash, code);
        return code;
    }

    /** A batch's view of the values known now, over {@code codes}. */
    TextColumn column(int[] codes) {
        return new TextColumn(codes, values, size);
    }

    /** The number of distinct values so far. */
    int size() { return size; }

    private void addEntry(int slot, byte[] buf, int from, int to, int hash, int code) {
        int length = to - from;
        if (poolUsed + length > pool.length) pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolUsed + length));
        System.arraycopy(buf, from, pool, poolUsed, length);
        if (entries == entryStart.length) {
            int n = 2 * entries;
            entryStart = Arrays.copyOf(entryStart, n);
            entryLength = Arrays.copyOf(entryLength, n);
            entryHash = Arrays.copyOf(entryHash, n);
            entryCode = Arrays.copyOf(entryCode, n);
        }
        entryStart[entries] = poolUsed;
        entryLength[entries] = length;
        entryHash[entries] = hash;
        entryCode[entries] = code;
        poolUsed += length;
        table[slot] = ++entries;
        if (2 * entries > table.length) rehash();
    }

    private void rehash() {
        table = new int[2 * table.length];
        int mask = table.length - 1;
        for (int e = 0; e < entries; e++) {
            int slot = mix(entryHash[e]) & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = e + 1;
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
