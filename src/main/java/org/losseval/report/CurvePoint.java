package org.losseval.report;

/**
 * One point of a loss-concentration curve: the worst {@code rows} rows (a {@code fraction} = rows / n of
 * all rows) hold {@code share} of the loss's total. A bracket beyond the exact-memory budget, as for
 * {@link FractionShare}; NaN when the shares are undefined.
 */
public record CurvePoint(long rows, double fraction, Range share) {}
