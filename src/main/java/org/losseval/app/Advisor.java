package org.losseval.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.CalibrationBins;
import org.losseval.accumulate.NoiseFits;
import org.losseval.accumulate.ResidualSample;
import org.losseval.accumulate.RowTally;
import org.losseval.batch.ColumnBatch;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.io.SourceOptions;
import org.losseval.io.Sources;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.LossRequest;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;
import org.losseval.loss.ZeroOne;
import org.losseval.report.Advice;
import org.losseval.report.Advice.Reason;
import org.losseval.report.AdviceSettings;
import org.losseval.report.Calibration;
import org.losseval.report.ClassBalance;
import org.losseval.report.NoiseFit;

/**
 * {@code losseval advise}: reads the inputs once and says which of the seed's five losses the data calls
 * for, and why. The rules, each on a figure the advice reports and a threshold of {@link AdviceSettings}:
 *
 * <p><b>Regression</b> (residuals r = pred - target, {@link NoiseFit}):
 * <ol>
 *   <li>robust outliers hold more than {@code outlier_mse_share} of Σ r² → huber (the seed: "Huber for
 *       regression with outliers"), δ = 1.345 × 1.4826 × MAD;</li>
 *   <li>else, if the Laplace fit has the higher likelihood: excess kurtosis above
 *       {@code heavy_tail_kurtosis} → huber (tails heavier than Laplace's), else → mae;</li>
 *   <li>else (the Gaussian fit is at least as likely) → mse ("MSE for regression with clean data").</li>
 * </ol>
 * <p><b>Classification</b> (labels with logits or probabilities): the rarest class under
 * {@code rare_class_share} of the rows → focal, else cross-entropy (bce for two classes, ce for more);
 * "with logits" when logits were given. The top-label ECE ({@link CalibrationBins}, 15 bins) above
 * {@code calibration_ece} adds a calibration note: over-confident → label smoothing or temperature
 * scaling. The labels and probabilities are checked as zero_one checks them, which also gives the
 * predicted class (argmax, ties to the first class).
 *
 * <p>Reads as the evaluator does (the same sources, binding and invalid-value policy), on one thread.
 * Memory: 8 bytes a row for the residuals of a regression (the exact median and MAD need them); a
 * classification keeps only its bins and class counts.
 */
public final class Advisor {
    private final InputStream stdin;
    private final String toolVersion;

    public Advisor(InputStream stdin, String toolVersion) {
        this.stdin = stdin;
        this.toolVersion = toolVersion;
    }

    /**
     * @throws InvalidRequestException when the roles fit neither a regression nor a classification
     * @throws DataException           for unreadable input, a missing column, an invalid value, no usable rows
     */
    public Advice advise(AdviceRequest request) throws InvalidRequestException, DataException {
        RowLoss check = (RowLoss) LossRegistry.builtIn().find(request.classification() ? "zero_one" : "mse")
                .factory().apply(java.util.Map.of());
        EvalRequest eval = new EvalRequest(request.inputs(), request.roles(), null,
                List.of(new LossRequest(null, check)), List.of(), List.of(), null, List.of(), request.policy(),
                request.delimiter(), 1);
        RunPlan plan = RunPlan.of(eval);
        try {
            return request.classification() ? classification(plan, request, check) : regression(plan, request, check);
        } catch (InputException e) {
            throw new DataException(e);
        }
    }

    private Advice regression(RunPlan plan, AdviceRequest request, RowLoss check) throws InputException {
        ResidualSample residuals = new ResidualSample(false);
        double[][] scratch = {new double[0]};
        RowTally tally = read(plan, check, new int[1], (batch, inputs) -> {
            int n = batch.size();
            if (scratch[0].length < n) scratch[0] = new double[n];
            inputs.kernels().residual(inputs.column(Role.PRED), inputs.column(Role.TARGET), scratch[0], n);
            residuals.accept(scratch[0], null, n);
        });
        AdviceSettings settings = request.settings();
        NoiseFit noise = NoiseFits.of(residuals, settings.outlierFactor());
        List<Reason> reasons = new ArrayList<>();
        String verdict;
        if (noise.outlierMseShare() > settings.outlierMseShare()) {
            reasons.add(Reason.OUTLIERS_HOLD_THE_MSE);
            verdict = "huber";
        } else if (noise.laplaceLogLik() > noise.gaussianLogLik()) {
            boolean heavy = noise.excessKurtosis() > settings.heavyTailKurtosis();
            reasons.add(heavy ? Reason.HEAVIER_THAN_LAPLACE : Reason.LAPLACE_FITS_BETTER);
            verdict = heavy ? "huber" : "mae";
        } else {
            reasons.add(Reason.GAUSSIAN_FITS);
            verdict = "mse";
        }
        String spec = verdict;
        if (verdict.equals("huber") && noise.huberDelta() > 0 && Double.isFinite(noise.huberDelta())) {
            spec = "huber:delta=" + org.losseval.text.Numbers.human(noise.huberDelta(), 4);
        }
        return new Advice(toolVersion, tally.result(), "regression", verdict, spec, reasons, noise, null, null, false,
                settings);
    }

