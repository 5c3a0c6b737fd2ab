package org.losseval.accumulate;

import java.util.List;

/**
 * What a {@link ContributionState} reports and how much memory it may hold per row.
 *
 * @param topK              the k of "share of the worst k rows" (--top)
 * @param topFractions      the fractions of "share of the worst fraction of rows" (--top-fraction), each in (0, 1]
 * @param worstRows         how many worst rows to list (--worst)
 * @param outlierFactor     a row is a robust outlier when |r - median(r)| &gt; factor &times; 1.4826 &times; MAD
 * @param exactBudgetBytes  the memory the row store may use before it switches to its bounded
 *                          summary; 0 summarizes from the first row
 */
public record ContributionSettings(int topK, List<Double> topFractions, int worstRows, double outlierFactor,
                                   long exactBudgetBytes) {
    /** 256 MiB: with one loss (16 bytes a row) the figures stay exact up to 16.7 million rows. */
    public static final long DEFAULT_EXACT_BUDGET_BYTES = 256L << 20;

    public ContributionSettings {
        if (topK < 1) throw new IllegalArgumentException("top k must be at least 1: " + topK);
        topFractions = List.copyOf(topFractions);
        for (double f : topFractions) {
            if (!(f > 0 && f <= 1)) throw new IllegalArgumentException("a top fraction must be in (0, 1]: " + f);
        }
        if (worstRows < 0) throw new IllegalArgumentException("worst rows must not be negative: " + worstRows);
        if (!(outlierFactor > 0) || Double.isInfinite(outlierFactor)) {
            throw new IllegalArgumentException("the outlier factor must be positive and finite: " + outlierFactor);
        }
        if (exactBudgetBytes < 0) throw new IllegalArgumentException("the memory budget must not be negative");
    }

    /** --top 5, --top-fraction 0.01 and 0.05, --worst 5, factor 3, 256 MiB. */
    public static ContributionSettings defaults() {
        return new ContributionSettings(5, List.of(0.01, 0.05), 5, 3.0, DEFAULT_EXACT_BUDGET_BYTES);
    }

    /** The same settings with another memory budget. */
    public ContributionSettings withExactBudgetBytes(long bytes) {
        return new ContributionSettings(topK, topFractions, worstRows, outlierFactor, bytes);
    }
}
