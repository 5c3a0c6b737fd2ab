package org.losseval.app;

import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;

/**
 * Pairs rows by the --key columns: the baseline's files are read first into a {@link BaselineTable} (its
 * cost per row and budget are documented there), then each candidate row looks its key up; the paired
 * batches keep the candidate's order.
 *
 * <p>Rows that cannot be paired, each counted once under the first reason that applies, in this order:
 * <ul>
 *   <li>baseline side, while the table is built: a row without a key ({@value PairingCounts#MISSING_KEY}), a
 *       later row of a key already held ({@value PairingCounts#DUPLICATE_KEY}; the key is then ambiguous);
 *   <li>candidate side: {@value PairingCounts#MISSING_KEY}, {@value PairingCounts#KEY_NOT_IN_BASELINE},
 *       {@value PairingCounts#KEY_DUPLICATED_IN_BASELINE}, {@value PairingCounts#DUPLICATE_KEY} (a later
 *       candidate row of a key already paired: the first row stays paired), {@value
 *       PairingCounts#TARGET_DIFFERS};
 *   <li>baseline side, at the end: a held key no candidate row had ({@value PairingCounts#KEY_NOT_IN_CANDIDATE}).
 * </ul>
 * Without --skip-invalid the first of these ends the run (exit 3) naming the file, row and key; with it,
 * candidate rows are removed and counted in the input's tally and baseline rows in {@link PairingCounts}.
 *
 * <p>A candidate key that no baseline row has is not remembered, so two candidate rows with such a key are
 * both counted as {@value PairingCounts#KEY_NOT_IN_BASELINE}, not as duplicates: remembering them would make
 * memory grow with the candidate.
 */
final class KeyedPairing extends Pairing {
    private final List<String> keys;
    private final BaselineTable table;
    /** Baseline value column index of the target in the table (after the run's columns), or -1. */
    private final int targetColumn;
    private final RowKeys.KeyBytes key = new RowKeys.KeyBytes();
    private final KeyTexts baselineTexts;
    private final KeyTexts candidateTexts;

    /**
     * Reads the whole baseline into the table.
     *
     * @throws InputException for a baseline row without a key or with a duplicate key (default policy), or
     *                        when the table would exceed {@code budgetBytes}
     */
    KeyedPairing(BaselineFiles baseline, List<String> baselineColumns, String target, List<String> keys,
                 InvalidPolicy policy, long budgetBytes, String budgetAdvice) throws InputException {
        super(baseline, baselineColumns, target, policy);
        this.keys = List.copyOf(keys);
        int held = baselineColumns.size() + (target == null ? 0 : 1);
        this.targetColumn = target == null ? -1 : baselineColumns.size();
        this.table = new BaselineTable(held, budgetBytes, budgetAdvice);
        this.baselineTexts = new KeyTexts(keys.size());
        this.candidateTexts = new KeyTexts(keys.size());
        build();
    }

    private void build() throws InputException {
        ColumnBatch batch;
        int file = -1;
        while ((batch = baseline.next()) != null) {
            counts.baselineRead(batch.size());
            RowKeys rowKeys = new RowKeys(batch, keys);
            if (baseline.file() != file) {
                file = baseline.file();
                baselineTexts.reset();
            }
            table.chargeTexts(baselineTexts.add(rowKeys));
            double[][] held = new double[baselineColumns.size() + (target == null ? 0 : 1)][];
            for (int c = 0; c < baselineColumns.size(); c++) held[c] = batch.column(baselineColumns.get(c));
            if (target != null) held[targetColumn] = batch.column(target);
            int firstIssue = 0;
            for (int i = 0; i < batch.size(); i++) {
                String missing = rowKeys.missing(i);
                if (missing != null) {
                    if (policy == InvalidPolicy.FAIL) {
                        throw InputException.atLine(batch.source(), batch.lineNumber(i), batch.rowNumber(i), missing,
                                "no key: " + rowKeys.missingDetail(i, missing));
                    }
                    counts.baselineUnpaired(PairingCounts.MISSING_KEY, 1);
                    continue;
                }
                key.clear();
                rowKeys.encode(i, key);
                int ordinal = table.add(key, baseline.file(), batch.rowNumber(i));
                if (ordinal < 0) {
                    int first = -1 - ordinal;
                    if (policy == InvalidPolicy.FAIL) {
                        throw InputException.atLine(batch.source(), batch.lineNumber(i), batch.rowNumber(i), keyColumn(),
                                "duplicate key " + rowKeys.describe(i) + ": the baseline has it at " + heldAt(first)
                                        + " too");
                    }
                    table.markDuplicated(first);
                    counts.baselineUnpaired(PairingCounts.DUPLICATE_KEY, 1);
                    continue;
                }
                for (int c = 0; c < held.length; c++) table.setValue(ordinal, c, held[c][i]);
                // Issues are few and in row order: walk them alongside the rows.
                List<CellIssue> issues = batch.issues();
                while (firstIssue < issues.size() && issues.get(firstIssue).index() < i) firstIssue++;
                for (int k = firstIssue; k < issues.size() && issues.get(k).index() == i; k++) {
                    int c = heldIndex(issues.get(k).column());
                    if (c >= 0) table.setIssue(ordinal, c, issues.get(k));
                }
            }
        }
        // The baseline's sources are closed: their dictionaries are gone.
        baselineTexts.reset();
        table.chargeTexts(0);
    }

