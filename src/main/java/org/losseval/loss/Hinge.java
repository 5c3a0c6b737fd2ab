package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.loss.math.MarginLosses;

/**
 * Hinge loss of a real-valued score {@code s} ({@code --pred}, e.g. an SVM decision value) against a binary
 * label ({@code --target}):
 * <pre>
 *   hinge = max(0, 1 − y·s),    y = −1 for label 0 or −1, +1 for label 1
 * </pre>
 * Follows scikit-learn {@code hinge_loss} (per row; its mean is this loss), which maps labels 0/1 to −1/+1
 * as {@link MarginLosses#signedLabel} does. Labels −1/+1 may be given directly; a label other than −1, 0 or 1
 * makes the row invalid. Any finite score is valid. No parameters.
 */
public record Hinge() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "hinge", List.of(), "hinge loss of a score against labels 0/1 (or -1/+1)",
            "max(0, 1 - y s), y = -1 for label 0 or -1, +1 for label 1",
            "scikit-learn hinge_loss",
            List.of(), Definitions.PRED_TARGET, params -> new Hinge());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] score = inputs.column(Role.PRED);
        double[] label = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = MarginLosses.hinge(score[i], signed(label[i]));
        return 0;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        return Checks.signedLabel(inputs, i);
    }

    /** −1 for labels 0 and −1, +1 for label 1; the label was checked by {@link Checks#signedLabel}. */
    static double signed(double label) {
        return label == -1 ? -1 : MarginLosses.signedLabel(label);
    }
}
