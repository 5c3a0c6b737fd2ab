package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Expected calibration error over 15 equal-width bins, TorchMetrics' {@code calibration_error(n_bins=15,
 * norm='l1')}: Σ_b (n_b / n) |acc_b - conf_b| (the bins and their edge cases in
 * {@code accumulate.CalibrationBins}, which the loss state keeps for this loss: bounded memory, exact merges).
 *
 * <p>Which confidence, TorchMetrics' two definitions:
 * <ul>
 *   <li>binary ({@code -p} a probability of class 1, or one {@code --logits} column): confidence = P(class
 *       1), "accuracy" = the 0/1 label (TorchMetrics' {@code binary_calibration_error});</li>
 *   <li>multi-class ({@code --logits} of C &ge; 2 columns or {@code --probs}): top-label, confidence = the
 *       probability of the argmax class (ties to the first, as zero_one), accuracy = the argmax is the label
 *       ({@code multiclass_calibration_error}).</li>
 * </ul>
 * Sample weights do not apply (TorchMetrics has none; a bin's accuracy is a share of rows). The row value
 * (what the contribution figures rank, and the mean that is not reported) is the row's own gap |acc - conf|.
 */
public record Ece() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "ece", List.of("calibration_error"), "expected calibration error, 15 equal-width bins (unweighted)",
            "sum over bins of (rows in bin / rows) |accuracy - mean confidence|; binary: P(class 1) vs label, "
                    + "multi-class: top-label",
            "TorchMetrics calibration_error(n_bins=15, norm='l1')",
            List.of(), List.of(List.of(Role.LOGITS, Role.TARGET), List.of(Role.PROBS, Role.TARGET),
                    List.of(Role.PRED, Role.TARGET)),
            params -> new Ece());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    /**
     * Each row's confidence and hit, as defined above, in {@code [0, n)}: the one home of both for ece, its
     * bootstrap in comparisons. Binary rows read {@link ZeroOne#classOneProbability} (from one logit column the
     * batch's kernel sigmoid, the reliability diagram's bits); multi-class rows are {@link ZeroOne#topLabel}'s.
     */
    public static void confidences(LossInputs inputs, double[] confidence, boolean[] hit, int n) {
        double[] labels = inputs.column(Role.TARGET);
        double[] classOne = ZeroOne.classOneProbability(inputs);
        if (classOne != null) {
            System.arraycopy(classOne, 0, confidence, 0, n);
            for (int i = 0; i < n; i++) hit[i] = labels[i] == 1;
            return;
        }
        ZeroOne.topLabel(inputs, confidence, hit, n);
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        boolean[] hit = new boolean[n];
        confidences(inputs, out, hit, n);
        for (int i = 0; i < n; i++) out[i] = Math.abs((hit[i] ? 1.0 : 0.0) - out[i]);
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) { return ZeroOne.FORMS.formProblem(columns); }

    @Override
    public RowProblem check(LossInputs inputs, int i) { return ZeroOne.FORMS.check(inputs, i); }

    /** Binned calibration from the rows' confidences, not the mean of its row losses. */
    @Override public boolean meanOfRowLosses() { return false; }
}
