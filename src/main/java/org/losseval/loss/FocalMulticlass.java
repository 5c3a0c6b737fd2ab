package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.MulticlassFocal;

/**
 * Multi-class focal loss (Lin et al. 2017, eq. 5, with a softmax): cross-entropy scaled down on rows whose
 * label already has a high probability,
 * <pre>
 *   loss = −α_y·(1 − p_y)^γ·log p_y,    p = softmax(z)
 * </pre>
 * then the mean over rows. PyTorch has no built-in; the reference is these torch ops on log_softmax (math in
 * {@link MulticlassFocal}, which keeps the tiny losses of confident rows). γ = 0 without α is plain ce.
 *
 * <p>Inputs: {@code --logits} (one column per class) and {@code --target} (integer labels in [0, C)).
 * Parameters: {@code gamma}, default 2, &gt;= 0; {@code alpha}, a list of C per-class weights &gt;= 0, default
 * none (α_y = 1). A label that is not a class is invalid; an alpha list whose size is not C is a
 * {@linkplain #formProblem form problem}. α does not enter the denominator: the mean is over rows.
 */
public final class FocalMulticlass implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "focal_multiclass", List.of(), "multi-class focal loss: softmax cross-entropy scaled down on easy rows",
            "-alpha_y (1 - p_y)^gamma log p_y, p = softmax(z)",
            "Lin et al. 2017 (eq. 5) with softmax; no PyTorch built-in",
            List.of(ParamDefinition.number("gamma", 2.0, ">= 0", v -> v >= 0, "focusing exponent; 0 gives ce"),
                    ParamDefinition.list("alpha", ">= 0", v -> v >= 0,
                            "one weight per class, e.g. alpha=[0.25,0.75]; none weighs every class 1")),
            List.of(List.of(Role.LOGITS, Role.TARGET)),
            params -> new FocalMulticlass(params.get("gamma"), Definitions.list(params, "alpha")));

    private final double gamma;
    private final double[] classAlpha;

    /** @param classAlpha one α per class, or null for none */
    public FocalMulticlass(double gamma, double[] classAlpha) {
        this.gamma = Definitions.checked(DEFINITION, "gamma", gamma);
        this.classAlpha = Definitions.checkedList(DEFINITION, "alpha", classAlpha);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("gamma", gamma).putList("alpha", classAlpha).build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] logits = inputs.group(Role.LOGITS);
        double[] labels = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = MulticlassFocal.fromLogits(logits, i, (int) labels[i], gamma, classAlpha);
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return Checks.listSize("alpha", classAlpha, columns, Role.LOGITS);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        RowProblem problem = Checks.form(this, inputs, Role.LOGITS);
        return problem != null ? problem : Checks.classLabel(inputs, i, inputs.group(Role.LOGITS).length);
    }

    @Override
    public String toString() { return spec(); }
}
