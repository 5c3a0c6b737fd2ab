package org.losseval.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * Every byte above {@code '"'} (digits, letters, {@code .}, {@code ,}, {@code -}) is content, and only the rare
 * bytes at or below it (line ends, control bytes, space, {@code !}, {@code "}) need a decision; so words of
 * eight bytes with none of them ({@link #lowBytes}) are skipped whole, and a word holding line ends but no
 * {@code \r} or {@code "} is counted whole too ({@link #zeroBytes} marks its line ends, {@link Long#bitCount} counts
 * them); only the rare word with a {@code \r} or {@code "}, or the one that may end the count, is looked at byte by
 * byte. On the first half of the 10<sup>7</sup>-row benchmark CSV ({@code reg_10m.csv}, 5·10<sup>6</sup> rows,
 * 180 MB): 108–111 ms of thread CPU with only the first test word-wise, 90–92 ms with both (5 December 2026;
 * the positional reads' copying from the page cache is part of both). The file is read by positional reads into a reused 1 MiB array, so several counters
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LINE_FEEDS = '\n' * ONES;
    private static final long CARRIAGE_RETURNS = '\r' * ONES;
    private static final long QUOTES = '"' * ONES;

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
            int i = 0;
            while (i < n) {
                if (i + 8 <= n) {
                    long word = (long) LONGS.get(b, i);
                    // Eight bytes at a time while none is at or below '"' (see the class doc): all content.
                    if (lowBytes(word) == 0) {
                        content = true;
                        i += 8;
                        continue;
                    }
                    // A word with line ends but no '\r' or '"': every other byte is content, so a line end is a
                    // blank line's exactly when the byte before it is a line end too (or, for the word's first byte,
                    // when the line so far is empty). Counted whole unless it may hold the row that stops the count.
                    long ends = zeroBytes(word ^ LINE_FEEDS);
                    if ((zeroBytes(word ^ CARRIAGE_RETURNS) | zeroBytes(word ^ QUOTES)) == 0) {
                        long blank = ends & (ends << 8 | (content ? 0 : 0x80L));
                        long newRows = Long.bitCount(ends) - Long.bitCount(blank);
                        if (maxRows - rows > newRows) {
                            if (ends != 0) {
                                int last = (63 - Long.numberOfLeadingZeros(ends)) >>> 3;
                                lines += Long.bitCount(ends);
                                rows += newRows;
                                lineEnd = blockStart + i + last + 1;
                                content = last != 7;
                            } else {
                                content = true;
                            }
                            i += 8;
                            continue;
                        }
                    }
                }
                int stop = Math.min(n, i + 8);
                for (; i < stop; i++) {
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
            }
            blockStart += n;
        }
        return new Count(lines, rows, lineEnd, true);
    }

    /**
     * Non-zero when some byte of {@code word} is below {@code '#'} (0x23), that is at or below {@code '"'}:
     * the classic "has less than n" test (Hacker's Delight / Bit Twiddling Hacks, {@code hasless(x, 0x23)}):
     * the lowest such byte always sets its high bit (no borrow reaches it from below, and its own subtraction
     * wraps), so there are no false negatives; a false positive (a higher byte flagged by a borrow, or a
     * byte of 0x80 and above) only sends the word to the byte-by-byte path, which decides exactly.
     */
    static long lowBytes(long word) {
        return (word - 0x23 * ONES) & ~word & HIGH_BITS;
    }

    /**
     * The high bit of each byte of {@code word} that is zero, and no other bit: exact, as no carry crosses a byte
     * (seven low bits plus 0x7F stay within the byte). {@code zeroBytes(word ^ LINE_FEEDS)} marks the line feeds.
     */
    static long zeroBytes(long word) {
        return ~((word & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL | word | 0x7F7F7F7F7F7F7F7FL);
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
