package org.losseval.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the rows of a {@code --rows-out} file one at a time, in the order given, to a stream it does not
 * own the destination of (the caller writes to a temporary file and renames it: {@code app.ReplacingFile}).
 * A writer holds a bounded buffer, never the rows: CSV and TSV a 64 KiB buffer (and gzip's window), Parquet
 * one row group ({@link ParquetRowsWriter#ROW_GROUP_BYTES}).
 *
 * <p>Every write error is thrown, never swallowed: the caller turns it into exit 3.
 */
public interface RowsWriter {
    /** Writes one row. */
    void write(RowRecord row) throws IOException;

    /** Writes what is buffered and the format's end (Parquet's footer, gzip's trailer), and closes the stream. */
    void finish() throws IOException;

    /** A writer of {@code format} with {@code layout}'s columns to {@code out}; the header is written first. */
    static RowsWriter open(RowsFormat format, RowsLayout layout, OutputStream out) throws IOException {
        return format == RowsFormat.PARQUET ? new ParquetRowsWriter(layout, out) : new CsvRowsWriter(format, layout, out);
    }
}
