package org.losseval.accumulate;

/**
 * Working arrays that states fill and read within one {@code accept}, kept between calls so an ordinary
 * batch allocates nothing. A state makes its own; the states of all {@code --group-by} groups share one
 * ({@link GroupState}), since a run's groups are fed one after the other on one thread: else each of
 * 10,000 groups would keep arrays of the largest batch it ever saw (up to 256 KiB per loss). Each user has
 * its own slot, so states sharing a scratch never overwrite each other's arrays within one accept. Not
 * thread-safe.
 */
final class Scratch {
    static final int LOSS_VALUES = 0;
    static final int LOSS_OWN_WEIGHTS = 1;
    static final int LOSS_WEIGHTS = 2;
    static final int LOSS_PRODUCTS = 3;
    static final int LOSS_WEIGHTED_VALUES = 4;
    static final int QUANTILE = 5;
    static final int INTERVAL = 6;
    static final int MEAN_SQUARES = 7;
    static final int MEAN_SQUARE_ERRORS = 8;
    private static final int SLOTS = 9;

    private final double[][] doubles = new double[SLOTS][0];
    private boolean[] booleans = new boolean[0];

    /** The array of {@code slot}, at least {@code n} long; its contents are whatever was left there. */
    double[] doubles(int slot, int n) {
        if (doubles[slot].length < n) doubles[slot] = new double[n];
        return doubles[slot];
    }

    /** A boolean array at least {@code n} long. */
    boolean[] booleans(int n) {
        if (booleans.length < n) booleans = new boolean[n];
        return booleans;
    }
}
