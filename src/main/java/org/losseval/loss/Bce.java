package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.BinaryCrossEntropy;

/**
 * Binary cross-entropy, from one logit column ({@code --logits}) or from probabilities ({@code --pred}),
 * against labels 0/1 ({@code --target}).
 * <pre>
 *   from a logit z:        (1 − y)·softplus(z) + pos_weight·y·softplus(−z)
 *   from a probability p:  −( y·max(log p, −100) + (1 − y)·max(log(1 − p), −100) )
 * </pre>
 *
 * <p>Follows PyTorch {@code F.binary_cross_entropy_with_logits(pos_weight)} and
 * {@code F.binary_cross_entropy} (math in {@link BinaryCrossEntropy}): from logits through softplus, never
 * {@code log(sigmoid(z))}, so logit 100 with label 0 gives exactly 100; from probabilities with PyTorch's
 * clamp of each log term at −100, so p = 0 with label 1 gives 100, and {@link #rowLosses} returns the number
 * of rows the clamp changed (the report counts them). The seed's emails (labels 1, 0, 1; p .95, .10, .03)
 * give 0.0513, 0.1054 and 3.5066.
 *
 * <p>Inputs, in order of preference: {@code --logits} (exactly one column) and {@code --target}, or
 * {@code --pred} and {@code --target}. Parameter {@code pos_weight}, default 1, domain &gt; 0: the weight of
 * the positive term, from logits only; PyTorch's {@code binary_cross_entropy} has none, so a pos_weight other
 * than 1 with probabilities is a {@linkplain #formProblem form problem} rather than silently ignored.
 *
 * <p>Edge cases: a label other than 0 or 1 makes the row invalid (PyTorch would accept soft labels; a label
 * column of a binary classifier holding 0.5 is far more likely a wrong column), as does a probability outside
 * [0, 1].
 */
public record Bce(double posWeight) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "bce", List.of(), "binary cross-entropy (log loss) of labels 0/1, from logits or probabilities",
            "(1 - y) softplus(z) + pos_weight y softplus(-z) from a logit z; "
                    + "-(y log p + (1 - y) log(1 - p)) from a probability p, each log clamped at -100",
            "PyTorch binary_cross_entropy_with_logits / binary_cross_entropy",
            List.of(ParamDefinition.number("pos_weight", 1.0, "> 0", v -> v > 0,
                    "weight of the positive class's term (logits only), e.g. negatives / positives")),
            List.of(List.of(Role.LOGITS, Role.TARGET), List.of(Role.PRED, Role.TARGET)),
            params -> new Bce(params.get("pos_weight")));

    public Bce {
        Definitions.checked(DEFINITION, "pos_weight", posWeight);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Definitions.params("pos_weight", posWeight); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] target = inputs.column(Role.TARGET);
        if (inputs.has(Role.LOGITS)) {
            // The kernels' exp/log are within 1 ulp of StrictMath and give the same bits at every vector width.
            inputs.classificationKernels().bceWithLogits(inputs.column(Role.LOGITS), target, posWeight, out, n);
            return 0;
        }
        return BinaryCrossEntropy.fromProbability(inputs.column(Role.PRED), target, out, n);
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        if (columns.applyAsInt(Role.LOGITS) > 0) return Checks.oneColumn(columns, Role.LOGITS);
        return posWeight == 1 ? null : "pos_weight applies to --logits only (PyTorch's binary_cross_entropy from"
                + " probabilities has none)";
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        boolean logits = inputs.has(Role.LOGITS);
        RowProblem problem = Checks.form(this, inputs, logits ? Role.LOGITS : Role.PRED);
        if (problem == null && !logits) problem = Checks.probability(inputs, Role.PRED, i);
        return problem != null ? problem : Checks.binaryLabel(inputs, i);
    }
}
