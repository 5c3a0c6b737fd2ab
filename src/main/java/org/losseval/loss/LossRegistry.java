package org.losseval.loss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every loss losseval knows, in the order they are listed: regression, binary classification, multi-class
 * classification and distributions, embeddings. Names and aliases are unique across the
 * registry (checked when it is built), so a name finds at most one definition.
 */
public final class LossRegistry {

    private static final LossRegistry BUILT_IN = new LossRegistry(List.of(
            Mse.DEFINITION, Rmse.DEFINITION, Mae.DEFINITION, Huber.DEFINITION, SmoothL1.DEFINITION,
            LogCosh.DEFINITION, Pinball.DEFINITION, Mape.DEFINITION, Msle.DEFINITION,
            R2.DEFINITION, ExplainedVariance.DEFINITION, Bias.DEFINITION, MaxError.DEFINITION, Medae.DEFINITION,
            Smape.DEFINITION,
            Poisson.DEFINITION, Gamma.DEFINITION, Tweedie.DEFINITION, GaussianNll.DEFINITION,
            Bce.DEFINITION, Focal.DEFINITION, ZeroOne.DEFINITION, Ece.DEFINITION, Hinge.DEFINITION, SquaredHinge.DEFINITION, BrierScore.DEFINITION,
            Ce.DEFINITION, Kl.DEFINITION, FocalMulticlass.DEFINITION, MultiMarginLoss.DEFINITION,
            DistillationLoss.DEFINITION,
            ContrastiveLoss.DEFINITION, TripletMarginLoss.DEFINITION, InfoNceLoss.DEFINITION));

    private final List<LossDefinition> definitions;

    /** @throws IllegalArgumentException if a name or alias is used twice */
    public LossRegistry(List<LossDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        Set<String> seen = new HashSet<>();
        for (LossDefinition d : this.definitions) {
            List<String> names = new ArrayList<>(d.aliases());
            names.add(0, d.name());
            for (String name : names) {
                if (!seen.add(name)) throw new IllegalArgumentException("loss name '" + name + "' is used twice");
            }
        }
    }

    /** The built-in losses (one shared immutable instance). */
    public static LossRegistry builtIn() { return BUILT_IN; }

    public List<LossDefinition> definitions() { return definitions; }

    /** The canonical names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (LossDefinition d : definitions) names.add(d.name());
        return names;
    }

    /** The definition with this name or alias, or null. Names are case-sensitive. */
    public LossDefinition find(String nameOrAlias) {
        for (LossDefinition d : definitions) {
            if (d.name().equals(nameOrAlias) || d.aliases().contains(nameOrAlias)) return d;
        }
        return null;
    }
}
