package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.Distillation;

/**
 * Knowledge-distillation loss (Hinton, Vinyals, Dean 2015) of a student ({@code --logits}) against a teacher
 * ({@code --teacher-logits}) and the hard labels ({@code --target}):
 * <pre>
 *   loss = α·CE(student, y) + (1 − α)·T²·KL( softmax(teacher / T) ‖ softmax(student / T) )
 * </pre>
 * then the mean over rows. The usual PyTorch form, {@code α·F.cross_entropy(s, y) + (1 − α)·T²·
 * F.kl_div(log_softmax(s/T), softmax(t/T), reduction='batchmean')} (math in {@link Distillation}).
 *
 * <p>Parameters: {@code T} (Hinton's notation, so upper case), default 1, &gt; 0, the softmax temperature;
 * {@code alpha}, default 0.5, in [0, 1], the weight of the hard-label term. A label that is not an integer in
 * [0, C) is invalid; teacher and student with different numbers of columns are a
 * {@linkplain #formProblem form problem}.
 */
public record DistillationLoss(double temperature, double alpha) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "distillation", List.of(), "knowledge distillation: hard-label ce plus T^2 KL to a teacher's soft labels",
            "alpha ce(s, y) + (1 - alpha) T^2 KL(softmax(t / T) || softmax(s / T)), s student, t teacher logits",
            "Hinton et al. 2015, as written with PyTorch cross_entropy and kl_div(batchmean)",
            List.of(ParamDefinition.number("T", 1.0, "> 0", v -> v > 0, "softmax temperature of the soft term"),
                    ParamDefinition.number("alpha", 0.5, "[0, 1]", v -> v >= 0 && v <= 1,
                            "weight of the hard-label term; the soft term gets 1 - alpha")),
            List.of(List.of(Role.LOGITS, Role.TEACHER_LOGITS, Role.TARGET)),
            params -> new DistillationLoss(params.get("T"), params.get("alpha")));

    public DistillationLoss {
        Definitions.checked(DEFINITION, "T", temperature);
        Definitions.checked(DEFINITION, "alpha", alpha);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("T", temperature).put("alpha", alpha).build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] student = inputs.group(Role.LOGITS);
        double[][] teacher = inputs.group(Role.TEACHER_LOGITS);
        double[] labels = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = Distillation.of(student, teacher, i, (int) labels[i], alpha, temperature);
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return Checks.sameColumns(columns, Role.LOGITS, Role.TEACHER_LOGITS);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        RowProblem problem = Checks.form(this, inputs, Role.TEACHER_LOGITS);
        return problem != null ? problem : Checks.classLabel(inputs, i, inputs.group(Role.LOGITS).length);
    }
}
