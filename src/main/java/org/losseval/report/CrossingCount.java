package org.losseval.report;

/**
 * How many rows' quantile predictions cross (computed by {@code accumulate.QuantileCrossings}).
 *
 * @param rows    rows compared
 * @param crossed rows where a lower level's prediction is above a higher level's
 */
public record CrossingCount(long rows, long crossed) {}
