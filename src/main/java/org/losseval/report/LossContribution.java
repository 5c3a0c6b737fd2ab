package org.losseval.report;

import java.util.List;

/**
 * How concentrated one loss is. A share is a row set's part of {@code total}, the exact sum of the row
 * contributions weight &times; loss. Shares are NaN (undefined, so a gate on them fails) when there are no
 * rows, when the total is not positive, or when some contribution is negative or not finite
 * ({@code undefinedRows} counts those).
 *
 * @param total         the exact sum of contributions
 * @param shareTop1     the worst row's share (always exact)
 * @param topK          the k of {@code shareTopK}
 * @param shareTopK     the worst k rows' share (always exact)
 * @param topFractions  the worst fractions' shares, in the order of the settings
 * @param worstRows     the worst rows, worst first, ties to the smaller (source, row)
 * @param outlierShare  the robust outliers' share ({@link OutlierResult})
 * @param curve         the concentration curve: the share of the worst rows at fixed fractions from one row
 *                      to all of them, in increasing rows; empty without rows
 */
public record LossContribution(String loss, double total, double shareTop1, int topK, double shareTopK,
                               List<FractionShare> topFractions, List<WorstRow> worstRows, Range outlierShare,
                               long undefinedRows, List<CurvePoint> curve) {
    public LossContribution {
        topFractions = List.copyOf(topFractions);
        worstRows = List.copyOf(worstRows);
        curve = List.copyOf(curve);
    }

    /** A contribution without a concentration curve (reports built by hand in tests). */
    public LossContribution(String loss, double total, double shareTop1, int topK, double shareTopK,
                            List<FractionShare> topFractions, List<WorstRow> worstRows, Range outlierShare,
                            long undefinedRows) {
        this(loss, total, shareTop1, topK, shareTopK, topFractions, worstRows, outlierShare, undefinedRows, List.of());
    }
}
