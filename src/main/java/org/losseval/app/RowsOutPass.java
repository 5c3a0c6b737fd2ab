package org.losseval.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.RowRecord;
import org.losseval.io.RowsLayout;
import org.losseval.io.RowsWriter;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.report.OutlierResult;
import org.losseval.report.Report;

/**
 * Writes {@code --rows-out FILE}: one row per input row, in input order (the inputs in the order given, each
 * from its first row), with the columns of {@link RowsLayout}.
 *
 * <p><b>Why a second pass.</b> Two of the columns need figures known only once every row has been read: the
 * robust-outlier flag (the median and MAD of all residuals, {@link OutlierResult}) and the row losses of a
 * loss whose parameter comes from the data ({@code huber:delta=mad}). Keeping the rows until then would make
 * memory grow with the input; so, once the report is built, the inputs are read again from the start,
 * validated by the same rules (so exactly the same rows are skipped, for the same reasons), and each row's
 * residual and losses are computed with the resolved losses and written at once. Standard input cannot be
 * read twice: the evaluator copies it to a temporary file first ({@code Sources.spoolStdin}), which costs
 * disk space equal to the input. The second read costs about the time of the first (it parses the same
 * bytes), plus the writer's time.
 *
 * <p><b>Memory.</b> Held while writing: one batch of the reader (as in the first pass), one residual array
 * and one row-loss array per loss of the batch's size (8 bytes a row each, {@link SourceOptions#DEFAULT_BATCH_SIZE}
 * rows), the skipped rows of the current batch, and the writer's bounded buffer ({@link RowsWriter}). Nothing
 * grows with the number of rows.
 *
 * <p><b>Skipped rows</b> ({@code --skip-invalid}) are written too, in their place, with empty residual, losses
 * and flag and the reason in the {@code skipped} column; so the file has one row per input row, and the rows
 * with a reason are exactly the report's skipped rows (same count, same reasons).
 *
 * <p><b>Row losses</b> are the terms whose weighted mean is the figure, before a loss's final step: rmse's
 * column holds squared errors (the figure is the square root of their mean); neither the sample weight nor a
 * loss's own class weight is applied; a row a loss does not cover (its own weight 0, e.g. an ignored label)
 * is empty. They are computed by the same kernels as the figures, so they are the same bits.
 *
 * <p><b>The outlier flag</b> applies the run's rule ({@link OutlierResult#side}) with the report's median and
 * threshold; it is empty where the report has no outlier figures (no --pred and --target, or
 * {@code --no-contrib}) and, beyond the exact-memory budget, where the bracketed threshold could put the row on
 * either side.
 *
 * <p>If an input no longer has the rows it had in the first pass (it changed in between), the run fails
 * rather than write rows that do not match the report. A comparison with a baseline will add its row losses
 * and their differences after the loss columns ({@link RowsLayout}).
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

    /**
     * @param outliers the report's outlier figures, or null when it has none
     */
    RowsOutPass(RunPlan plan, DeferredLosses losses, OutlierResult outliers, KernelChooser kernels) {
        this.plan = plan;
        this.losses = losses;
        this.outliers = outliers;
        this.kernels = kernels;
        this.layout = layout(plan.request);
    }

    /** The layout of a request's rows; refused (an IllegalArgumentException) when two columns share a name. */
    static RowsLayout layout(EvalRequest request) {
        return RowsLayout.of(request.losses().stream().map(RunFigures::key).toList());
    }

    /** The outlier figures of a report, or null. */
    static OutlierResult outliers(Report report) {
        return report.contributions() == null ? null : report.contributions().outliers();
    }

    /**
     * Reads every input again and writes its rows.
     *
     * @param readCounts per input, the rows the first pass read
     * @throws IOException    when writing fails
     * @throws InputException when reading fails, or an input's row count changed
     */
    void write(Opener opener, List<Long> readCounts, RowsWriter writer) throws IOException, InputException {
        EvalRequest request = plan.request;
        SourceOptions options = new SourceOptions(plan.columnsRead(), request.delimiter(), SourceOptions.DEFAULT_BATCH_SIZE,
                SourceOptions.DEFAULT_MAX_RECORD_CHARS, plan.groupsRead());
        RowRecord record = new RowRecord(layout);
        for (int source = 0; source < request.inputs().size(); source++) {
            String input = request.inputs().get(source);
            long read = writeInput(opener.open(input, options), input, record, writer);
            if (read != readCounts.get(source)) {
                throw new InputException(input, 0, null, "changed while it was read: " + readCounts.get(source)
                        + " rows for the report, " + read + " rows for --rows-out");
            }
        }
        writer.finish();
    }

    private long writeInput(Source opened, String input, RowRecord record, RowsWriter writer)
            throws IOException, InputException {
        EvalRequest request = plan.request;
        try (Source file = opened) {
            ColumnBinding binding = ColumnBinding.of(request, file);
            List<RowLoss> streamed = plan.streamedLosses();
            RowValidator validator = new RowValidator(binding.columns(plan.columnsRead()), request.weightColumn(),
                    binding.roles(), streamed, request.intervals(), request.policy());
            boolean residuals = binding.roles().containsKey(Role.PRED) && binding.roles().containsKey(Role.TARGET);
            int lossCount = request.losses().size();
            BatchRows rows = new BatchRows(lossCount);
            RowTally tally = new RowTally();
            record.input = input;
            ColumnBatch batch;
            while ((batch = file.next()) != null) {
                tally.read(batch.size());
                KernelChooser.BatchKernels batchKernels = kernels.next(batch.size());
                BatchInputs inputs = new BatchInputs(batch, binding.roles(), batchKernels.regression(),
                        batchKernels.classification());
                rows.skipped.clear();
                rows.reasons.clear();
                validator.apply(batch, inputs, null, tally, (row, reason) -> {
                    rows.skipped.add(row);
                    rows.reasons.add(reason);
                });
                int n = batch.size();
                rows.ensure(n);
                if (residuals && n > 0) {
                    batchKernels.regression().residual(inputs.column(Role.PRED), inputs.column(Role.TARGET), rows.residual, n);
                }
                for (int l = 0; l < lossCount && n > 0; l++) {
                    RowLoss loss = losses.loss(l);
                    loss.rowLosses(inputs, rows.losses[l], n);
                    if (loss.weighsRows()) {
                        loss.rowWeights(inputs, rows.weights, n);
                        for (int i = 0; i < n; i++) {
                            if (rows.weights[i] == 0) rows.losses[l][i] = Double.NaN;
                        }
                    }
                }
                writeBatch(batch, n, residuals, rows, record, writer);
            }
            return tally.read();
        }
    }

    /** Writes the batch's used rows and its skipped rows merged in row order (both lists are ascending). */
    private void writeBatch(ColumnBatch batch, int n, boolean residuals, BatchRows rows, RowRecord record,
                            RowsWriter writer) throws IOException {
        int s = 0;
        for (int i = 0; i <= n; i++) {
            long row = i < n ? batch.rowNumber(i) : Long.MAX_VALUE;
            while (s < rows.skipped.size() && rows.skipped.get(s) < row) {
                record.row = rows.skipped.get(s);
                record.residual = Double.NaN;
                java.util.Arrays.fill(record.losses, Double.NaN);
                record.outlier = RowRecord.UNKNOWN;
                record.skipped = rows.reasons.get(s++);
                writer.write(record);
            }
            if (i == n) break;
            record.row = row;
            record.residual = residuals ? rows.residual[i] : Double.NaN;
            for (int l = 0; l < record.losses.length; l++) record.losses[l] = rows.losses[l][i];
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

    /** The per-batch work arrays, grown to the largest batch and reused. */
    private static final class BatchRows {
        double[] residual = new double[0];
        double[] weights = new double[0];
        final double[][] losses;
        final List<Long> skipped = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();

        BatchRows(int lossCount) {
            losses = new double[lossCount][0];
        }

        void ensure(int n) {
            if (residual.length >= n) return;
            residual = new double[n];
            weights = new double[n];
            for (int l = 0; l < losses.length; l++) losses[l] = new double[n];
        }
    }
}
