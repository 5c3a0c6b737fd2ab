package org.losseval.report;

import java.util.List;

/**
 * Predicted probability against observed frequency, in fixed bins: a classifier is calibrated when each
 * bin's observed frequency equals its mean predicted probability.
 *
 * @param kind {@link #BINARY}: the probability of class 1 (the sigmoid of the one logit column) against the
 *             frequency of label 1; {@link #TOP_LABEL}: the largest class probability (softmax of the logits)
 *             against how often that class is the label (rows whose label is no class are not counted)
 * @param rows the rows counted (the sum of the bins' counts)
 * @param bins {@code BINS} equal-width bins of [0, 1], in order
 */
public record ReliabilityDiagram(String kind, long rows, List<ReliabilityBin> bins) {
    public static final String BINARY = "binary";
    public static final String TOP_LABEL = "top_label";

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }
}
