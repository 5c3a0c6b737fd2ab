package org.losseval.loss;

/**
 * Why a row cannot be evaluated by a loss although all its values are finite numbers.
 *
 * @param role   the input at fault
 * @param column the index within a group role (0 for a single role)
 * @param reason the skip reason and message text, e.g. "label 7 outside the 5 classes"
 */
public record RowProblem(Role role, int column, String reason) {}
