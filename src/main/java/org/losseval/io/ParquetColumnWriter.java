package org.losseval.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;

/**
 * Buffers one top-level column of a Parquet file being written ({@link ParquetRowsWriter}): values PLAIN, in
 * uncompressed data pages v1 with a CRC, a top-level optional column's definition levels (1 present, 0 null)
 * bit-packed in the RLE / bit-packing hybrid at width 1 ({@link ParquetRle} reads them back).
 *
 * <p>Strings are dictionary-encoded (a PLAIN dictionary page at the chunk's start, data pages of
 * PLAIN_DICTIONARY indices as RLE runs) while the row group's distinct strings stay within
 * {@link #DICTIONARY_ENTRIES} and {@link #DICTIONARY_BYTES}; past that the chunk falls back to PLAIN pages, as
 * parquet-java's writer does. The input's name repeats on every row: PLAIN it would cost its length plus 4
 * bytes a row (190 MB of a 10⁷-row file named {@code reg_10m.parquet}).
 *
 * <p>The current page's values and levels are kept apart until {@link #endPage}, which appends the page (header
 * and bytes) to the row group's chunk; {@link #writeChunk} writes the chunk out and describes it. Not
 * thread-safe.
 */
final class ParquetColumnWriter {
    private final String name;
    private final Type type;
    private final boolean optional;
    /** The most distinct strings, and their bytes, a chunk's dictionary holds before falling back to PLAIN. */
    static final int DICTIONARY_ENTRIES = 4096;
    static final int DICTIONARY_BYTES = 1 << 20;

    private final Bytes values = new Bytes();
    private final Bytes chunk = new Bytes();
    private final boolean dictionaryWanted;
    private boolean dictionaryMode;
    private final Map<ByteBuffer, Integer> dictionary = new HashMap<>();
    private final List<byte[]> dictionaryEntries = new ArrayList<>();
    private long dictionaryBytes;
    /** The current page's dictionary indices (dictionary mode only). */
    private int[] indices = new int[1024];
    private final Set<Encoding> valueEncodings = EnumSet.noneOf(Encoding.class);
    private byte[] definitions = new byte[1024];
    private int entries;
    private int present;
    private long chunkEntries;
    /** Bits of the boolean being packed and how many. */
    private int booleanBits;
    private int booleanCount;

    ParquetColumnWriter(String name, Type type, boolean optional) {
        this.name = name;
        this.type = type;
        this.optional = optional;
        this.dictionaryWanted = type == Type.BYTE_ARRAY;
        this.dictionaryMode = dictionaryWanted;
    }

    String name() { return name; }

    Type type() { return type; }

    boolean optional() { return optional; }

    void addNull() {
        level(0);
    }

    void addDouble(double value) {
        level(1);
        values.longLE(Double.doubleToRawLongBits(value));
    }

    void addLong(long value) {
        level(1);
        values.longLE(value);
    }

    void addBoolean(boolean value) {
        level(1);
        if (value) booleanBits |= 1 << booleanCount;
        if (++booleanCount == 8) flushBooleans();
    }

    void addString(byte[] utf8) throws IOException {
        if (dictionaryMode) {
            Integer index = dictionary.get(ByteBuffer.wrap(utf8));
            if (index == null && (dictionaryEntries.size() == DICTIONARY_ENTRIES
                    || dictionaryBytes + utf8.length + 4 > DICTIONARY_BYTES)) {
                // Too many distinct strings: the rest of this row group's chunk is PLAIN.
                endPage();
                dictionaryMode = false;
            } else {
                if (index == null) {
                    index = dictionaryEntries.size();
                    byte[] copy = utf8.clone();
                    dictionary.put(ByteBuffer.wrap(copy), index);
                    dictionaryEntries.add(copy);
                    dictionaryBytes += utf8.length + 4;
                }
                if (present == indices.length) indices = Arrays.copyOf(indices, 2 * present);
                indices[present] = index;
                level(1);
                return;
            }
        }
        level(1);
        values.intLE(utf8.length);
        values.write(utf8, 0, utf8.length);
    }

