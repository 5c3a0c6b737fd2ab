package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.MultiMargin;

/**
 * Multi-class hinge loss of class scores ({@code --logits}) against integer labels ({@code --target}):
 * <pre>
 *   loss = Σ_{i≠y} w_y·max(0, margin − x_y + x_i)^p / C
 * </pre>
 * then the mean over rows. Follows PyTorch {@code MultiMarginLoss(p, margin, weight)} as its kernel computes
 * it (math in {@link MultiMargin}): the class weight multiplies after the power, and the mean divides by the
 * number of rows, not by a sum of weights.
 *
 * <p>Parameters: {@code p}, default 1, the integer 1 or 2 (PyTorch supports no other); {@code margin},
 * default 1, &gt;= 0; {@code weight}, a list of C class weights &gt;= 0, default none. A label that is not a
 * class is invalid; a weight list whose size is not C is a {@linkplain #formProblem form problem}.
 */
public final class MultiMarginLoss implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "multi_margin", List.of(), "multi-class hinge loss of class scores",
            "sum over i != y of w_y max(0, margin - x_y + x_i)^p / C",
            "PyTorch MultiMarginLoss (mean over rows)",
            List.of(ParamDefinition.integer("p", 1, "1 or 2", v -> v == 1 || v == 2, "power of each hinge term"),
                    ParamDefinition.number("margin", 1.0, ">= 0", v -> v >= 0,
                            "how far the label's score must exceed every other score"),
                    ParamDefinition.list("weight", ">= 0", v -> v >= 0,
                            "one weight per class, applied to the rows of that label, e.g. weight=[1,2,0.5]")),
            List.of(List.of(Role.LOGITS, Role.TARGET)),
            params -> new MultiMarginLoss((int) (double) params.get("p"), params.get("margin"),
                    Definitions.list(params, "weight")));

    private final int p;
    private final double margin;
    private final double[] classWeights;

    /** @param classWeights one weight per class, or null for none */
    public MultiMarginLoss(int p, double margin, double[] classWeights) {
        this.p = (int) Definitions.checked(DEFINITION, "p", p);
        this.margin = Definitions.checked(DEFINITION, "margin", margin);
        this.classWeights = Definitions.checkedList(DEFINITION, "weight", classWeights);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("p", p).put("margin", margin).putList("weight", classWeights).build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] scores = inputs.group(Role.LOGITS);
        double[] labels = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = MultiMargin.of(scores, i, (int) labels[i], p, margin, classWeights);
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return Checks.listSize("weight", classWeights, columns, Role.LOGITS);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        RowProblem problem = Checks.form(this, inputs, Role.LOGITS);
        return problem != null ? problem : Checks.classLabel(inputs, i, inputs.group(Role.LOGITS).length);
    }

    @Override
    public String toString() { return spec(); }
}
