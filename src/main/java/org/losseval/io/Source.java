package org.losseval.io;

import org.losseval.batch.ColumnBatch;

/**
 * A stream of column batches read from one input (a file, or standard input).
 *
 * <p>A source reads only the columns it was opened with. It knows nothing about losses: values are
 * delivered as read, with unreadable cells marked in the batch ({@link org.losseval.batch.CellIssue}).
 */
public interface Source extends AutoCloseable {

    /** The name used in messages and reports: the path as the user gave it, or "-" for stdin. */
    String name();

    /** The format read: "csv" or "parquet". */
    String format();

    /**
     * The next batch, or null when the input is exhausted. A returned batch stays valid until the next
     * call (readers may reuse its arrays).
     *
     * @throws InputException when the input cannot be read (naming file, row and column where known)
     */
    ColumnBatch next() throws InputException;

    /** Rows read so far (data rows, header excluded). */
    long rowsRead();

    @Override
    void close() throws InputException;
}
