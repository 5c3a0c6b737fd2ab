package org.losseval.loss;

/**
 * A loss as requested on the command line.
 *
 * @param label the label given as {@code -l label=SPEC}, or null
 * @param loss  the parsed loss
 */
public record LossRequest(String label, Loss loss) {}
