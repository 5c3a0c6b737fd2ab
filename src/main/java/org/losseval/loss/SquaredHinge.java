package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.loss.math.MarginLosses;

/**
 * Squared hinge loss of a score {@code s} ({@code --pred}) against a binary label ({@code --target}):
 * <pre>
 *   squared_hinge = max(0, 1 − y·s)²,    y = −1 for label 0 or −1, +1 for label 1
 * </pre>
 * The loss of scikit-learn's {@code LinearSVC(loss='squared_hinge')}; labels as in {@link Hinge} (0/1 mapped
 * to −1/+1, or −1/+1 directly; anything else is invalid). No parameters.
 */
public record SquaredHinge() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "squared_hinge", List.of(), "squared hinge loss of a score against labels 0/1 (or -1/+1)",
            "max(0, 1 - y s)^2, y = -1 for label 0 or -1, +1 for label 1",
            "scikit-learn LinearSVC(loss='squared_hinge')",
            List.of(), Definitions.PRED_TARGET, params -> new SquaredHinge());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] score = inputs.column(Role.PRED);
        double[] label = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = MarginLosses.squaredHinge(score[i], Hinge.signed(label[i]));
        return 0;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        return Checks.signedLabel(inputs, i);
    }
}
