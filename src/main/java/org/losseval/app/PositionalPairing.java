package org.losseval.app;

import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;

/**
 * Pairs rows by position: the n-th candidate row (over the candidate's files in order) with the n-th
 * baseline row (over the baseline's files in order). Both sides stream in lockstep, so the memory is a
 * batch on each side, whatever the rows.
 *
 * <p>The targets must agree row by row: the first row where they do not ends the run, with or without
 * --skip-invalid, naming both files and rows, because rows out of step would pair every later row wrongly
 * too. Different row counts end the run the same way, naming both sides' counts.
 */
final class PositionalPairing extends Pairing {
    private ColumnBatch current;
    private int position;
    private long candidateRows;
    private final java.util.List<String> candidateNames = new java.util.ArrayList<>();

    PositionalPairing(BaselineFiles baseline, List<String> baselineColumns, String target) {
        // Nothing is skipped by position: every disagreement is an error.
        super(baseline, baselineColumns, target, InvalidPolicy.FAIL);
    }

    @Override
    ColumnBatch pair(ColumnBatch candidate, RowTally tally) throws InputException {
        if (!candidateNames.contains(candidate.source())) candidateNames.add(candidate.source());
        int n = candidate.size();
        double[][] out = output(n);
        double[] candidateTarget = target == null ? null : candidate.column(target);
        int i = 0;
        while (i < n) {
            if (current == null || position == current.size()) {
                current = baseline.next();
                position = 0;
                if (current == null) {
                    throw InputException.atLine(candidate.source(), candidate.lineNumber(i), candidate.rowNumber(i), null,
                            "the candidate has more rows than the baseline: the baseline's " + baseline.rows() + " rows ("
                                    + baseline.describe() + ") end before this row, the candidate's "
                                    + (candidateRows + i) + " rows before it (" + String.join(", ", candidateNames) + ") are paired"
                                    + PositionalPairing.KEY_HINT);
                }
                counts.baselineRead(current.size());
                continue;
            }
            int take = Math.min(n - i, current.size() - position);
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(current.column(baselineColumns.get(c)), position, out[c], i, take);
            }
            for (CellIssue issue : current.issues()) {
                if (issue.index() < position || issue.index() >= position + take) continue;
                int c = baselineColumns.indexOf(issue.column());
                if (c >= 0) addIssue(i + issue.index() - position, c, issue);
            }
            if (candidateTarget != null) checkTargets(candidate, candidateTarget, i, take);
            i += take;
            position += take;
        }
        candidateRows += n;
        counts.baselinePaired(n);
        return assemble(candidate);
    }

    /** Same as the run's message for every misaligned file: how to pair otherwise. */
    static final String KEY_HINT = "; pairing by position needs the same rows in the same order (--key COL pairs by key)";

    private void checkTargets(ColumnBatch candidate, double[] candidateTarget, int from, int take) throws InputException {
        double[] baselineTarget = current.column(target);
        for (int k = 0; k < take; k++) {
            int i = from + k;
            int j = position + k;
            if (agree(candidateTarget[i], baselineTarget[j])) continue;
            throw InputException.atLine(candidate.source(), candidate.lineNumber(i), candidate.rowNumber(i), target,
                    "target " + shown(candidateTarget[i], candidate.issueAt(i, target)) + " differs from the baseline's "
                            + shown(baselineTarget[j], current.issueAt(j, target)) + " at "
                            + position(current.source(), current.lineNumber(j), current.rowNumber(j)) + KEY_HINT);
        }
    }

    @Override
    void finish() throws InputException {
        long left = current == null ? 0 : current.size() - position;
        ColumnBatch batch;
        while ((batch = baseline.next()) != null) {
            counts.baselineRead(batch.size());
            left += batch.size();
        }
        if (left > 0) {
            throw new InputException(null, 0, null, "the baseline has more rows than the candidate: "
                    + baseline.rows() + " rows (" + baseline.describe() + ") against " + candidateRows + " ("
                    + String.join(", ", candidateNames) + ")" + KEY_HINT);
        }
    }
}
