package org.losseval.io;

import java.util.List;
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

    /**
     * The batch columns of a column group, in group order: for {@code l0..l2} the columns {@code l0},
     * {@code l1}, {@code l2}; for a Parquet list column {@code emb} of length k, {@code emb[0]} to
     * {@code emb[k-1]}. Every batch of this source holds these columns. Groups are resolved when the
     * source opens, so this never reads input.
     *
     * <p>The default suits a source that reads no groups (a test double, say): readers of files override it.
     *
     * @param groupSpec a group exactly as given in {@link SourceOptions#groups()}
     * @throws IllegalArgumentException when {@code groupSpec} was not among the options' groups
     */
    default List<String> groupColumns(String groupSpec) {
        throw new IllegalArgumentException("source " + name() + " was opened without group '" + groupSpec + "'");
    }

    /** Rows read so far (data rows, header excluded). */
    long rowsRead();

    /**
     * Bytes of the input read so far (of a {@code .gz} file its compressed bytes; with read-ahead buffering up to
     * a buffer ahead of the rows delivered), or -1 when not known (Parquet). For the progress display; may be
     * called from another thread than the reader's.
     */
    default long bytesRead() { return -1; }

    /** The input's size in bytes, the end of {@link #bytesRead}, or -1 when not known (standard input, Parquet). */
    default long bytesTotal() { return -1; }

    @Override
    void close() throws InputException;
}
