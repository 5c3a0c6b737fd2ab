package org.losseval.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Buffers one top-level column of a Parquet file being written ({@link ParquetRowsWriter}): values PLAIN, in
 * uncompressed data pages v1 with a CRC, a top-level optional column's definition levels (1 present, 0 null)
 * bit-packed in the RLE / bit-packing hybrid at width 1 ({@link ParquetRle} reads them back).
 *
 * <p>The current page's values and levels are kept apart until {@link #endPage}, which appends the page (header
 * and bytes) to the row group's chunk; {@link #writeChunk} writes the chunk out and describes it. Not
 * thread-safe.
 */
final class ParquetColumnWriter {
    private final String name;
    private final Type type;
    private final boolean optional;
    private final Bytes values = new Bytes();
    private final Bytes chunk = new Bytes();
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

    void addString(byte[] utf8) {
        level(1);
        values.intLE(utf8.length);
        values.write(utf8, 0, utf8.length);
    }

    void addString(String value) {
        addString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes buffered for this column: the row group's pages so far and the current page. */
    long bufferedBytes() {
        return (long) chunk.size() + values.size() + entries / 8;
    }

    private void level(int level) {
        if (optional) {
            if (entries == definitions.length) definitions = java.util.Arrays.copyOf(definitions, 2 * entries);
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
        values.writeTo(page);
        CRC32 crc = new CRC32();
        crc.update(page.array(), 0, page.size());
        PageHeader header = new PageHeader(PageType.DATA_PAGE, page.size(), page.size());
        header.setCrc((int) crc.getValue());
        header.setData_page_header(new DataPageHeader(entries, Encoding.PLAIN, Encoding.RLE, Encoding.RLE));
        Util.writePageHeader(header, chunk);
        page.writeTo(chunk);
        chunkEntries += entries;
        values.reset();
        entries = 0;
        present = 0;
    }

    /**
     * Ends the page, writes the row group's chunk to {@code out} (now at byte {@code offset} of the file) and
     * empties it.
     *
     * @return the chunk's metadata for the footer
     */
    ColumnMetaData writeChunk(OutputStream out, long offset) throws IOException {
        endPage();
        ColumnMetaData meta = new ColumnMetaData(type, List.of(Encoding.PLAIN, Encoding.RLE), List.of(name),
                CompressionCodec.UNCOMPRESSED, chunkEntries, chunk.size(), chunk.size(), offset);
        out.write(chunk.array(), 0, chunk.size());
        chunk.reset();
        chunkEntries = 0;
        return meta;
    }

    /** A byte buffer that exposes its array and writes little-endian numbers. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() { super(1 << 12); }

        byte[] array() { return buf; }

        void intLE(int v) {
            write(v);
            write(v >>> 8);
            write(v >>> 16);
            write(v >>> 24);
        }

        void longLE(long v) {
            intLE((int) v);
            intLE((int) (v >>> 32));
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
