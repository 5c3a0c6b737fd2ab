package org.losseval.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.text.Numbers;
import org.losseval.text.Untrusted;

/**
 * Pairs each candidate row with its baseline row from other files (--baseline FILE...), by position
 * ({@link PositionalPairing}) or by the --key columns ({@link KeyedPairing}), and builds the paired batch:
 * the candidate's batch with the baseline's columns added under their reserved names ({@link PairedColumns}).
 *
 * <p>One pairing serves every candidate input of a run, in the order given (the candidate's files are
 * concatenated as the baseline's are); {@link #finish} runs after the last one and checks the baseline side
 * (rows left over, keys no candidate row had). Rows the pairing cannot use are, under --skip-invalid,
 * removed from the batch and counted in the input's tally under a reason of {@link PairingCounts}; without
 * it, the first one ends the run with a message naming the file, row and key.
 *
 * <p>The target, when the run has one, is read on both sides and must be equal as numbers (or unreadable on
 * both): it comes from the candidate, and the check catches files that are not what the pairing assumes.
 * Not thread-safe: the run calls it from its one computing thread.
 */
abstract class Pairing implements AutoCloseable {
    /** The baseline's batch columns the run reads (not its key or target), as named in its files. */
    final List<String> baselineColumns;
    /** Their names in the paired batch. */
    final List<String> reservedColumns;
    /** The target column (the same name on both sides), or null. */
    final String target;
    final InvalidPolicy policy;
    final BaselineFiles baseline;
    final PairingCounts counts = new PairingCounts();

    private double[][] out = new double[0][];
    private long[] lines = new long[0];
    private boolean[] keep = new boolean[0];
    private final List<CellIssue> issues = new ArrayList<>();
    /** The rows {@link #reject} dropped from the current batch, by reason. */
    private final Map<String, Long> batchSkips = new TreeMap<>();

    /**
     * @param baseline        the baseline's files, opened with the columns to read
     * @param baselineColumns the baseline's batch columns to add (plain columns and group members)
     * @param target          the target column, also read from the baseline (and checked, not added), or null
     */
    Pairing(BaselineFiles baseline, List<String> baselineColumns, String target, InvalidPolicy policy) {
        this.baseline = baseline;
        this.baselineColumns = List.copyOf(baselineColumns);
        this.reservedColumns = this.baselineColumns.stream().map(PairedColumns::reserved).toList();
        this.target = target;
        this.policy = policy;
    }

    /** The batch columns of a reserved group spec ({@code baseline:l0..l9}), reserved too. */
    List<String> groupColumns(String reservedSpec) {
        return baseline.groupColumns(PairedColumns.baselineColumn(reservedSpec)).stream()
                .map(PairedColumns::reserved).toList();
    }

    /**
     * The paired batch of a candidate batch: its rows in order, with the baseline's columns added; rows that
     * cannot be paired are removed (with --skip-invalid) and counted in {@code tally} as read and skipped.
     * Valid until the next call.
     */
    abstract ColumnBatch pair(ColumnBatch candidate, RowTally tally) throws InputException;

    /** Told each candidate row {@link #reject} removes (--rows-out writes it with its reason), or null. */
    private RowValidator.SkipListener listener;

    /** Tells {@code listener} (or nobody, when null) each candidate row removed from now on. */
    void listen(RowValidator.SkipListener listener) { this.listener = listener; }

    /** A candidate input starts (the next batches come from it). */
    void startInput() {}

    /** After the last candidate input: checks and counts the baseline's side. */
    abstract void finish() throws InputException;

    /** What was counted on both sides. */
    PairingCounts counts() { return counts; }

    /** The arrays of the paired batch's baseline columns, each with room for {@code n} values. */
    final double[][] output(int n) {
        if (out.length != baselineColumns.size() || (out.length > 0 && out[0].length < n)) {
            out = new double[baselineColumns.size()][Math.max(n, 1)];
        }
        if (keep.length < n) keep = new boolean[n];
        Arrays.fill(keep, 0, n, true);
        issues.clear();
        batchSkips.clear();
        return out;
    }

    /** Records the issue of a baseline cell at row {@code index} of the paired batch, under its reserved name. */
    final void addIssue(int index, int column, CellIssue issue) {
        issues.add(new CellIssue(index, reservedColumns.get(column), issue.problem(), issue.text()));
    }

    /** The paired batch: the candidate's columns and issues, the baseline's under their reserved names. */
    final ColumnBatch assemble(ColumnBatch candidate) {
        int n = candidate.size();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : candidate.columnNames()) columns.put(name, candidate.column(name));
        for (int c = 0; c < reservedColumns.size(); c++) columns.put(reservedColumns.get(c), out[c]);
        List<CellIssue> all = new ArrayList<>(candidate.issues());
        all.addAll(issues);
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        ColumnBatch paired = new ColumnBatch(candidate.source(), candidate.firstRow(), n, columns, all);
        for (String name : candidate.textColumnNames()) paired.withText(name, candidate.textColumn(name));
        if (n > 0 && candidate.lineNumber(0) > 0) {
            if (lines.length < n) lines = new long[n];
            for (int i = 0; i < n; i++) lines[i] = candidate.lineNumber(i);
            paired.withLines(lines);
        }
        return paired;
    }

    /** Whether the candidate's and the baseline's targets agree: equal numbers, or both unreadable. */
    static boolean agree(double candidate, double baseline) {
        return candidate == baseline || (Double.isNaN(candidate) && Double.isNaN(baseline));
    }

    /** A value as a message shows it: the cell's text when it could not be read, else the number. */
    static String shown(double value, CellIssue issue) {
        if (issue != null) return issue.text() == null ? issue.problem().description() : "'" + Untrusted.text(issue.text()) + "'";
        return Numbers.exact(value);
    }

    /** A row of a file as a message names it: {@code old.csv:4} for a text file, else {@code old.parquet row 3}. */
    static String position(String file, long line, long row) {
        return line > 0 ? file + ":" + line : file + " row " + row;
    }

    /**
     * A row the pairing cannot use: ends the run (default policy), or is removed and counted (--skip-invalid).
     *
     * @param reason the skip reason counted ({@link PairingCounts})
     * @param detail the message of a failed run, without the position
     */
    final void reject(ColumnBatch candidate, int i, String column, String reason, String detail) throws InputException {
        if (policy == InvalidPolicy.FAIL) {
            throw InputException.atLine(candidate.source(), candidate.lineNumber(i), candidate.rowNumber(i), column, detail);
        }
        keep[i] = false;
        batchSkips.merge(reason, 1L, Long::sum);
        counts.candidateSkipped(reason);
        if (listener != null) listener.skipped(candidate, i, reason);
    }

    /**
     * Removes the rows {@link #reject} dropped from {@code paired} and counts them in {@code tally}, read and
     * skipped under their reasons (the run counts the rows left as read when it gets the batch).
     */
    final ColumnBatch dropRejected(ColumnBatch paired, RowTally tally) {
        if (batchSkips.isEmpty()) return paired;
        long dropped = 0;
        for (Map.Entry<String, Long> e : batchSkips.entrySet()) {
            dropped += e.getValue();
            for (long k = 0; k < e.getValue(); k++) tally.skipped(e.getKey());
        }
        tally.read(dropped);
        batchSkips.clear();
        paired.retain(keep);
        return paired;
    }

    @Override
    public void close() throws InputException {
        baseline.close();
    }
}
