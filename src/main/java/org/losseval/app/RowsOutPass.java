package org.losseval.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.losseval.accumulate.IntervalState;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.batch.TextColumn;
import org.losseval.io.InputException;
import org.losseval.io.RowRecord;
import org.losseval.io.RowsLayout;
import org.losseval.io.RowsWriter;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.kernel.Kernels;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Pinball;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.FigureNames;
import org.losseval.report.OutlierResult;
import org.losseval.report.Report;

/**
 * Writes {@code --rows-out FILE}: one row per input row, in input order (the inputs in the order given, each
 * from its first row), with the columns of {@link RowsLayout}: the key and group columns, the residual, the row
 * losses (with a baseline, the baseline's and the differences too), the outlier flag and the skip reason.
 *
 * <p><b>Why a second pass.</b> Two of the columns need figures known only once every row has been read: the
 * robust-outlier flag (the median and MAD of all residuals, {@link OutlierResult}) and the row losses of a
 * loss whose parameter comes from the data ({@code huber:delta=mad}). Keeping the rows until then would make
 * memory grow with the input; so, once the report is built, the inputs are read again from the start through
 * the same steps as the first pass ({@link CheckedInput}: paired with the baseline's files, bound, validated
 * through the candidate's and the baseline's view), so exactly the same rows are skipped for the same reasons,
 * and each row's residual and losses are computed with the resolved losses and written at once. Standard
 * input cannot be read twice: the evaluator copies it to a temporary file first ({@code Sources.spoolStdin}), which costs
 * disk space equal to the input. The second read costs about the time of the first (it parses the same
 * bytes), plus the writer's time.
 *
 * <p><b>Memory.</b> Held while writing: one batch of the reader (as in the first pass), one residual array
 * and one row-loss array per loss of the batch's size (8 bytes a row each, {@link SourceOptions#DEFAULT_BATCH_SIZE}
 * rows; with a baseline three times that: the baseline's row losses and the differences too), the skipped rows of the current batch, and the writer's bounded
 * buffer ({@link RowsWriter}). Nothing grows with the number of rows, but for a key join with
 * {@code --baseline FILE --key}: the second pass pairs its rows again, so it builds the baseline's key table again
 * ({@link BaselineTable}, its documented bytes a row), after the first pass's was dropped; so the peak is one
 * table, not two, and the baseline's files are read a second time too. (Keeping the first table would save that
 * read, but it holds which keys were paired, and resetting it is a second home for the pairing's rules.)
 *
 * <p><b>Skipped rows</b> ({@code --skip-invalid}) are written too, in their place, with their key and group
 * texts (taken as the row is skipped, by the validator or the pairing), empty residual, losses and flag, and
 * the reason in the {@code skipped} column; so the file has one row per input row, and the rows
 * with a reason are exactly the report's skipped rows (same count, same reasons).
 *
 * <p><b>Row losses</b> are the terms whose weighted mean is the figure, before a loss's final step: rmse's
 * column holds squared errors (the figure is the square root of their mean); neither the sample weight nor a
 * loss's own class weight is applied; a row a loss does not cover (its own weight 0, e.g. an ignored label)
 * is empty. They are computed by the same kernels as the figures, so they are the same bits. A --quantile's
 * column holds the row's pinball loss, an --interval's its interval score. With a baseline, the baseline's row
 * losses are computed the same way through its columns, and the difference is candidate &minus; baseline (so the
 * weighted mean of {@code delta:mse} over the used rows is the report's Δ of mse; for rmse, the difference of
 * squared errors).
 *
 * <p><b>The outlier flag</b> applies the run's rule ({@link OutlierResult#side}) with the report's median and
 * threshold; it is empty where the report has no outlier figures (no --pred and --target, or
 * {@code --no-contrib}) and, beyond the exact-memory budget, where the bracketed threshold could put the row on
 * either side.
 *
 * <p>If an input no longer has the rows it had in the first pass (it changed in between), the run fails
 * rather than write rows that do not match the report.
 */
final class RowsOutPass {
    /** Opens an input for reading, as the first pass did. */
    interface Opener {
        Source open(String input, SourceOptions options) throws InputException;
    }

    private final RunPlan plan;
    private final DeferredLosses losses;
    private final OutlierResult outliers;
    private final KernelChooser kernels;
    private final RowsLayout layout;
    private final int batchSize;
    private final Pinball[] pinballs;
    private final IntervalState[] intervals;
    /** A loss's own row weights of the current batch, grown to the largest batch. */
    private double[] weights = new double[0];

