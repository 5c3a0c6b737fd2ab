package org.losseval.report;

import java.util.List;

/**
 * How the labels of a classification split into classes.
 *
 * @param counts rows per class, class 0 first
 */
public record ClassBalance(List<Long> counts) {
    public ClassBalance {
        counts = List.copyOf(counts);
    }

    public long rows() {
        long n = 0;
        for (long c : counts) n += c;
        return n;
    }

    /** The class with the fewest rows (the lower class on a tie). */
    public int rarest() {
        int rarest = 0;
        for (int k = 1; k < counts.size(); k++) {
            if (counts.get(k) < counts.get(rarest)) rarest = k;
        }
        return rarest;
    }

    /** The rarest class's share of the rows. */
    public double rarestShare() { return counts.get(rarest()) / (double) rows(); }
}