    private Advice classification(RunPlan plan, AdviceRequest request, RowLoss check) throws InputException {
        CalibrationBins bins = new CalibrationBins();
        List<Long> counts = new ArrayList<>();
        double[][] confidence = {new double[0]};
        boolean[][] hit = {new boolean[0]};
        int[] groupWidth = {0};
        RowTally tally = read(plan, check, groupWidth, (batch, inputs) -> {
            int n = batch.size();
            if (confidence[0].length < n) {
                confidence[0] = new double[n];
                hit[0] = new boolean[n];
            }
            double[] labels = inputs.column(Role.TARGET);
            ZeroOne.topLabel(inputs, confidence[0], hit[0], n);
            for (int i = 0; i < n; i++) {
                int label = (int) labels[i];
                while (counts.size() <= label) counts.add(0L);
                counts.set(label, counts.get(label) + 1);
            }
            bins.accept(confidence[0], hit[0], n);
        });
        int classes = request.roles().containsKey(Role.PRED) ? 2 : Math.max(2, groupWidth[0]);
        while (counts.size() < classes) counts.add(0L);
        ClassBalance balance = new ClassBalance(counts);
        Calibration calibration = bins.result();
        AdviceSettings settings = request.settings();
        boolean logits = request.roles().containsKey(Role.LOGITS);
        List<Reason> reasons = new ArrayList<>();
        boolean rare = balance.rarestShare() < settings.rareClassShare();
        reasons.add(rare ? Reason.RARE_CLASS : Reason.CLASSES_BALANCED);
        reasons.add(logits ? Reason.WITH_LOGITS : Reason.FROM_PROBABILITIES);
        if (!(calibration.ece() > settings.calibrationEce())) reasons.add(Reason.CALIBRATED);
        else reasons.add(calibration.overConfident() ? Reason.OVER_CONFIDENT : Reason.UNDER_CONFIDENT);
        String verdict = rare ? "focal" : classes == 2 ? "bce" : "ce";
        String spec = rare && classes > 2 ? "focal_multiclass" : verdict;
        return new Advice(toolVersion, tally.result(), "classification", verdict, spec, reasons, null, balance,
                calibration, logits, settings);
    }

    private interface BatchConsumer {
        void accept(ColumnBatch batch, BatchInputs inputs);
    }

    /**
     * Reads every input once, validating rows as eval does, and hands each batch of valid rows on.
     *
     * @param groupWidth receives the widest group role bound (the class count of --logits or --probs)
     */
    private RowTally read(RunPlan plan, RowLoss check, int[] groupWidth, BatchConsumer consumer) throws InputException {
        EvalRequest request = plan.request;
        RowTally total = new RowTally();
        KernelChooser kernels = new KernelChooser();
        for (String input : request.inputs()) {
            SourceOptions options = new SourceOptions(plan.columnsRead(), request.delimiter(),
                    SourceOptions.DEFAULT_BATCH_SIZE, SourceOptions.DEFAULT_MAX_RECORD_CHARS, plan.groupsRead());
            RowTally tally = new RowTally();
            try (Source file = Sources.open(input, stdin, options)) {
                ColumnBinding binding = ColumnBinding.of(request, file);
                binding.checkForms(List.of(check), file.name());
                for (List<String> columns : binding.roles().values()) {
                    groupWidth[0] = Math.max(groupWidth[0], columns.size());
                }
                RowValidator validator = new RowValidator(binding.columns(plan.columnsRead()), null, binding.roles(),
                        List.of(check), List.of(), request.policy());
                ColumnBatch batch;
                while ((batch = file.next()) != null) {
                    tally.read(batch.size());
                    KernelChooser.BatchKernels batchKernels = kernels.next(batch.size());
                    BatchInputs inputs = new BatchInputs(batch, binding.roles(), batchKernels.regression(),
                            batchKernels.classification());
                    validator.apply(batch, inputs, tally);
                    if (batch.size() == 0) continue;
                    consumer.accept(batch, inputs);
                    tally.used(batch.size());
                }
            }
            total.combine(tally);
        }
        if (total.used() == 0) {
            throw new InputException(null, 0, null, "no usable rows: " + total.read() + " read, "
                    + (total.read() - total.used()) + " skipped");
        }
        return total;
    }
}
