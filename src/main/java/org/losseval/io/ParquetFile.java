package org.losseval.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * An open Parquet file: its frame checked ({@link ParquetLayout}), its footer decoded with Apache Parquet's
 * Thrift model ({@link ParquetThrift#readFooter}), its schema ({@link ParquetSchema}) and the bounds of every
 * column chunk checked, and its channel open for {@link #chunk}.
 *
 * <p>Reading a chunk uses positional reads only, so several threads may read chunks of one file at once.
 */
final class ParquetFile implements AutoCloseable {
    private static final int FRAME_TAIL = 8;

    final FileMetaData footer;
    final ParquetSchema schema;
    private final FileChannel channel;

    private ParquetFile(FileMetaData footer, ParquetSchema schema, FileChannel channel) {
        this.footer = footer;
        this.schema = schema;
        this.channel = channel;
    }

    /**
     * Opens {@code file}: an {@link InputException} (row 0) for a bad frame or chunk bounds, an IOException for a
     * footer that cannot be decoded (its message for {@link ParquetErrors#describe}).
     */
    static ParquetFile open(String name, Path file) throws IOException, InputException {
        ParquetLayout.checkFrame(name, file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer tail = read(channel, size - FRAME_TAIL, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int length = tail.getInt(0);
            byte[] bytes = read(channel, size - FRAME_TAIL - length, length).array();
            FileMetaData footer = ParquetThrift.readFooter(bytes, 0, bytes.length);
            ParquetSchema schema = ParquetSchema.of(footer.getSchema());
            List<RowGroup> groups = footer.getRow_groups() == null ? List.of() : footer.getRow_groups();
            for (RowGroup group : groups) {
                if (group.getColumns() == null || group.getColumns().size() != schema.leaves.size()) {
                    throw new IOException("corrupt footer: a row group has " + (group.getColumns() == null ? 0
                            : group.getColumns().size()) + " column chunks for " + schema.leaves.size() + " columns");
                }
                for (ColumnChunk chunk : group.getColumns()) {
                    if (!chunk.isSetMeta_data()) {
                        throw new IOException("corrupt footer: a column chunk without its metadata (encrypted or external"
                                + " column chunks are not supported)");
                    }
                }
                if (group.getNum_rows() < 0) throw new IOException("corrupt footer: a row group of " + group.getNum_rows() + " rows");
            }
            ParquetLayout.checkChunks(name, schema, groups, size);
            return new ParquetFile(footer, schema, channel);
        } catch (IOException | InputException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The row groups, in file order. */
    List<RowGroup> rowGroups() {
        return footer.getRow_groups() == null ? List.of() : footer.getRow_groups();
    }

    /** The column chunk of leaf {@code field} in row group {@code group}, read into memory. */
    ParquetChunk chunk(int group, ParquetSchema.Field field) throws IOException {
        return chunk(group, field, null);
    }

    /**
     * The column chunk of leaf {@code field} in row group {@code group}, read into {@code previous}'s array when
     * it is large enough ({@link ParquetChunk#read}); {@code previous} (may be null) must not be read afterwards.
     */
    ParquetChunk chunk(int group, ParquetSchema.Field field, ParquetChunk previous) throws IOException {
        return ParquetChunk.read(channel, rowGroups().get(group).getColumns().get(field.leaf).getMeta_data(), previous);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) throw new EOFException("file shrank while read");
        }
        return buffer.flip();
    }
}
