package org.losseval.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * A plain CSV/TSV file cut into byte ranges that start at record boundaries, each readable on its own thread
 * by a reader that numbers rows and lines as a reader of the whole file does. The caller (who owns the
 * threads) combines what it computes from each range in file order.
 *
 * <h2>Which files are split</h2>
 * Only a file {@link Sources#open} would read with {@link FastCsvSource} straight from its bytes: not standard
 * input, not Parquet, not gzip (by name or magic), not another binary format, a delimiter of one ASCII byte, a
 * header in the fast reader's dialect (no {@code "}), and the system property {@value Sources#CSV_READER_PROPERTY}
 * not {@code commons}. A file smaller than two ranges of {@link #minRangeBytes()} is not split. For anything
 * else {@link #plan} answers null and the caller reads the file as one source, which also reports its errors.
 *
 * <h2>How, in three steps</h2>
 * <ol>
 *   <li>{@link #plan}: the header is read by the fast reader (so the data's first byte, the header's lines and
 *       fields are its own), and the rest is cut at even byte offsets, each moved on to the start of the next
 *       line: the <i>candidate</i> ranges.</li>
 *   <li>{@link #count}, one call per candidate but the last, on any threads: {@link CsvLineCounter} counts the
 *       lines and rows of each, and whether a {@code "} or a lone {@code \r} makes its line ends ambiguous.</li>
 *   <li>{@link #settle}: the final ranges. A cut survives only when no ambiguous byte precedes it (so every
 *       {@code \n} before it provably ends a record or a blank line, as both readers see it, and the cut starts
 *       a record); the range holding the first ambiguous byte reads to the end of the file, quotes and all, with
 *       the ordinary reader's hand-over to Commons CSV. Each surviving cut is then moved on to the next
 *       <b>batch boundary</b> (after a multiple of the batch size of rows): so each range's batches are the very
 *       batches a reader of the whole file delivers, and every error a batch raises (a record's field count, an
 *       invalid value, a group beyond the cap) is raised by the same batch, with the same row, line and column.
 *       A cut that cannot move that far within its range is dropped.</li>
 * </ol>
 * The first range needs no count: its reader may be opened at once ({@link #open}) and parse while the other
 * threads count, waiting at the first candidate cut until {@link #settle} has placed it.
 *
 * <p>Why a counting pass rather than numbering rows afterwards: a row's number is needed <i>while</i> it is read
 * (the bootstrap weights of a comparison derive from it, worst rows keep it, errors show it). The count skips
 * eight bytes at a time and reads from the page cache: on {@code big10m.csv} (10<sup>7</sup> rows, 415 MB) the
 * first half costs 105–139 ms of CPU against about 0.9 s for parsing it (before the fused CSV path; see
 * {@link #COUNT_SHARE} for the figures after it); the first range is made larger by {@link #COUNT_SHARE} of a
 * range to even out the threads' work.
 *
 * <p>{@link #minRangeBytes()}: {@value #MIN_RANGE_BYTES} bytes unless the system property
 * {@value #MIN_RANGE_PROPERTY} says otherwise (tests set it small to split small files).
 */
public final class CsvRanges implements AutoCloseable {
    /** System property overriding {@link #MIN_RANGE_BYTES}, the smallest range worth a thread. */
    public static final String MIN_RANGE_PROPERTY = "losseval.splitMinBytes";
    /**
     * The smallest range worth a thread of its own: about 200,000 rows of five numeric columns, 60 ms of
     * parsing, well above the cost of a range's states and reused arrays.
     */
    static final long MIN_RANGE_BYTES = 8L << 20;
    /**
     * The count's cost as a share of parsing the same bytes (105–139 ms against about 0.9 s for half of
     * {@code big10m.csv}): the first range, whose thread counts nothing, is made larger by this share of a
     * range, so that every thread has about the same work. Since the fused CSV path (5 December 2026) the
     * balance depends more on the losses: counting half of {@code reg_10m.csv} takes about 90 ms of CPU against
     * about 0.65 s of reading and computing five losses for it (a share of 0.16), half of {@code ce_1m.csv}
     * about 40 ms against about 0.75 s for cross-entropy (0.05); this share lies between them.
     */
    static final double COUNT_SHARE = 0.125;
    /** The start of the data checked for quotes before a file is split at all (no more than a smallest range). */
    private static final long EARLY_CHECK_BYTES = 64 << 10;

    private final String name;
    private final Path path;
    private final char delimiter;
    private final SourceOptions options;
    private final List<String> headerFields;
    private final long headerLines;
    private final long size;
    /** Candidate starts, {@code candidates[0]} the first byte after the header; ends with the file's size. */
    private final long[] candidates;
    private final CsvLineCounter.Count[] counts;
    private final FileChannel channel;
    /** After {@link #settle}: per final range its first byte, rows and lines before it; then the size. */
    private final List<long[]> ranges = new ArrayList<>();
    /** The end of the first range, set by {@link #settle} (or {@link #close}); its reader waits for it. */
    private volatile long firstEnd = -1;
    private final CountDownLatch firstEndKnown = new CountDownLatch(1);

    private CsvRanges(String name, Path path, char delimiter, SourceOptions options, List<String> headerFields,
                      long headerLines, long size, long[] candidates, FileChannel channel) {
        this.name = name;
        this.path = path;
        this.delimiter = delimiter;
        this.options = options;
        this.headerFields = headerFields;
        this.headerLines = headerLines;
        this.size = size;
        this.candidates = candidates;
        this.counts = new CsvLineCounter.Count[candidates.length - 1];
        this.channel = channel;
    }

    /** The smallest range worth a thread: {@value #MIN_RANGE_BYTES} bytes, or the system property's. */
    public static long minRangeBytes() {
        return Math.max(1, Long.getLong(MIN_RANGE_PROPERTY, MIN_RANGE_BYTES));
    }

    /**
     * The candidate ranges of input {@code name} for {@code parts} threads, or null when it is not split (see
     * the class doc; the caller then reads it as one source, which reports any error).
     */
    public static CsvRanges plan(String name, SourceOptions options, int parts) {
        if (parts < 2 || name.equals("-") || Sources.hasParquetName(name)) return null;
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) return null;
        if (!System.getProperty(Sources.CSV_READER_PROPERTY, "fast").equals("fast")) return null;
        char delimiter = Sources.delimiter(name, options);
        if (!FastCsvSource.handles(delimiter)) return null;
        try {
            Path path = Path.of(name);
            if (!Files.isRegularFile(path)) return null;
            long size = Files.size(path);
            int n = (int) Math.min(parts, size / minRangeBytes());
            if (n < 2) return null;
            FastCsvSource header = readHeader(name, path, delimiter, options);
            if (header == null) return null;
            long dataStart = header.afterHeader();
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            try {
                CsvLineCounter counter = new CsvLineCounter(channel);
                // Quotes from the first rows on (a quoted text column): no cut would survive, so the caller's
                // one-source path (with its reading ahead) serves better than a lone first range.
                long early = Math.min(EARLY_CHECK_BYTES, minRangeBytes());
                if (!counter.count(dataStart, Math.min(size, dataStart + early), Long.MAX_VALUE).clean()) {
                    channel.close();
                    return null;
                }
                List<Long> starts = new ArrayList<>(List.of(dataStart));
                for (int k = 1; k < n; k++) {
                    // The first range is larger by COUNT_SHARE of a range: its thread counts nothing.
                    long nominal = dataStart + (long) ((size - dataStart) * ((k + COUNT_SHARE) / (n + COUNT_SHARE)));
                    long start = counter.lineStartAtOrAfter(Math.max(nominal - 1, starts.get(starts.size() - 1)));
                    if (start < 0 || start >= size) break;
                    if (start > starts.get(starts.size() - 1)) starts.add(start);
                }
                if (starts.size() < 2) {
                    channel.close();
                    return null;
                }
                starts.add(size);
                long[] candidates = starts.stream().mapToLong(Long::longValue).toArray();
                return new CsvRanges(name, path, delimiter, options, header.headerFields(), header.headerLines(),
                        size, candidates, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | InvalidPathException | InputException e) {
            return null; // read as one source, which says what is wrong
        }
    }

    /** The header read by the fast reader, or null when the file is not one it reads from the header on. */
    private static FastCsvSource readHeader(String name, Path path, char delimiter, SourceOptions options)
            throws IOException, InputException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            byte[] head = Magic.peek(in);
            if (Magic.isParquet(head) || Magic.isGzip(head)) return null;
            if (Magic.notText(Magic.peek(in, Magic.TEXT_SNIFF)) != null) return null;
            return FastCsvSource.header(name, in, delimiter, options);
        }
    }

    /** Candidate ranges; {@link #count} each but the last, then {@link #settle}. */
    public int candidates() { return candidates.length - 1; }

    /**
     * Counts candidate {@code k}'s lines and rows (for every {@code k < candidates() - 1}); calls for different
     * {@code k} may run on different threads at once.
     */
    public void count(int k) throws InputException {
        try {
            counts[k] = new CsvLineCounter(channel).count(candidates[k], candidates[k + 1], Long.MAX_VALUE);
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The final ranges, after every {@link #count}: their number (1 when no cut survived; the caller may then
     * read the file as one source). See the class doc for which cuts survive and where they move.
     */
    public int settle() throws InputException {
        ranges.clear();
        ranges.add(new long[] {candidates[0], 0, headerLines});
        long rows = 0;
        long lines = headerLines;
        CsvLineCounter counter = new CsvLineCounter(channel);
        int batch = options.batchSize();
        try {
            // Lines and rows before candidates[k], all line ends before it being record ends (clean).
            for (int k = 1; k < candidates() && counts[k - 1].clean(); k++) {
                rows += counts[k - 1].rows();
                lines += counts[k - 1].lines();
                long skip = (batch - rows % batch) % batch;
                long cut = candidates[k];
                long rowsAtCut = rows;
                long linesAtCut = lines;
                if (skip > 0) {
                    CsvLineCounter.Count moved = counter.count(candidates[k], candidates[k + 1], skip);
                    if (!moved.clean()) break;
                    if (moved.rows() < skip || moved.end() >= size) continue; // range k is all before the boundary
                    cut = moved.end();
                    rowsAtCut += moved.rows();
                    linesAtCut += moved.lines();
                }
                ranges.add(new long[] {cut, rowsAtCut, linesAtCut});
            }
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        } finally {
            publishFirstEnd(ranges.size() > 1 ? ranges.get(1)[0] : size);
        }
        return ranges.size();
    }

    private void publishFirstEnd(long end) {
        if (firstEndKnown.getCount() == 0) return;
        firstEnd = end;
        firstEndKnown.countDown();
    }

    /**
     * A reader of final range {@code r}: its batches are those a reader of the whole file delivers for these
     * rows, with the same rows, lines and messages. The caller closes it.
     *
     * <p>The first range may be opened before {@link #count} and {@link #settle}, so that it is read while the
     * others are counted: its reader reads freely up to the first candidate cut (no cut can move before it)
     * and waits there until {@link #settle} has placed the cut (or found none: the first range is then the
     * whole file). Every other range is opened after {@link #settle}.
     */
    public Source open(int r) throws InputException {
        long from = r == 0 ? candidates[0] : ranges.get(r)[0];
        InputStream bytes;
        if (r == 0) {
            bytes = new RangeStream(channel, from, candidates[1], this::awaitFirstEnd);
        } else {
            long to = r + 1 < ranges.size() ? ranges.get(r + 1)[0] : size;
            bytes = new RangeStream(channel, from, to, null);
        }
        ByteMeter meter = new ByteMeter(bytes);
        FastCsvSource source = r == 0 ? FastCsvSource.range(name, meter, delimiter, options, headerFields, 0, headerLines)
                : FastCsvSource.range(name, meter, delimiter, options, headerFields, ranges.get(r)[1], ranges.get(r)[2]);
        return new MeteredSource(source, meter, size);
    }

    /** The first range's end, waiting for {@link #settle}. */
    private long awaitFirstEnd() throws IOException {
        try {
            firstEndKnown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the file was cut");
        }
        return firstEnd;
    }

    /** The file's size in bytes. */
    public long size() { return size; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(path.toString()).append(':');
        for (long[] range : ranges) sb.append(" [byte ").append(range[0]).append(", row ").append(range[1] + 1).append(']');
        return sb.toString();
    }

    @Override
    public void close() {
        publishFirstEnd(candidates[1]); // a first range still reading (after a failure) ends, it is not used
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read only; nothing is lost.
        }
    }

    /** Where a range ends, when that is known only later (the first range's, known once the cuts are placed). */
    @FunctionalInterface
    private interface LateEnd {
        long await() throws IOException;
    }

    /**
     * The bytes {@code [from, to)} of a file, by positional reads (so ranges of one channel read at once); with a
     * {@link LateEnd}, {@code to} is only where reading may go before the real end is known.
     */
    private static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private long end;
        private LateEnd lateEnd;

        RangeStream(FileChannel channel, long from, long to, LateEnd lateEnd) {
            this.channel = channel;
            this.position = from;
            this.end = to;
            this.lateEnd = lateEnd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= end && lateEnd != null) {
                end = lateEnd.await();
                lateEnd = null;
            }
            if (position >= end) return -1;
            int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - position)), position);
            if (n < 0) throw new IOException("the file shrank while read");
            position += n;
            return n;
        }

        @Override
        public void close() {
            // The channel is CsvRanges', closed with it.
        }
    }
}
