package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.loss.math.BinaryFocal;

/**
 * Binary focal loss (Lin et al. 2017), which scales the cross-entropy down on rows that are already right:
 * <pre>
 *   loss = α_t·(1 − p_t)^γ·bce,    p_t = p if y = 1 else 1 − p,    α_t = α if y = 1 else 1 − α
 * </pre>
 * with p = sigmoid(z) from one logit column, or p given as a probability. Follows torchvision
 * {@code sigmoid_focal_loss} (math in {@link BinaryFocal}); from probabilities the bce term is clamped as in
 * {@link Bce} and {@link #rowLosses} returns the clamped rows. The seed's numbers with γ = 2 and α off:
 * p_t = .95 gives 0.000128, p_t = .10 gives 1.865; γ = 0 with α off is bce.
 *
 * <p>Inputs: {@code --logits} (one column) and {@code --target}, or {@code --pred} and {@code --target}.
 * Parameters: {@code gamma}, default 2, &gt;= 0, the focusing exponent; {@code alpha}, default 0.25
 * (torchvision's), in [0, 1], the weight of the positive class, or −1 to switch class weighting off.
 * Labels must be 0 or 1 and probabilities in [0, 1]; other rows are invalid.
 */
public record Focal(double gamma, double alpha) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "focal", List.of(), "binary focal loss: cross-entropy scaled down on well-classified rows",
            "alpha_t (1 - p_t)^gamma bce, p_t = p if y = 1 else 1 - p, alpha_t = alpha if y = 1 else 1 - alpha",
            "torchvision sigmoid_focal_loss",
            List.of(ParamDefinition.number("gamma", 2.0, ">= 0", v -> v >= 0,
                            "focusing exponent; 0 gives (alpha-weighted) bce"),
                    ParamDefinition.number("alpha", 0.25, "[0, 1] or -1", v -> v == -1 || (v >= 0 && v <= 1),
                            "weight of the positive class (negatives get 1 - alpha); -1 switches it off")),
            List.of(List.of(Role.LOGITS, Role.TARGET), List.of(Role.PRED, Role.TARGET)),
            params -> new Focal(params.get("gamma"), params.get("alpha")));

    public Focal {
        Definitions.checked(DEFINITION, "gamma", gamma);
        Definitions.checked(DEFINITION, "alpha", alpha);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("gamma", gamma).put("alpha", alpha).build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] target = inputs.column(Role.TARGET);
        if (inputs.has(Role.LOGITS)) {
            fromLogits(inputs.classificationKernels(), inputs.column(Role.LOGITS), target, out, n);
            return 0;
        }
        return BinaryFocal.fromProbability(inputs.column(Role.PRED), target, gamma, alpha, out, n);
    }

    /**
     * torchvision's formula on the kernels: ce = bce_with_logits, 1 - p_t = y sigmoid(-z) + (1 - y) sigmoid(z)
     * (no cancellation for confident rows), (1 - p_t)^gamma = exp(gamma log(1 - p_t)). Within a few ulp of
     * the StrictMath reference {@link BinaryFocal#fromLogit}, and the same bits at every vector width.
     */
    private void fromLogits(ClassificationKernels kernels, double[] z, double[] y, double[] out, int n) {
        double[] negated = new double[n];
        for (int i = 0; i < n; i++) negated[i] = -z[i];
        double[] sigmoidOfNegated = new double[n];
        double[] factor = new double[n];
        kernels.sigmoid(negated, sigmoidOfNegated, n);
        kernels.sigmoid(z, factor, n);
        for (int i = 0; i < n; i++) factor[i] = y[i] * sigmoidOfNegated[i] + (1 - y[i]) * factor[i];
        if (gamma == 0) {
            java.util.Arrays.fill(factor, 0, n, 1.0); // x^0 = 1, also for x = 0 (log 0 * 0 would be NaN)
        } else {
            kernels.log(factor, factor, n);
            for (int i = 0; i < n; i++) factor[i] *= gamma;
            kernels.exp(factor, factor, n);
        }
        kernels.bceWithLogits(z, y, 1.0, out, n);
        for (int i = 0; i < n; i++) {
            double loss = out[i] * factor[i];
            out[i] = alpha < 0 ? loss : (alpha * y[i] + (1 - alpha) * (1 - y[i])) * loss;
        }
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return Checks.oneColumn(columns, Role.LOGITS);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        boolean logits = inputs.has(Role.LOGITS);
        RowProblem problem = Checks.form(this, inputs, logits ? Role.LOGITS : Role.PRED);
        if (problem == null && !logits) problem = Checks.probability(inputs, Role.PRED, i);
        return problem != null ? problem : Checks.binaryLabel(inputs, i);
    }
}
