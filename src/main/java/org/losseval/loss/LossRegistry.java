package org.losseval.loss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every loss losseval knows, in the order they are listed: regression, binary classification, multi-class
 * classification and distributions, embeddings. Names and aliases are unique across the
 * registry (checked when it is built), so a name finds at most one definition.
 *
 * <p>The built-in registry is an index of names and aliases that loads a loss's class (its definition, the
 * lambdas of its factory and parameter checks) only when that loss is looked up: a run of {@code -l mse} loads
 * one loss class, not all 34 (with their ~60 lambdas, which cost start-up time). Listing every
 * {@link #definitions()} loads them all. The index repeats each definition's name and aliases; a definition
 * that disagrees with its row is refused when it is loaded, and LossRegistryTest loads them all.
 */
public final class LossRegistry {

    /** The built-in losses: each row a canonical name, then its aliases, in listing order. */
    private static final String[][] BUILT_IN_NAMES = {
            {"mse"}, {"rmse"}, {"mae", "l1"}, {"huber"}, {"smooth_l1"}, {"log_cosh"}, {"pinball", "quantile"},
            {"mape"}, {"msle"}, {"r2", "r2_score"}, {"explained_variance"}, {"bias", "mean_error"}, {"max_error"},
            {"medae", "median_absolute_error"}, {"smape"},
            {"poisson"}, {"gamma"}, {"tweedie"}, {"gaussian_nll"},
            {"bce"}, {"focal"}, {"zero_one", "error_rate"}, {"ece", "calibration_error"}, {"hinge"},
            {"squared_hinge"}, {"brier"},
            {"ce"}, {"kl"}, {"focal_multiclass"}, {"multi_margin"}, {"distillation"},
            {"contrastive"}, {"triplet"}, {"infonce"},
    };

    private static final LossRegistry BUILT_IN = new LossRegistry(BUILT_IN_NAMES);

    /** Canonical names, in order, and each one's aliases. */
    private final List<String> names;
    private final List<List<String>> aliases;
    /** Each name's definition, filled on first use for the built-in registry (a race stores the same object). */
    private final LossDefinition[] definitions;

    /** @throws IllegalArgumentException if a name or alias is used twice */
    public LossRegistry(List<LossDefinition> definitions) {
        List<String> names = new ArrayList<>();
        List<List<String>> aliases = new ArrayList<>();
        for (LossDefinition d : definitions) {
            names.add(d.name());
            aliases.add(d.aliases());
        }
        this.names = List.copyOf(names);
        this.aliases = List.copyOf(aliases);
        this.definitions = definitions.toArray(new LossDefinition[0]);
        checkUnique();
    }

    private LossRegistry(String[][] rows) {
        List<String> names = new ArrayList<>();
        List<List<String>> aliases = new ArrayList<>();
        for (String[] row : rows) {
            names.add(row[0]);
            aliases.add(List.of(row).subList(1, row.length));
        }
        this.names = List.copyOf(names);
        this.aliases = List.copyOf(aliases);
        this.definitions = new LossDefinition[rows.length];
        checkUnique();
    }

    private void checkUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) throw new IllegalArgumentException("loss name '" + names.get(i) + "' is used twice");
            for (String alias : aliases.get(i)) {
                if (!seen.add(alias)) throw new IllegalArgumentException("loss name '" + alias + "' is used twice");
            }
        }
    }

    /** The built-in losses (one shared immutable instance). */
    public static LossRegistry builtIn() { return BUILT_IN; }

    /** Every definition, in order (for the built-in registry this loads every loss class). */
    public List<LossDefinition> definitions() {
        List<LossDefinition> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) all.add(definition(i));
        return List.copyOf(all);
    }

    /** The canonical names, in order. */
    public List<String> names() { return names; }

    /** The definition with this name or alias, or null. Names are case-sensitive. */
    public LossDefinition find(String nameOrAlias) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(nameOrAlias) || aliases.get(i).contains(nameOrAlias)) return definition(i);
        }
        return null;
    }

    private LossDefinition definition(int i) {
        LossDefinition d = definitions[i];
        if (d == null) {
            d = builtInDefinition(names.get(i));
            if (!d.name().equals(names.get(i)) || !d.aliases().equals(aliases.get(i))) {
                throw new IllegalStateException("the registry lists " + names.get(i) + " " + aliases.get(i)
                        + " but its definition is " + d.name() + " " + d.aliases());
            }
            definitions[i] = d;
        }
        return d;
    }

    /** A built-in loss's definition, by canonical name; the class of that loss is loaded here, not before. */
    private static LossDefinition builtInDefinition(String name) {
        return switch (name) {
            case "mse" -> Mse.DEFINITION;
            case "rmse" -> Rmse.DEFINITION;
            case "mae" -> Mae.DEFINITION;
            case "huber" -> Huber.DEFINITION;
            case "smooth_l1" -> SmoothL1.DEFINITION;
            case "log_cosh" -> LogCosh.DEFINITION;
            case "pinball" -> Pinball.DEFINITION;
            case "mape" -> Mape.DEFINITION;
            case "msle" -> Msle.DEFINITION;
            case "r2" -> R2.DEFINITION;
            case "explained_variance" -> ExplainedVariance.DEFINITION;
            case "bias" -> Bias.DEFINITION;
            case "max_error" -> MaxError.DEFINITION;
            case "medae" -> Medae.DEFINITION;
            case "smape" -> Smape.DEFINITION;
            case "poisson" -> Poisson.DEFINITION;
            case "gamma" -> Gamma.DEFINITION;
            case "tweedie" -> Tweedie.DEFINITION;
            case "gaussian_nll" -> GaussianNll.DEFINITION;
            case "bce" -> Bce.DEFINITION;
            case "focal" -> Focal.DEFINITION;
            case "zero_one" -> ZeroOne.DEFINITION;
            case "ece" -> Ece.DEFINITION;
            case "hinge" -> Hinge.DEFINITION;
            case "squared_hinge" -> SquaredHinge.DEFINITION;
            case "brier" -> BrierScore.DEFINITION;
            case "ce" -> Ce.DEFINITION;
            case "kl" -> Kl.DEFINITION;
            case "focal_multiclass" -> FocalMulticlass.DEFINITION;
            case "multi_margin" -> MultiMarginLoss.DEFINITION;
            case "distillation" -> DistillationLoss.DEFINITION;
            case "contrastive" -> ContrastiveLoss.DEFINITION;
            case "triplet" -> TripletMarginLoss.DEFINITION;
            case "infonce" -> InfoNceLoss.DEFINITION;
            default -> throw new IllegalStateException("no built-in loss " + name);
        };
    }
}
