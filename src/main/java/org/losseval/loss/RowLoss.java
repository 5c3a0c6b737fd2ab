package org.losseval.loss;

import java.util.function.ToIntFunction;

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

    /**
     * Why this loss cannot read the inputs of this run as they are bound, or null: column counts that do not
     * fit (2 logit columns for a binary loss, 9 teacher columns for 10 classes, 3 class weights for 10
     * classes) or a parameter that the input form in use does not support (bce's pos_weight with
     * probabilities). Column counts are fixed once an input's column groups are resolved, so the evaluator
     * should call this once per input, right after binding its roles, and fail with this message;
     * {@link #check} repeats it for every row (a few int comparisons) so that a mismatch never reaches the
     * per-row math even where the evaluator does not.
     *
     * @param columns the number of columns bound to a role, 0 for a role that was not given
     */
    default String formProblem(ToIntFunction<Role> columns) { return null; }

    /** The reason row {@code i} cannot be evaluated although its values are finite, or null. */
    default RowProblem check(LossInputs inputs, int i) { return null; }

    /**
     * Whether {@link #check} can find anything, so a loss whose domain is every finite value costs the
     * validator nothing per row.
     */
    default boolean checksRows() { return true; }

    /** Turns the weighted mean of the row losses into the reported value (rmse takes the square root). */
    default double finish(double meanRowLoss) { return meanRowLoss; }

    /**
     * Whether {@link #finish} is not the identity (rmse's square root): the loss is then a function of a mean
     * rather than a mean, and a paired comparison bootstraps it instead of using the paired t interval.
     */
    default boolean transformsMean() { return false; }
}
