package org.losseval.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;
import org.losseval.text.Untrusted;

/**
 * Checks the frame of a Parquet file before its footer is decoded, and says in the user's words what is
 * wrong, so no message shows parquet-java's internals and nothing is allocated from a size the file
 * cannot hold.
 *
 * <p>A Parquet file is {@code PAR1}, the column chunks, the footer (Thrift), the footer's length as a
 * 4-byte little-endian integer, and {@code PAR1} again. {@link #checkFrame} refuses, in this order: an empty
 * file; a file shorter than the 12 bytes of an empty frame ("truncated"); one that does not start with
 * {@code PAR1} ("not a Parquet file", saying when it looks like text such as CSV); one that does not end with
 * {@code PAR1} ("truncated: the footer is missing", the usual result of an interrupted copy); and a footer
 * length that is negative or larger than the file. {@link #checkChunks} then refuses a footer whose column
 * chunks lie outside the file, so no chunk buffer is sized from a corrupt number.
 *
 * <p>Cost: one 4-byte and one 8-byte read, then a pass over the footer's chunk list. Thread-safe: no state.
 */
final class ParquetLayout {
    private static final int MAGIC_LENGTH = 4;
    /** The magic at both ends plus the footer length. */
    private static final int FRAME_BYTES = 2 * MAGIC_LENGTH + 4;
    /** How many leading bytes are quoted when a file is not Parquet. */
    private static final int QUOTED_BYTES = 16;

    private ParquetLayout() {}

    /** Refuses a file that is not a whole Parquet frame; row 0, as it is about the file. */
    static void checkFrame(String name, Path file) throws InputException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) throw new InputException(name, 0, null, "empty file: not a Parquet file (0 bytes)");
            ByteBuffer head = read(channel, 0, (int) Math.min(size, QUOTED_BYTES));
            if (!startsWithMagic(head)) {
                throw new InputException(name, 0, null, "not a Parquet file: no PAR1 magic at the start" + looksLike(head));
            }
            if (size < FRAME_BYTES) {
                throw new InputException(name, 0, null, "truncated: " + size + " bytes, fewer than the " + FRAME_BYTES
                        + " of the smallest Parquet file");
            }
            ByteBuffer tail = read(channel, size - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
            if (!(tail.get(4) == 'P' && tail.get(5) == 'A' && tail.get(6) == 'R' && tail.get(7) == '1')) {
                throw new InputException(name, 0, null, "truncated: the footer is missing (no PAR1 magic at the end; "
                        + "was the file copied or written completely?)");
            }
            long footer = tail.getInt(0);
            if (footer <= 0 || footer > size - FRAME_BYTES) {
                throw new InputException(name, 0, null, "corrupt footer: it declares " + footer + " bytes but the file has "
                        + size + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + Untrusted.text(String.valueOf(e.getMessage())), e);
        }
    }

    /** Refuses column chunks that do not lie within the data part of the file (after the magic, before the footer). */
    static void checkChunks(String name, ParquetSchema schema, List<RowGroup> rowGroups, long fileSize) throws InputException {
        for (int g = 0; g < rowGroups.size(); g++) {
            for (int c = 0; c < schema.leaves.size(); c++) {
                ColumnMetaData chunk = rowGroups.get(g).getColumns().get(c).getMeta_data();
                long start = ParquetChunk.start(chunk);
                long length = chunk.getTotal_compressed_size();
                if (start < MAGIC_LENGTH || length < 0 || start + length > fileSize - FRAME_BYTES + MAGIC_LENGTH) {
                    throw new InputException(name, 0, schema.leaves.get(c).path, "corrupt footer: row group " + (g + 1)
                            + " declares a column chunk of " + length + " bytes at offset " + start
                            + ", outside the file's " + fileSize + " bytes");
                }
            }
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) throw new EOFException("file shrank while read");
        }
        return buffer.flip();
    }

    private static boolean startsWithMagic(ByteBuffer head) {
        return head.limit() >= MAGIC_LENGTH && head.get(0) == 'P' && head.get(1) == 'A' && head.get(2) == 'R'
                && head.get(3) == '1';
    }

    /** "(it starts with 'pred,target\n1': text, CSV perhaps; name it .csv)" or the escaped bytes of binary data. */
    private static String looksLike(ByteBuffer head) {
        byte[] bytes = new byte[head.limit()];
        head.get(0, bytes);
        boolean text = true;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') text = false;
        }
        String quoted = "'" + Untrusted.bytes(bytes, 0, bytes.length) + "'";
        return text ? " (it starts with " + quoted + ": text, CSV perhaps; a CSV file needs another name than .parquet)"
                : " (it starts with " + quoted + ")";
    }
}