    /**
     * @param outliers  the report's outlier figures, or null when it has none
     * @param batchSize rows per batch read (the first pass's; the rows do not depend on it)
     */
    RowsOutPass(RunPlan plan, DeferredLosses losses, OutlierResult outliers, KernelChooser kernels, int batchSize) {
        this.plan = plan;
        this.losses = losses;
        this.outliers = outliers;
        this.kernels = kernels;
        this.batchSize = batchSize;
        this.layout = layout(plan.request);
        EvalRequest request = plan.request;
        pinballs = new Pinball[request.quantiles().size()];
        for (int q = 0; q < pinballs.length; q++) pinballs[q] = new Pinball(request.quantiles().get(q).level());
        intervals = new IntervalState[request.intervals().size()];
        for (int i = 0; i < intervals.length; i++) intervals[i] = new IntervalState(plan.nominals.get(i));
    }

    /**
     * The layout of a request's rows, the one home of its columns: the key and group columns, then the losses'
     * keys, the --quantile pinball and --interval score figures' names, and with a baseline their
     * {@code baseline:} and {@code delta:} columns. Refused (an IllegalArgumentException) when two columns share a
     * name.
     */
    static RowsLayout layout(EvalRequest request) {
        List<String> figures = new ArrayList<>();
        for (LossRequest loss : request.losses()) figures.add(RunFigures.key(loss));
        for (QuantileColumn q : request.quantiles()) figures.add(FigureNames.pinball(q.column()));
        for (IntervalColumns i : request.intervals()) figures.add(FigureNames.intervalScore(i.name()));
        return RowsLayout.of(PairingPlan.candidateTexts(request), figures, request.baseline() != null);
    }

    /** The outlier figures of a report, or null. */
    static OutlierResult outliers(Report report) {
        return report.contributions() == null ? null : report.contributions().outliers();
    }

    /**
     * Reads every input again and writes its rows.
     *
     * @param pairing   this pass's own pairing with the baseline's files (opened afresh), or null
     * @param readCounts per input, the rows the first pass read
     * @throws IOException    when writing fails
     * @throws InputException when reading fails, or an input's row count changed
     */
    void write(Opener opener, Pairing pairing, List<Long> readCounts, RowsWriter writer) throws IOException, InputException {
        EvalRequest request = plan.request;
        SourceOptions options = CheckedInput.options(plan, batchSize);
        RowRecord record = new RowRecord(layout);
        BatchRows rows = new BatchRows(layout.lossColumns().size(), layout.textColumns());
        for (int source = 0; source < request.inputs().size(); source++) {
            String input = request.inputs().get(source);
            RowTally tally = new RowTally();
            try (CheckedInput file = new CheckedInput(plan, opener.open(input, options), pairing, tally, kernels)) {
                writeInput(file, input, rows, record, writer);
            }
            if (tally.read() != readCounts.get(source)) {
                throw new InputException(input, 0, null, "changed while it was read: " + readCounts.get(source)
                        + " rows for the report, " + tally.read() + " rows for --rows-out");
            }
        }
        writer.finish();
    }

    private void writeInput(CheckedInput file, String input, BatchRows rows, RowRecord record, RowsWriter writer)
            throws IOException, InputException {
        Map<Role, List<String>> roles = file.binding().roles();
        boolean residuals = roles.containsKey(Role.PRED) && roles.containsKey(Role.TARGET);
        record.input = input;
        CheckedInput.Batch checked;
        while ((checked = file.next(rows)) != null) {
            ColumnBatch batch = checked.rows();
            int n = batch.size();
            rows.ensure(n);
            if (residuals && n > 0) {
                checked.kernels().regression().residual(checked.inputs().column(Role.PRED),
                        checked.inputs().column(Role.TARGET), rows.residual, n);
            }
            if (n > 0) {
                rowLosses(checked, rows.losses, false);
                if (layout.compared()) {
                    rowLosses(checked, rows.baselineLosses, true);
                    for (int l = 0; l < rows.losses.length; l++) {
                        for (int i = 0; i < n; i++) rows.deltas[l][i] = rows.losses[l][i] - rows.baselineLosses[l][i];
                    }
                }
            }
            // The pairing's skips and the validator's each come in row order, not together.
            rows.skips.sort(Comparator.comparingLong(Skip::row));
            writeBatch(batch, n, residuals, rows, record, writer);
            rows.skips.clear();
        }
    }

