package org.losseval.loss.math;

import java.util.Map;

/**
 * Maps a fixture line (loss name and parameters, as {@code make_reference.py} names them) to the
 * function under test, and gives the per-row numerator and denominator of PyTorch's reduction.
 */
final class FixtureLosses {
    private FixtureLosses() {}

    static double numerator(ClassificationFixtures.Case c, String loss, Map<String, String> params, int row) {
        return switch (loss) {
            case "bce" -> BinaryCrossEntropy.fromProbability(c.column("p")[row], c.column("y")[row]);
            case "bce_logits" -> BinaryCrossEntropy.fromLogit(c.column("z")[row], c.column("y")[row],
                    number(params, "pos_weight"));
            case "focal_logits" -> BinaryFocal.fromLogit(c.column("z")[row], c.column("y")[row],
                    number(params, "gamma"), number(params, "alpha"));
            case "focal_prob" -> BinaryFocal.fromProbability(c.column("p")[row], c.column("y")[row],
                    number(params, "gamma"), number(params, "alpha"));
            case "hinge" -> MarginLosses.hinge(c.column("z")[row], MarginLosses.signedLabel(c.column("y")[row]));
            case "squared_hinge" -> MarginLosses.squaredHinge(c.column("z")[row],
                    MarginLosses.signedLabel(c.column("y")[row]));
            case "brier" -> Brier.of(c.column("p")[row], c.column("y")[row]);
            case "ce" -> CrossEntropy.fromLogits(c.columns("logits"), row, label(c, "label_ignore", row),
                    weights(c, params), number(params, "label_smoothing"), CrossEntropy.DEFAULT_IGNORE_INDEX);
            case "ce_soft" -> CrossEntropy.fromLogitsSoft(c.columns("logits"), row, c.columns("target"),
                    weights(c, params), number(params, "label_smoothing"));
            case "ce_prob" -> CrossEntropy.fromProbabilities(c.columns("probs"), row, label(c, "label_ignore", row),
                    weights(c, params), number(params, "label_smoothing"), CrossEntropy.DEFAULT_IGNORE_INDEX);
            case "ce_prob_soft" -> CrossEntropy.fromProbabilitiesSoft(c.columns("probs"), row, c.columns("target"),
                    weights(c, params), number(params, "label_smoothing"));
            case "kl" -> KlDivergence.fromLogits(c.columns("target"), c.columns("logits"), row);
            case "kl_prob" -> KlDivergence.fromProbabilities(c.columns("target"), c.columns("probs"), row);
            case "focal_mc" -> MulticlassFocal.fromLogits(c.columns("logits"), row, label(c, "label", row),
                    number(params, "gamma"), flag(params, "alpha") ? c.vector("class_alpha") : null);
            case "multi_margin" -> MultiMargin.of(c.columns("logits"), row, label(c, "label", row),
                    (int) number(params, "p"), number(params, "margin"), weights(c, params));
            case "distillation" -> Distillation.of(c.columns("logits"), c.columns("teacher"), row,
                    label(c, "label", row), number(params, "alpha"), number(params, "temperature"));
            case "contrastive" -> Contrastive.fromDistance(c.column("d")[row], c.column("y")[row],
                    number(params, "margin"), flag(params, "similar_is_one"));
            case "contrastive_emb" -> Contrastive.fromEmbeddings(c.columns("x1"), c.columns("x2"), row,
                    c.column("y")[row], number(params, "margin"), flag(params, "similar_is_one"));
            case "triplet" -> Triplet.of(c.columns("anchor"), c.columns("positive"), c.columns("negative"), row,
                    number(params, "margin"), number(params, "p"), number(params, "eps"), flag(params, "swap"));
            case "pairwise_distance" -> Distances.pairwise(c.columns("x1"), c.columns("x2"), row, number(params, "p"),
                    number(params, "eps"));
            case "euclidean" -> Distances.euclidean(c.columns("x1"), c.columns("x2"), row);
            case "infonce" -> InfoNce.of(c.columns("sims"), row, number(params, "temperature"));
            default -> throw new IllegalArgumentException("no function for fixture loss " + loss);
        };
    }

    /** The per-row weight PyTorch's mean divides by: w[y] (0 if ignored) for integer-label CE, else 1. */
    static double denominator(ClassificationFixtures.Case c, String loss, Map<String, String> params, int row) {
        return switch (loss) {
            case "ce", "ce_prob" -> CrossEntropy.denominator(label(c, "label_ignore", row), weights(c, params),
                    CrossEntropy.DEFAULT_IGNORE_INDEX);
            default -> 1.0;
        };
    }

    static int label(ClassificationFixtures.Case c, String field, int row) {
        return (int) c.column(field)[row];
    }

    private static double[] weights(ClassificationFixtures.Case c, Map<String, String> params) {
        return flag(params, "weighted") ? c.vector("class_weight") : null;
    }

    private static double number(Map<String, String> params, String key) {
        String v = params.get(key);
        if (v == null) throw new IllegalArgumentException("fixture parameter " + key + " missing in " + params);
        return Double.parseDouble(v);
    }

    private static boolean flag(Map<String, String> params, String key) {
        return number(params, key) != 0;
    }
}
