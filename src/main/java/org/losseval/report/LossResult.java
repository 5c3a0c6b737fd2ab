package org.losseval.report;

import java.util.List;
import java.util.Map;

/**
 * The value of one loss over some rows.
 *
 * @param label          the label given with {@code -l label=SPEC}, or null
 * @param spec           the normalized spec, e.g. "huber:delta=15" (for a data-resolved parameter the
 *                       spec as requested, e.g. "huber:delta=mad")
 * @param name           the canonical loss name
 * @param params         every parameter with its resolved value, defaults included
 * @param resolvedParams the parameters whose value was resolved from the data (e.g. "delta" for
 *                       delta=mad); empty otherwise
 * @param value          the loss: the weighted mean of the row losses (or its finish, e.g. the square
 *                       root for rmse); NaN when no row was used
 * @param count          rows it covers
 * @param weightSum      the sum of weights it covers (equal to count without --weight)
 * @param clamped        rows whose loss was clamped (bce from probabilities clamps each log at -100)
 */
public record LossResult(String label, String spec, String name, Map<String, Double> params,
                         List<String> resolvedParams, double value, long count, double weightSum, long clamped) {
    /** How figures and reports name this loss: its label, or else its spec. */
    public String key() { return FigureNames.lossKey(label, spec); }

    public LossResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        resolvedParams = List.copyOf(resolvedParams);
    }
}
