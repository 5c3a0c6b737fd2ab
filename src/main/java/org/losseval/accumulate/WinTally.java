package org.losseval.accumulate;

import org.losseval.report.WinCounts;

/**
 * Counts rows where the candidate's row loss is lower, equal or higher than the baseline's. Batch view: the
 * two row-loss arrays and the row weights (rows of weight 0 are not covered and not counted; null: every row
 * counts). Weights count rows in or out but do not weigh them: a win rate is a share of rows. Every tally
 * combines with every other. Cost: three counts. Not thread-safe.
 */
public final class WinTally implements MergeableState<WinTally, WinCounts> {
    private long wins;
    private long ties;
    private long losses;

    public void accept(double[] candidate, double[] baseline, double[] weight, int n) {
        for (int i = 0; i < n; i++) {
            if (weight != null && weight[i] == 0) continue;
            double c = candidate[i];
            double b = baseline[i];
            if (c < b) wins++;
            else if (c == b) ties++;
            else losses++;
        }
    }

    @Override
    public void combine(WinTally other) {
        wins += other.wins;
        ties += other.ties;
        losses += other.losses;
    }

    @Override
    public WinCounts result() { return new WinCounts(wins, ties, losses); }
}
