package org.losseval.app;

import org.losseval.accumulate.Levels;
import org.losseval.text.Numbers;

import java.util.List;

/**
 * A prediction interval ({@code --interval LOWER:UPPER[@nominal]}).
 *
 * @param lower   the lower-bound column
 * @param upper   the upper-bound column
 * @param nominal the nominal coverage in (0, 1), or null to derive it from the bounds' --quantile levels
 */
public record IntervalColumns(String lower, String upper, Double nominal) {
    public IntervalColumns {
        if (nominal != null) Levels.nominalCoverage(nominal);
    }

    /** "p10:p90" */
    public String name() { return lower + ":" + upper; }

    /**
     * The nominal coverage: as given, or the difference of the bounds' quantile levels when both are
     * --quantile columns.
     *
     * @throws InvalidRequestException when it is neither given nor derivable
     */
    public double resolveNominal(List<QuantileColumn> quantiles) throws InvalidRequestException {
        if (nominal != null) return nominal;
        Double low = levelOf(lower, quantiles);
        Double high = levelOf(upper, quantiles);
        if (low == null || high == null) {
            throw new InvalidRequestException("--interval " + name() + " needs a nominal coverage (" + name()
                    + "@0.8), or both bounds given as --quantile columns");
        }
        if (!(high > low)) {
            throw new InvalidRequestException("--interval " + name() + ": the upper bound's level (" + Numbers.exact(high)
                    + ") must exceed the lower bound's (" + Numbers.exact(low) + ")");
        }
        return high - low;
    }

    /** Whether the nominal coverage comes from the quantile levels. */
    public boolean nominalFromQuantiles() { return nominal == null; }

    private static Double levelOf(String column, List<QuantileColumn> quantiles) {
        for (QuantileColumn q : quantiles) {
            if (q.column().equals(column)) return q.level();
        }
        return null;
    }
}
