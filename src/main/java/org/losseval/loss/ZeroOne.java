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
     * Each row's top-label confidence (the probability its scores give its {@link #predictedClass}) and hit (that
     * class is the label), in {@code [0, n)}: the one home of both for ece, its bootstrap and the advice. From
     * logits the probability is the batch's shared one, which the reliability diagram reads too: one column's
     * sigmoid p ({@link LossInputs#logitSigmoid()}), giving p or 1 - p, or C &ge; 2 columns' top-class
     * probability ({@link LossInputs#logitSoftmax()}), which cross-entropy's log-sum-exp shares.
     */
    public static void topLabel(LossInputs inputs, double[] confidence, boolean[] hit, int n) {
        double[] labels = inputs.column(Role.TARGET);
        double[] classOne = classOneProbability(inputs);
        double[] top = classOne == null && inputs.has(Role.LOGITS) ? inputs.logitSoftmax().topProbability() : null;
        double[][] probs = inputs.has(Role.PROBS) ? inputs.group(Role.PROBS) : null;
        for (int i = 0; i < n; i++) {
            int predicted = predictedClass(inputs, i);
            if (classOne != null) confidence[i] = predicted == 1 ? classOne[i] : 1 - classOne[i];
            else confidence[i] = top != null ? top[i] : probs[predicted][i];
            hit[i] = predicted == labels[i];
        }
    }

    /**
     * P(class 1) of each row for the binary forms, or null for the others (C &ge; 2 logits, --probs): --pred
     * itself, or the batch's sigmoid of one logit column ({@link LossInputs#logitSigmoid()}, the reliability
     * diagram's). Read per batch, not per row: a view rebuilt in place computes the sigmoid at every call.
     */
    public static double[] classOneProbability(LossInputs inputs) {
        if (inputs.has(Role.PRED)) return inputs.column(Role.PRED);
        if (inputs.has(Role.LOGITS) && inputs.group(Role.LOGITS).length == 1) return inputs.logitSigmoid();
        return null;
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
