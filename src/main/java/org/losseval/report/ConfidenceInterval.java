package org.losseval.report;

/** A two-sided confidence interval [low, high] (of a proportion, a mean, a difference) at the given level (e.g. 0.95); NaN ends without data. */
public record ConfidenceInterval(double level, double low, double high) {}