    @Override
    void startInput() {
        candidateTexts.reset();
    }

    private int heldIndex(String column) {
        int c = baselineColumns.indexOf(column);
        if (c >= 0) return c;
        return column.equals(target) ? targetColumn : -1;
    }

    /** The column a key problem names: the key column, or none for a composite key (the key names them all). */
    private String keyColumn() {
        return keys.size() == 1 ? keys.get(0) : null;
    }

    /** Where a held row came from: {@code old.csv row 3}. */
    private String heldAt(int ordinal) {
        return baseline.names().get(table.file(ordinal)) + " row " + table.row(ordinal);
    }

    /** The key table (for tests of its size). */
    BaselineTable table() { return table; }

    @Override
    ColumnBatch pair(ColumnBatch candidate, RowTally tally) throws InputException {
        int n = candidate.size();
        double[][] out = output(n);
        RowKeys rowKeys = new RowKeys(candidate, keys);
        table.chargeTexts(candidateTexts.add(rowKeys));
        double[] candidateTarget = target == null ? null : candidate.column(target);
        long paired = 0;
        for (int i = 0; i < n; i++) {
            String missing = rowKeys.missing(i);
            if (missing != null) {
                reject(candidate, i, missing, PairingCounts.MISSING_KEY, "no key: " + rowKeys.missingDetail(i, missing));
                continue;
            }
            key.clear();
            rowKeys.encode(i, key);
            int ordinal = table.find(key);
            if (ordinal < 0) {
                reject(candidate, i, keyColumn(), PairingCounts.KEY_NOT_IN_BASELINE, "key " + rowKeys.describe(i)
                        + " is not in the baseline (" + baseline.describe() + ")");
                continue;
            }
            if (table.duplicated(ordinal)) {
                reject(candidate, i, keyColumn(), PairingCounts.KEY_DUPLICATED_IN_BASELINE, "key " + rowKeys.describe(i)
                        + " is on more than one row of the baseline (first at " + heldAt(ordinal) + ")");
                continue;
            }
            if (table.paired(ordinal)) {
                reject(candidate, i, keyColumn(), PairingCounts.DUPLICATE_KEY, "duplicate key " + rowKeys.describe(i)
                        + ": an earlier candidate row has it (paired with " + heldAt(ordinal) + ")");
                continue;
            }
            if (candidateTarget != null && !agree(candidateTarget[i], table.value(ordinal, targetColumn))) {
                reject(candidate, i, target, PairingCounts.TARGET_DIFFERS, "target "
                        + shown(candidateTarget[i], candidate.issueAt(i, target)) + " differs from the baseline's "
                        + shown(table.value(ordinal, targetColumn), table.issue(ordinal, targetColumn)) + " at "
                        + heldAt(ordinal) + " (key " + rowKeys.describe(i) + ")");
                continue;
            }
            table.markPaired(ordinal);
            paired++;
            for (int c = 0; c < out.length; c++) {
                out[c][i] = table.value(ordinal, c);
                CellIssue issue = table.issue(ordinal, c);
                if (issue != null) addIssue(i, c, issue);
            }
        }
        counts.baselinePaired(paired);
        return dropRejected(assemble(candidate), tally);
    }

    @Override
    void finish() throws InputException {
        long unpaired = 0;
        int first = -1;
        for (int o = 0; o < table.size(); o++) {
            // A duplicated key's rows are counted already, as duplicates and as the candidate rows they failed.
            if (table.paired(o) || table.duplicated(o)) continue;
            if (first < 0) first = o;
            unpaired++;
        }
        if (unpaired == 0) return;
        if (policy == InvalidPolicy.FAIL) {
            throw new InputException(baseline.names().get(table.file(first)), table.row(first), keyColumn(),
                    "key " + table.describeKey(first, keys) + " is not in the candidate" + (unpaired > 1 ? " (nor are "
                            + (unpaired - 1) + " more of the baseline's keys)" : ""));
        }
        counts.baselineUnpaired(PairingCounts.KEY_NOT_IN_CANDIDATE, unpaired);
    }
}
