package org.losseval.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.losseval.batch.CodeMap;
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
    /** Texts this short are looked up as one long ({@link #code(byte[], int, int)}). */
    private static final int SHORT_BYTES = 7;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Map<String, Integer> byText = new HashMap<>();
    /** Short texts as longs, numbered by the map; {@code shortCodes[number]} is the dictionary code. */
    private final CodeMap shortKeys = new CodeMap();
    private int[] shortCodes = new int[16];
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

    /**
     * The code of the UTF-8 text {@code buf[from, to)}, giving it the next code when new. A text of at most 7
     * bytes (most group values: a region, a device, a small integer) is read as one little-endian long with
     * its length in the top byte and looked up in a {@link CodeMap}, without a loop over its bytes (about
     * 3 times faster than hashing them, measured); longer ones are hashed.
     */
    int code(byte[] buf, int from, int to) {
        int length = to - from;
        if (length <= SHORT_BYTES && from + Long.BYTES <= buf.length) {
            long key = ((long) LONGS.get(buf, from) & ((1L << (length << 3)) - 1)) | ((long) length << 56);
            int known = shortKeys.get(key);
            if (known >= 0) return shortCodes[known];
            int code = hashedCode(buf, from, to);
            int slot = shortKeys.codeOf(key);
            if (slot == shortCodes.length) shortCodes = Arrays.copyOf(shortCodes, 2 * slot);
            shortCodes[slot] = code;
            return code;
        }
        return hashedCode(buf, from, to);
    }

    /** {@link #code(byte[], int, int)} by a hash of the bytes. */
    private int hashedCode(byte[] buf, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) hash = 31 * hash + buf[i];
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        for (int entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int e = entry - 1;
            if (entryHash[e] == hash && sameBytes(entryStart[e], entryLength[e], buf, from, to)) return entryCode[e];
        }
        int code = code(new String(buf, from, to - from, StandardCharsets.UTF_8));
        addEntry(slot, buf, from, to, hash, code);
        return code;
    }

    /** Whether pool[start, start + length) equals buf[from, to); a plain loop, as group values are short. */
    private boolean sameBytes(int start, int length, byte[] buf, int from, int to) {
        if (length != to - from) return false;
        byte[] p = pool;
        for (int i = 0; i < length; i++) {
            if (p[start + i] != buf[from + i]) return false;
        }
        return true;
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
