package org.losseval.app;

import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;

/**
 * A candidate input paired with the baseline's files: each batch is the candidate's, with the paired
 * baseline row's columns under their reserved names ({@link PairedColumns}), so the rest of the run reads a
 * baseline in other files exactly as a baseline in the same rows. Rows the pairing removes (with
 * --skip-invalid) are counted, read and skipped, in the input's tally.
 *
 * <p>Group specs with the reserved prefix ({@code baseline:l0..l9}) are the baseline's, resolved in its
 * files; others are the candidate's.
 */
final class PairedSource implements Source {
    private final Source candidate;
    private final Pairing pairing;
    private final RowTally tally;

    /**
     * @param candidate the candidate's input (closed with this source)
     * @param pairing   the run's pairing (not closed: it serves every input)
     * @param tally     the input's tally, counting the rows the pairing removes
     */
    PairedSource(Source candidate, Pairing pairing, RowTally tally) {
        this.candidate = candidate;
        this.pairing = pairing;
        this.tally = tally;
        pairing.startInput();
    }

    @Override public String name() { return candidate.name(); }

    @Override public String format() { return candidate.format(); }

    @Override
    public List<String> groupColumns(String groupSpec) {
        return PairedColumns.isReserved(groupSpec) ? pairing.groupColumns(groupSpec) : candidate.groupColumns(groupSpec);
    }

    @Override
    public ColumnBatch next() throws InputException {
        ColumnBatch batch = candidate.next();
        return batch == null ? null : pairing.pair(batch, tally);
    }

    @Override public long rowsRead() { return candidate.rowsRead(); }

    @Override
    public void close() throws InputException {
        candidate.close();
    }
}
