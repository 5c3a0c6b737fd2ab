package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.CellIssue;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.loss.LossInputs;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.loss.RowProblem;
import org.losseval.text.Numbers;
import org.losseval.text.Untrusted;

/**
 * Applies the invalid-value policy to a batch: a row is invalid when a value it needs is missing,
 * unparsable, NaN or infinite, when its weight is negative, when an interval's bounds cross, or when a loss
 * cannot take its values (a label
 * outside the classes, a negative value for msle). Under {@link InvalidPolicy#FAIL} the first invalid row
 * ends the run with a message naming file, row and column; under {@link InvalidPolicy#SKIP} invalid rows
 * are removed from the batch and counted, each once, under the first reason found (columns in the order
 * they are read, then the losses in the order requested).
 *
 * <p>With a baseline in the same rows, its columns are among those read, its intervals among those that must
 * not cross, and every loss checks the baseline's view of the row too ({@link #apply(ColumnBatch, LossInputs,
 * LossInputs, RowTally)}): a row invalid for either model is removed for both, and counted once.
 */
final class RowValidator {
    private final List<String> columns;
    private final String weightColumn;
    private final Map<Role, List<String>> roles;
    /** The baseline's role binding, or null without a baseline. */
    private final Map<Role, List<String>> baselineRoles;
    /** Arrays, not lists: they are walked for every row, and a list's iterator was 7% of a CE run's samples. */
    private final RowLoss[] losses;
    private final IntervalColumns[] intervals;
    private final InvalidPolicy policy;
    /** The exponent field of a double, and its lowest bit. */
    private static final long EXPONENT_BITS = 0x7FFL << 52;
    private static final long EXPONENT_ONE = 1L << 52;

    private boolean[] keep = new boolean[0];
    /** Whether a row is valid by its values alone: no interval bounds to compare, no loss that checks rows. */
    private final boolean columnsOnly;

    /**
     * @param columns      every column read, each checked for a finite value
     * @param weightColumn the weight column (also in columns), or null
     * @param roles        the role binding, to name the column of a loss's problem
     * @param losses       the losses whose own checks apply
     * @param intervals    intervals whose bounds must not cross
     */
    RowValidator(List<String> columns, String weightColumn, Map<Role, List<String>> roles, List<RowLoss> losses,
                 List<IntervalColumns> intervals, InvalidPolicy policy) {
        this(columns, weightColumn, roles, null, losses, intervals, policy);
    }

    /**
     * @param baselineRoles the baseline's role binding, or null; its columns must be among {@code columns},
     *                      and its intervals among {@code intervals}
     */
    RowValidator(List<String> columns, String weightColumn, Map<Role, List<String>> roles,
                 Map<Role, List<String>> baselineRoles, List<RowLoss> losses, List<IntervalColumns> intervals,
                 InvalidPolicy policy) {
        this.columns = List.copyOf(columns);
        this.weightColumn = weightColumn;
        this.roles = roles;
        this.baselineRoles = baselineRoles;
        List<RowLoss> checking = new ArrayList<>();
        for (RowLoss loss : losses) {
            if (loss.checksRows()) checking.add(loss);
        }
        this.losses = checking.toArray(new RowLoss[0]);
        this.intervals = intervals.toArray(new IntervalColumns[0]);
        this.policy = policy;
        this.columnsOnly = this.losses.length == 0 && this.intervals.length == 0;
    }

    /** Hears of each row skipped, before it leaves the batch (the per-row output writes it with its reason). */
    interface SkipListener {
        /**
         * @param batch the batch still holding the row (its number {@link ColumnBatch#rowNumber}, its texts)
         * @param index the row's index in {@code batch}
         */
        void skipped(ColumnBatch batch, int index, String reason);
    }

    /** Removes (or rejects) the invalid rows of the batch and counts the skipped ones in {@code tally}. */
    void apply(ColumnBatch batch, LossInputs inputs, RowTally tally) throws InputException {
        apply(batch, inputs, null, tally, null);
    }

    /**
     * As {@link #apply(ColumnBatch, LossInputs, RowTally)}, the baseline's view of the rows checked too (when
     * not null), telling {@code listener} (if not null) each skipped row.
     */
    void apply(ColumnBatch batch, LossInputs inputs, LossInputs baseline, RowTally tally, SkipListener listener)
            throws InputException {
        int n = batch.size();
        double[][] values = new double[columns.size()][];
        for (int c = 0; c < values.length; c++) values[c] = batch.column(columns.get(c));
        double[] weight = weightColumn == null ? null : batch.column(weightColumn);
        boolean allFinite = allFinite(values, n);
        if (columnsOnly && allFinite && noNegative(weight, n)) return;
        if (keep.length < n) keep = new boolean[n];
        boolean allValid = true;
        for (int i = 0; i < n; i++) {
            Problem problem = check(batch, allFinite ? null : values, weight, inputs, baseline, i);
            keep[i] = problem == null;
            if (problem != null) {
                allValid = false;
                if (policy == InvalidPolicy.FAIL) {
                    throw InputException.atLine(batch.source(), batch.lineNumber(i), batch.rowNumber(i), problem.column,
                            problem.detail);
                }
                tally.skipped(problem.reason);
                if (listener != null) listener.skipped(batch, i, problem.reason);
            }
        }
        if (!allValid) batch.retain(keep);
    }