    /**
     * Each figure's row losses of the batch, the candidate's or (with {@code baseline}) the baseline's: the
     * losses through the candidate's or the baseline's roles, then the pinball and interval scores of their
     * columns. A row a loss does not cover is NaN.
     */
    private void rowLosses(CheckedInput.Batch checked, double[][] out, boolean baseline) {
        EvalRequest request = plan.request;
        ColumnBatch batch = checked.rows();
        int n = batch.size();
        BatchInputs inputs = baseline ? checked.baseline() : checked.inputs();
        int f = 0;
        for (int l = 0; l < request.losses().size(); l++, f++) {
            RowLoss loss = losses.loss(l);
            loss.rowLosses(inputs, out[f], n);
            if (loss.weighsRows()) {
                // The loss's own row weights come from the target (class weights, ignore_index): the same for both.
                loss.rowWeights(checked.inputs(), ownWeights(n), n);
                for (int i = 0; i < n; i++) {
                    if (weights[i] == 0) out[f][i] = Double.NaN;
                }
            }
        }
        double[] target = request.quantiles().isEmpty() && request.intervals().isEmpty() ? null
                : checked.inputs().column(Role.TARGET);
        for (int q = 0; q < pinballs.length; q++, f++) {
            String column = baseline ? request.baseline().quantiles().get(q) : request.quantiles().get(q).column();
            // The formula of QuantileState's pinball loss: loss.Pinball with the scalar kernels.
            pinballs[q].rowLosses(Kernels.scalar(), batch.column(column), target, out[f], n);
        }
        for (int i = 0; i < intervals.length; i++, f++) {
            IntervalColumns columns = baseline ? request.baseline().intervals().get(i) : request.intervals().get(i);
            intervals[i].rowScores(batch.column(columns.lower()), batch.column(columns.upper()), target, out[f], n);
        }
    }

    private double[] ownWeights(int n) {
        if (weights.length < n) weights = new double[n];
        return weights;
    }

    /** Writes the batch's used rows and its skipped rows merged in row order (both lists are ascending). */
    private void writeBatch(ColumnBatch batch, int n, boolean residuals, BatchRows rows, RowRecord record,
                            RowsWriter writer) throws IOException {
        int s = 0;
        TextColumn[] texts = new TextColumn[record.texts.length];
        for (int t = 0; t < texts.length; t++) texts[t] = batch.textColumn(layout.textColumns().get(t));
        for (int i = 0; i <= n; i++) {
            long row = i < n ? batch.rowNumber(i) : Long.MAX_VALUE;
            while (s < rows.skips.size() && rows.skips.get(s).row() < row) {
                Skip skip = rows.skips.get(s++);
                record.row = skip.row();
                System.arraycopy(skip.texts(), 0, record.texts, 0, record.texts.length);
                record.residual = Double.NaN;
                Arrays.fill(record.losses, Double.NaN);
                Arrays.fill(record.baselineLosses, Double.NaN);
                Arrays.fill(record.deltas, Double.NaN);
                record.outlier = RowRecord.UNKNOWN;
                record.skipped = skip.reason();
                writer.write(record);
            }
            if (i == n) break;
            record.row = row;
            for (int t = 0; t < texts.length; t++) record.texts[t] = texts[t].text(i);
            record.residual = residuals ? rows.residual[i] : Double.NaN;
            for (int l = 0; l < record.losses.length; l++) record.losses[l] = rows.losses[l][i];
            for (int l = 0; l < record.baselineLosses.length; l++) {
                record.baselineLosses[l] = rows.baselineLosses[l][i];
                record.deltas[l] = rows.deltas[l][i];
            }
            record.outlier = residuals ? flag(rows.residual[i]) : RowRecord.UNKNOWN;
            record.skipped = null;
            writer.write(record);
        }
    }

    private int flag(double residual) {
        if (outliers == null) return RowRecord.UNKNOWN;
        return switch (outliers.side(residual)) {
            case OUTLIER -> 1;
            case INLIER -> 0;
            case EITHER -> RowRecord.UNKNOWN;
        };
    }

    /** A skipped row: its number, its key and group texts (read before it left the batch) and its reason. */
    private record Skip(long row, String[] texts, String reason) {}

    /** The per-batch work arrays, grown to the largest batch and reused; hears of the batch's skipped rows. */
    private static final class BatchRows implements RowValidator.SkipListener {
        double[] residual = new double[0];
        final double[][] losses;
        final double[][] baselineLosses;
        final double[][] deltas;
        final List<String> textColumns;
        final List<Skip> skips = new ArrayList<>();

        BatchRows(int lossCount, List<String> textColumns) {
            losses = new double[lossCount][0];
            baselineLosses = new double[lossCount][0];
            deltas = new double[lossCount][0];
            this.textColumns = textColumns;
        }

        void ensure(int n) {
            if (residual.length >= n) return;
            residual = new double[n];
            for (int l = 0; l < losses.length; l++) {
                losses[l] = new double[n];
                baselineLosses[l] = new double[n];
                deltas[l] = new double[n];
            }
        }

        @Override
        public void skipped(ColumnBatch batch, int index, String reason) {
            String[] texts = new String[textColumns.size()];
            for (int t = 0; t < texts.length; t++) texts[t] = batch.textColumn(textColumns.get(t)).text(index);
            skips.add(new Skip(batch.rowNumber(index), texts, reason));
        }
    }
}
