package org.losseval.loss;

import java.util.List;
import java.util.Map;

/**
 * Gaussian negative log-likelihood of the target under N(pred, var): PyTorch 1.13
 * {@code torch.nn.GaussianNLLLoss(full, eps, reduction='mean')},
 * <pre>
 *   0.5 (log(max(var, eps)) + (pred - target)² / max(var, eps))  [+ 0.5 log(2π) when full = 1]
 * </pre>
 * The variance comes from {@code --var}, or from {@code --std} squared (rounded once; PyTorch takes a
 * variance). Parameters: {@code full} (0 or 1, default 0: PyTorch leaves the constant out by default) and
 * {@code eps} (default 1e-6, &gt; 0), the floor PyTorch clamps the variance at "for stability".
 *
 * <p>Edge cases, PyTorch's: a negative variance (or standard deviation) is invalid input (PyTorch raises
 * "var has negative entry/entries"); a variance below eps, 0 included, is clamped to eps, and the rows
 * clamped are counted in the report's clamped figure, as the log clamps of bce are. Weighted as every
 * mean here, Σ w·l / Σ w (PyTorch has no sample weights). {@link StrictMath#log} so the bits are the same
 * everywhere.
 */
public record GaussianNll(boolean full, double eps) implements RowLoss {

    /** 0.5 log(2π), the constant PyTorch adds when full. */
    static final double HALF_LOG_2PI = 0.5 * StrictMath.log(2 * Math.PI);

    public static final LossDefinition DEFINITION = new LossDefinition(
            "gaussian_nll", List.of(), "Gaussian negative log-likelihood of the target, from a predicted mean and variance",
            "0.5 (log(max(var, eps)) + (pred - target)^2 / max(var, eps)), + 0.5 log(2 pi) if full",
            "PyTorch GaussianNLLLoss",
            List.of(ParamDefinition.integer("full", 0, "0 or 1", v -> v == 0 || v == 1,
                            "1 adds the constant 0.5 log(2 pi), as PyTorch's full=True"),
                    ParamDefinition.number("eps", 1e-6, "> 0", v -> v > 0, "the variance is clamped at this floor")),
            List.of(List.of(Role.PRED, Role.TARGET, Role.VAR), List.of(Role.PRED, Role.TARGET, Role.STD)),
            params -> new GaussianNll(params.get("full") == 1, params.get("eps")));

    /** The skip reason of a negative variance or standard deviation. */
    static final String NEGATIVE_VARIANCE = "negative variance for gaussian_nll";

    public GaussianNll {
        Definitions.checked(DEFINITION, "eps", eps);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("full", full ? 1 : 0).put("eps", eps).build();
    }

    /** The loss of one row from its variance: the scalar reference. */
    public double rowLoss(double pred, double target, double var) {
        double v = Math.max(var, eps);
        double r = pred - target;
        double loss = 0.5 * (StrictMath.log(v) + r * r / v);
        return full ? loss + HALF_LOG_2PI : loss;
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] pred = inputs.column(Role.PRED);
        double[] target = inputs.column(Role.TARGET);
        boolean fromStd = !inputs.has(Role.VAR);
        double[] spread = inputs.column(fromStd ? Role.STD : Role.VAR);
        int clamped = 0;
        for (int i = 0; i < n; i++) {
            double var = fromStd ? spread[i] * spread[i] : spread[i];
            if (var < eps) clamped++;
            out[i] = rowLoss(pred[i], target[i], var);
        }
        return clamped;
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        Role role = inputs.has(Role.VAR) ? Role.VAR : Role.STD;
        return inputs.column(role)[i] < 0 ? new RowProblem(role, 0, NEGATIVE_VARIANCE) : null;
    }
}
