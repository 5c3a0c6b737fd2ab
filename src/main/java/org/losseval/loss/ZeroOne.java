package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Zero-one loss, the error rate: the (weighted) share of rows whose predicted class is not the label.
 * scikit-learn 1.2 {@code zero_one_loss(normalize=True, sample_weight)}, which is 1 - accuracy.
 *
 * <p>The predicted class, with ties broken as {@code argmax} breaks them (the first, lowest class wins):
 * <ul>
 *   <li>{@code --logits} of C &ge; 2 columns, or {@code --probs}: the argmax over the columns;</li>
 *   <li>{@code --logits} of one column (a binary logit z): 1 when z &gt; 0, as the argmax of (0, z);</li>
 *   <li>{@code --pred} (a probability p of class 1): 1 when p &gt; 0.5, as the argmax of (1 - p, p).</li>
 * </ul>
 * So a logit of exactly 0 or a probability of exactly 0.5 predicts class 0. Labels are 0/1 for the binary
 * forms and integers in [0, C) otherwise; probabilities must be in [0, 1] (as for bce and ce).
 */
public record ZeroOne() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "zero_one", List.of("error_rate"), "error rate: the share of rows whose argmax class is not the label",
            "0 if argmax(scores) == label, else 1; one logit z predicts 1 when z > 0, a probability p when p > 0.5",
            "scikit-learn zero_one_loss (ties to the first class, as argmax)",
            List.of(), List.of(List.of(Role.LOGITS, Role.TARGET), List.of(Role.PROBS, Role.TARGET),
                    List.of(Role.PRED, Role.TARGET)),
            params -> new ZeroOne());

    /** The form and row checks zero_one and ece share (one home for them). */
    static final ZeroOne FORMS = new ZeroOne();

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    /**
     * The predicted class of row i: the first argmax of the columns, or the binary rule above for one
     * logit column or a probability.
     */
    public static int predictedClass(LossInputs inputs, int i) {
        if (inputs.has(Role.PRED)) return inputs.column(Role.PRED)[i] > 0.5 ? 1 : 0;
        double[][] scores = inputs.group(inputs.has(Role.LOGITS) ? Role.LOGITS : Role.PROBS);
        if (scores.length == 1) return scores[0][i] > 0 ? 1 : 0;
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k][i] > scores[best][i]) best = k;
        }
        return best;
    }

    /**
     * The probability the row's scores give its predicted class (the top-label confidence): the class's
     * softmax probability from C logits, sigmoid(z) or 1 - sigmoid(z) from one logit, the class's column of
     * --probs, p or 1 - p from a probability.
     */
    public static double confidence(LossInputs inputs, int i, int predicted) {
        if (inputs.has(Role.PRED)) {
            double p = inputs.column(Role.PRED)[i];
            return predicted == 1 ? p : 1 - p;
        }
        if (inputs.has(Role.PROBS)) return inputs.group(Role.PROBS)[predicted][i];
        double[][] logits = inputs.group(Role.LOGITS);
        if (logits.length == 1) {
            double p = 1 / (1 + Math.exp(-logits[0][i]));
            return predicted == 1 ? p : 1 - p;
        }
        // softmax of the argmax: 1 / Σ exp(z_k - z_max), every term at most 1, so nothing overflows
        double top = logits[predicted][i];
        double sum = 0;
        for (double[] column : logits) sum += Math.exp(column[i] - top);
        return 1 / sum;
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] labels = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = predictedClass(inputs, i) == labels[i] ? 0.0 : 1.0;
        return 0;
    }

    /** Probabilities need two or more columns: one probability column is --pred. */
    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return columns.applyAsInt(Role.PROBS) == 1
                ? "--probs needs a column per class; give one probability of class 1 as --pred" : null;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        if (inputs.has(Role.PRED)) {
            RowProblem problem = Checks.probability(inputs, Role.PRED, i);
            return problem != null ? problem : Checks.binaryLabel(inputs, i);
        }
        if (inputs.has(Role.PROBS)) {
            RowProblem problem = Checks.form(this, inputs, Role.PROBS);
            if (problem == null) problem = Checks.probabilities(inputs, Role.PROBS, i);
            return problem != null ? problem : Checks.classLabel(inputs, i, inputs.group(Role.PROBS).length);
        }
        int classes = inputs.group(Role.LOGITS).length;
        return classes == 1 ? Checks.binaryLabel(inputs, i) : Checks.classLabel(inputs, i, classes);
    }
}
