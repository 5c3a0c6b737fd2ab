package org.losseval.report;

/**
 * One bin of a {@link ReliabilityDiagram}: the {@code count} rows whose predicted probability lies in
 * (low, high] (the first bin includes 0), their mean predicted probability and the observed frequency of
 * the event; both NaN for an empty bin.
 */
public record ReliabilityBin(double low, double high, long count, double meanPredicted, double observed) {}
