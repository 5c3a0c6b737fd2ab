package org.losseval.loss;

/**
 * A loss computed row by row and reduced by a weighted mean: {@code finish(Σ w·l / Σ w)}, where w is the
 * sample weight times the loss's own row weight (a class weight, or 0 for an ignored row).
 */
public interface RowLoss extends Loss {

    /**
     * The loss of every row, written to {@code out[0, n)}.
     *
     * @return how many rows had a term clamped (bce from probabilities clamps log at -100, as PyTorch)
     */
    int rowLosses(LossInputs inputs, double[] out, int n);

    /** Whether this loss weighs rows itself ({@link #rowWeights}). */
    default boolean weighsRows() { return false; }

    /** The loss's own weight of every row (1 unless {@link #weighsRows()}); 0 means the row is not covered. */
    default void rowWeights(LossInputs inputs, double[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 1.0);
    }

    /** The reason row {@code i} cannot be evaluated although its values are finite, or null. */
    default RowProblem check(LossInputs inputs, int i) { return null; }

    /** Turns the weighted mean of the row losses into the reported value (rmse takes the square root). */
    default double finish(double meanRowLoss) { return meanRowLoss; }
}
