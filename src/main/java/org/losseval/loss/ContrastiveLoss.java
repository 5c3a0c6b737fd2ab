package org.losseval.loss;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.losseval.loss.math.Contrastive;

/**
 * Contrastive loss of pairs (Hadsell, Chopra, LeCun 2006): a similar pair costs its squared distance, a
 * dissimilar pair costs only while closer than the margin m,
 * <pre>
 *   loss = ½·d²                 for a similar pair
 *          ½·max(0, m − d)²     for a dissimilar pair
 * </pre>
 * with d given ({@code --distance}, preferred) or the Euclidean distance of two embeddings ({@code --x1},
 * {@code --x2}); labels in {@code --target}. Math in {@link Contrastive}; PyTorch has no built-in.
 *
 * <p>Parameters: {@code margin}, default 1, &gt; 0; {@code similar}, default 0, 0 or 1: the label that
 * means "similar". The default follows the seed (0 = similar, 1 = dissimilar); {@code similar=1} is the
 * convention of libraries that label matching pairs 1.
 *
 * <p>Edge cases: a label other than 0 or 1 and a negative distance are invalid; embeddings with different
 * numbers of columns are a {@linkplain #formProblem form problem}.
 */
public record ContrastiveLoss(double margin, boolean similarIsOne) implements RowLoss {

    public static final LossDefinition DEFINITION = new LossDefinition(
            "contrastive", List.of(), "contrastive loss of pairs: pulls similar pairs together, pushes others past a margin",
            "0.5 d^2 for a similar pair, 0.5 max(0, margin - d)^2 for a dissimilar one",
            "the seed's convention (label 0 = similar); Hadsell et al. 2006",
            List.of(ParamDefinition.number("margin", 1.0, "> 0", v -> v > 0,
                            "distance beyond which a dissimilar pair costs nothing"),
                    ParamDefinition.number("similar", 0.0, "0 or 1", v -> v == 0 || v == 1,
                            "the label that marks a similar pair (0: the seed's convention)")),
            List.of(List.of(Role.DISTANCE, Role.TARGET), List.of(Role.X1, Role.X2, Role.TARGET)),
            params -> new ContrastiveLoss(params.get("margin"), params.get("similar") == 1));

    public ContrastiveLoss {
        Definitions.checked(DEFINITION, "margin", margin);
    }

    @Override public LossDefinition definition() { return DEFINITION; }

    @Override
    public Map<String, Double> params() {
        return Definitions.params().put("margin", margin).put("similar", similarIsOne ? 1.0 : 0.0).build();
    }

    @Override
    public int rowLosses(LossInputs inputs, double[] out, int n) {
        double[] labels = inputs.column(Role.TARGET);
        if (inputs.has(Role.DISTANCE)) {
            double[] distance = inputs.column(Role.DISTANCE);
            for (int i = 0; i < n; i++) out[i] = Contrastive.fromDistance(distance[i], labels[i], margin, similarIsOne);
        } else {
            double[][] x1 = inputs.group(Role.X1);
            double[][] x2 = inputs.group(Role.X2);
            for (int i = 0; i < n; i++) out[i] = Contrastive.fromEmbeddings(x1, x2, i, labels[i], margin, similarIsOne);
        }
        return 0;
    }

    @Override
    public String formProblem(ToIntFunction<Role> columns) {
        return columns.applyAsInt(Role.DISTANCE) > 0 ? null : Checks.sameColumns(columns, Role.X1, Role.X2);
    }

    @Override
    public RowProblem check(LossInputs inputs, int i) {
        if (inputs.has(Role.DISTANCE)) {
            if (inputs.column(Role.DISTANCE)[i] < 0) return new RowProblem(Role.DISTANCE, 0, Checks.NEGATIVE_DISTANCE);
        } else {
            RowProblem problem = Checks.form(this, inputs, Role.X2);
            if (problem != null) return problem;
        }
        return Checks.binaryLabel(inputs, i);
    }
}
