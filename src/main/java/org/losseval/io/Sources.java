package org.losseval.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Opens a {@link Source} for an input name.
 *
 * <ul>
 *   <li>"-" is standard input: Parquet when it starts with the magic bytes {@code PAR1} (it is then copied
 *       to a temporary file, deleted on close, because Parquet needs to seek), else CSV, gunzipped when it
 *       starts with the gzip magic.
 *   <li>A name ending in {@code .parquet} or {@code .pq}, or a file starting with {@code PAR1}, is Parquet.
 *   <li>Anything else is CSV/TSV, gunzipped ({@link GzipStream}: every member, and bytes after the last
 *       one are an error) when the name ends in {@code .gz} or the bytes start with the gzip magic. The delimiter, unless given, is a tab for {@code .tsv} and {@code .tsv.gz}, else a comma.
 * </ul>
 *
 * <p>Before a CSV reader sees it, the start of the (decompressed) text is sniffed ({@link Magic#notText}): a
 * UTF-16/32 file, another compression format or binary data is refused, saying which.
 *
 * <p>CSV is read by {@link FastCsvSource}, a byte-level reader that hands quoted fields and other rare
 * forms to Apache Commons CSV ({@link CsvSource}) and gives the same results, bit for bit. The system
 * property {@value #CSV_READER_PROPERTY}{@code =commons} makes Commons CSV read every CSV input.
 *
 * <p>The Parquet reader is only named in the branches that open Parquet, so a CSV run never loads the
 * Parquet and Hadoop classes (they are slow to load and a CSV one-liner should start instantly).
 */
public final class Sources {
    /** System property choosing the CSV reader: {@code fast} (the default) or {@code commons}. */
    static final String CSV_READER_PROPERTY = "losseval.csv";
    private static final int BUFFER_BYTES = 1 << 16;

    private Sources() {}

    /**
     * @param name  the input as the user gave it
     * @param stdin the stream read for "-"
     */
    public static Source open(String name, InputStream stdin, SourceOptions options) throws InputException {
        return open(name, stdin, options, UnaryOperator.identity());
    }

    /**
     * As {@link #open(String, InputStream, SourceOptions)}, with the decompressed bytes of a gzip input read
     * through {@code gunzipped} (the caller's: a stream that decompresses ahead on a thread of the caller's, say)
     * before the CSV reader sees them. Applied only to gzip input, after its first bytes were sniffed.
     */
    public static Source open(String name, InputStream stdin, SourceOptions options, UnaryOperator<InputStream> gunzipped)
            throws InputException {
        if (name.equals("-")) {
            ByteMeter meter = new ByteMeter(stdin);
            return metered(openStream(name, new BufferedInputStream(meter, BUFFER_BYTES), options, gunzipped), meter, -1);
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new InputException(name, 0, null, "not a valid path: " + e.getReason());
        }
        if (Files.isDirectory(path)) throw new InputException(name, 0, null, "is a directory, not a file");
        if (hasParquetName(name)) return openParquet(name, path, false, options);
        InputStream in;
        ByteMeter meter;
        long size;
        try {
            size = Files.size(path);
            meter = new ByteMeter(Files.newInputStream(path));
            in = new BufferedInputStream(meter, BUFFER_BYTES);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, 0, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, 0, null, "cannot open: " + e.getMessage(), e);
        }
        return metered(openStream(name, in, options, gunzipped), meter, size);
    }

    /** A CSV source with its byte position; a Parquet source (read by path, not through the meter) as it is. */
    private static Source metered(Source source, ByteMeter meter, long size) {
        return source.format().equals("csv") ? new MeteredSource(source, meter, size) : source;
    }

    /**
     * Copies standard input to a temporary file, so it can be read more than once ({@code --rows-out} reads
     * every input twice); the caller reads it with {@link Files#newInputStream} and deletes it with
     * {@link #deleteSpool} (it is also deleted when the JVM exits).
     */
    public static Path spoolStdin(InputStream stdin) throws InputException {
        return StdinSpool.spool("-", stdin, ".stdin");
    }

    /** Deletes a file made by {@link #spoolStdin}; null is allowed. */
    public static void deleteSpool(Path file) {
        StdinSpool.delete(file);
    }

    /** Sniffs the first bytes of a buffered stream and opens the matching reader. */
    private static Source openStream(String name, InputStream in, SourceOptions options,
                                     UnaryOperator<InputStream> gunzipped) throws InputException {
        try {
            byte[] head = Magic.peek(in);
            if (Magic.isParquet(head)) return openParquetStream(name, in, options);
            boolean gzip = Magic.isGzip(head) || lower(name).endsWith(".gz");
            InputStream bytes = gzip ? new BufferedInputStream(new GzipStream(in, BUFFER_BYTES), BUFFER_BYTES) : in;
            String notText = Magic.notText(Magic.peek(bytes, Magic.TEXT_SNIFF));
            if (notText != null) {
                close(bytes);
                throw new InputException(name, 0, null, notText);
            }
            return openCsv(name, gzip ? gunzipped.apply(bytes) : bytes, delimiter(name, options), options);
        } catch (IOException e) {
            close(in);
            throw new InputException(name, 0, null, "cannot read: " + e.getMessage(), e);
        } catch (InputException | RuntimeException e) {
            close(in);
            throw e;
        }
    }

    /**
     * The byte-level reader ({@link FastCsvSource}) when it can split on the delimiter, unless the system
     * property {@value #CSV_READER_PROPERTY} is {@code commons}; else Commons CSV ({@link CsvSource}). Both
     * give the same results; the fast reader hands what it does not handle to Commons CSV itself.
     */
    private static Source openCsv(String name, InputStream bytes, char delimiter, SourceOptions options)
            throws InputException {
        String reader = System.getProperty(CSV_READER_PROPERTY, "fast");
        if (!reader.equals("fast") && !reader.equals("commons")) {
            throw new IllegalArgumentException(CSV_READER_PROPERTY + " must be 'fast' or 'commons', not '" + reader + "'");
        }
        if (reader.equals("fast") && FastCsvSource.handles(delimiter)) {
            return FastCsvSource.open(name, bytes, delimiter, options);
        }
        return CsvSource.open(name, bytes, delimiter, options);
    }

    private static Source openParquetStream(String name, InputStream in, SourceOptions options) throws InputException {
        if (!name.equals("-")) {
            close(in);
            return openParquet(name, Path.of(name), false, options);
        }
        Path spooled = StdinSpool.spool(name, in);
        return openParquet(name, spooled, true, options);
    }

    /** The only place that names the Parquet reader: its classes load when this first runs. */
    private static Source openParquet(String name, Path path, boolean deleteOnClose, SourceOptions options)
            throws InputException {
        return ParquetSource.open(name, path, deleteOnClose, options);
    }

    static char delimiter(String name, SourceOptions options) {
        if (options.delimiter() != null) return options.delimiter();
        String lower = lower(name);
        return lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") ? '\t' : ',';
    }

    static boolean hasParquetName(String name) {
        String lower = lower(name);
        return lower.endsWith(".parquet") || lower.endsWith(".pq");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Already failing, or switching to a reader that opens the file itself.
        }
    }
}
