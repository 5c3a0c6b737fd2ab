package org.losseval.loss;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.CrossEntropy;

/**
 * Multi-class cross-entropy, from logits ({@code --logits}) or probabilities ({@code --probs}), one column per
 * class, against integer labels ({@code --target}) or a target distribution ({@code --target-probs}). With
 * {@code lp = log_softmax(z)} (or {@code max(log p, −100)}), C classes, class weights w, label smoothing ε:
 * <pre>
 *   integer label y:   numerator = (1 − ε)·w_y·(−lp_y) + (ε / C)·Σ_c w_c·(−lp_c),   row weight = w_y
 *   distribution t:    numerator = Σ_c w_c·t'_c·(−lp_c),  t' = (1 − ε)·t + ε / C,  row weight = 1
 *   ce = Σ numerator / Σ row weight
 * </pre>
 *
 * <p>Follows PyTorch {@code F.cross_entropy(weight, ignore_index, label_smoothing)} with
 * {@code reduction='mean'}, which is a weighted mean: the loss {@linkplain #weighsRows weighs rows} itself,
 * {@link #rowLosses} gives the per-row numerator (math in {@link CrossEntropy}) and {@link #rowWeights} the
 * per-row denominator, w_y (1 without class weights) and 0 for a row whose label is {@code ignore_index}, so
 * the evaluator's Σ w·l / Σ w with l = numerator / w is PyTorch's mean and rows with weight 0 are not counted.
 * With a target distribution PyTorch divides by the number of rows and has no ignore_index: row weight 1.
 * From probabilities each log is clamped at −100 as in {@link Bce}, and {@link #rowLosses} returns the
 * clamped rows; probabilities need not sum to 1 (PyTorch's nll_loss does not check either).
 *
 * <p>Inputs, in order of preference: {@code --logits} and {@code --target}, {@code --logits} and
 * {@code --target-probs}, {@code --probs} and {@code --target}, {@code --probs} and {@code --target-probs}.
 * Parameters: {@code label_smoothing}, default 0, in [0, 1]; {@code weight}, a list of C class weights
 * &gt;= 0, default none; {@code ignore_index}, an integer, default −100 (PyTorch's).
 *
 * <p>Edge cases: a label that is not an integer in [0, C) (nor ignore_index) is invalid, as are a
 * probability outside [0, 1] and a negative target probability; a weight list or target distribution whose
 * size is not C is a {@linkplain #formProblem form problem}. When every row is ignored (or has class weight
 * 0), Σ w is 0 and the mean is NaN, as in PyTorch. The row loss is numerator / w_y (0 for a row of weight
 * 0), so that weight × loss is the numerator. One PyTorch combination is refused as a form problem: label
 * smoothing with a class weight of 0 and integer labels, where PyTorch's numerator keeps the smoothing term
 * of rows that its denominator leaves out ({@link #ZERO_WEIGHT_WITH_SMOOTHING}).
 */
