package org.losseval.loss.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Conventions and edge cases of the embedding losses beyond the reference fixtures. */
class EmbeddingLossesTest {

    private static final double FEW_ULPS = 1e-15;

    private static double[][] rowOf(double... values) {
        double[][] cols = new double[values.length][1];
        for (int k = 0; k < values.length; k++) cols[k][0] = values[k];
        return cols;
    }

    @Test
    void contrastiveConventions() {
        // seed: y = 0 similar pulls together (½ d²), y = 1 dissimilar pushes until the margin (½ max(0, m - d)²)
        assertEquals(0.5 * 0.3 * 0.3, Contrastive.fromDistance(0.3, 0, 1, false), FEW_ULPS);
        assertEquals(0.5 * 0.7 * 0.7, Contrastive.fromDistance(0.3, 1, 1, false), FEW_ULPS);
        assertEquals(0.0, Contrastive.fromDistance(1.5, 1, 1, false));
        // the flipped convention swaps the roles
        assertEquals(Contrastive.fromDistance(0.3, 0, 1, false), Contrastive.fromDistance(0.3, 1, 1, true));
        assertEquals(Contrastive.fromDistance(0.3, 1, 1, false), Contrastive.fromDistance(0.3, 0, 1, true));
        // from embeddings: d = 5 for a 3-4-5 triangle
        assertEquals(12.5, Contrastive.fromEmbeddings(rowOf(3, 0), rowOf(0, 4), 0, 0, 1, false));
    }

    @Test
    void euclideanSurvivesOverflowAndUnderflowOfTheSquares() {
        // sqrt(5)·1e200 and sqrt(5)·1e-200: the plain sum of squares gives inf and 0
        assertEquals(Math.sqrt(5) * 1e200, Distances.euclidean(rowOf(1e200, 2e200), rowOf(0, 0), 0), 1e-15 * 2.3e200);
        assertEquals(Math.sqrt(5) * 1e-200, Distances.euclidean(rowOf(1e-200, 2e-200), rowOf(0, 0), 0), 1e-15 * 2.3e-200);
        assertEquals(0.0, Distances.euclidean(rowOf(1, 2), rowOf(1, 2), 0));
    }

    @Test
    void pairwiseDistanceAddsEpsToTheDifference() {
        // PyTorch: F.pairwise_distance(x, x) = eps·sqrt(D), not 0; and the order of the arguments matters
        double[][] x = rowOf(1, 2, 3, 4);
        assertEquals(1e-6 * 2, Distances.pairwise(x, x, 0, 2, 1e-6), 1e-21);
        assertEquals(4e-6, Distances.pairwise(x, x, 0, 1, 1e-6), 1e-21);
        double[][] a = rowOf(0.5), b = rowOf(0.0);
        assertEquals(0.5 + 1e-6, Distances.pairwise(a, b, 0, 2, 1e-6), FEW_ULPS);
        assertEquals(0.5 - 1e-6, Distances.pairwise(b, a, 0, 2, 1e-6), FEW_ULPS);
    }

    @Test
    void tripletSwapUsesTheCloserOfTheTwoNegativeDistances() {
        double[][] anchor = rowOf(0, 0), positive = rowOf(1, 0), negative = rowOf(2, 0);
        // d(a, p) = 1, d(a, n) = 2, d(p, n) = 1 (eps 0): without swap max(1 + 1 - 2, 0) = 0, with swap 1 + 1 - 1 = 1
        assertEquals(0.0, Triplet.of(anchor, positive, negative, 0, 1, 2, 0, false));
        assertEquals(1.0, Triplet.of(anchor, positive, negative, 0, 1, 2, 0, true));
    }

    @Test
    void infoNceIncludesThePositiveInTheDenominator() {
        // one positive and one negative, both 0: -log(1 / 2) = log 2 (the seed's negatives-only form gives 0)
        assertEquals(Math.log(2), InfoNce.of(rowOf(0, 0), 0, 0.07), FEW_ULPS);
        // equal to cross-entropy with label 0 over the similarities / τ
        double[][] sims = rowOf(0.9, 0.1, -0.3, 0.8);
        double[][] scaled = rowOf(0.9 / 0.5, 0.1 / 0.5, -0.3 / 0.5, 0.8 / 0.5);
        assertEquals(CrossEntropy.fromLogits(scaled, 0, 0), InfoNce.of(sims, 0, 0.5), FEW_ULPS);
    }
}
