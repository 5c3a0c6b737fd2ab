package org.losseval.loss;

import java.util.List;
import java.util.Map;
import org.losseval.loss.math.InfoNce;

/**
 * InfoNCE loss (van den Oord et al. 2018; SimCLR, MoCo, CLIP) of a positive similarity s⁺
 * ({@code --sim-pos}) against k negative similarities s⁻ ({@code --sim-neg}, k columns) at temperature τ:
 * <pre>
 *   loss = −log( exp(s⁺/τ) / (exp(s⁺/τ) + Σ_j exp(s⁻_j/τ)) )
 * </pre>
 * The positive is part of the denominator, as in every implementation (the seed's formula shows only the
 * negatives): it is {@code F.cross_entropy} over [s⁺, s⁻…]/τ with label 0, computed stably (math in
 * {@link InfoNce}).
 *
 * <p>Parameter {@code temperature}, default 0.1, &gt; 0. Any finite similarities are valid (cosine
 * similarities lie in [−1, 1], but dot products need not).
 */
public record InfoNceLoss(double temperature) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "infonce", List.of(), "InfoNCE: softmax cross-entropy of the positive among the negatives",
            "-log(exp(s+/t) / (exp(s+/t) + sum_j exp(s-_j/t))), t the temperature",
            "van den Oord et al. 2018 (positive in the denominator, as in SimCLR/CLIP)",
            List.of(ParamDefinition.number("temperature", 0.1, "> 0", v -> v > 0,
                    "divides every similarity; smaller is sharper")),
            List.of(List.of(Role.SIM_POS, Role.SIM_NEG)),
            params -> new InfoNceLoss(params.get("temperature")));

    public InfoNceLoss {
        Definitions.checked(DEFINITION, "temperature", temperature);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("temperature", temperature); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] negatives = inputs.group(Role.SIM_NEG);
        // -log softmax(s / tau)_0 over the positive (class 0) and the negatives, on the kernels: within a few
        // ulp of the StrictMath reference InfoNce.of, and the same bits at every vector width.
        double[][] scaled = new double[negatives.length + 1][n];
        double[] positive = inputs.column(Role.SIM_POS);
        for (int i = 0; i < n; i++) scaled[0][i] = positive[i] / temperature;
        for (int c = 0; c < negatives.length; c++) {
            for (int i = 0; i < n; i++) scaled[c + 1][i] = negatives[c][i] / temperature;
        }
        double[] labels = new double[n]; // every row's "class" is the positive, column 0
        inputs.classificationKernels().logSoftmaxAt(scaled, scaled.length, labels, out, n);
        for (int i = 0; i < n; i++) out[i] = -out[i];
        return 0;
    }
}
