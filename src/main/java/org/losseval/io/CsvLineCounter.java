package org.losseval.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Counts the lines and rows of a stretch of a CSV file without parsing it, for {@link CsvRanges}: so that a
 * reader starting in the middle of a file knows how many rows and lines come before its first byte.
 *
 * <h2>What it counts, and when it gives up</h2>
 * The stretch must start at the start of a line. It is read in the dialect {@link FastCsvSource} reads itself:
 * a line ends at {@code \n} (a {@code \r\n} is one line end), a line whose content (before {@code \r\n} or
 * {@code \n}) is empty is a blank line (a line, not a row), any other line is one record and one row. Only two
 * bytes can make a line end mean something else: a {@code "} (a quoted field may hold a line break, and only
 * Commons CSV decides where it ends) and a {@code \r} not followed by {@code \n} (Commons CSV ends a record
 * there). At the first of these the count stops and says it is <b>not clean</b>: no line end after it is
 * known to be a record end, and its caller must not start a range after it. Before it, every {@code \n} ends
 * a record or a blank line exactly as both CSV readers see it, so the counts are exact.
 *
 * <h2>Speed</h2>
 * One comparison per ordinary byte: every byte above {@code '"'} (digits, letters, {@code .}, {@code ,},
 * {@code -}) is content, and only the rare bytes at or below it (control bytes, space, {@code !}, {@code "})
 * take the slow branch. The file is read by positional reads into a reused 1 MiB array, so several counters
 * may read one file at once. Not thread-safe: one counter per thread.
 */
final class CsvLineCounter {
    private static final int BLOCK_BYTES = 1 << 20;

    /**
     * What a count found.
     *
     * @param lines the line ends counted ({@code \n} bytes)
     * @param rows  the lines among them that are rows (not blank)
     * @param end   the offset just after the last line end counted (where the next line starts)
     * @param clean false when a {@code "} or a lone {@code \r} stopped the count before the stretch's end
     */
    record Count(long lines, long rows, long end, boolean clean) {}

    private final FileChannel file;
    private final byte[] block = new byte[BLOCK_BYTES];

    CsvLineCounter(FileChannel file) {
        this.file = file;
    }

    /**
     * Counts the lines that end in {@code [from, to)}, stopping early after {@code maxRows} rows (the count then
     * ends just after that row's line end). A line that does not end before {@code to} is not counted.
     */
    Count count(long from, long to, long maxRows) throws IOException {
        long lines = 0;
        long rows = 0;
        long lineEnd = from;
        boolean content = false;
        long blockStart = from;
        while (blockStart < to) {
            int n = read(blockStart, (int) Math.min(block.length, to - blockStart));
            byte[] b = block;
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (c > '"') {
                    content = true;
                } else if (c == '\n') {
                    lines++;
                    lineEnd = blockStart + i + 1;
                    if (content) {
                        rows++;
                        content = false;
                        if (rows == maxRows) return new Count(lines, rows, lineEnd, true);
                    }
                } else if (c == '\r') {
                    long next = blockStart + i + 1;
                    if (next >= to || (i + 1 < n ? b[i + 1] : byteAt(next)) != '\n') {
                        return new Count(lines, rows, lineEnd, false);
                    }
                } else if (c == '"') {
                    return new Count(lines, rows, lineEnd, false);
                } else {
                    content = true;
                }
            }
            blockStart += n;
        }
        return new Count(lines, rows, lineEnd, true);
    }

    /** The offset just after the first {@code \n} at or after {@code from}, or -1 when there is none. */
    long lineStartAtOrAfter(long from) throws IOException {
        long size = file.size();
        long blockStart = from;
        while (blockStart < size) {
            int n = read(blockStart, (int) Math.min(block.length, size - blockStart));
            for (int i = 0; i < n; i++) {
                if (block[i] == '\n') return blockStart + i + 1;
            }
            blockStart += n;
        }
        return -1;
    }

    private int read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(block, 0, length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) throw new IOException("the file shrank while read");
        }
        return length;
    }

    private byte byteAt(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (file.read(one, position) < 1) throw new IOException("the file shrank while read");
        return one.get(0);
    }
}
