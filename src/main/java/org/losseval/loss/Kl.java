package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.loss.math.KlDivergence;

/**
 * Kullback–Leibler divergence of the predicted distribution q from a target distribution p
 * ({@code --target-probs}), per row, then the mean over rows:
 * <pre>
 *   kl = Σ_c p_c·(log p_c − log q_c),   0·log 0 = 0,   q = softmax(z) or given probabilities
 * </pre>
 * Follows PyTorch {@code F.kl_div(log q, p, reduction='batchmean')} (math in {@link KlDivergence}). q comes
 * from logits ({@code --logits}, preferred) or probabilities ({@code --probs}, each log q clamped at −100 as
 * in {@link Bce}; {@link #rowLosses} returns the clamped rows). No parameters.
 *
 * <p>Edge cases: a negative target probability or a predicted probability outside [0, 1] is invalid; neither
 * distribution is renormalized (PyTorch does not either); a target distribution whose size differs from the
 * predicted one is a {@linkplain #formProblem form problem}.
 */
public record Kl() implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "kl", List.of(), "Kullback-Leibler divergence of the predicted distribution from a target distribution",
            "sum_c p_c (log p_c - log q_c), p the target, q = softmax(z) or given probabilities",
            "PyTorch kl_div(reduction='batchmean')",
            List.of(), List.of(List.of(Role.LOGITS, Role.TARGET_PROBS), List.of(Role.PROBS, Role.TARGET_PROBS)),
            params -> new Kl());

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override public Map<String, Double> params() { return Map.of(); }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] target = inputs.group(Role.TARGET_PROBS);
        if (inputs.has(Role.LOGITS)) {
            fromLogits(inputs.classificationKernels(), target, inputs.group(Role.LOGITS), out, n);
            return 0;
        }
        double[][] probs = inputs.group(Role.PROBS);
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            out[i] = KlDivergence.fromProbabilities(target, probs, i);
            if (KlDivergence.clamps(target, probs, i)) clamped++;
        }
        return clamped;
    }

    /**
     * sum_c p_c (log p_c - log softmax(z)_c) on the kernels, with 0 log 0 = 0 (PyTorch's kl_div). Within a few
     * ulp of the StrictMath reference {@link KlDivergence#fromLogits}, the same bits at every vector width.
     */
    private static void fromLogits(ClassificationKernels kernels, double[][] target, double[][] logits, double[] out,
                                   int n) {
        int classes = logits.length;
        double[][] logQ = new double[classes][n];
        kernels.logSoftmax(logits, classes, logQ, n);
        double[] logP = new double[n];
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int c = 0; c < classes; c++) {
            double[] p = target[c];
            kernels.log(p, logP, n);
            double[] q = logQ[c];
            for (int i = 0; i < n; i++) {
                if (p[i] > 0) out[i] += p[i] * (logP[i] - q[i]);
            }
        }
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return Checks.sameColumns(columns, columns.applyAsInt(Role.LOGITS) > 0 ? Role.LOGITS : Role.PROBS,
                Role.TARGET_PROBS);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        boolean logits = inputs.has(Role.LOGITS);
        RowProblem problem = Checks.form(this, inputs, logits ? Role.LOGITS : Role.PROBS);
        if (problem == null && !logits) problem = Checks.probabilities(inputs, Role.PROBS, i);
        return problem != null ? problem : Checks.targetDistribution(inputs, i);
    }
}
