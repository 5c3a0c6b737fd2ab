package org.losseval.loss.math;

/**
 * Input checks for the classification and embedding losses. Each returns {@code null} when the value is
 * valid, or a short reason that the report counts under {@code --skip-invalid} (the reasons are constants
 * so that counts group). Row checks return the index of the first offending column, or −1. Non-finite
 * values are the readers' business, but NaN fails every check here too.
 */
public final class RowChecks {
    private RowChecks() {}

    public static final String NOT_A_PROBABILITY = "probability outside [0, 1]";
    public static final String NOT_A_BINARY_LABEL = "label not 0 or 1";
    public static final String NOT_A_CLASS = "label not a class index";
    public static final String NEGATIVE_PROBABILITY = "negative target probability";

    /** p must lie in [0, 1]. */
    public static String probability(double p) {
        return p >= 0 && p <= 1 ? null : NOT_A_PROBABILITY;
    }

    /** A binary label must be exactly 0 or 1. */
    public static String binaryLabel(double y) {
        return y == 0 || y == 1 ? null : NOT_A_BINARY_LABEL;
    }

    /** A class label must be an integer in [0, classes), or exactly {@code ignoreIndex}. */
    public static String classLabel(double y, int classes, int ignoreIndex) {
        if (y == ignoreIndex) return null;
        return y >= 0 && y < classes && y == Math.rint(y) ? null : NOT_A_CLASS;
    }

    /** The first column whose value is outside [0, 1] (or NaN), or −1: for rows of predicted probabilities. */
    public static int firstNonProbability(double[][] cols, int row) {
        for (int c = 0; c < cols.length; c++) {
            if (!(cols[c][row] >= 0 && cols[c][row] <= 1)) return c;
        }
        return -1;
    }

    /** The first column whose value is negative (or NaN), or −1: for target distributions, which PyTorch does not normalize. */
    public static int firstNegative(double[][] cols, int row) {
        for (int c = 0; c < cols.length; c++) {
            if (!(cols[c][row] >= 0)) return c;
        }
        return -1;
    }
}
