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
 *                          summary; 0 summarizes from the first row. A run uses at most
 *                          {@link #heapCappedBudget a quarter of the heap} whatever is asked.
 *
 * <p>Memory that follows a number the user typed: the worst-row heap of each loss keeps max(topK,
 * worstRows) rows, but grows with the rows seen (never beyond them), so --top 100000 on a three-row file
 * holds three rows. Each row kept costs about 100 bytes per loss (a {@code WorstRow} and its slot), so
 * both values are capped at {@link #MAX_KEPT_ROWS}: at most about 10 MiB per loss, outside the exact budget.
 */
public record ContributionSettings(int topK, List<Double> topFractions, int worstRows, double outlierFactor,
                                   long exactBudgetBytes) {
    /** 256 MiB: with one loss (16 bytes a row) the figures stay exact up to 16.7 million rows. */
    public static final long DEFAULT_EXACT_BUDGET_BYTES = 256L << 20;
    /**
     * The most rows --top and --worst may ask for: a worst-row list longer than this is no report for people,
     * and a share of more rows is what --top-fraction is for. Keeps a loss's heap within about 10 MiB.
     */
    public static final int MAX_KEPT_ROWS = 100_000;
    /**
     * The exact budget is capped at maxMemory / this: the row store is charged its budget, a figure copies a
     * column while it runs (up to half the budget more, with one loss), and the batches in flight, the
     * worst-row heaps and the summaries need the rest. A quarter is also the JVM's default heap as a share of
     * RAM, so the default budget (256 MiB) is unchanged on the JVM's default heap of a machine with 4 GiB.
     */
    public static final int HEAP_SHARE_DIVISOR = 4;
    /** The largest budget in MiB whose byte count fits in a long. */
    public static final long MAX_EXACT_BUDGET_MIB = Long.MAX_VALUE >> 20;

    /*
     * These checks are the only ones for these settings: the command line does not repeat them but shows
     * the message as a usage error, so each message names the option that sets the value.
     */
    public ContributionSettings {
        if (topK < 1) throw new IllegalArgumentException("--top must be at least 1, got " + topK);
        if (topK > MAX_KEPT_ROWS) {
            throw new IllegalArgumentException("--top must be at most " + MAX_KEPT_ROWS + ", got " + topK
                    + " (--top-fraction gives the share of a larger set of rows)");
        }
        topFractions = List.copyOf(topFractions);
        for (double f : topFractions) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("--top-fraction must be in (0, 1], got " + Numbers.exact(f));
            }
        }
        if (worstRows < 0) throw new IllegalArgumentException("--worst must not be negative, got " + worstRows);
        if (worstRows > MAX_KEPT_ROWS) {
            throw new IllegalArgumentException("--worst must be at most " + MAX_KEPT_ROWS + ", got " + worstRows);
        }
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

    /**
     * The budget a run may use on a heap of {@code maxHeapBytes} ({@link Runtime#maxMemory()}): the one asked
     * for, but at most a {@linkplain #HEAP_SHARE_DIVISOR quarter} of the heap, so a small heap folds into the
     * bounded summary (brackets) instead of running out of memory. Example: -Xmx24m gives 6 MiB (one loss:
     * 393,216 rows exact); the default 256 MiB needs a heap of 1 GiB.
     */
    public static long heapCappedBudget(long requestedBytes, long maxHeapBytes) {
        if (requestedBytes < 0 || maxHeapBytes < 0) {
            throw new IllegalArgumentException("negative bytes: " + requestedBytes + ", " + maxHeapBytes);
        }
        return Math.min(requestedBytes, maxHeapBytes / HEAP_SHARE_DIVISOR);
    }

    /** These settings with the budget {@linkplain #heapCappedBudget capped} by a heap of {@code maxHeapBytes}. */
    public ContributionSettings cappedByHeap(long maxHeapBytes) {
        long capped = heapCappedBudget(exactBudgetBytes, maxHeapBytes);
        return capped == exactBudgetBytes ? this : withExactBudgetBytes(capped);
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
