package org.losseval.report;

/**
 * Rows where the candidate's row loss is lower than the baseline's (wins), equal (ties) or higher (losses),
 * over the rows a figure covers.
 */
public record WinCounts(long wins, long ties, long losses) {
    public long rows() { return wins + ties + losses; }

    /** wins / rows; NaN without rows. */
    public double winRate() { return rows() == 0 ? Double.NaN : (double) wins / rows(); }

    /** ties / rows; NaN without rows. */
    public double tieRate() { return rows() == 0 ? Double.NaN : (double) ties / rows(); }
}
