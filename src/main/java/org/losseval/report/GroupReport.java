package org.losseval.report;

/**
 * The figures of each --group-by group. Null in {@link Report} without --group-by. (Skeleton: the groups
 * work fills in its figures.)
 */
public record GroupReport() {
}
