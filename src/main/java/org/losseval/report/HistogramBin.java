package org.losseval.report;

/**
 * One bin of a {@link ResidualHistogram}: {@code count} residuals r between {@code low} and {@code high}.
 * A bin of positive r holds [low, high), one of negative r (low, high], the central bin around zero
 * (-high, high) with zero inside, and a bin with {@code low == high} (zero) exactly that value.
 */
public record HistogramBin(double low, double high, long count) {}
