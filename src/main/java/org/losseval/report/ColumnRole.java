package org.losseval.report;

/**
 * A column read for a role.
 *
 * @param role   "pred", "target" or "weight"
 * @param column the column name in the inputs
 */
public record ColumnRole(String role, String column) {}
