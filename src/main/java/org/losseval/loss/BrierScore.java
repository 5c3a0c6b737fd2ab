package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.loss.math.Brier;

/**
 * Brier score: the squared error of a predicted probability ({@code --pred}) against a label 0/1
 * ({@code --target}),
 * <pre>
 *   brier = (p − y)²
 * </pre>
 * Follows scikit-learn {@code brier_score_loss} (its mean, weighted by sample_weight, is this loss's). A
 * probability outside [0, 1] or a label other than 0 or 1 makes the row invalid. No parameters.
 */
public record BrierScore() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "brier", List.of(), "Brier score: squared error of a probability against labels 0/1",
            "(p - y)^2", "scikit-learn brier_score_loss",
            List.of(), Definitions.PRED_TARGET, params -> new BrierScore());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] p = inputs.column(Role.PRED);
        double[] y = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = Brier.of(p[i], y[i]);
        return 0;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        RowProblem problem = Checks.probability(inputs, Role.PRED, i);
        return problem != null ? problem : Checks.binaryLabel(inputs, i);
    }
}
