package org.losseval.report;

/** What the rows of a paired comparison say about one figure: the inference on Δ (null when it has none) and the win counts. */
public record PairedFigures(DifferenceInference inference, WinCounts wins) {}
