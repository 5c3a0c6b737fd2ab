package org.losseval.report;

/** A confidence interval [low, high] of a proportion at the given level (e.g. 0.95); NaN ends without data. */
public record ConfidenceInterval(double level, double low, double high) {}
