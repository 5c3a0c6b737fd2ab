package org.losseval.report;

/**
 * The share of a loss's total contributed by its worst {@code rows} rows, {@code rows = ceil(fraction × n)}
 * (at least 1), with the fraction read as the decimal the user typed (so 0.07 of 100 rows is 7 rows).
 */
public record FractionShare(double fraction, long rows, Range share) {}
