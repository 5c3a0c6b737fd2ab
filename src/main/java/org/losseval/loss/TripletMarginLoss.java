package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.Triplet;

/**
 * Triplet margin loss of (anchor, positive, negative) embeddings ({@code --anchor}, {@code --positive},
 * {@code --negative}, the same number of columns each):
 * <pre>
 *   loss = max(margin + d(a, p) − d(a, n), 0),    d(x, y) = ‖x − y + eps‖_p
 * </pre>
 * with the "distance swap" (Balntas et al. 2016) {@code d(a, n) → min(d(a, n), d(p, n))} when swap = 1.
 * Follows PyTorch {@code TripletMarginLoss(margin, p, eps, swap)} (math in {@link Triplet}), including its
 * eps added to the difference, so identical embeddings are eps·D^(1/p) apart, not 0.
 *
 * <p>Parameters: {@code margin}, default 1, &gt;= 0; {@code p}, default 2, &gt; 0, the norm; {@code eps},
 * default 1e-6, &gt;= 0; {@code swap}, default 0, 0 or 1. Any finite embedding is valid.
 */
public record TripletMarginLoss(double margin, double p, double eps, boolean swap) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "triplet", List.of(), "triplet margin loss: the anchor closer to the positive than to the negative by a margin",
            "max(margin + d(a, p) - d(a, n), 0), d(x, y) = ||x - y + eps||_p",
            "PyTorch TripletMarginLoss",
            List.of(ParamDefinition.number("margin", 1.0, ">= 0", v -> v >= 0,
                            "how much closer the positive must be than the negative"),
                    ParamDefinition.number("p", 2.0, "> 0", v -> v > 0, "the norm of the distance"),
                    ParamDefinition.number("eps", Triplet.DEFAULT_EPS, ">= 0", v -> v >= 0,
                            "added to each difference before the norm, as PyTorch's pairwise_distance"),
                    ParamDefinition.number("swap", 0.0, "0 or 1", v -> v == 0 || v == 1,
                            "1: use the closer of d(a, n) and d(p, n) as the negative distance")),
            List.of(List.of(Role.ANCHOR, Role.POSITIVE, Role.NEGATIVE)),
            params -> new TripletMarginLoss(params.get("margin"), params.get("p"), params.get("eps"),
                    params.get("swap") == 1));

    public TripletMarginLoss {
        Definitions.checked(DEFINITION, "margin", margin);
        Definitions.checked(DEFINITION, "p", p);
        Definitions.checked(DEFINITION, "eps", eps);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("margin", margin).put("p", p).put("eps", eps).put("swap", swap ? 1.0 : 0.0)
                .build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[][] anchor = inputs.group(Role.ANCHOR);
        double[][] positive = inputs.group(Role.POSITIVE);
        double[][] negative = inputs.group(Role.NEGATIVE);
        for (int i = 0; i < n; i++) out[i] = Triplet.of(anchor, positive, negative, i, margin, p, eps, swap);
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        String problem = Checks.sameColumns(columns, Role.ANCHOR, Role.POSITIVE);
        return problem != null ? problem : Checks.sameColumns(columns, Role.ANCHOR, Role.NEGATIVE);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        return Checks.form(this, inputs, Role.ANCHOR);
    }
}