public final class Ce implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "ce", List.of(), "multi-class cross-entropy of logits or probabilities, with PyTorch's options",
            "(1 - eps) w_y (-log softmax(z)_y) + eps / C sum_c w_c (-log softmax(z)_c), mean weighted by w_y; "
                    + "sum_c w_c t'_c (-log softmax(z)_c) for a target distribution t",
            "PyTorch cross_entropy (mean weighted by w[y], ignore_index rows left out)",
            List.of(ParamDefinition.number("label_smoothing", 0.0, "[0, 1]", v -> v >= 0 && v <= 1,
                            "mixes the target with the uniform distribution: (1 - eps) target + eps / C"),
                    ParamDefinition.list("weight", ">= 0", v -> v >= 0,
                            "one weight per class, e.g. weight=[1,2,0.5]; the mean divides by the sum of w[y]"),
                    ParamDefinition.integer("ignore_index", CrossEntropy.DEFAULT_IGNORE_INDEX, "an integer", v -> v == Math.rint(v),
                            "rows with this label count in neither sum (integer labels only)")),
            List.of(List.of(Role.LOGITS, Role.TARGET), List.of(Role.LOGITS, Role.TARGET_PROBS),
                    List.of(Role.PROBS, Role.TARGET), List.of(Role.PROBS, Role.TARGET_PROBS)),
            params -> new Ce(params.get("label_smoothing"), Definitions.list(params, "weight"),
                    (int) (double) params.get("ignore_index")));

    /**
     * PyTorch adds the smoothing term of a row whose label has class weight 0 to the numerator of its mean but
     * adds nothing to the denominator: a per-row weighted mean cannot express that, so it is refused.
     */
    static final String ZERO_WEIGHT_WITH_SMOOTHING = "label_smoothing with a class weight of 0 and integer labels is"
            + " not supported (PyTorch's mean counts the smoothing term of rows it gives no weight)";

    private final double labelSmoothing;
    private final double[] classWeights;
    private final int ignoreIndex;

    /** @param classWeights one weight per class, or null for none */
    public Ce(double labelSmoothing, double[] classWeights, int ignoreIndex) {
        this.labelSmoothing = Definitions.checked(DEFINITION, "label_smoothing", labelSmoothing);
        this.classWeights = Definitions.checkedList(DEFINITION, "weight", classWeights);
        this.ignoreIndex = ignoreIndex;
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("label_smoothing", labelSmoothing).putList("weight", classWeights)
                .put("ignore_index", ignoreIndex).build();
    }

    /** Always: with integer labels, ignore_index can apply even without class weights. */
    @Override public boolean weighsRows() { return true; }

    @Override
    public void rowWeights(LossInputs inputs, double[] out, int n) {
        if (!inputs.has(Role.TARGET)) {
            Arrays.fill(out, 0, n, 1.0);
            return;
        }
        double[] labels = inputs.column(Role.TARGET);
        for (int i = 0; i < n; i++) out[i] = CrossEntropy.denominator((int) labels[i], classWeights, ignoreIndex);
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        boolean logits = inputs.has(Role.LOGITS);
        double[][] x = inputs.group(logits ? Role.LOGITS : Role.PROBS);
        int clamped = 0;
        if (inputs.has(Role.TARGET)) {
            double[] labels = inputs.column(Role.TARGET);
            if (logits && labelSmoothing == 0 && !anyIgnored(labels, n)) {
                // The common case goes through the vectorized kernel: -log softmax(z)_y, which is also
                // numerator / w_y whatever the class weights (rows of weight 0 get 0, as below).
                // The softmax parts are the batch's shared ones (LossInputs.logitSoftmax): the same bits as
                // logSoftmaxAt's own, and ece and the reliability diagram then read the top class's probability
                // from them instead of computing the exps again.
                inputs.classificationKernels().logSoftmaxAt(inputs.logitSoftmax(), x, x.length, labels, out, n);
                for (int i = 0; i < n; i++) {
                    out[i] = CrossEntropy.denominator((int) labels[i], classWeights, ignoreIndex) == 0 ? 0 : -out[i];
                }
                return 0;
            }
            for (int i = 0; i < n; i++) {
                int y = (int) labels[i];
                double numerator;
                if (logits) {
                    numerator = CrossEntropy.fromLogits(x, i, y, classWeights, labelSmoothing, ignoreIndex);
                } else {
                    numerator = CrossEntropy.fromProbabilities(x, i, y, classWeights, labelSmoothing, ignoreIndex);
                    if (CrossEntropy.clamps(x, i, y, classWeights, labelSmoothing, ignoreIndex)) clamped++;
                }
                // the evaluator sums weight * loss: the row loss is numerator / w_y, so that term is the numerator
                double weight = CrossEntropy.denominator(y, classWeights, ignoreIndex);
                out[i] = weight == 0 ? 0 : numerator / weight;
            }
            return clamped;
        }
        double[][] target = inputs.group(Role.TARGET_PROBS);
        for (int i = 0; i < n; i++) {
            if (logits) {
                out[i] = CrossEntropy.fromLogitsSoft(x, i, target, classWeights, labelSmoothing);
            } else {
                out[i] = CrossEntropy.fromProbabilitiesSoft(x, i, target, classWeights, labelSmoothing);
                if (CrossEntropy.clampsSoft(x, i, target, classWeights, labelSmoothing)) clamped++;
            }
        }
        return clamped;
    }

    private boolean anyIgnored(double[] labels, int n) {
        for (int i = 0; i < n; i++) {
            if (labels[i] == ignoreIndex) return true;
        }
        return false;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        Role classes = columns.applyAsInt(Role.LOGITS) > 0 ? Role.LOGITS : Role.PROBS;
        String problem = Checks.listSize("weight", classWeights, columns, classes);
        if (problem != null) return problem;
        if (columns.applyAsInt(Role.TARGET) == 0) return Checks.sameColumns(columns, classes, Role.TARGET_PROBS);
        return labelSmoothing > 0 && hasZeroWeight() ? ZERO_WEIGHT_WITH_SMOOTHING : null;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        Role classes = inputs.has(Role.LOGITS) ? Role.LOGITS : Role.PROBS;
        RowProblem problem = Checks.form(this, inputs, classes);
        if (problem == null && classes == Role.PROBS) problem = Checks.probabilities(inputs, Role.PROBS, i);
        if (problem != null) return problem;
        return inputs.has(Role.TARGET)
                ? Checks.classLabel(inputs, i, inputs.group(classes).length, ignoreIndex)
                : Checks.targetDistribution(inputs, i);
    }

    private boolean hasZeroWeight() {
        if (classWeights == null) return false;
        for (double w : classWeights) {
            if (w == 0) return true;
        }
        return false;
    }

    @Override
    public String toString() { return spec(); }
}
