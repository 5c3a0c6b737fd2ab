package org.losseval.report;

/**
 * The candidate against its baseline on the same rows. Null in {@link Report} when the run compares
 * nothing. (Skeleton: the comparison work fills in its figures.)
 */
public record ComparisonReport() {
}
