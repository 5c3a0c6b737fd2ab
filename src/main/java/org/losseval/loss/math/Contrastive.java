package org.losseval.loss.math;

/**
 * Contrastive loss of a pair (Hadsell, Chopra, LeCun 2006), in the seed's form and label convention
 * (0 = similar, 1 = dissimilar):
 * <pre>
 *   loss = (1 − y)·½·d² + y·½·max(0, m − d)²
 * </pre>
 * A similar pair is pulled together (any distance costs), a dissimilar pair only costs while closer than
 * the margin m. {@code similarIsOne = true} flips the convention (y = 1 similar), as some libraries
 * use. The distance is given, or is the Euclidean distance of two embedding rows
 * ({@link Distances#euclidean}, no eps). PyTorch has no built-in; the reference is these torch ops.
 */
public final class Contrastive {
    private Contrastive() {}

    /** From a distance {@code d ≥ 0} and a label (0/1 in the chosen convention). */
    public static double fromDistance(double distance, double label, double margin, boolean similarIsOne) {
        double dissimilar = similarIsOne ? 1 - label : label;
        double loss = 0;
        if (dissimilar != 1) loss += (1 - dissimilar) * 0.5 * distance * distance;
        if (dissimilar != 0) {
            double gap = Math.max(0, margin - distance);
            loss += dissimilar * 0.5 * gap * gap;
        }
        return loss;
    }

    /** From two embedding rows, {@code d = ‖x1 − x2‖₂}. */
    public static double fromEmbeddings(double[][] x1, double[][] x2, int row, double label, double margin,
                                        boolean similarIsOne) {
        return fromDistance(Distances.euclidean(x1, x2, row), label, margin, similarIsOne);
    }
}
