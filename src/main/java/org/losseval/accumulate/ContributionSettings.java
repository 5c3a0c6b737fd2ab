package org.losseval.accumulate;

import java.util.List;
import org.losseval.text.Numbers;

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
    /** The largest budget in MiB whose byte count fits in a long. */
    public static final long MAX_EXACT_BUDGET_MIB = Long.MAX_VALUE >> 20;

    /*
     * These checks are the only ones for these settings: the command line does not repeat them but shows
     * the message as a usage error, so each message names the option that sets the value.
     */
    public ContributionSettings {
        if (topK < 1) throw new IllegalArgumentException("--top must be at least 1, got " + topK);
        topFractions = List.copyOf(topFractions);
        for (double f : topFractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("--top-fraction must be in (0, 1], got " + Numbers.exact(f));
            }
        }
        if (worstRows < 0) throw new IllegalArgumentException("--worst must not be negative, got " + worstRows);
        if (!(outlierFactor > 0) || Double.isInfinite(outlierFactor)) {
            throw new IllegalArgumentException("--outlier-factor must be a finite positive number, got "
                    + Numbers.exact(outlierFactor));
        }
        if (exactBudgetBytes < 0) {
            throw new IllegalArgumentException("--exact-budget must not be negative, got " + exactBudgetBytes + " bytes");
        }
    }

    /**
     * A budget given in MiB (--exact-budget), in bytes.
     *
     * @throws IllegalArgumentException when {@code mebibytes} is negative or its bytes overflow a long
     */
    public static long budgetBytes(long mebibytes) {
        if (mebibytes < 0 || mebibytes > MAX_EXACT_BUDGET_MIB) {
            throw new IllegalArgumentException("--exact-budget must be a number of MiB from 0 to "
                    + MAX_EXACT_BUDGET_MIB + ", got " + mebibytes);
        }
        return mebibytes << 20;
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
