package org.losseval.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;

/**
 * One column chunk of one row group, read from the file into memory, with its pages located and their
 * checksums verified; pages are decompressed one at a time, when the reader reaches them.
 *
 * <p>A chunk is a sequence of pages, each a Thrift {@link PageHeader} followed by {@code compressed_page_size}
 * bytes: at most one dictionary page first, then data pages (v1, or v2 whose repetition and definition levels
 * are stored uncompressed before the compressed values), until the pages hold the chunk's {@code num_values}
 * entries. Other page types (index pages) are skipped. A header's {@code crc}, when present, is the CRC-32 of
 * the page's bytes as stored (Parquet format's {@code PageHeader.crc}); a mismatch is an IOException whose
 * message {@link ParquetErrors#isChecksumFailure} recognises. Every size is checked against the chunk's
 * bytes before use.
 *
 * <p>Memory: the chunk's stored bytes, plus one decompressed page at a time. A reader going through row groups
 * passes its previous chunk of the same column to {@link #read}, which reads into that chunk's array when it is
 * large enough: one array per column per reader for the whole file, instead of a fresh one per row group that,
 * living as long as its row group is decoded, the collector promotes to the old generation (peak RSS, see
 * {@code src/bench/README.md}). The previous chunk must not be read after that. Immutable otherwise.
 */
final class ParquetChunk {
    final CompressionCodec codec;
    /** The chunk's stored bytes: {@code bytes[0, length)}, the array possibly longer (reused from an earlier chunk). */
    private final byte[] bytes;
    private final int length;
    /** The dictionary page's header, or null. */
    final PageHeader dictionary;
    private final int dictionaryAt;
    /** The data pages' headers, in order, and where each page's bytes start in {@link #bytes}. */
    final List<PageHeader> pages;
    private final int[] pageAt;

    private ParquetChunk(CompressionCodec codec, byte[] bytes, int length, PageHeader dictionary, int dictionaryAt,
                         List<PageHeader> pages, int[] pageAt) {
        this.codec = codec;
        this.bytes = bytes;
        this.length = length;
        this.dictionary = dictionary;
        this.dictionaryAt = dictionaryAt;
        this.pages = pages;
        this.pageAt = pageAt;
    }

    /** Where a column chunk starts: at its dictionary page when it has one before its first data page. */
    static long start(ColumnMetaData meta) {
        long data = meta.getData_page_offset();
        if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
                && meta.getDictionary_page_offset() < data) {
            return meta.getDictionary_page_offset();
        }
        return data;
    }

    /**
     * Reads the chunk described by {@code meta} (its bounds already checked by {@link ParquetLayout#checkChunks})
     * into {@code previous}'s array when it is large enough, else into a new one; {@code previous} may be null and
     * must not be read afterwards.
     */
    static ParquetChunk read(FileChannel channel, ColumnMetaData meta, ParquetChunk previous) throws IOException {
        long stored = meta.getTotal_compressed_size();
        if (stored > Integer.MAX_VALUE - 16) throw new IOException("corrupt data: a column chunk of " + stored + " bytes");
        int length = (int) stored;
        byte[] bytes = previous != null && previous.bytes.length >= length ? previous.bytes : new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        long position = start(meta);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) throw new EOFException("file shrank while read");
        }
        long wanted = meta.getNum_values();
        long seen = 0;
        PageHeader dictionary = null;
        int dictionaryAt = -1;
        List<PageHeader> pages = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int pos = 0;
        while (seen < wanted && pos < length) {
            ParquetThrift.Read<PageHeader> read = ParquetThrift.readPageHeader(bytes, pos, length);
            PageHeader header = read.value();
            int at = read.end();
            int size = header.getCompressed_page_size();
            if (size < 0 || size > length - at) {
                throw new IOException("corrupt data: a page of " + size + " bytes runs past its column chunk");
            }
            if (header.isSetCrc()) {
                CRC32 crc = new CRC32();
                crc.update(bytes, at, size);
                if ((int) crc.getValue() != header.getCrc()) throw new IOException(ParquetErrors.CHECKSUM_FAILED);
            }
            PageType type = header.getType();
            if (type == PageType.DICTIONARY_PAGE) {
                if (dictionary != null || !pages.isEmpty() || !header.isSetDictionary_page_header()) {
                    throw new IOException("corrupt data: a dictionary page that is not the chunk's first page");
                }
                dictionary = header;
                dictionaryAt = at;
            } else if (type == PageType.DATA_PAGE) {
                if (!header.isSetData_page_header()) throw new IOException("corrupt data: a data page without its header");
                pages.add(header);
                starts.add(at);
                seen += header.getData_page_header().getNum_values();
            } else if (type == PageType.DATA_PAGE_V2) {
                if (!header.isSetData_page_header_v2()) throw new IOException("corrupt data: a data page without its header");
                pages.add(header);
                starts.add(at);
                seen += header.getData_page_header_v2().getNum_values();
            }
            pos = at + size;
        }
        int[] pageAt = new int[starts.size()];
        for (int p = 0; p < pageAt.length; p++) pageAt[p] = starts.get(p);
        return new ParquetChunk(meta.getCodec(), bytes, length, dictionary, dictionaryAt, List.copyOf(pages), pageAt);
    }

    /** The dictionary page's bytes, decompressed. */
    byte[] dictionaryBytes() throws IOException {
        return ParquetDecompressors.decompress(codec, bytes, dictionaryAt, dictionary.getCompressed_page_size(),
                dictionary.getUncompressed_page_size());
    }

    /** Data page {@code p}'s decompressed size: the page's bytes are {@code pageBytes(p, scratch)[0, size)}. */
    int pageSize(int p) {
        return pages.get(p).getUncompressed_page_size();
    }

    /**
     * Data page {@code p}'s bytes, decompressed into the first {@link #pageSize} bytes of {@code scratch} when
     * it is long enough, else of a new array (see {@link ParquetDecompressors#decompress(CompressionCodec, byte[],
     * int, int, int, byte[])}); for a v2 page its (uncompressed) levels followed by its decompressed values, so
     * both versions are read from one array.
     */
    byte[] pageBytes(int p, byte[] scratch) throws IOException {
        PageHeader header = pages.get(p);
        int at = pageAt[p];
        int stored = header.getCompressed_page_size();
        int size = header.getUncompressed_page_size();
        if (header.getType() == PageType.DATA_PAGE) {
            return ParquetDecompressors.decompress(codec, bytes, at, stored, size, scratch);
        }
        DataPageHeaderV2 v2 = header.getData_page_header_v2();
        long levels = (long) v2.getRepetition_levels_byte_length() + v2.getDefinition_levels_byte_length();
        if (v2.getRepetition_levels_byte_length() < 0 || v2.getDefinition_levels_byte_length() < 0 || levels > stored
                || levels > size) {
            throw new IOException("corrupt data: a page's levels take " + levels + " of its " + stored + " bytes");
        }
        ParquetDecompressors.checkDeclaredSize(size);
        int level = (int) levels;
        CompressionCodec values = v2.isSetIs_compressed() && !v2.isIs_compressed() ? CompressionCodec.UNCOMPRESSED : codec;
        // The values are decompressed on their own and copied after the levels (a v2 page is rarer; its
        // result array is still the reused one).
        byte[] decoded = ParquetDecompressors.decompress(values, bytes, at + level, stored - level, size - level);
        byte[] out = ParquetDecompressors.array(scratch, size);
        System.arraycopy(bytes, at, out, 0, level);
        System.arraycopy(decoded, 0, out, level, size - level);
        return out;
    }
}
