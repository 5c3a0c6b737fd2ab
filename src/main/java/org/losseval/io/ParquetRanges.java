package org.losseval.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Parquet file cut into ranges of whole row groups, each readable on its own thread by a source that numbers
 * rows as a reader of the whole file does; the Parquet twin of {@link CsvRanges}. The caller (who owns the
 * threads) combines what it computes from each range in file order.
 *
 * <h2>Why row groups</h2>
 * A row group is the unit a Parquet reader can start at without reading what comes before: its column chunks'
 * offsets are in the footer. The footer also gives every row group's rows, so each range knows the rows before
 * it at once (no counting pass, unlike CSV), and a reader of the whole file never lets a batch span two row
 * groups ({@link ParquetSource}): the ranges' batches are the whole file's batches, so every error a batch
 * raises (an invalid value, a group beyond the cap) is raised by the same batch, with the same row and column.
 *
 * <h2>Which files are split</h2>
 * A file {@link Sources#open} reads as Parquet (its name ends in {@code .parquet} or {@code .pq}, or it starts
 * with {@code PAR1}), not standard input (a copy spooled while it is read: see {@link Sources}), whose footer
 * decodes, with at least two non-empty row groups and a size of at least two ranges of
 * {@link CsvRanges#minRangeBytes()} (one threshold for both formats: a smaller range is not worth a thread's
 * states and start). For anything else {@link #plan} answers null and the caller reads the file as one source,
 * which also reports any error of the file.
 *
 * <h2>How the cut is made</h2>
 * Into at most {@code parts} ranges of about the same number of rows (decoding and the losses cost per row):
 * range k ends after the first row group at which the rows so far reach k/n of the file's. Empty row groups go
 * with the range they fall in; a file whose rows sit in one row group is not split.
 *
 * <p>The ranges share one open file ({@link ParquetFile} reads by position only, so threads may read chunks of
 * it at once); it is closed by {@link #close}, after every range's source. Each range's source checks the columns
 * and measures list widths as the whole file's does (a few footer look-ups and, with a list column, one chunk
 * of it), so every range opens, or fails, as the whole file would.
 */
public final class ParquetRanges implements AutoCloseable {
    private final String name;
    private final Path path;
    private final SourceOptions options;
    private final ParquetFile file;
    private final List<ParquetSource.RowGroupRange> ranges;

    private ParquetRanges(String name, Path path, SourceOptions options, ParquetFile file,
                          List<ParquetSource.RowGroupRange> ranges) {
        this.name = name;
        this.path = path;
        this.options = options;
        this.file = file;
        this.ranges = ranges;
    }

    /**
     * The ranges of input {@code name} for {@code parts} threads, or null when it is not split (see the class
     * doc; the caller then reads it as one source, which reports any error).
     */
    public static ParquetRanges plan(String name, SourceOptions options, int parts) {
        if (parts < 2 || name.equals("-")) return null;
        try {
            Path path = Path.of(name);
            if (!Files.isRegularFile(path)) return null;
            long size = Files.size(path);
            int n = (int) Math.min(parts, size / CsvRanges.minRangeBytes());
            if (n < 2) return null; // first, so a small CSV file is not even opened here
            if (!Sources.hasParquetName(name) && !startsWithMagic(path)) return null;
            ParquetFile file = ParquetFile.open(name, path);
            try {
                List<ParquetSource.RowGroupRange> ranges = cut(file.rowGroups().stream()
                        .mapToLong(group -> group.getNum_rows()).toArray(), n);
                if (ranges.size() < 2) {
                    file.close();
                    return null;
                }
                return new ParquetRanges(name, path, options, file, ranges);
            } catch (RuntimeException e) {
                file.close();
                throw e;
            }
        } catch (IOException | InputException | RuntimeException e) { // InvalidPathException too
            return null; // read as one source, which says what is wrong
        }
    }

    /**
     * The ranges of row groups holding {@code rows[g]} rows each, for {@code n} parts: each range but the last
     * ends at the first row group boundary where the rows so far reach its share; a range holds at least one row.
     */
    static List<ParquetSource.RowGroupRange> cut(long[] rows, int n) {
        long total = 0;
        for (long r : rows) total += r;
        List<ParquetSource.RowGroupRange> ranges = new ArrayList<>();
        int first = 0;
        long before = 0;
        long sum = 0;
        for (int g = 0; g < rows.length; g++) {
            sum += rows[g];
            int k = ranges.size() + 1;
            boolean reached = k < n && sum > before && sum * n >= total * k;
            if (reached && sum < total) {
                ranges.add(new ParquetSource.RowGroupRange(first, g + 1, before));
                first = g + 1;
                before = sum;
            }
        }
        if (total > before) ranges.add(new ParquetSource.RowGroupRange(first, rows.length, before));
        return ranges;
    }

    private static boolean startsWithMagic(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 16)) {
            return Magic.isParquet(Magic.peek(in));
        }
    }

    /** The number of ranges (at least 2). */
    public int ranges() { return ranges.size(); }

    /**
     * A source of range {@code r}: its batches and rows, with their numbers and messages, are those a reader of
     * the whole file delivers for these row groups. The caller closes it; the file stays open for the others.
     */
    public Source open(int r) throws InputException {
        return ParquetSource.open(name, path, false, file, false, ranges.get(r), options);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(path.toString()).append(':');
        for (ParquetSource.RowGroupRange range : ranges) {
            sb.append(" [row group ").append(range.first() + 1).append(", row ").append(range.rowsBefore() + 1).append(']');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // Read only; nothing is lost.
        }
    }
}