    void addString(String value) throws IOException {
        addString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes buffered for this column: the row group's pages so far and the current page. */
    long bufferedBytes() {
        return (long) chunk.size() + values.size() + entries / 8 + 4L * present + dictionaryBytes;
    }

    private void level(int level) {
        if (optional) {
            if (entries == definitions.length) definitions = Arrays.copyOf(definitions, 2 * entries);
            definitions[entries] = (byte) level;
        }
        entries++;
        if (level == 1) present++;
    }

    private void flushBooleans() {
        values.write(booleanBits);
        booleanBits = 0;
        booleanCount = 0;
    }

    /** Ends the current page (if it has entries), appending it to the row group's chunk. */
    void endPage() throws IOException {
        if (entries == 0) return;
        if (booleanCount > 0) flushBooleans();
        Bytes page = new Bytes();
        if (optional) {
            // One bit-packed run: header (groups << 1) | 1, then the levels 8 to a byte, least significant first.
            int groups = (entries + 7) / 8;
            Bytes levels = new Bytes();
            levels.varint(((long) groups << 1) | 1);
            for (int g = 0; g < groups; g++) {
                int b = 0;
                for (int i = 0; i < 8 && 8 * g + i < entries; i++) b |= definitions[8 * g + i] << i;
                levels.write(b);
            }
            page.intLE(levels.size());
            levels.writeTo(page);
        }
        // A page of nulls only has no values to index (and its chunk may have no dictionary at all).
        boolean indexed = dictionaryMode && present > 0;
        Encoding encoding = indexed ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN;
        if (indexed) indicesTo(page);
        else values.writeTo(page);
        valueEncodings.add(encoding);
        PageHeader header = new PageHeader(PageType.DATA_PAGE, page.size(), page.size());
        header.setCrc(crc(page));
        header.setData_page_header(new DataPageHeader(entries, encoding, Encoding.RLE, Encoding.RLE));
        ParquetThrift.write(header, chunk);
        page.writeTo(chunk);
        chunkEntries += entries;
        values.reset();
        entries = 0;
        present = 0;
    }

    /** The page's dictionary indices: a byte of bit width, then one RLE run per run of equal indices. */
    private void indicesTo(Bytes page) {
        int width = Math.max(1, ParquetRle.widthOf(dictionaryEntries.size() - 1));
        int valueBytes = (width + 7) / 8;
        page.write(width);
        for (int i = 0; i < present; ) {
            int j = i + 1;
            while (j < present && indices[j] == indices[i]) j++;
            page.varint((long) (j - i) << 1);
            for (int b = 0; b < valueBytes; b++) page.write(indices[i] >>> (8 * b));
            i = j;
        }
    }

    private static int crc(Bytes bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 0, bytes.size());
        return (int) crc.getValue();
    }

    /**
     * Ends the page, writes the row group's chunk to {@code out} (now at byte {@code offset} of the file) and
     * empties it.
     *
     * @return the chunk's metadata for the footer
     */
    ColumnMetaData writeChunk(OutputStream out, long offset) throws IOException {
        endPage();
        long dictionaryPage = 0;
        if (!dictionaryEntries.isEmpty()) {
            Bytes page = new Bytes();
            for (byte[] entry : dictionaryEntries) {
                page.intLE(entry.length);
                page.write(entry, 0, entry.length);
            }
            PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, page.size(), page.size());
            header.setCrc(crc(page));
            header.setDictionary_page_header(new DictionaryPageHeader(dictionaryEntries.size(), Encoding.PLAIN_DICTIONARY));
            Bytes headed = new Bytes();
            ParquetThrift.write(header, headed);
            page.writeTo(headed);
            out.write(headed.array(), 0, headed.size());
            dictionaryPage = headed.size();
        }
        List<Encoding> encodings = new ArrayList<>(valueEncodings);
        if (!encodings.contains(Encoding.PLAIN)) encodings.add(Encoding.PLAIN);
        encodings.add(Encoding.RLE);
        ColumnMetaData meta = new ColumnMetaData(type, encodings, List.of(name), CompressionCodec.UNCOMPRESSED,
                chunkEntries, dictionaryPage + chunk.size(), dictionaryPage + chunk.size(), offset + dictionaryPage);
        if (dictionaryPage > 0) meta.setDictionary_page_offset(offset);
        out.write(chunk.array(), 0, chunk.size());
        chunk.reset();
        chunkEntries = 0;
        dictionary.clear();
        dictionaryEntries.clear();
        dictionaryBytes = 0;
        dictionaryMode = dictionaryWanted;
        valueEncodings.clear();
        return meta;
    }

    /**
     * A growable byte buffer that exposes its array and writes little-endian numbers: ByteArrayOutputStream's
     * methods are synchronized, a cost on every byte of millions of rows.
     */
    private static final class Bytes extends OutputStream {
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        private byte[] buf = new byte[1 << 12];
        private int count;

        byte[] array() { return buf; }

        int size() { return count; }

        void reset() { count = 0; }

        private void ensure(int more) {
            if (count + more > buf.length) buf = Arrays.copyOf(buf, Math.max(count + more, 2 * buf.length));
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        void intLE(int v) {
            ensure(4);
            INT.set(buf, count, v);
            count += 4;
        }

        void longLE(long v) {
            ensure(8);
            LONG.set(buf, count, v);
            count += 8;
        }

        void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }

        void writeTo(Bytes other) {
            other.write(buf, 0, count);
        }
    }
}