    /**
     * Whether no weight of rows [0, n) is negative (true without a weight column). With {@link #allFinite} it is what
     * {@link #check} finds when no interval or loss checks rows ({@link #columnsOnly}), column by column; a batch
     * with a problem is then checked row by row, which finds the first problem in the order a message names it.
     * Why: the row-by-row check walks every column of every row through loops over the intervals and losses, 6 to 9%
     * of a regression run over Parquet (src/bench/README.md); a column is checked here in one tight loop.
     */
    private static boolean noNegative(double[] weight, int n) {
        if (weight != null) {
            for (int i = 0; i < n; i++) {
                if (weight[i] < 0) return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code values[0, n)} are all finite, without a branch a value: a double is not finite exactly when its
     * 11 exponent bits are all set, and then (and only then) adding 1 just above them carries into the sign bit.
     */
    static boolean allFinite(double[] values, int n) {
        long carries = 0;
        for (int i = 0; i < n; i++) carries |= (Double.doubleToRawLongBits(values[i]) & EXPONENT_BITS) + EXPONENT_ONE;
        return carries >= 0;
    }

    /**
     * @param reason the skip reason counted in the report, e.g. "not a number"
     * @param detail the message for a failed run, e.g. "not a number: 'abc'"
     */
    private record Problem(String column, String reason, String detail) {
        Problem(String column, String reason) {
            this(column, reason, reason);
        }
    }

    /**
     * Whether every value of rows [0, n) of every column is finite: then no row has a value problem, and
     * {@link #check} skips that test. A loop per column, without an exit per value, is cheaper than the test
     * inside each row's check (eleven columns a row in a 10-class cross-entropy run).
     */
    private static boolean allFinite(double[][] values, int n) {
        for (double[] column : values) {
            if (!allFinite(column, n)) return false;
        }
        return true;
    }

    /** @param values the columns to test for a finite value, or null when {@link #allFinite} said they all are */
    private Problem check(ColumnBatch batch, double[][] values, double[] weight, LossInputs inputs, LossInputs baseline,
                          int i) {
        // The common case, all values finite and in every domain, costs one test per value.
        for (int c = 0; values != null && c < values.length; c++) {
            double value = values[c][i];
            if (!Double.isFinite(value)) return valueProblem(batch, i, columns.get(c), value);
        }
        if (weight != null && weight[i] < 0) return new Problem(weightColumn, "negative weight");
        for (IntervalColumns interval : intervals) {
            if (batch.column(interval.lower())[i] > batch.column(interval.upper())[i]) {
                return new Problem(interval.lower(), "crossed interval", "crossed interval: lower bound "
                        + Numbers.exact(batch.column(interval.lower())[i]) + " > upper bound '" + interval.upper() + "' "
                        + Numbers.exact(batch.column(interval.upper())[i]));
            }
        }
        for (RowLoss loss : losses) {
            RowProblem problem = loss.check(inputs, i);
            if (problem != null) return new Problem(roles.get(problem.role()).get(problem.column()), problem.reason());
            if (baseline == null) continue;
            problem = loss.check(baseline, i);
            if (problem != null) {
                return new Problem(baselineRoles.get(problem.role()).get(problem.column()), problem.reason());
            }
        }
        return null;
    }

    private static Problem valueProblem(ColumnBatch batch, int i, String column, double value) {
        if (Double.isNaN(value)) {
            CellIssue issue = batch.issueAt(i, column);
            if (issue == null) return new Problem(column, "NaN value");
            String reason = issue.problem().description();
            return new Problem(column, reason, issue.text() == null ? reason : reason + ": '" + Untrusted.text(issue.text()) + "'");
        }
        // A number too large for a double (1e400) was read as infinite: say so, quoting the text.
        CellIssue overflow = batch.issueAt(i, column);
        if (overflow != null && overflow.problem() == CellIssue.Problem.OVERFLOW) {
            return new Problem(column, "infinite value", "'" + Untrusted.text(overflow.text()) + "' overflows a double");
        }
        return new Problem(column, "infinite value");
    }
}
