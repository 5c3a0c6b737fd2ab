package org.losseval.loss;

import java.util.function.ToIntFunction;
import org.losseval.loss.math.RowChecks;

/**
 * The row checks shared by the classification and embedding losses, as {@link RowProblem}s with the reasons
 * of {@link RowChecks} (constants, so that skip counts group). Each returns null when the row is valid.
 */
final class Checks {
    private Checks() {}

    /** A hinge label must be −1, 0 or 1 (0 and −1 both mean the negative class). */
    static final String NOT_A_SIGNED_LABEL = "label not -1, 0 or 1";

    /** A pair distance must not be negative. */
    static final String NEGATIVE_DISTANCE = "negative distance";

    /** The column counts of the roles bound in a batch; 0 for a role not given (see {@link RowLoss#formProblem}). */
    static ToIntFunction<Role> columns(LossInputs inputs) {
        return role -> inputs.has(role) ? inputs.group(role).length : 0;
    }

    /** {@link RowLoss#formProblem} of the batch's binding, reported on column 0 of {@code role}. */
    static RowProblem form(RowLoss loss, LossInputs inputs, Role role) {
        String problem = loss.formProblem(columns(inputs));
        return problem == null ? null : new RowProblem(role, 0, problem);
    }

    /** The label of row i (in --target) is 0 or 1. */
    static RowProblem binaryLabel(LossInputs inputs, int i) {
        return problem(Role.TARGET, RowChecks.binaryLabel(inputs.column(Role.TARGET)[i]));
    }

    /** The label of row i is −1, 0 or 1. */
    static RowProblem signedLabel(LossInputs inputs, int i) {
        double y = inputs.column(Role.TARGET)[i];
        return y == -1 || y == 0 || y == 1 ? null : new RowProblem(Role.TARGET, 0, NOT_A_SIGNED_LABEL);
    }

    /** The label of row i is an integer in [0, classes), or exactly {@code ignoreIndex}. */
    static RowProblem classLabel(LossInputs inputs, int i, int classes, int ignoreIndex) {
        return problem(Role.TARGET, RowChecks.classLabel(inputs.column(Role.TARGET)[i], classes, ignoreIndex));
    }

    /** The label of row i is an integer in [0, classes) (no ignore_index). */
    static RowProblem classLabel(LossInputs inputs, int i, int classes) {
        double y = inputs.column(Role.TARGET)[i];
        // -1 is never a class, so RowChecks' ignore_index branch cannot accept a y >= 0 that is not a class
        return problem(Role.TARGET, y >= 0 ? RowChecks.classLabel(y, classes, -1) : RowChecks.NOT_A_CLASS);
    }

    /** The value of the single-column {@code role} in row i is a probability. */
    static RowProblem probability(LossInputs inputs, Role role, int i) {
        return problem(role, RowChecks.probability(inputs.column(role)[i]));
    }

    /** Every column of the group {@code role} in row i is a probability. */
    static RowProblem probabilities(LossInputs inputs, Role role, int i) {
        int c = RowChecks.firstNonProbability(inputs.group(role), i);
        return c < 0 ? null : new RowProblem(role, c, RowChecks.NOT_A_PROBABILITY);
    }

    /** No column of the target distribution (--target-probs) in row i is negative. */
    static RowProblem targetDistribution(LossInputs inputs, int i) {
        int c = RowChecks.firstNegative(inputs.group(Role.TARGET_PROBS), i);
        return c < 0 ? null : new RowProblem(Role.TARGET_PROBS, c, RowChecks.NEGATIVE_PROBABILITY);
    }

    /** "--logits has 10 columns but --teacher-logits has 9", or null when both have {@code expected}. */
    static String sameColumns(ToIntFunction<Role> columns, Role reference, Role other) {
        int expected = columns.applyAsInt(reference), actual = columns.applyAsInt(other);
        return expected == actual ? null : reference.option() + " has " + expected + " column" + (expected == 1 ? "" : "s")
                + " but " + other.option() + " has " + actual;
    }

    /** "weight has 3 values but --logits has 10 columns", or null when the list is absent or its size fits. */
    static String listSize(String listName, double[] values, ToIntFunction<Role> columns, Role classes) {
        int c = columns.applyAsInt(classes);
        return values == null || values.length == c ? null : listName + " has " + values.length + " value"
                + (values.length == 1 ? "" : "s") + " but " + classes.option() + " has " + c + " column" + (c == 1 ? "" : "s");
    }

    /** "--logits must be one column for a binary loss, got 2", or null. */
    static String oneColumn(ToIntFunction<Role> columns, Role role) {
        int c = columns.applyAsInt(role);
        return c == 0 || c == 1 ? null : role.option() + " must be one column for a binary loss, got " + c;
    }

    private static RowProblem problem(Role role, String reason) {
        return reason == null ? null : new RowProblem(role, 0, reason);
    }
}
